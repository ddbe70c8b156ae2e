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

type extensionResource struct{ base }

func newExtensionResource() resource.Resource { return &extensionResource{} }

type extensionModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	Schema        types.String `tfsdk:"schema"`
	Version       types.String `tfsdk:"version"`
	Database      types.String `tfsdk:"database"`
	DropCascade   types.Bool   `tfsdk:"drop_cascade"`
	CreateCascade types.Bool   `tfsdk:"create_cascade"`
}

var extensionRules = map[string]sdkcompat.Attribute{
	"drop_cascade":   {Default: false},
	"create_cascade": {Default: false},
}

func (r *extensionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_extension"
}

func (r *extensionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, Description: desc,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		Description: describe("Creates and manages an extension on a PostgreSQL server."),
		Attributes: map[string]schema.Attribute{
			"id":             idAttribute(),
			"name":           replaceString(true, "The name of the extension"),
			"schema":         computed("Sets the schema of an extension"),
			"version":        computed("Sets the version number of the extension"),
			"database":       databaseAttribute("Sets the database to add the extension to"),
			"drop_cascade":   optBool("When true, will also drop all the objects that depend on the extension, and in turn all objects that depend on those objects"),
			"create_cascade": optBool("When true, will also create any extensions that this extension depends on that are not already installed"),
		},
	}
}

// createExtensionStatement is the real provider's CREATE EXTENSION (the version quoted as an
// identifier, as it does).
func createExtensionStatement(name, schemaName, version string, cascade bool) string {
	stmt := "CREATE EXTENSION IF NOT EXISTS " + qi(name)
	if schemaName != "" {
		stmt += " SCHEMA " + qi(schemaName)
	}
	if version != "" {
		stmt += " VERSION " + qi(version)
	}
	if cascade {
		stmt += " CASCADE"
	}
	return stmt
}

// dropExtensionStatement is the real provider's DROP EXTENSION, trailing space included:
// `DROP EXTENSION "x" RESTRICT `.
func dropExtensionStatement(name string, cascade bool) string {
	mode := "RESTRICT"
	if cascade {
		mode = "CASCADE"
	}
	return fmt.Sprintf("DROP EXTENSION %s %s ", qi(name), mode)
}

func (r *extensionResource) read(ctx context.Context, m *extensionModel) (bool, error) {
	database := r.client.dbName(m.Database.ValueString())
	db, err := r.client.DB(ctx, database)
	if err != nil {
		if isMissingDatabase(err) {
			return false, nil
		}
		return false, err
	}
	var version, nsp string
	err = db.QueryRowContext(ctx, `SELECT e.extversion, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	                                WHERE e.extname = $1`, m.Name.ValueString()).Scan(&version, &nsp)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	m.Version = types.StringValue(version)
	m.Schema = types.StringValue(nsp)
	m.Database = types.StringValue(database)
	m.ID = types.StringValue(database + "." + m.Name.ValueString())
	return true, nil
}

func (r *extensionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan extensionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db := r.client.dbName(plan.Database.ValueString())
	stmt := createExtensionStatement(plan.Name.ValueString(), plan.Schema.ValueString(), plan.Version.ValueString(), plan.CreateCascade.ValueBool())
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error { return exec(ctx, tx, stmt) })
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not create extension %s in database %s", plan.Name.ValueString(), db), err)
		return
	}
	plan.Database = types.StringValue(db)
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("extension %q not found after creation", plan.Name.ValueString())
		}
		errDiag(&resp.Diagnostics, "Could not read extension after creation", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *extensionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state extensionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := r.read(ctx, &state)
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read extension", err)
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *extensionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state extensionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db := r.client.dbName(state.Database.ValueString())
	name := qi(plan.Name.ValueString())
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error {
		if s := plan.Schema; !s.IsNull() && !s.IsUnknown() && s.ValueString() != state.Schema.ValueString() {
			if err := exec(ctx, tx, "ALTER EXTENSION "+name+" SET SCHEMA "+qi(s.ValueString())); err != nil {
				return err
			}
		}
		if v := plan.Version; !v.IsUnknown() && v.ValueString() != state.Version.ValueString() {
			stmt := "ALTER EXTENSION " + name + " UPDATE"
			if v.ValueString() != "" {
				stmt += " TO " + qi(v.ValueString())
			}
			if err := exec(ctx, tx, stmt); err != nil {
				return fmt.Errorf("error updating extension version: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not update extension %s", plan.Name.ValueString()), err)
		return
	}
	plan.Database = types.StringValue(db)
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("extension %q not found after update", plan.Name.ValueString())
		}
		errDiag(&resp.Diagnostics, "Could not read extension after update", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *extensionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state extensionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	db := r.client.dbName(state.Database.ValueString())
	stmt := dropExtensionStatement(state.Name.ValueString(), state.DropCascade.ValueBool())
	err := r.client.WithTx(ctx, db, func(tx *sql.Tx) error { return exec(ctx, tx, stmt) })
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not drop extension %s", state.Name.ValueString()), err)
	}
}

func (r *extensionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	db, name, ok := strings.Cut(req.ID, ".")
	if !ok {
		resp.Diagnostics.AddError("Invalid import id", "expected <database>.<extension>")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("database"), db)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
}
