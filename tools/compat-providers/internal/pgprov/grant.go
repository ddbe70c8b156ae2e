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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/lib/pq"
)

type grantResource struct{ base }

func newGrantResource() resource.Resource { return &grantResource{} }

type grantModel struct {
	ID              types.String `tfsdk:"id"`
	Database        types.String `tfsdk:"database"`
	Role            types.String `tfsdk:"role"`
	Schema          types.String `tfsdk:"schema"`
	ObjectType      types.String `tfsdk:"object_type"`
	Objects         types.Set    `tfsdk:"objects"`
	Columns         types.Set    `tfsdk:"columns"`
	Privileges      types.Set    `tfsdk:"privileges"`
	WithGrantOption types.Bool   `tfsdk:"with_grant_option"`
}

var grantRules = map[string]sdkcompat.Attribute{
	"with_grant_option": {Default: false},
	"objects":           {},
	"columns":           {},
}

var grantObjectTypes = []string{"database", "schema", "table", "sequence", "function", "procedure", "routine", "foreign_data_wrapper", "foreign_server", "column"}

// relkinds are pg_class.relkind (pg_proc.prokind for routines) per object type, as the real
// provider reads them.
var relkinds = map[string]string{"table": "r", "sequence": "S", "function": "f", "procedure": "p", "routine": "f"}

func (r *grantResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_grant"
}

func replaceString(required bool, desc string) schema.StringAttribute {
	return schema.StringAttribute{Required: required, Optional: !required, Description: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}}
}

func replaceBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Description: desc,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()}}
}

func (r *grantResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("Creates and manages privileges given to a user for a database schema."),
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"database":    replaceString(true, "The database to grant privileges on for this role"),
			"role":        replaceString(true, `The name of the role to grant privileges on, Set it to "public" for all roles`),
			"schema":      replaceString(false, `The database schema to grant privileges on for this role (Required except if object_type is "database")`),
			"object_type": replaceString(true, "The PostgreSQL object type to grant the privileges on (one of: "+strings.Join(grantObjectTypes, ", ")+")"),
			"objects": schema.SetAttribute{ElementType: types.StringType, Optional: true,
				Description:   "The specific objects to grant privileges on for this role (empty means all objects of the requested type)",
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()}},
			"columns": schema.SetAttribute{ElementType: types.StringType, Optional: true,
				Description:   "The specific columns to grant privileges on for this role",
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()}},
			"privileges": schema.SetAttribute{ElementType: types.StringType, Required: true,
				Description: "The list of privileges to grant"},
			"with_grant_option": replaceBool("Permit the grant recipient to grant it to others"),
		},
	}
}

// ValidateConfig checks what the real provider checks at plan time: the object type.
func (r *grantResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var ot types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("object_type"), &ot)...)
	if resp.Diagnostics.HasError() || ot.IsUnknown() || ot.IsNull() {
		return
	}
	for _, t := range grantObjectTypes {
		if t == ot.ValueString() {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(path.Root("object_type"), "Invalid object_type",
		fmt.Sprintf("expected object_type to be one of [%s], got %s", strings.Join(grantObjectTypes, " "), ot.ValueString()))
}

// grantSpec is a postgresql_grant's arguments as plain values, sets in the real provider's order.
type grantSpec struct {
	Database, Role, Schema, ObjectType string
	Objects, Columns, Privileges       []string
	WithGrantOption                    bool
}

func (m *grantModel) spec(ctx context.Context) grantSpec {
	return grantSpec{
		Database: m.Database.ValueString(), Role: m.Role.ValueString(), Schema: m.Schema.ValueString(),
		ObjectType: m.ObjectType.ValueString(), Objects: sdkcompat.SetOrder(setStrings(ctx, m.Objects)),
		Columns: sdkcompat.SetOrder(setStrings(ctx, m.Columns)), Privileges: sdkcompat.SetOrder(setStrings(ctx, m.Privileges)),
		WithGrantOption: m.WithGrantOption.ValueBool(),
	}
}

// validate is what the real provider checks before it applies a grant.
func (g grantSpec) validate() error {
	ot := g.ObjectType
	switch {
	case g.Schema == "" && ot != "database" && ot != "foreign_data_wrapper" && ot != "foreign_server":
		return fmt.Errorf("parameter 'schema' is mandatory for postgresql_grant resource")
	case len(g.Objects) > 0 && (ot == "database" || ot == "schema"):
		return fmt.Errorf("cannot specify `objects` when `object_type` is `database` or `schema`")
	case len(g.Columns) > 0 && ot != "column":
		return fmt.Errorf("cannot specify `columns` when `object_type` is not `column`")
	case len(g.Columns) == 0 && ot == "column":
		return fmt.Errorf("must specify `columns` when `object_type` is `column`")
	case len(g.Privileges) != 1 && ot == "column":
		return fmt.Errorf("must specify exactly 1 `privileges` when `object_type` is `column`")
	case len(g.Objects) != 1 && ot == "column":
		return fmt.Errorf("must specify exactly 1 table in the `objects` field when `object_type` is `column`")
	case len(g.Objects) != 1 && (ot == "foreign_data_wrapper" || ot == "foreign_server"):
		return fmt.Errorf("one element must be specified in `objects` when `object_type` is `foreign_data_wrapper` or `foreign_server`")
	}
	return validatePrivileges(ot, g.Privileges)
}

// identList renders objects as "schema"."name",... (a routine's argument list left unquoted).
func identList(schemaName string, objects []string) string {
	q := make([]string, len(objects))
	for i, o := range objects {
		name, args, hasArgs := strings.Cut(o, "(")
		q[i] = qi(schemaName) + "." + qi(name)
		if hasArgs {
			q[i] += "(" + args
		}
	}
	return strings.Join(q, ",")
}

func quoteEach(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = qi(n)
	}
	return strings.Join(q, ",")
}

// grantStatement is the real provider's GRANT ("" when there are no privileges to grant).
func grantStatement(g grantSpec) string {
	if len(g.Privileges) == 0 {
		return ""
	}
	privs := strings.Join(g.Privileges, ",")
	var q string
	switch strings.ToUpper(g.ObjectType) {
	case "DATABASE":
		q = fmt.Sprintf("GRANT %s ON DATABASE %s TO %s", privs, qi(g.Database), qi(g.Role))
	case "SCHEMA":
		q = fmt.Sprintf("GRANT %s ON SCHEMA %s TO %s", privs, qi(g.Schema), qi(g.Role))
	case "FOREIGN_DATA_WRAPPER":
		q = fmt.Sprintf("GRANT %s ON FOREIGN DATA WRAPPER %s TO %s", privs, qi(g.Objects[0]), qi(g.Role))
	case "FOREIGN_SERVER":
		q = fmt.Sprintf("GRANT %s ON FOREIGN SERVER %s TO %s", privs, qi(g.Objects[0]), qi(g.Role))
	case "COLUMN":
		q = fmt.Sprintf("GRANT %s (%s) ON TABLE %s TO %s", privs, quoteEach(g.Columns), identList(g.Schema, g.Objects), qi(g.Role))
	default: // TABLE, SEQUENCE, FUNCTION, PROCEDURE, ROUTINE
		if len(g.Objects) > 0 {
			q = fmt.Sprintf("GRANT %s ON %s %s TO %s", privs, strings.ToUpper(g.ObjectType), identList(g.Schema, g.Objects), qi(g.Role))
		} else {
			q = fmt.Sprintf("GRANT %s ON ALL %sS IN SCHEMA %s TO %s", privs, strings.ToUpper(g.ObjectType), qi(g.Schema), qi(g.Role))
		}
	}
	if g.WithGrantOption {
		q += " WITH GRANT OPTION"
	}
	return q
}

// revokeStatement is the real provider's REVOKE, run before every grant and on destroy.
func revokeStatement(g grantSpec) string {
	switch strings.ToUpper(g.ObjectType) {
	case "DATABASE":
		return fmt.Sprintf("REVOKE ALL PRIVILEGES ON DATABASE %s FROM %s", qi(g.Database), qi(g.Role))
	case "SCHEMA":
		return fmt.Sprintf("REVOKE ALL PRIVILEGES ON SCHEMA %s FROM %s", qi(g.Schema), qi(g.Role))
	case "FOREIGN_DATA_WRAPPER":
		return fmt.Sprintf("REVOKE ALL PRIVILEGES ON FOREIGN DATA WRAPPER %s FROM %s", qi(g.Objects[0]), qi(g.Role))
	case "FOREIGN_SERVER":
		return fmt.Sprintf("REVOKE ALL PRIVILEGES ON FOREIGN SERVER %s FROM %s", qi(g.Objects[0]), qi(g.Role))
	case "COLUMN":
		if len(g.Privileges) == 0 || len(g.Columns) == 0 {
			return "SELECT NULL"
		}
		return fmt.Sprintf("REVOKE %s (%s) ON TABLE %s FROM %s", strings.Join(g.Privileges, ","), quoteEach(g.Columns), identList(g.Schema, g.Objects), qi(g.Role))
	default:
		if len(g.Objects) > 0 {
			if len(g.Privileges) > 0 {
				return fmt.Sprintf("REVOKE %s ON %s %s FROM %s", strings.Join(g.Privileges, ","), strings.ToUpper(g.ObjectType), identList(g.Schema, g.Objects), qi(g.Role))
			}
			return fmt.Sprintf("REVOKE ALL PRIVILEGES ON %s %s FROM %s", strings.ToUpper(g.ObjectType), identList(g.Schema, g.Objects), qi(g.Role))
		}
		return fmt.Sprintf("REVOKE ALL PRIVILEGES ON ALL %sS IN SCHEMA %s FROM %s", strings.ToUpper(g.ObjectType), qi(g.Schema), qi(g.Role))
	}
}

func schemaOwner(ctx context.Context, q execer, schemaName string) (string, error) {
	var owner string
	err := q.QueryRowContext(ctx, "SELECT rolname FROM pg_namespace JOIN pg_roles ON nspowner = pg_roles.oid WHERE nspname = $1", schemaName).Scan(&owner)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("could not find schema '%s' while looking for owner", schemaName)
	}
	if err != nil {
		return "", fmt.Errorf("error while looking for the owner of schema '%s': %w", schemaName, err)
	}
	return owner, nil
}

// rolesToGrant are the roles the real provider takes a temporary membership in (when not a
// superuser) to change privileges: none for a database; the owners of the schema's tables and the
// schema's owner otherwise (pg_database_owner resolved to the database's owner).
func rolesToGrant(ctx context.Context, tx *sql.Tx, g grantSpec) ([]string, error) {
	ot := g.ObjectType
	if ot == "database" || ot == "foreign_data_wrapper" || ot == "foreign_server" {
		return nil, nil
	}
	var owners []string
	if ot != "schema" {
		rows, err := tx.QueryContext(ctx, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = $1", g.Schema)
		if err != nil {
			return nil, fmt.Errorf("error while looking for owners of tables in schema '%s': %w", g.Schema, err)
		}
		for rows.Next() {
			var o string
			if err := rows.Scan(&o); err != nil {
				rows.Close()
				return nil, err
			}
			owners = append(owners, o)
		}
		rows.Close()
	}
	so, err := schemaOwner(ctx, tx, g.Schema)
	if err != nil {
		return nil, err
	}
	found := false
	for _, o := range owners {
		found = found || o == so
	}
	if !found {
		owners = append(owners, so)
	}
	for i, o := range owners {
		if o == "pg_database_owner" {
			if owners[i], err = databaseOwner(ctx, tx, g.Database); err != nil {
				return nil, err
			}
		}
	}
	return owners, nil
}

func grantID(g grantSpec) string {
	parts := []string{g.Role, g.Database}
	if g.ObjectType != "database" && g.ObjectType != "foreign_data_wrapper" && g.ObjectType != "foreign_server" {
		parts = append(parts, g.Schema)
	}
	parts = append(parts, g.ObjectType)
	parts = append(parts, g.Objects...)
	parts = append(parts, g.Columns...)
	return strings.Join(parts, "_")
}

// apply runs the real provider's transaction: the role's locks (and the database's for a
// database grant), then, with the temporary memberships, REVOKE and (unless destroying) GRANT.
// revokeWith is what the REVOKE is built from (the prior values on update).
func (r *grantResource) apply(ctx context.Context, g, revokeWith grantSpec, grant bool) error {
	return r.client.WithTx(ctx, g.Database, func(tx *sql.Tx) error {
		if err := lockRole(ctx, tx, g.Role); err != nil {
			return err
		}
		if g.ObjectType == "database" {
			if err := lockDatabase(ctx, tx, g.Database); err != nil {
				return err
			}
		}
		owners, err := rolesToGrant(ctx, tx, g)
		if err != nil {
			return err
		}
		return r.client.withRolesGranted(ctx, tx, owners, func() error {
			if err := exec(ctx, tx, revokeStatement(revokeWith)); err != nil {
				return fmt.Errorf("could not execute revoke query: %w", err)
			}
			if !grant {
				return nil
			}
			if stmt := grantStatement(g); stmt != "" {
				return exec(ctx, tx, stmt)
			}
			return nil
		})
	})
}

func roleOID(ctx context.Context, q execer, role string) (int64, error) {
	if role == "public" {
		return 0, nil
	}
	var oid int64
	if err := q.QueryRowContext(ctx, "SELECT oid FROM pg_roles WHERE rolname = $1", role).Scan(&oid); err != nil {
		return 0, fmt.Errorf("could not find oid for role %s: %w", role, err)
	}
	return oid, nil
}

// grantTargetExists is the real provider's existence check before a refresh: the database, the
// role (unless public) and the schema (for in-schema object types).
func (r *grantResource) grantTargetExists(ctx context.Context, database, role, schemaName, objectType string) (bool, error) {
	def, err := r.client.DB(ctx, "")
	if err != nil {
		return false, err
	}
	var one int
	err = def.QueryRowContext(ctx, "SELECT 1 FROM pg_database WHERE datname=$1", database).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("could not check if database exists: %w", err)
	}
	db, err := r.client.DB(ctx, database)
	if err != nil {
		return false, err
	}
	if role != "public" {
		if ok, err := roleExists(ctx, db, role); err != nil || !ok {
			return false, err
		}
	}
	if objectType != "database" && objectType != "foreign_data_wrapper" && objectType != "foreign_server" && schemaName != "" {
		err := db.QueryRowContext(ctx, "SELECT 1 FROM pg_namespace WHERE nspname=$1", schemaName).Scan(&one)
		if err == sql.ErrNoRows {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("could not check if schema exists: %w", err)
		}
	}
	return true, nil
}

// read refreshes privileges as the real provider does: what the role holds on the database or
// schema; for objects, the privileges of the first object (of those selected) that differ from
// the state. found is false when the database, role or schema is gone.
func (r *grantResource) read(ctx context.Context, m *grantModel) (bool, error) {
	g := m.spec(ctx)
	if ok, err := r.grantTargetExists(ctx, g.Database, g.Role, g.Schema, g.ObjectType); err != nil || !ok {
		return false, err
	}
	m.ID = types.StringValue(grantID(g))
	db, err := r.client.DB(ctx, g.Database)
	if err != nil {
		return false, err
	}
	oid, err := roleOID(ctx, db, g.Role)
	if err != nil {
		return false, err
	}
	setIfDifferent := func(granted []string) {
		if !privilegesEqual(g.ObjectType, granted, g.Privileges) {
			m.Privileges = stringSet(granted)
		}
	}
	var query string
	var args []any
	switch g.ObjectType {
	case "database", "schema", "foreign_data_wrapper", "foreign_server":
		acl := map[string]string{
			"database":             "SELECT (aclexplode(datacl)).* FROM pg_database WHERE datname=$1",
			"schema":               "SELECT (aclexplode(nspacl)).* FROM pg_namespace WHERE nspname=$1",
			"foreign_data_wrapper": "SELECT (pg_catalog.aclexplode(fdwacl)).* FROM pg_catalog.pg_foreign_data_wrapper WHERE fdwname=$1",
			"foreign_server":       "SELECT (pg_catalog.aclexplode(srvacl)).* FROM pg_catalog.pg_foreign_server WHERE srvname=$1",
		}[g.ObjectType]
		name := map[string]string{"database": g.Database, "schema": g.Schema}[g.ObjectType]
		if name == "" && len(g.Objects) > 0 {
			name = g.Objects[0]
		}
		var privs pq.StringArray
		if err := db.QueryRowContext(ctx, "SELECT array_agg(privilege_type) FROM ("+acl+") as privileges WHERE grantee = $2", name, oid).Scan(&privs); err != nil {
			return false, fmt.Errorf("could not read privileges for %s %s: %w", g.ObjectType, name, err)
		}
		setIfDifferent(privs)
		return true, nil
	case "column":
		return true, r.readColumns(ctx, db, m, g)
	case "function", "procedure", "routine":
		query = `SELECT pg_proc.proname, array_remove(array_agg(privilege_type), NULL)
FROM pg_proc
JOIN pg_namespace ON pg_namespace.oid = pg_proc.pronamespace
LEFT JOIN (
    select acls.* from (SELECT proname, pronamespace, (aclexplode(proacl)).* FROM pg_proc) acls
    WHERE grantee = $1
) privs
USING (proname, pronamespace)
      WHERE nspname = $2
GROUP BY pg_proc.proname`
		args = []any{oid, g.Schema}
	default:
		query = `SELECT pg_class.relname, array_remove(array_agg(privilege_type), NULL)
FROM pg_class
JOIN pg_namespace ON pg_namespace.oid = pg_class.relnamespace
LEFT JOIN (
    SELECT acls.* FROM (SELECT relname, relnamespace, relkind, (aclexplode(relacl)).* FROM pg_class c) as acls
    WHERE grantee=$1
) privs
USING (relname, relnamespace, relkind)
WHERE nspname = $2 AND relkind = $3
GROUP BY pg_class.relname`
		args = []any{oid, g.Schema, relkinds[g.ObjectType]}
	}
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	selected := map[string]bool{}
	for _, o := range g.Objects {
		selected[o] = true
	}
	for rows.Next() {
		var name string
		var privs pq.StringArray
		if err := rows.Scan(&name, &privs); err != nil {
			return false, err
		}
		if len(selected) > 0 && !selected[name] {
			continue
		}
		if !privilegesEqual(g.ObjectType, privs, g.Privileges) {
			m.Privileges = stringSet(privs)
			break
		}
	}
	return true, rows.Err()
}

// readColumns is the real provider's refresh of a column grant: the privilege on each column of
// the table; columns that lack it are dropped from the state.
func (r *grantResource) readColumns(ctx context.Context, db *sql.DB, m *grantModel, g grantSpec) error {
	if len(g.Objects) == 0 || len(g.Privileges) == 0 {
		return nil
	}
	rows, err := db.QueryContext(ctx, `
SELECT relname AS table_name, attname AS column_name, array_agg(privilege_type) AS column_privileges
FROM (SELECT relname, attname, (aclexplode(attacl)).*
      FROM pg_class
               JOIN pg_namespace ON pg_class.relnamespace = pg_namespace.oid
               JOIN pg_attribute ON pg_class.oid = attrelid
      WHERE nspname = $2
        AND relname = $3
        AND relkind = $4)
         AS col_privs
         JOIN pg_roles ON pg_roles.oid = col_privs.grantee
WHERE rolname = $1
  AND privilege_type = $5
GROUP BY col_privs.relname, col_privs.attname, col_privs.privilege_type
ORDER BY col_privs.attname`, g.Role, g.Schema, g.Objects[0], "r", g.Privileges[0])
	if err != nil {
		return err
	}
	defer rows.Close()
	missing := map[string]bool{}
	for _, c := range g.Columns {
		missing[c] = true
	}
	for rows.Next() {
		var table, column string
		var privs pq.StringArray
		if err := rows.Scan(&table, &column, &privs); err != nil {
			return err
		}
		delete(missing, column)
		if !sameStringSets(privs, g.Privileges) {
			m.Privileges = stringSet(privs)
			break
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(missing) > 0 {
		var kept []string
		for _, c := range g.Columns {
			if !missing[c] {
				kept = append(kept, c)
			}
		}
		m.Columns = stringSet(kept)
	}
	return nil
}

func (r *grantResource) createOrUpdate(ctx context.Context, plan *grantModel, revokeWith grantSpec) error {
	g := plan.spec(ctx)
	if err := g.validate(); err != nil {
		return err
	}
	if err := r.apply(ctx, g, revokeWith, true); err != nil {
		return err
	}
	plan.ID = types.StringValue(grantID(g))
	_, err := r.read(ctx, plan)
	return err
}

func (r *grantResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan grantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.createOrUpdate(ctx, &plan, plan.spec(ctx)); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not execute grant for role %s on %s", plan.Role.ValueString(), plan.ObjectType.ValueString()), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *grantResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state grantModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := r.read(ctx, &state)
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read grant", err)
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *grantResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state grantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The REVOKE is built from the prior values of what changed (only privileges can change in place).
	revokeWith := plan.spec(ctx)
	revokeWith.Privileges = state.spec(ctx).Privileges
	if err := r.createOrUpdate(ctx, &plan, revokeWith); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not execute grant for role %s on %s", plan.Role.ValueString(), plan.ObjectType.ValueString()), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *grantResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state grantModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	g := state.spec(ctx)
	if err := r.apply(ctx, g, g, false); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not revoke grant for role %s on %s", state.Role.ValueString(), state.ObjectType.ValueString()), err)
	}
}
