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

var defaultPrivilegesRules = map[string]sdkcompat.Attribute{
	"with_grant_option": {Default: false},
}

// defaultACLTypes are pg_default_acl.defaclobjtype per object_type, as the real provider reads them.
var defaultACLTypes = map[string]string{"table": "r", "sequence": "S", "function": "f", "routine": "f", "type": "T", "schema": "n"}

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
			"with_grant_option": replaceBool("Permit the grant recipient to grant it to others"),
		},
	}
}

// ValidateConfig checks what the real provider checks at plan time: the object type.
func (r *defaultPrivilegesResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var ot types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("object_type"), &ot)...)
	if resp.Diagnostics.HasError() || ot.IsNull() || ot.IsUnknown() {
		return
	}
	if _, ok := defaultACLTypes[ot.ValueString()]; !ok {
		resp.Diagnostics.AddAttributeError(path.Root("object_type"), "Invalid object_type",
			fmt.Sprintf("expected object_type to be one of [table sequence function routine type schema], got %s", ot.ValueString()))
	}
}

// defaultPrivilegesSpec is a postgresql_default_privileges' arguments as plain values.
type defaultPrivilegesSpec struct {
	Database, Role, Owner, Schema, ObjectType string
	Privileges                                []string
	WithGrantOption                           bool
}

func (m *defaultPrivilegesModel) spec(ctx context.Context) defaultPrivilegesSpec {
	return defaultPrivilegesSpec{Database: m.Database.ValueString(), Role: m.Role.ValueString(), Owner: m.Owner.ValueString(),
		Schema: m.Schema.ValueString(), ObjectType: m.ObjectType.ValueString(),
		Privileges: sdkcompat.SetOrder(setStrings(ctx, m.Privileges)), WithGrantOption: m.WithGrantOption.ValueBool()}
}

func (d defaultPrivilegesSpec) inSchema() string {
	if d.Schema == "" {
		return ""
	}
	return "IN SCHEMA " + qi(d.Schema)
}

// revokeDefaultsStatement and grantDefaultsStatement are the real provider's statements (with its
// double space where there is no schema).
func revokeDefaultsStatement(d defaultPrivilegesSpec) string {
	return fmt.Sprintf("ALTER DEFAULT PRIVILEGES FOR ROLE %s %s REVOKE ALL ON %sS FROM %s",
		qi(d.Owner), d.inSchema(), strings.ToUpper(d.ObjectType), qi(d.Role))
}

func grantDefaultsStatement(d defaultPrivilegesSpec) string {
	if len(d.Privileges) == 0 {
		return ""
	}
	q := fmt.Sprintf("ALTER DEFAULT PRIVILEGES FOR ROLE %s %s GRANT %s ON %sS TO %s",
		qi(d.Owner), d.inSchema(), strings.Join(d.Privileges, ","), strings.ToUpper(d.ObjectType), qi(d.Role))
	if d.WithGrantOption {
		q += " WITH GRANT OPTION"
	}
	return q
}

func defaultPrivilegesID(d defaultPrivilegesSpec) string {
	s := d.Schema
	if s == "" {
		s = "noschema"
	}
	return strings.Join([]string{d.Role, d.Database, s, d.Owner, d.ObjectType}, "_")
}

func (d defaultPrivilegesSpec) validate() error {
	if d.Schema != "" && d.ObjectType == "schema" {
		return fmt.Errorf("cannot specify `schema` when `object_type` is `schema`")
	}
	if d.WithGrantOption && strings.ToLower(d.Role) == "public" {
		return fmt.Errorf("with_grant_option cannot be true for role 'public'")
	}
	return validatePrivileges(d.ObjectType, d.Privileges)
}

// apply is the real provider's transaction: the owner's locks, then, with a temporary membership
// in the owner, REVOKE ALL and (unless destroying) GRANT.
func (r *defaultPrivilegesResource) apply(ctx context.Context, d defaultPrivilegesSpec, grant bool) error {
	return r.client.WithTx(ctx, d.Database, func(tx *sql.Tx) error {
		if err := lockRole(ctx, tx, d.Owner); err != nil {
			return err
		}
		return r.client.withRolesGranted(ctx, tx, []string{d.Owner}, func() error {
			if err := exec(ctx, tx, revokeDefaultsStatement(d)); err != nil {
				return fmt.Errorf("could not revoke default privileges: %w", err)
			}
			if !grant {
				return nil
			}
			if stmt := grantDefaultsStatement(d); stmt != "" {
				if err := exec(ctx, tx, stmt); err != nil {
					return fmt.Errorf("could not alter default privileges: %w", err)
				}
			}
			return nil
		})
	})
}

// read refreshes as the real provider does (in a transaction that takes the owner's locks):
// the privileges in pg_default_acl; none while some are configured means the resource is gone.
func (r *defaultPrivilegesResource) read(ctx context.Context, m *defaultPrivilegesModel) (bool, error) {
	d := m.spec(ctx)
	found := true
	err := r.client.WithTx(ctx, d.Database, func(tx *sql.Tx) error {
		if err := lockRole(ctx, tx, d.Owner); err != nil {
			return err
		}
		oid, err := roleOID(ctx, tx, d.Role)
		if err != nil {
			return err
		}
		var privs pq.StringArray
		if d.Schema != "" {
			err = tx.QueryRowContext(ctx, `SELECT array_agg(prtype) FROM (
		SELECT defaclnamespace, (aclexplode(defaclacl)).* FROM pg_default_acl
		WHERE defaclobjtype = $3
	) AS t (namespace, grantor_oid, grantee_oid, prtype, grantable)
	JOIN pg_namespace ON pg_namespace.oid = namespace
	WHERE grantee_oid = $1 AND nspname = $2 AND pg_get_userbyid(grantor_oid) = $4`, oid, d.Schema, defaultACLTypes[d.ObjectType], d.Owner).Scan(&privs)
		} else {
			err = tx.QueryRowContext(ctx, `SELECT array_agg(prtype) FROM (
		SELECT defaclnamespace, (aclexplode(defaclacl)).* FROM pg_default_acl
		WHERE defaclobjtype = $2
	) AS t (namespace, grantor_oid, grantee_oid, prtype, grantable)
	WHERE grantee_oid = $1 AND namespace = 0 AND pg_get_userbyid(grantor_oid) = $3`, oid, defaultACLTypes[d.ObjectType], d.Owner).Scan(&privs)
		}
		if err != nil {
			return fmt.Errorf("could not read default privileges: %w", err)
		}
		if len(privs) == 0 && len(d.Privileges) != 0 {
			found = false
			return nil
		}
		if !privilegesEqual(d.ObjectType, privs, d.Privileges) {
			m.Privileges = stringSet(privs)
		}
		m.ID = types.StringValue(defaultPrivilegesID(d))
		return nil
	})
	return found, err
}

func (r *defaultPrivilegesResource) createOrUpdate(ctx context.Context, plan *defaultPrivilegesModel) error {
	d := plan.spec(ctx)
	if err := d.validate(); err != nil {
		return err
	}
	if err := r.apply(ctx, d, true); err != nil {
		return err
	}
	plan.ID = types.StringValue(defaultPrivilegesID(d))
	_, err := r.read(ctx, plan)
	return err
}

func (r *defaultPrivilegesResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan defaultPrivilegesModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.createOrUpdate(ctx, &plan); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not alter default privileges for role %s", plan.Role.ValueString()), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *defaultPrivilegesResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state defaultPrivilegesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d := state.spec(ctx)
	// The real provider's existence check first: database, role (grantee) and schema.
	exists, err := (&grantResource{base: r.base}).grantTargetExists(ctx, d.Database, d.Role, d.Schema, d.ObjectType)
	if err == nil && exists {
		exists, err = r.read(ctx, &state)
	}
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read default privileges", err)
		return
	}
	if !exists {
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
	if err := r.createOrUpdate(ctx, &plan); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not alter default privileges for role %s", plan.Role.ValueString()), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *defaultPrivilegesResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state defaultPrivilegesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.apply(ctx, state.spec(ctx), false); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not revoke default privileges for role %s", state.Role.ValueString()), err)
	}
}
