package pgprov

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
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

var grantObjectTypes = []string{"database", "schema", "table", "sequence", "function", "procedure", "routine", "foreign_data_wrapper", "foreign_server", "column"}

func (r *grantResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_grant"
}

func replaceString(required bool, desc string) schema.StringAttribute {
	return schema.StringAttribute{Required: required, Optional: !required, Description: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}}
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
			"with_grant_option": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description:   "Permit the grant recipient to grant it to others",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()}},
		},
	}
}

func (r *grantResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m grantModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.ObjectType.IsUnknown() || m.ObjectType.IsNull() {
		return
	}
	ot := m.ObjectType.ValueString()
	valid := false
	for _, t := range grantObjectTypes {
		valid = valid || t == ot
	}
	if !valid {
		resp.Diagnostics.AddAttributeError(path.Root("object_type"), "Invalid object_type",
			fmt.Sprintf("expected object_type to be one of [%s], got %s", strings.Join(grantObjectTypes, " "), ot))
		return
	}
	objects := setStrings(ctx, m.Objects)
	columns := setStrings(ctx, m.Columns)
	schemaSet := !m.Schema.IsNull() && m.Schema.ValueString() != ""
	switch ot {
	case "database":
		if schemaSet {
			resp.Diagnostics.AddAttributeError(path.Root("schema"), "Invalid schema", "cannot specify `schema` when `object_type` is `database`")
		}
	case "foreign_data_wrapper", "foreign_server":
	default:
		if !schemaSet && !m.Schema.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root("schema"), "Missing schema", fmt.Sprintf("parameter `schema` is mandatory for postgresql_grant resource when object_type is %s", ot))
		}
	}
	if (ot == "database" || ot == "schema") && len(objects) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("objects"), "Invalid objects", "cannot specify `objects` when `object_type` is `database` or `schema`")
	}
	if ot == "column" {
		if !m.Objects.IsUnknown() && len(objects) != 1 {
			resp.Diagnostics.AddAttributeError(path.Root("objects"), "Invalid objects", "must specify exactly 1 table in the `objects` field when `object_type` is `column`")
		}
		if !m.Columns.IsUnknown() && len(columns) == 0 {
			resp.Diagnostics.AddAttributeError(path.Root("columns"), "Missing columns", "must specify `columns` when `object_type` is `column`")
		}
	} else if len(columns) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("columns"), "Invalid columns", "cannot specify `columns` when `object_type` is not `column`")
	}
	if !m.Privileges.IsUnknown() {
		if bad := invalidPrivileges(ot, setStrings(ctx, m.Privileges)); len(bad) > 0 {
			resp.Diagnostics.AddAttributeError(path.Root("privileges"), "Invalid privileges",
				fmt.Sprintf("invalid privileges for object_type %s: %s (allowed: %s)", ot, strings.Join(bad, ", "), strings.Join(allPrivileges[ot], ", ")))
		}
	}
}

// grantTarget is what a postgresql_grant applies to.
type grantTarget struct {
	on     string   // the ON clause ("" when nothing matched)
	owners []string // owners of the objects (and of their schema)
}

type routineKinds struct {
	keyword  string // FUNCTION / PROCEDURE / ROUTINE
	plural   string
	prokinds string
}

var routineTypes = map[string]routineKinds{
	"function":  {"FUNCTION", "FUNCTIONS", "'f','a','w'"},
	"procedure": {"PROCEDURE", "PROCEDURES", "'p'"},
	"routine":   {"ROUTINE", "ROUTINES", "'f','a','w','p'"},
}

func relkinds(ot string) (kinds, aclType, keyword, plural string) {
	if ot == "sequence" {
		return "'S'", "s", "SEQUENCE", "SEQUENCES"
	}
	return "'r','v','m','f','p'", "r", "TABLE", "TABLES"
}

// namedObject is one object with its acl-ish data, used by target resolution and read.
type namedObject struct {
	name    string // as matched against `objects`
	sqlName string // qualified SQL name (with signature for routines)
	owner   string
}

func matchesObject(objects []string, o namedObject, bare string) bool {
	if len(objects) == 0 {
		return true
	}
	for _, want := range objects {
		if want == bare || want == o.name || strings.ReplaceAll(want, " ", "") == strings.ReplaceAll(o.name, " ", "") {
			return true
		}
	}
	return false
}

// listObjects returns the objects of an in-schema or database-wide type that `objects` selects.
func listObjects(ctx context.Context, q execer, m *grantModel) ([]namedObject, error) {
	ot := m.ObjectType.ValueString()
	schemaName := m.Schema.ValueString()
	objects := setStrings(ctx, m.Objects)
	var query string
	var args []any
	switch ot {
	case "table", "sequence":
		kinds, _, _, _ := relkinds(ot)
		query = `SELECT c.relname, c.relname, pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		          WHERE n.nspname = $1 AND c.relkind IN (` + kinds + `)`
		args = []any{schemaName}
	case "function", "procedure", "routine":
		query = `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proname, pg_get_userbyid(p.proowner)
		           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		          WHERE n.nspname = $1 AND p.prokind IN (` + routineTypes[ot].prokinds + `)`
		args = []any{schemaName}
	case "foreign_data_wrapper":
		query = `SELECT fdwname, fdwname, pg_get_userbyid(fdwowner) FROM pg_foreign_data_wrapper`
	case "foreign_server":
		query = `SELECT srvname, srvname, pg_get_userbyid(srvowner) FROM pg_foreign_server`
	case "column":
		query = `SELECT c.relname, c.relname, pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		          WHERE n.nspname = $1 AND c.relkind IN ('r','v','m','f','p')`
		args = []any{schemaName}
	default:
		return nil, fmt.Errorf("unsupported object_type %q", ot)
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []namedObject
	for rows.Next() {
		var o namedObject
		var bare string
		if err := rows.Scan(&o.name, &bare, &o.owner); err != nil {
			return nil, err
		}
		if !matchesObject(objects, o, bare) {
			continue
		}
		switch ot {
		case "function", "procedure", "routine":
			// name is "f(args)": qualify the bare name and keep the argument list
			o.sqlName = qi(schemaName) + "." + qi(bare) + o.name[len(bare):]
		case "foreign_data_wrapper", "foreign_server":
			o.sqlName = qi(o.name)
		default:
			o.sqlName = qi(schemaName) + "." + qi(o.name)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func schemaOwner(ctx context.Context, q execer, schemaName string) (string, bool, error) {
	var owner string
	err := q.QueryRowContext(ctx, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1", schemaName).Scan(&owner)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	return owner, err == nil, err
}

// target resolves the ON clause and the owners involved.
func (r *grantResource) target(ctx context.Context, q execer, m *grantModel) (grantTarget, error) {
	ot := m.ObjectType.ValueString()
	schemaName := m.Schema.ValueString()
	objects := setStrings(ctx, m.Objects)
	var t grantTarget
	switch ot {
	case "database":
		var owner string
		if err := q.QueryRowContext(ctx, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", m.Database.ValueString()).Scan(&owner); err != nil {
			return t, fmt.Errorf("database %q: %w", m.Database.ValueString(), err)
		}
		t.on = "DATABASE " + qi(m.Database.ValueString())
		t.owners = []string{owner}
		return t, nil
	case "schema":
		owner, ok, err := schemaOwner(ctx, q, schemaName)
		if err != nil {
			return t, err
		}
		if !ok {
			return t, fmt.Errorf("schema %q does not exist in database %q", schemaName, m.Database.ValueString())
		}
		t.on = "SCHEMA " + qi(schemaName)
		t.owners = []string{owner}
		return t, nil
	}
	if ot != "foreign_data_wrapper" && ot != "foreign_server" {
		owner, ok, err := schemaOwner(ctx, q, schemaName)
		if err != nil {
			return t, err
		}
		if !ok {
			return t, fmt.Errorf("schema %q does not exist in database %q", schemaName, m.Database.ValueString())
		}
		t.owners = append(t.owners, owner)
	}
	objs, err := listObjects(ctx, q, m)
	if err != nil {
		return t, err
	}
	for _, o := range objs {
		t.owners = append(t.owners, o.owner)
	}
	if len(objects) == 0 && ot != "foreign_data_wrapper" && ot != "foreign_server" && ot != "column" {
		switch ot {
		case "table", "sequence":
			_, _, _, plural := relkinds(ot)
			t.on = "ALL " + plural + " IN SCHEMA " + qi(schemaName)
		default:
			t.on = "ALL " + routineTypes[ot].plural + " IN SCHEMA " + qi(schemaName)
		}
		return t, nil
	}
	if len(objs) == 0 {
		return t, nil
	}
	names := make([]string, len(objs))
	for i, o := range objs {
		names[i] = o.sqlName
	}
	switch ot {
	case "table", "sequence", "column":
		_, _, keyword, _ := relkinds(ot)
		t.on = keyword + " " + strings.Join(names, ", ")
	case "function", "procedure", "routine":
		t.on = routineTypes[ot].keyword + " " + strings.Join(names, ", ")
	case "foreign_data_wrapper":
		t.on = "FOREIGN DATA WRAPPER " + strings.Join(names, ", ")
	case "foreign_server":
		t.on = "FOREIGN SERVER " + strings.Join(names, ", ")
	}
	return t, nil
}

// grantLockKey names the catalog rows a grant rewrites, for lockObject.
func grantLockKey(m *grantModel) string {
	s := m.Schema.ValueString()
	switch m.ObjectType.ValueString() {
	case "database":
		return "acl:database:" + m.Database.ValueString()
	case "schema":
		return "acl:schema:" + s
	case "table", "sequence", "column":
		return "acl:relations:" + s
	case "function", "procedure", "routine":
		return "acl:routines:" + s
	default:
		return "acl:" + m.ObjectType.ValueString()
	}
}

func grantID(ctx context.Context, m *grantModel) string {
	parts := []string{m.Role.ValueString(), m.Database.ValueString()}
	if m.ObjectType.ValueString() != "database" {
		parts = append(parts, m.Schema.ValueString())
	}
	parts = append(parts, m.ObjectType.ValueString())
	objs := setStrings(ctx, m.Objects)
	sort.Strings(objs)
	parts = append(parts, objs...)
	cols := setStrings(ctx, m.Columns)
	sort.Strings(cols)
	parts = append(parts, cols...)
	return strings.Join(parts, "_")
}

// apply revokes everything the role holds on the target and grants the requested privileges,
// in one transaction (delete passes grant = false).
func (r *grantResource) apply(ctx context.Context, m *grantModel, grant bool) error {
	ot := m.ObjectType.ValueString()
	role := m.Role.ValueString()
	privs := setStrings(ctx, m.Privileges)
	return r.client.WithTx(ctx, m.Database.ValueString(), func(tx *sql.Tx) error {
		if !grant {
			// Nothing left to revoke when the role or the schema is gone.
			if ok, err := roleExists(ctx, tx, role); err != nil || !ok {
				return err
			}
			if ot != "database" && ot != "foreign_data_wrapper" && ot != "foreign_server" {
				if _, ok, err := schemaOwner(ctx, tx, m.Schema.ValueString()); err != nil || !ok {
					return err
				}
			}
		}
		if err := lockRole(ctx, tx, role); err != nil {
			return err
		}
		if err := lockObject(ctx, tx, grantLockKey(m)); err != nil {
			return err
		}
		t, err := r.target(ctx, tx, m)
		if err != nil {
			return err
		}
		if t.on == "" {
			if grant && len(privs) > 0 {
				return fmt.Errorf("no %s matching %v found in schema %q", ot, setStrings(ctx, m.Objects), m.Schema.ValueString())
			}
			return nil
		}
		return r.client.withRolesGranted(ctx, tx, t.owners, func() error {
			grantee := roleSpec(role)
			if ot == "column" {
				cols := "(" + quoteAll(setStrings(ctx, m.Columns), qi) + ")"
				if err := exec(ctx, tx, "REVOKE ALL PRIVILEGES "+cols+" ON "+t.on+" FROM "+grantee); err != nil {
					return err
				}
				if !grant || len(privs) == 0 {
					return nil
				}
				var parts []string
				for _, p := range canonicalPrivileges(ot, privs) {
					parts = append(parts, p+" "+cols)
				}
				stmt := "GRANT " + strings.Join(parts, ", ") + " ON " + t.on + " TO " + grantee
				if m.WithGrantOption.ValueBool() {
					stmt += " WITH GRANT OPTION"
				}
				return exec(ctx, tx, stmt)
			}
			if err := exec(ctx, tx, "REVOKE ALL PRIVILEGES ON "+t.on+" FROM "+grantee); err != nil {
				return err
			}
			if !grant || len(privs) == 0 {
				return nil
			}
			stmt := "GRANT " + privilegesForSQL(ot, privs) + " ON " + t.on + " TO " + grantee
			if m.WithGrantOption.ValueBool() {
				stmt += " WITH GRANT OPTION"
			}
			return exec(ctx, tx, stmt)
		})
	})
}

// read refreshes the privileges; found is false when the role, database or schema is gone.
func (r *grantResource) read(ctx context.Context, m *grantModel) (bool, error) {
	db, err := r.client.DB(ctx, m.Database.ValueString())
	if err != nil {
		if isMissingDatabase(err) {
			return false, nil
		}
		return false, err
	}
	role := m.Role.ValueString()
	ot := m.ObjectType.ValueString()
	var grantee int64
	if !strings.EqualFold(role, "public") {
		err := db.QueryRowContext(ctx, "SELECT oid::bigint FROM pg_roles WHERE rolname = $1", role).Scan(&grantee)
		if err == sql.ErrNoRows {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
	schemaName := m.Schema.ValueString()
	if ot != "database" && ot != "foreign_data_wrapper" && ot != "foreign_server" {
		if _, ok, err := schemaOwner(ctx, db, schemaName); err != nil || !ok {
			return false, err
		}
	}
	// One row per selected object: its name and the privileges the grantee holds on it.
	var query string
	args := []any{grantee, m.WithGrantOption.ValueBool()}
	held := `ARRAY(SELECT DISTINCT a.privilege_type FROM aclexplode(%s) a WHERE a.grantee = $1 AND (a.is_grantable OR NOT $2) ORDER BY 1)`
	switch ot {
	case "database":
		query = `SELECT datname, datname, ` + fmt.Sprintf(held, "COALESCE(datacl, acldefault('d', datdba))") + ` FROM pg_database WHERE datname = current_database()`
	case "schema":
		query = `SELECT nspname, nspname, ` + fmt.Sprintf(held, "COALESCE(nspacl, acldefault('n', nspowner))") + ` FROM pg_namespace WHERE nspname = $3`
		args = append(args, schemaName)
	case "table", "sequence":
		kinds, aclType, _, _ := relkinds(ot)
		query = `SELECT c.relname, c.relname, ` + fmt.Sprintf(held, "COALESCE(c.relacl, acldefault('"+aclType+"', c.relowner))") + `
		           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $3 AND c.relkind IN (` + kinds + `)`
		args = append(args, schemaName)
	case "function", "procedure", "routine":
		query = `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proname, ` +
			fmt.Sprintf(held, "COALESCE(p.proacl, acldefault('f', p.proowner))") + `
		           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $3 AND p.prokind IN (` + routineTypes[ot].prokinds + `)`
		args = append(args, schemaName)
	case "foreign_data_wrapper":
		query = `SELECT fdwname, fdwname, ` + fmt.Sprintf(held, "COALESCE(fdwacl, acldefault('F', fdwowner))") + ` FROM pg_foreign_data_wrapper`
	case "foreign_server":
		query = `SELECT srvname, srvname, ` + fmt.Sprintf(held, "COALESCE(srvacl, acldefault('S', srvowner))") + ` FROM pg_foreign_server`
	case "column":
		objs := setStrings(ctx, m.Objects)
		table := ""
		if len(objs) > 0 {
			table = objs[0]
		}
		query = `SELECT a.attname, a.attname, ` + fmt.Sprintf(held, "a.attacl") + `
		           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		          WHERE n.nspname = $3 AND c.relname = $4 AND a.attnum > 0 AND NOT a.attisdropped`
		args = append(args, schemaName, table)
	default:
		return false, fmt.Errorf("unsupported object_type %q", ot)
	}
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	selectors := setStrings(ctx, m.Objects)
	if ot == "column" {
		selectors = setStrings(ctx, m.Columns)
	}
	perObject := map[string][]string{}
	for rows.Next() {
		var name, bare string
		var privs pq.StringArray
		if err := rows.Scan(&name, &bare, &privs); err != nil {
			return false, err
		}
		if !matchesObject(selectors, namedObject{name: name}, bare) {
			continue
		}
		perObject[name] = append(perObject[name], privs...) // creates the key even when empty
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	var sets [][]string
	for _, p := range perObject {
		sets = append(sets, p)
	}
	// A selected object that does not exist holds nothing.
	for _, want := range selectors {
		found := false
		for name := range perObject {
			if name == want || strings.HasPrefix(name, want+"(") || strings.ReplaceAll(name, " ", "") == strings.ReplaceAll(want, " ", "") {
				found = true
			}
		}
		if !found {
			sets = append(sets, nil)
		}
	}
	prior := setStrings(ctx, m.Privileges)
	if len(sets) == 0 {
		// "All objects" of a type in a schema that has none: nothing to compare, keep the state.
		return true, nil
	}
	m.Privileges = stringSet(keepSpelling(ot, prior, intersect(sets)))
	return true, nil
}

func (r *grantResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan grantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.apply(ctx, &plan, true); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not execute grant for role %s on %s", plan.Role.ValueString(), plan.ObjectType.ValueString()), err)
		return
	}
	plan.ID = types.StringValue(grantID(ctx, &plan))
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
	var plan grantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.apply(ctx, &plan, true); err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not execute grant for role %s on %s", plan.Role.ValueString(), plan.ObjectType.ValueString()), err)
		return
	}
	plan.ID = types.StringValue(grantID(ctx, &plan))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *grantResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state grantModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.apply(ctx, &state, false); err != nil {
		if isMissingDatabase(err) {
			return
		}
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not revoke grant for role %s on %s", state.Role.ValueString(), state.ObjectType.ValueString()), err)
	}
}
