package pgprov

import (
	"context"
	"crypto/md5"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"aurora-cdktf/tools/compat-providers/internal/sdkcompat"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/lib/pq"
)

type roleResource struct{ base }

func newRoleResource() resource.Resource { return &roleResource{} }

type roleModel struct {
	ID                              types.String `tfsdk:"id"`
	Name                            types.String `tfsdk:"name"`
	Superuser                       types.Bool   `tfsdk:"superuser"`
	CreateDatabase                  types.Bool   `tfsdk:"create_database"`
	CreateRole                      types.Bool   `tfsdk:"create_role"`
	Inherit                         types.Bool   `tfsdk:"inherit"`
	Login                           types.Bool   `tfsdk:"login"`
	Replication                     types.Bool   `tfsdk:"replication"`
	BypassRowLevelSecurity          types.Bool   `tfsdk:"bypass_row_level_security"`
	ConnectionLimit                 types.Int64  `tfsdk:"connection_limit"`
	EncryptedPassword               types.Bool   `tfsdk:"encrypted_password"`
	Encrypted                       types.String `tfsdk:"encrypted"`
	Password                        types.String `tfsdk:"password"`
	PasswordWO                      types.String `tfsdk:"password_wo"`
	PasswordWOVersion               types.String `tfsdk:"password_wo_version"`
	ValidUntil                      types.String `tfsdk:"valid_until"`
	Roles                           types.Set    `tfsdk:"roles"`
	SearchPath                      types.List   `tfsdk:"search_path"`
	StatementTimeout                types.Int64  `tfsdk:"statement_timeout"`
	IdleInTransactionSessionTimeout types.Int64  `tfsdk:"idle_in_transaction_session_timeout"`
	AssumeRole                      types.String `tfsdk:"assume_role"`
	SkipDropRole                    types.Bool   `tfsdk:"skip_drop_role"`
	SkipReassignOwned               types.Bool   `tfsdk:"skip_reassign_owned"`
}

// roleRules are the real provider's defaults (and the arguments whose unset value a refresh
// stores as the zero value).
var roleRules = map[string]sdkcompat.Attribute{
	"superuser":                           {Default: false},
	"create_database":                     {Default: false},
	"create_role":                         {Default: false},
	"inherit":                             {Default: true},
	"login":                               {Default: false},
	"replication":                         {Default: false},
	"bypass_row_level_security":           {Default: false},
	"connection_limit":                    {Default: -1},
	"encrypted_password":                  {Default: true},
	"valid_until":                         {Default: "infinity"},
	"skip_drop_role":                      {Default: false},
	"skip_reassign_owned":                 {Default: false},
	"password":                            {},
	"roles":                               {},
	"search_path":                         {},
	"statement_timeout":                   {},
	"idle_in_transaction_session_timeout": {},
	"assume_role":                         {},
}

func (r *roleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (r *roleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("Creates and manages a role on a PostgreSQL server."),
		Attributes: map[string]schema.Attribute{
			"id":                        idAttribute("name"),
			"name":                      schema.StringAttribute{Required: true, Description: "The name of the role"},
			"superuser":                 optBool(`Determine whether the new role is a "superuser"`),
			"create_database":           optBool("Define a role's ability to create databases"),
			"create_role":               optBool("Determine whether this role will be permitted to create new roles"),
			"inherit":                   optBool(`Determine whether a role "inherits" the privileges of roles it is a member of`),
			"login":                     optBool("Determine whether a role is allowed to log in"),
			"replication":               optBool("Determine whether a role is allowed to initiate streaming replication or put the system in and out of backup mode"),
			"bypass_row_level_security": optBool("Determine whether a role bypasses every row-level security (RLS) policy"),
			"connection_limit":          optInt("How many concurrent connections can be made with this role"),
			"encrypted_password":        optBool("Control whether the password is stored encrypted in the system catalogs"),
			"encrypted":                 schema.StringAttribute{Optional: true, DeprecationMessage: "Rename PostgreSQL role resource attribute \"encrypted\" to \"encrypted_password\""},
			"password":                  schema.StringAttribute{Optional: true, Sensitive: true, Description: "Sets the role's password"},
			"password_wo": schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true,
				Description: "Sets the role's password without storing it in the state file."},
			"password_wo_version": optString("Prevents applies from updating the role password on every apply unless the value changes."),
			"valid_until":         optString("Sets a date and time after which the role's password is no longer valid"),
			"roles": schema.SetAttribute{ElementType: types.StringType, Optional: true,
				Description: "Role(s) to grant to this new role"},
			"search_path": schema.ListAttribute{ElementType: types.StringType, Optional: true,
				Description: "Sets the role's search path"},
			"statement_timeout":                   optInt("Abort any statement that takes more than the specified number of milliseconds"),
			"idle_in_transaction_session_timeout": optInt("Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds"),
			"assume_role":                         optString("Role to switch to at login"),
			"skip_drop_role":                      optBool("Skip actually running the DROP ROLE command when removing a ROLE from PostgreSQL"),
			"skip_reassign_owned":                 optBool("Skip actually running the REASSIGN OWNED command when removing a role from PostgreSQL"),
		},
	}
}

func (r *roleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m roleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !m.Password.IsNull() && !m.PasswordWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo"), "Conflicting configuration arguments",
			`"password_wo": conflicts with password`)
	}
	if !m.Password.IsNull() && !m.PasswordWOVersion.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo_version"), "Conflicting configuration arguments",
			`"password_wo_version": conflicts with password`)
	}
	if !m.PasswordWOVersion.IsNull() && m.PasswordWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo_version"), "Missing required argument",
			`"password_wo_version": all of `+"`password_wo,password_wo_version`"+` must be specified`)
	}
	if !m.PasswordWO.IsNull() && m.PasswordWOVersion.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo"), "Missing required argument",
			`"password_wo": all of `+"`password_wo,password_wo_version`"+` must be specified`)
	}
	for _, t := range []struct {
		name string
		v    types.Int64
		min  int64
	}{{"connection_limit", m.ConnectionLimit, -1}, {"statement_timeout", m.StatementTimeout, 0},
		{"idle_in_transaction_session_timeout", m.IdleInTransactionSessionTimeout, 0}} {
		if !t.v.IsNull() && !t.v.IsUnknown() && t.v.ValueInt64() < t.min {
			resp.Diagnostics.AddAttributeError(path.Root(t.name), "Invalid Attribute Value",
				fmt.Sprintf("expected %s to be at least (%d), got %d", t.name, t.min, t.v.ValueInt64()))
		}
	}
}

// roleOptions is what CREATE ROLE is built from (the planned values, defaults filled in).
type roleOptions struct {
	Password          string // "" = none
	EncryptedPassword bool
	ValidUntil        string
	ConnectionLimit   int64
	Superuser         bool
	CreateDatabase    bool
	CreateRole        bool
	Inherit           bool
	Login             bool
	BypassRLS         bool
	Replication       bool
}

func word(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// createRoleStatement renders CREATE ROLE in the real provider's form: the password first
// (ENCRYPTED PASSWORD '<clear text>', or PASSWORD NULL), then VALID UNTIL, CONNECTION LIMIT and the
// flags, e.g. `CREATE ROLE "x" WITH ENCRYPTED PASSWORD '…' VALID UNTIL 'infinity' CONNECTION LIMIT
// -1 NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT LOGIN NOBYPASSRLS NOREPLICATION`.
func createRoleStatement(name string, o roleOptions) string {
	var opts []string
	if o.Password != "" {
		if strings.ToUpper(o.Password) == "NULL" {
			opts = append(opts, "PASSWORD NULL")
		} else {
			opts = append(opts, word(o.EncryptedPassword, "ENCRYPTED", "UNENCRYPTED"), "PASSWORD '"+sqlText(o.Password)+"'")
		}
	}
	if v := o.ValidUntil; v != "" {
		if strings.ToLower(v) == "infinity" {
			opts = append(opts, "VALID UNTIL 'infinity'")
		} else {
			opts = append(opts, "VALID UNTIL '"+sqlText(v)+"'")
		}
	}
	opts = append(opts,
		fmt.Sprintf("CONNECTION LIMIT %d", o.ConnectionLimit),
		word(o.Superuser, "SUPERUSER", "NOSUPERUSER"),
		word(o.CreateDatabase, "CREATEDB", "NOCREATEDB"),
		word(o.CreateRole, "CREATEROLE", "NOCREATEROLE"),
		word(o.Inherit, "INHERIT", "NOINHERIT"),
		word(o.Login, "LOGIN", "NOLOGIN"),
		word(o.BypassRLS, "BYPASSRLS", "NOBYPASSRLS"),
		word(o.Replication, "REPLICATION", "NOREPLICATION"))
	return "CREATE ROLE " + qi(name) + " WITH " + strings.Join(opts, " ")
}

// searchPathStatement is what the real provider sends after every create and update:
// `ALTER ROLE "x" SET search_path TO DEFAULT` when search_path is empty.
func searchPathStatement(name string, searchPath []string) (string, error) {
	to := "DEFAULT"
	if len(searchPath) > 0 {
		q := make([]string, len(searchPath))
		for i, p := range searchPath {
			if strings.Contains(p, ", ") {
				return "", fmt.Errorf("search_path cannot contain `, `: %v", p)
			}
			q[i] = qi(p)
		}
		to = strings.Join(q, ", ")
	}
	return "ALTER ROLE " + qi(name) + " SET search_path TO " + to, nil
}

func (m *roleModel) options(password string) roleOptions {
	return roleOptions{
		Password: password, EncryptedPassword: m.EncryptedPassword.ValueBool(), ValidUntil: m.ValidUntil.ValueString(),
		ConnectionLimit: m.ConnectionLimit.ValueInt64(), Superuser: m.Superuser.ValueBool(),
		CreateDatabase: m.CreateDatabase.ValueBool(), CreateRole: m.CreateRole.ValueBool(), Inherit: m.Inherit.ValueBool(),
		Login: m.Login.ValueBool(), BypassRLS: m.BypassRowLevelSecurity.ValueBool(), Replication: m.Replication.ValueBool(),
	}
}

// grantRoles grants each of `roles` to the role, in the real provider's (set) order.
func grantRoles(ctx context.Context, tx *sql.Tx, name string, roles []string) error {
	for _, g := range sdkcompat.SetOrder(roles) {
		if err := exec(ctx, tx, "GRANT "+qi(g)+" TO "+qi(name)); err != nil {
			return fmt.Errorf("could not grant role %s to %s: %w", g, name, err)
		}
	}
	return nil
}

// roleSettings applies statement_timeout, idle_in_transaction_session_timeout and assume_role
// where they differ from old (zero values when creating), as the real provider does.
func roleSettings(ctx context.Context, tx *sql.Tx, name string, m, old *roleModel) error {
	for _, s := range []struct {
		setting  string
		new, old int64
	}{
		{"statement_timeout", m.StatementTimeout.ValueInt64(), old.StatementTimeout.ValueInt64()},
		{"idle_in_transaction_session_timeout", m.IdleInTransactionSessionTimeout.ValueInt64(), old.IdleInTransactionSessionTimeout.ValueInt64()},
	} {
		if s.new == s.old {
			continue
		}
		stmt := fmt.Sprintf("ALTER ROLE %s SET %s TO %d", qi(name), s.setting, s.new)
		if s.new == 0 {
			stmt = fmt.Sprintf("ALTER ROLE %s RESET %s", qi(name), s.setting)
		}
		if err := exec(ctx, tx, stmt); err != nil {
			return fmt.Errorf("could not set %s for %s: %w", s.setting, name, err)
		}
	}
	if a, o := m.AssumeRole.ValueString(), old.AssumeRole.ValueString(); a != o {
		stmt := "ALTER ROLE " + qi(name) + " SET ROLE TO " + qi(a)
		if a == "" {
			stmt = "ALTER ROLE " + qi(name) + " RESET ROLE"
		}
		if err := exec(ctx, tx, stmt); err != nil {
			return fmt.Errorf("could not set role %s for %s: %w", a, name, err)
		}
	}
	return nil
}

// writeOnly reads a write-only argument from the configuration ("" when null or empty).
func writeOnly(ctx context.Context, cfg tfsdk.Config, name string) (string, diag.Diagnostics) {
	var v types.String
	d := cfg.GetAttribute(ctx, path.Root(name), &v)
	if v.IsNull() || v.IsUnknown() {
		return "", d
	}
	return v.ValueString(), d
}

func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	pwWO, d := writeOnly(ctx, req.Config, "password_wo")
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	password := plan.Password.ValueString()
	if password == "" {
		password = pwWO
	}
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		if err := exec(ctx, tx, createRoleStatement(name, plan.options(password))); err != nil {
			return fmt.Errorf("error creating role %s: %w", name, err)
		}
		if err := grantRoles(ctx, tx, name, setStrings(ctx, plan.Roles)); err != nil {
			return err
		}
		sp, err := searchPathStatement(name, setStrings(ctx, plan.SearchPath))
		if err != nil {
			return err
		}
		if err := exec(ctx, tx, sp); err != nil {
			return fmt.Errorf("could not set search_path for %s: %w", name, err)
		}
		return roleSettings(ctx, tx, name, &plan, &roleModel{})
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not create role %s", name), err)
		return
	}
	plan.ID = types.StringValue(name)
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("role %q not found after creation", name)
		}
		errDiag(&resp.Diagnostics, "Could not read role after creation", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// read refreshes m from the server as the real provider does; found is false when the role does
// not exist.
func (r *roleResource) read(ctx context.Context, m *roleModel) (found bool, err error) {
	db, err := r.client.DB(ctx, "")
	if err != nil {
		return false, err
	}
	name := m.ID.ValueString()
	if m.ID.IsNull() || m.ID.IsUnknown() || name == "" {
		name = m.Name.ValueString()
	}
	var (
		super, inherit, createRole, createDB, login, repl, bypass bool
		connLimit                                                 int64
		roleName, validUntil                                      string
		roles, config                                             pq.StringArray
	)
	err = db.QueryRowContext(ctx, `SELECT ARRAY(
			SELECT pg_get_userbyid(roleid) FROM pg_catalog.pg_auth_members members WHERE member = pg_roles.oid
		), rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolconnlimit,
		COALESCE(rolvaliduntil::TEXT, 'infinity'), COALESCE(rolconfig, '{}'), rolreplication, rolbypassrls
		FROM pg_catalog.pg_roles WHERE rolname=$1`, name).Scan(&roles, &roleName, &super, &inherit, &createRole, &createDB,
		&login, &connLimit, &validUntil, &config, &repl, &bypass)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("error reading ROLE: %w", err)
	}
	m.ID = types.StringValue(roleName)
	m.Name = types.StringValue(roleName)
	m.Superuser = types.BoolValue(super)
	m.Inherit = types.BoolValue(inherit)
	m.CreateRole = types.BoolValue(createRole)
	m.CreateDatabase = types.BoolValue(createDB)
	m.Login = types.BoolValue(login)
	m.Replication = types.BoolValue(repl)
	m.BypassRowLevelSecurity = types.BoolValue(bypass)
	m.ConnectionLimit = types.Int64Value(connLimit)
	m.EncryptedPassword = types.BoolValue(true)
	m.ValidUntil = types.StringValue(validUntil)
	m.Roles = stringSet(roles)
	m.SearchPath = stringList(readSearchPath(config))
	m.AssumeRole = types.StringValue(readAssumeRole(config))
	st, err := readIntSetting(config, "statement_timeout")
	if err != nil {
		return false, err
	}
	it, err := readIntSetting(config, "idle_in_transaction_session_timeout")
	if err != nil {
		return false, err
	}
	m.StatementTimeout = types.Int64Value(st)
	m.IdleInTransactionSessionTimeout = types.Int64Value(it)
	if m.SkipDropRole.IsNull() || m.SkipDropRole.IsUnknown() {
		m.SkipDropRole = types.BoolValue(false)
	}
	if m.SkipReassignOwned.IsNull() || m.SkipReassignOwned.IsUnknown() {
		m.SkipReassignOwned = types.BoolValue(false)
	}
	if m.Password.ValueString() != "" {
		pw, err := r.readPassword(ctx, db, roleName, m.Password.ValueString(), login)
		if err != nil {
			return false, err
		}
		m.Password = types.StringValue(pw)
	}
	m.PasswordWO = types.StringNull()
	return true, nil
}

// readPassword is what the real provider makes of the stored password: with `superuser = false`
// or for a role that cannot log in, the state's password as is; otherwise (a superuser only) the
// stored value, unless it is the MD5 hash of the state's password or any SCRAM verifier (which it
// does not check).
func (r *roleResource) readPassword(ctx context.Context, db *sql.DB, role, statePassword string, login bool) (string, error) {
	if !login || !r.client.cfg.Superuser {
		return statePassword, nil
	}
	var current string
	if err := db.QueryRowContext(ctx, "SELECT CURRENT_USER").Scan(&current); err != nil {
		return "", err
	}
	super, err := isSuperuser(ctx, db, current)
	if err != nil {
		return "", err
	}
	if !super {
		return "", fmt.Errorf("could not read role password from Postgres as connected user %s is not a SUPERUSER. "+
			"You can set `superuser = false` in the provider configuration so it will not try to read the password from Postgres",
			r.client.loginRole())
	}
	var stored string
	err = db.QueryRowContext(ctx, "SELECT COALESCE(passwd, '') FROM pg_catalog.pg_shadow AS s WHERE s.usename = $1", role).Scan(&stored)
	if err == sql.ErrNoRows {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("error reading role: %w", err)
	}
	return passwordFromStored(statePassword, stored, role), nil
}

// passwordFromStored is readPassword's decision for a superuser: the state's password when the
// stored one is its MD5 hash or a SCRAM verifier, else the stored value.
func passwordFromStored(statePassword, stored, role string) string {
	if statePassword != "" && !strings.HasPrefix(statePassword, "md5") && !strings.HasPrefix(statePassword, "SCRAM-SHA-256") {
		if strings.HasPrefix(stored, "md5") {
			sum := md5.Sum([]byte(statePassword + role))
			if "md5"+hex.EncodeToString(sum[:]) == stored {
				return statePassword
			}
		}
		if strings.HasPrefix(stored, "SCRAM-SHA-256") {
			return statePassword
		}
	}
	return stored
}

// readSearchPath reads search_path from rolconfig as the real provider does (split on ", ",
// double quotes trimmed); nil when not set.
func readSearchPath(config []string) []string {
	for _, c := range config {
		if strings.HasPrefix(c, "search_path") {
			parts := strings.Split(strings.TrimPrefix(c, "search_path="), ", ")
			for i := range parts {
				parts[i] = strings.Trim(parts[i], `"`)
			}
			return parts
		}
	}
	return nil
}

// readAssumeRole reads the `role` setting from rolconfig ("" when not set).
func readAssumeRole(config []string) string {
	res := ""
	for _, c := range config {
		if strings.HasPrefix(c, "role") {
			res = strings.TrimPrefix(c, "role=")
		}
	}
	return res
}

// readIntSetting reads an integer setting (milliseconds, no unit) from rolconfig (0 when not set).
func readIntSetting(config []string, setting string) (int64, error) {
	for _, c := range config {
		if strings.HasPrefix(c, setting) {
			v := strings.Split(strings.TrimPrefix(c, setting+"="), ", ")[0]
			n, err := strconv.Atoi(v)
			if err != nil {
				return -1, fmt.Errorf("error reading %s: %w", setting, err)
			}
			return int64(n), nil
		}
	}
	return 0, nil
}

func (r *roleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := r.read(ctx, &state)
	if err != nil {
		errDiag(&resp.Diagnostics, "Could not read role", err)
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *roleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	pwWO, d := writeOnly(ctx, req.Config, "password_wo")
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	oldName, name := state.Name.ValueString(), plan.Name.ValueString()
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		if err := lockRole(ctx, tx, oldName); err != nil {
			return err
		}
		if oldName != name {
			if name == "" {
				return fmt.Errorf("error setting role name to an empty string")
			}
			if err := exec(ctx, tx, "ALTER ROLE "+qi(oldName)+" RENAME TO "+qi(name)); err != nil {
				return fmt.Errorf("error updating role NAME: %w", err)
			}
		}
		// The password: password_wo when configured and its version changed; else password
		// when it (or the name) changed and it is not empty.
		password := ""
		if pwWO != "" {
			if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
				password = pwWO
				plan.Password = types.StringValue("")
			}
		} else if !plan.Password.Equal(state.Password) || oldName != name {
			password = plan.Password.ValueString()
		}
		if password != "" {
			if err := exec(ctx, tx, "ALTER ROLE "+qi(name)+" PASSWORD '"+sqlText(password)+"'"); err != nil {
				return fmt.Errorf("error updating role password: %w", err)
			}
		}
		flag := func(changed bool, stmt, what string) error {
			if !changed {
				return nil
			}
			if err := exec(ctx, tx, stmt); err != nil {
				return fmt.Errorf("error updating role %s: %w", what, err)
			}
			return nil
		}
		with := func(b types.Bool, yes, no string) string {
			return "ALTER ROLE " + qi(name) + " WITH " + word(b.ValueBool(), yes, no)
		}
		boolChanged := func(a, b types.Bool) bool { return a.ValueBool() != b.ValueBool() }
		validUntil := plan.ValidUntil.ValueString()
		if strings.ToLower(validUntil) == "infinity" {
			validUntil = "infinity"
		}
		for _, f := range []struct {
			changed   bool
			stmt, tok string
		}{
			{boolChanged(plan.BypassRowLevelSecurity, state.BypassRowLevelSecurity), with(plan.BypassRowLevelSecurity, "BYPASSRLS", "NOBYPASSRLS"), "BYPASSRLS"},
			{plan.ConnectionLimit.ValueInt64() != state.ConnectionLimit.ValueInt64(),
				fmt.Sprintf("ALTER ROLE %s CONNECTION LIMIT %d", qi(name), plan.ConnectionLimit.ValueInt64()), "CONNECTION LIMIT"},
			{boolChanged(plan.CreateDatabase, state.CreateDatabase), with(plan.CreateDatabase, "CREATEDB", "NOCREATEDB"), "CREATEDB"},
			{boolChanged(plan.CreateRole, state.CreateRole), with(plan.CreateRole, "CREATEROLE", "NOCREATEROLE"), "CREATEROLE"},
			{boolChanged(plan.Inherit, state.Inherit), with(plan.Inherit, "INHERIT", "NOINHERIT"), "INHERIT"},
			{boolChanged(plan.Login, state.Login), with(plan.Login, "LOGIN", "NOLOGIN"), "LOGIN"},
			{boolChanged(plan.Replication, state.Replication), with(plan.Replication, "REPLICATION", "NOREPLICATION"), "REPLICATION"},
			{boolChanged(plan.Superuser, state.Superuser), with(plan.Superuser, "SUPERUSER", "NOSUPERUSER"), "SUPERUSER"},
			{plan.ValidUntil.ValueString() != state.ValidUntil.ValueString() && validUntil != "",
				"ALTER ROLE " + qi(name) + " VALID UNTIL '" + sqlText(validUntil) + "'", "VALID UNTIL"},
		} {
			if err := flag(f.changed, f.stmt, f.tok); err != nil {
				return err
			}
		}
		// Memberships: every current one is revoked, then the configured ones granted.
		rows, err := tx.QueryContext(ctx, `SELECT pg_get_userbyid(roleid)
			FROM pg_catalog.pg_auth_members members
			JOIN pg_catalog.pg_roles ON members.member = pg_roles.oid
			WHERE rolname = $1`, name)
		if err != nil {
			return fmt.Errorf("could not get roles list for role %s: %w", name, err)
		}
		var current []string
		for rows.Next() {
			var g string
			if err := rows.Scan(&g); err != nil {
				rows.Close()
				return err
			}
			current = append(current, g)
		}
		rows.Close()
		for _, g := range current {
			if err := exec(ctx, tx, "REVOKE "+qi(g)+" FROM "+qi(name)); err != nil {
				return fmt.Errorf("could not revoke role %s from %s: %w", g, name, err)
			}
		}
		if err := grantRoles(ctx, tx, name, setStrings(ctx, plan.Roles)); err != nil {
			return err
		}
		sp, err := searchPathStatement(name, setStrings(ctx, plan.SearchPath))
		if err != nil {
			return err
		}
		if err := exec(ctx, tx, sp); err != nil {
			return fmt.Errorf("could not set search_path for %s: %w", name, err)
		}
		return roleSettings(ctx, tx, name, &plan, &state)
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not update role %s", name), err)
		return
	}
	plan.ID = types.StringValue(name)
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("role %q not found after update", name)
		}
		errDiag(&resp.Diagnostics, "Could not read role after update", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		if err := lockRole(ctx, tx, name); err != nil {
			return err
		}
		if !state.SkipReassignOwned.ValueBool() {
			err := r.client.withRolesGranted(ctx, tx, []string{name}, func() error {
				to := r.client.loginRole()
				if err := exec(ctx, tx, "REASSIGN OWNED BY "+qi(name)+" TO "+qi(to)); err != nil {
					return fmt.Errorf("could not reassign owned by role %s to %s: %w", name, to, err)
				}
				if err := exec(ctx, tx, "DROP OWNED BY "+qi(name)); err != nil {
					return fmt.Errorf("could not drop owned by role %s: %w", name, err)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		if !state.SkipDropRole.ValueBool() {
			if err := exec(ctx, tx, "DROP ROLE "+qi(name)); err != nil {
				return fmt.Errorf("could not delete role %s: %w", name, err)
			}
		}
		return nil
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not delete role %s", name), err)
	}
}

func (r *roleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), req.ID)...)
}
