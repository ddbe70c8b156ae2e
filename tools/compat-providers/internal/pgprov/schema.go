package pgprov

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type schemaResource struct{ base }

func newSchemaResource() resource.Resource { return &schemaResource{} }

type schemaModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Database    types.String `tfsdk:"database"`
	Owner       types.String `tfsdk:"owner"`
	IfNotExists types.Bool   `tfsdk:"if_not_exists"`
	DropCascade types.Bool   `tfsdk:"drop_cascade"`
}

func (r *schemaResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_schema"
}

// databaseAttribute is the optional, computed database most resources have (default: the
// provider's database); changing it replaces the resource.
func databaseAttribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Description: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}}
}

func (r *schemaResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("Creates and manages a schema within a PostgreSQL database."),
		Attributes: map[string]schema.Attribute{
			"id":       idAttribute("name"),
			"name":     schema.StringAttribute{Required: true, Description: "The name of the schema"},
			"database": databaseAttribute("The database name to alter schema"),
			"owner": schema.StringAttribute{Optional: true, Computed: true, Description: "The ROLE name who owns the schema",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"if_not_exists": optBool(true, "When true, use the existing schema if it exists"),
			"drop_cascade":  optBool(false, "When true, will also drop all the objects that are contained in the schema"),
		},
	}
}

func (r *schemaResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan schemaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db := r.client.dbName(plan.Database.ValueString())
	name := plan.Name.ValueString()
	owner := ""
	if !plan.Owner.IsNull() && !plan.Owner.IsUnknown() {
		owner = plan.Owner.ValueString()
	}
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error {
		return r.client.withRolesGranted(ctx, tx, []string{owner}, func() error {
			stmt := "CREATE SCHEMA "
			if plan.IfNotExists.ValueBool() {
				stmt += "IF NOT EXISTS "
			}
			stmt += qi(name)
			if owner != "" {
				stmt += " AUTHORIZATION " + qi(owner)
			}
			if err := exec(ctx, tx, stmt); err != nil {
				return err
			}
			if owner == "" {
				return nil
			}
			// An existing schema (if_not_exists) keeps its owner: align it.
			var current string
			if err := tx.QueryRowContext(ctx, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1", name).Scan(&current); err != nil {
				return err
			}
			if current != owner {
				return r.client.withRolesGranted(ctx, tx, []string{current}, func() error {
					return exec(ctx, tx, "ALTER SCHEMA "+qi(name)+" OWNER TO "+qi(owner))
				})
			}
			return nil
		})
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not create schema %s in database %s", name, db), err)
		return
	}
	plan.Database = types.StringValue(db)
	plan.ID = types.StringValue(db + "." + name)
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("schema %q not found after creation", name)
		}
		errDiag(&resp.Diagnostics, "Could not read schema after creation", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *schemaResource) read(ctx context.Context, m *schemaModel) (bool, error) {
	database := r.client.dbName(m.Database.ValueString())
	db, err := r.client.DB(ctx, database)
	if err != nil {
		if isMissingDatabase(err) {
			return false, nil
		}
		return false, err
	}
	var owner string
	err = db.QueryRowContext(ctx, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1", m.Name.ValueString()).Scan(&owner)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	m.Owner = types.StringValue(owner)
	m.Database = types.StringValue(database)
	m.ID = types.StringValue(database + "." + m.Name.ValueString())
	return true, nil
}

func (r *schemaResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state schemaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := r.read(ctx, &state)
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read schema", err)
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *schemaResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state schemaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db := r.client.dbName(state.Database.ValueString())
	oldName, name := state.Name.ValueString(), plan.Name.ValueString()
	oldOwner := state.Owner.ValueString()
	newOwner := oldOwner
	if !plan.Owner.IsNull() && !plan.Owner.IsUnknown() {
		newOwner = plan.Owner.ValueString()
	}
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error {
		return r.client.withRolesGranted(ctx, tx, []string{oldOwner, newOwner}, func() error {
			if oldName != name {
				if err := exec(ctx, tx, "ALTER SCHEMA "+qi(oldName)+" RENAME TO "+qi(name)); err != nil {
					return err
				}
			}
			if newOwner != oldOwner && newOwner != "" {
				if err := exec(ctx, tx, "ALTER SCHEMA "+qi(name)+" OWNER TO "+qi(newOwner)); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not update schema %s", name), err)
		return
	}
	plan.Database = types.StringValue(db)
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("schema %q not found after update", name)
		}
		errDiag(&resp.Diagnostics, "Could not read schema after update", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *schemaResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state schemaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db := r.client.dbName(state.Database.ValueString())
	name := state.Name.ValueString()
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error {
		var owner string
		err := tx.QueryRowContext(ctx, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1", name).Scan(&owner)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		return r.client.withRolesGranted(ctx, tx, []string{owner}, func() error {
			mode := " RESTRICT"
			if state.DropCascade.ValueBool() {
				mode = " CASCADE"
			}
			return exec(ctx, tx, "DROP SCHEMA "+qi(name)+mode)
		})
	})
	if err != nil {
		if isMissingDatabase(err) {
			return
		}
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not drop schema %s in database %s", name, db), err)
	}
}

func (r *schemaResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	db, name, ok := strings.Cut(req.ID, ".")
	if !ok {
		resp.Diagnostics.AddError("Invalid import id", "expected <database>.<schema>")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("database"), db)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("if_not_exists"), true)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("drop_cascade"), false)...)
}
