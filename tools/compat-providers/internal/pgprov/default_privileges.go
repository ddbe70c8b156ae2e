package pgprov

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/lib/pq"
)

type defaultPrivilegesResource struct{ base }

func newDefaultPrivilegesResource() resource.Resource { return &defaultPrivilegesResource{} }

type defaultPrivilegesModel struct {
	ID              types.String `tfsdk:"id"`
	Database        types.String `tfsdk:"database"`
	Role            types.String `tfsdk:"role"`
	Owner           types.String `tfsdk:"owner"`
	Schema          types.String `tfsdk:"schema"`
	ObjectType      types.String `tfsdk:"object_type"`
	Privileges      types.Set    `tfsdk:"privileges"`
	WithGrantOption types.Bool   `tfsdk:"with_grant_option"`
}

// defaultACLTypes maps object_type to the ALTER DEFAULT PRIVILEGES keyword, pg_default_acl's
// defaclobjtype and acldefault()'s type letter.
var defaultACLTypes = map[string]struct{ keyword, defaclType, aclType, privType string }{
	"table":    {"TABLES", "r", "r", "table"},
	"sequence": {"SEQUENCES", "S", "s", "sequence"},
	"function": {"FUNCTIONS", "f", "f", "function"},
	"routine":  {"ROUTINES", "f", "f", "routine"},
	"type":     {"TYPES", "T", "T", "type"},
	"schema":   {"SCHEMAS", "n", "n", "schema"},
}

func (r *defaultPrivilegesResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_default_privileges"
}

func (r *defaultPrivilegesResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("Creates and manages default privileges given to a user for a database schema."),
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"database":    replaceString(true, "The database to grant default privileges for this role"),
			"role":        replaceString(true, "The name of the role to which grant default privileges on"),
			"owner":       replaceString(true, "Target role for which to alter default privileges."),
			"schema":      replaceString(false, "The database schema to set default privileges for this role"),
			"object_type": replaceString(true, "The PostgreSQL object type to set the default privileges on (one of: table, sequence, function, routine, type, schema)"),
			"privileges": schema.SetAttribute{ElementType: types.StringType, Required: true,
				Description: "The list of privileges to apply as default privileges"},
			"with_grant_option": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description:   "Permit the grant recipient to grant it to others",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()}},
		},
	}
}

func (r *defaultPrivilegesResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m defaultPrivilegesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.ObjectType.IsNull() || m.ObjectType.IsUnknown() {
		return
	}
	ot := m.ObjectType.ValueString()
	t, ok := defaultACLTypes[ot]
	if !ok {
		resp.Diagnostics.AddAttributeError(path.Root("object_type"), "Invalid object_type",
			fmt.Sprintf("expected object_type to be one of [table sequence function routine type schema], got %s", ot))
		return
	}
	if ot == "schema" && !m.Schema.IsNull() && m.Schema.ValueString() != "" {
		resp.Diagnostics.AddAttributeError(path.Root("schema"), "Invalid schema", "cannot specify `schema` when `object_type` is `schema`")
	}
	if !m.Privileges.IsUnknown() {
		if bad := invalidPrivileges(t.privType, setStrings(ctx, m.Privileges)); len(bad) > 0 {
			resp.Diagnostics.AddAttributeError(path.Root("privileges"), "Invalid privileges",
				fmt.Sprintf("invalid privileges for object_type %s: %s", ot, strings.Join(bad, ", ")))
		}
	}
}

func defaultPrivilegesID(m *defaultPrivilegesModel) string {
	return strings.Join([]string{m.Role.ValueString(), m.Database.ValueString(), m.Schema.ValueString(), m.Owner.ValueString(), m.ObjectType.ValueString()}, "_")
}

func (r *defaultPrivilegesResource) apply(ctx context.Context, m *defaultPrivilegesModel, grant bool) error {
	ot := m.ObjectType.ValueString()
	t := defaultACLTypes[ot]
	role, owner := m.Role.ValueString(), m.Owner.ValueString()
	privs := setStrings(ctx, m.Privileges)
	prefix := "ALTER DEFAULT PRIVILEGES FOR ROLE " + qi(owner)
	if s := m.Schema.ValueString(); s != "" {
		prefix += " IN SCHEMA " + qi(s)
	}
	return r.client.WithTx(ctx, m.Database.ValueString(), func(tx *sql.Tx) error {
		if !grant {
			for _, rr := range []string{role, owner} {
				if ok, err := roleExists(ctx, tx, rr); err != nil || !ok {
					return err
				}
			}
			if s := m.Schema.ValueString(); s != "" {
				if _, ok, err := schemaOwner(ctx, tx, s); err != nil || !ok {
					return err
				}
			}
		}
		if err := lockRole(ctx, tx, role); err != nil {
			return err
		}
		if err := lockObject(ctx, tx, "defacl:"+owner+":"+m.Schema.ValueString()+":"+t.defaclType); err != nil {
			return err
		}
		return r.client.withRolesGranted(ctx, tx, []string{owner}, func() error {
			if err := exec(ctx, tx, prefix+" REVOKE ALL ON "+t.keyword+" FROM "+roleSpec(role)); err != nil {
				return err
			}
			if !grant || len(privs) == 0 {
				return nil
			}
			stmt := prefix + " GRANT " + privilegesForSQL(t.privType, privs) + " ON " + t.keyword + " TO " + roleSpec(role)
			if m.WithGrantOption.ValueBool() {
				stmt += " WITH GRANT OPTION"
			}
			return exec(ctx, tx, stmt)
		})
	})
}

func (r *defaultPrivilegesResource) read(ctx context.Context, m *defaultPrivilegesModel) (bool, error) {
	db, err := r.client.DB(ctx, m.Database.ValueString())
	if err != nil {
		if isMissingDatabase(err) {
			return false, nil
		}
		return false, err
	}
	t := defaultACLTypes[m.ObjectType.ValueString()]
	var ownerOID, grantee, nsp int64
	err = db.QueryRowContext(ctx, "SELECT oid::bigint FROM pg_roles WHERE rolname = $1", m.Owner.ValueString()).Scan(&ownerOID)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !strings.EqualFold(m.Role.ValueString(), "public") {
		err = db.QueryRowContext(ctx, "SELECT oid::bigint FROM pg_roles WHERE rolname = $1", m.Role.ValueString()).Scan(&grantee)
		if err == sql.ErrNoRows {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
	if s := m.Schema.ValueString(); s != "" {
		err = db.QueryRowContext(ctx, "SELECT oid::bigint FROM pg_namespace WHERE nspname = $1", s).Scan(&nsp)
		if err == sql.ErrNoRows {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
	// Global defaults (no schema) without a pg_default_acl row are the built-in ones.
	var privs pq.StringArray
	err = db.QueryRowContext(ctx, `
	  WITH acl AS (
	    SELECT COALESCE(
	      (SELECT defaclacl FROM pg_default_acl WHERE defaclrole = $1::oid AND defaclnamespace = $2::oid AND defaclobjtype = $3::"char"),
	      CASE WHEN $2::oid = 0 THEN acldefault($4::"char", $1::oid) ELSE NULL::aclitem[] END) AS a)
	  SELECT ARRAY(SELECT DISTINCT e.privilege_type FROM acl, aclexplode(acl.a) e
	                WHERE e.grantee = $5::oid AND (e.is_grantable OR NOT $6::boolean) ORDER BY 1)`,
		ownerOID, nsp, t.defaclType, t.aclType, grantee, m.WithGrantOption.ValueBool()).Scan(&privs)
	if err != nil {
		return false, err
	}
	m.Privileges = stringSet(keepSpelling(t.privType, setStrings(ctx, m.Privileges), privs))
	return true, nil
}

func (r *defaultPrivilegesResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan defaultPrivilegesModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.apply(ctx, &plan, true); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not alter default privileges for role %s", plan.Role.ValueString()), err)
		return
	}
	plan.ID = types.StringValue(defaultPrivilegesID(&plan))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *defaultPrivilegesResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state defaultPrivilegesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := r.read(ctx, &state)
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read default privileges", err)
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *defaultPrivilegesResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan defaultPrivilegesModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.apply(ctx, &plan, true); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not alter default privileges for role %s", plan.Role.ValueString()), err)
		return
	}
	plan.ID = types.StringValue(defaultPrivilegesID(&plan))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *defaultPrivilegesResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state defaultPrivilegesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.apply(ctx, &state, false); err != nil {
		if isMissingDatabase(err) {
			return
		}
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not revoke default privileges for role %s", state.Role.ValueString()), err)
	}
}
