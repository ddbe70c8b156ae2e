package pgprov

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"aurora-cdktf/tools/compat-providers/internal/sdkcompat"
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

// schemaRules are the real provider's defaults for postgresql_schema.
var schemaRules = map[string]sdkcompat.Attribute{
	"if_not_exists": {Default: true},
	"drop_cascade":  {Default: false},
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
			"if_not_exists": optBool("When true, use the existing schema if it exists"),
			"drop_cascade":  optBool("When true, will also drop all the objects that are contained in the schema"),
		},
	}
}

// createSchemaStatement is CREATE SCHEMA in the real provider's form.
func createSchemaStatement(name string, ifNotExists bool, owner string) string {
	stmt := "CREATE SCHEMA "
	if ifNotExists {
		stmt += "IF NOT EXISTS "
	}
	stmt += qi(name)
	if owner != "" {
		stmt += " AUTHORIZATION " + qi(owner)
	}
	return stmt
}

func databaseOwner(ctx context.Context, q execer, database string) (string, error) {
	var owner string
	err := q.QueryRowContext(ctx, "SELECT rolname FROM pg_database JOIN pg_roles ON datdba = pg_roles.oid WHERE datname = $1", database).Scan(&owner)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("could not find database '%s' while looking for owner", database)
	}
	if err != nil {
		return "", fmt.Errorf("error while looking for the owner of database '%s': %w", database, err)
	}
	return owner, nil
}

func (r *schemaResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan schemaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db := r.client.dbName(plan.Database.ValueString())
	name := plan.Name.ValueString()
	owner := plan.Owner.ValueString() // "" when not configured (unknown)
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error {
		// As the real provider: membership in the database's owner (to create a schema) and in
		// the schema's owner (to hand it over).
		dbOwner, err := databaseOwner(ctx, tx, db)
		if err != nil {
			return err
		}
		roles := []string{dbOwner}
		if owner != "" && owner != dbOwner {
			roles = append(roles, owner)
		}
		return r.client.withRolesGranted(ctx, tx, roles, func() error {
			var found bool
			err := tx.QueryRowContext(ctx, "SELECT TRUE FROM pg_catalog.pg_namespace WHERE nspname = $1", name).Scan(&found)
			switch {
			case err == sql.ErrNoRows:
				if err := exec(ctx, tx, createSchemaStatement(name, plan.IfNotExists.ValueBool(), owner)); err != nil {
					return fmt.Errorf("error creating schema %s: %w", name, err)
				}
				return nil
			case err != nil:
				return fmt.Errorf("error looking for schema: %w", err)
			}
			// The schema exists already (whatever if_not_exists says): only its owner is set.
			if owner != "" {
				if err := exec(ctx, tx, "ALTER SCHEMA "+qi(name)+" OWNER TO "+qi(owner)); err != nil {
					return fmt.Errorf("error updating schema OWNER: %w", err)
				}
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
	newOwner := plan.Owner.ValueString()
	// As the real provider, without temporary memberships.
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error {
		if oldName != name {
			if name == "" {
				return fmt.Errorf("error setting schema name to an empty string")
			}
			if err := exec(ctx, tx, "ALTER SCHEMA "+qi(oldName)+" RENAME TO "+qi(name)); err != nil {
				return fmt.Errorf("error updating schema NAME: %w", err)
			}
		}
		if !plan.Owner.IsUnknown() && newOwner != state.Owner.ValueString() {
			if newOwner == "" {
				return fmt.Errorf("error setting schema owner to an empty string")
			}
			if err := exec(ctx, tx, "ALTER SCHEMA "+qi(name)+" OWNER TO "+qi(newOwner)); err != nil {
				return fmt.Errorf("error updating schema OWNER: %w", err)
			}
		}
		return nil
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
		var one int
		err := tx.QueryRowContext(ctx, "SELECT 1 FROM pg_namespace WHERE nspname=$1", name).Scan(&one)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return fmt.Errorf("could not check if schema exists: %w", err)
		}
		// The owner recorded in the state, as the real provider takes it.
		return r.client.withRolesGranted(ctx, tx, []string{state.Owner.ValueString()}, func() error {
			mode := "RESTRICT"
			if state.DropCascade.ValueBool() {
				mode = "CASCADE"
			}
			if err := exec(ctx, tx, fmt.Sprintf("DROP SCHEMA %s %s", qi(name), mode)); err != nil {
				return fmt.Errorf("error deleting schema: %w", err)
			}
			return nil
		})
	})
	if err != nil {
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
}
