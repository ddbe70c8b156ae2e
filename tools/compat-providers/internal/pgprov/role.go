package pgprov

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
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

func (r *roleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func optBool(def bool, desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(def), Description: desc}
}

func (r *roleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("Creates and manages a role on a PostgreSQL server."),
		Attributes: map[string]schema.Attribute{
			"id":                        idAttribute("name"),
			"name":                      schema.StringAttribute{Required: true, Description: "The name of the role"},
			"superuser":                 optBool(false, `Determine whether the new role is a "superuser"`),
			"create_database":           optBool(false, "Define a role's ability to create databases"),
			"create_role":               optBool(false, "Determine whether this role will be permitted to create new roles"),
			"inherit":                   optBool(true, `Determine whether a role "inherits" the privileges of roles it is a member of`),
			"login":                     optBool(false, "Determine whether a role is allowed to log in"),
			"replication":               optBool(false, "Determine whether a role is allowed to initiate streaming replication or put the system in and out of backup mode"),
			"bypass_row_level_security": optBool(false, "Determine whether a role bypasses every row-level security (RLS) policy"),
			"connection_limit": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(-1),
				Description: "How many concurrent connections can be made with this role"},
			"encrypted_password": optBool(true, "Control whether the password is stored encrypted in the system catalogs (the stand-in always stores a SCRAM-SHA-256 verifier)"),
			"encrypted":          schema.StringAttribute{Optional: true, DeprecationMessage: "Rename PostgreSQL role resource attribute \"encrypted\" to \"encrypted_password\""},
			"password":           schema.StringAttribute{Optional: true, Sensitive: true, Description: "Sets the role's password"},
			"password_wo": schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true,
				Description: "Sets the role's password without storing it in the state file."},
			"password_wo_version": schema.StringAttribute{Optional: true,
				Description: "Prevents applies from updating the role password on every apply unless the value changes."},
			"valid_until": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("infinity"),
				Description: "Sets a date and time after which the role's password is no longer valid"},
			"roles": schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				Default: setdefault.StaticValue(emptyStringSet()), Description: "Role(s) to grant to this new role"},
			"search_path": schema.ListAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				Default: listdefault.StaticValue(stringList(nil)), Description: "Sets the role's search path"},
			"statement_timeout": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0),
				Description: "Abort any statement that takes more than the specified number of milliseconds"},
			"idle_in_transaction_session_timeout": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0),
				Description: "Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds"},
			"assume_role": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(""),
				Description: "Role to switch to at login"},
			"skip_drop_role":      optBool(false, "Skip actually running the DROP ROLE command when removing a ROLE from PostgreSQL"),
			"skip_reassign_owned": optBool(false, "Skip actually running the REASSIGN OWNED command when removing a role from PostgreSQL"),
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
	if !m.PasswordWOVersion.IsNull() && m.PasswordWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo_version"), "Missing required argument",
			`"password_wo_version": all of `+"`password_wo,password_wo_version`"+` must be specified`)
	}
	if !m.ConnectionLimit.IsNull() && !m.ConnectionLimit.IsUnknown() && m.ConnectionLimit.ValueInt64() < -1 {
		resp.Diagnostics.AddAttributeError(path.Root("connection_limit"), "Invalid connection_limit", "connection_limit must be -1 or greater")
	}
	if !m.Name.IsNull() && !m.Name.IsUnknown() && m.Name.ValueString() == "" {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Invalid name", "name must not be empty")
	}
}

func boolWord(v types.Bool, yes, no string) string {
	if v.ValueBool() {
		return yes
	}
	return no
}

// roleFlagClauses renders the role options; only those in `which` (all when nil).
func roleFlagClauses(m *roleModel, which map[string]bool) []string {
	var out []string
	add := func(key, clause string) {
		if which == nil || which[key] {
			out = append(out, clause)
		}
	}
	add("login", boolWord(m.Login, "LOGIN", "NOLOGIN"))
	add("superuser", boolWord(m.Superuser, "SUPERUSER", "NOSUPERUSER"))
	add("create_database", boolWord(m.CreateDatabase, "CREATEDB", "NOCREATEDB"))
	add("create_role", boolWord(m.CreateRole, "CREATEROLE", "NOCREATEROLE"))
	add("inherit", boolWord(m.Inherit, "INHERIT", "NOINHERIT"))
	add("replication", boolWord(m.Replication, "REPLICATION", "NOREPLICATION"))
	add("bypass_row_level_security", boolWord(m.BypassRowLevelSecurity, "BYPASSRLS", "NOBYPASSRLS"))
	add("connection_limit", fmt.Sprintf("CONNECTION LIMIT %d", m.ConnectionLimit.ValueInt64()))
	add("valid_until", "VALID UNTIL "+ql(validUntilOrInfinity(m.ValidUntil)))
	return out
}

func validUntilOrInfinity(v types.String) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" || strings.EqualFold(v.ValueString(), "NULL") {
		return "infinity"
	}
	return v.ValueString()
}

// setRoleConfig applies (or resets) the per-role settings that differ from old (all when old is nil).
func setRoleConfig(ctx context.Context, tx *sql.Tx, role string, m, old *roleModel) error {
	q := qi(role)
	sp := setStrings(ctx, m.SearchPath)
	if old == nil || !equalLists(sp, setStrings(ctx, old.SearchPath)) {
		if len(sp) > 0 {
			if err := exec(ctx, tx, "ALTER ROLE "+q+" SET search_path TO "+quoteAll(sp, qi)); err != nil {
				return err
			}
		} else if old != nil {
			if err := exec(ctx, tx, "ALTER ROLE "+q+" RESET search_path"); err != nil {
				return err
			}
		}
	}
	for _, s := range []struct {
		name     string
		new, old types.Int64
	}{
		{"statement_timeout", m.StatementTimeout, oldInt(old, func(o *roleModel) types.Int64 { return o.StatementTimeout })},
		{"idle_in_transaction_session_timeout", m.IdleInTransactionSessionTimeout, oldInt(old, func(o *roleModel) types.Int64 { return o.IdleInTransactionSessionTimeout })},
	} {
		if old != nil && s.new.ValueInt64() == s.old.ValueInt64() {
			continue
		}
		if s.new.ValueInt64() != 0 {
			if err := exec(ctx, tx, fmt.Sprintf("ALTER ROLE %s SET %s TO %d", q, s.name, s.new.ValueInt64())); err != nil {
				return err
			}
		} else if old != nil {
			if err := exec(ctx, tx, fmt.Sprintf("ALTER ROLE %s RESET %s", q, s.name)); err != nil {
				return err
			}
		}
	}
	if old == nil || m.AssumeRole.ValueString() != old.AssumeRole.ValueString() {
		if a := m.AssumeRole.ValueString(); a != "" {
			if err := exec(ctx, tx, "ALTER ROLE "+q+" SET role TO "+ql(a)); err != nil {
				return err
			}
		} else if old != nil {
			if err := exec(ctx, tx, "ALTER ROLE "+q+" RESET role"); err != nil {
				return err
			}
		}
	}
	return nil
}

func oldInt(old *roleModel, f func(*roleModel) types.Int64) types.Int64 {
	if old == nil {
		return types.Int64Null()
	}
	return f(old)
}

func equalLists(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var pwWO types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &pwWO)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	stmt := "CREATE ROLE " + qi(name) + " WITH " + strings.Join(roleFlagClauses(&plan, nil), " ")
	password := ""
	if !plan.Password.IsNull() {
		password = plan.Password.ValueString()
	} else if !pwWO.IsNull() {
		password = pwWO.ValueString()
	}
	if password != "" {
		p, err := passwordForSQL(password)
		if err != nil {
			errDiag(&resp.Diagnostics, "Could not hash the role password", err)
			return
		}
		stmt += " PASSWORD " + p
	}
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		if err := exec(ctx, tx, stmt); err != nil {
			return err
		}
		for _, g := range setStrings(ctx, plan.Roles) {
			if err := exec(ctx, tx, "GRANT "+qi(g)+" TO "+qi(name)); err != nil {
				return err
			}
		}
		return setRoleConfig(ctx, tx, name, &plan, nil)
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not create role %s", name), err)
		return
	}
	plan.ID = types.StringValue(name)
	plan.PasswordWO = types.StringNull()
	if found, err := r.read(ctx, &plan); err != nil || !found {
		if err == nil {
			err = fmt.Errorf("role %q not found after creation", name)
		}
		errDiag(&resp.Diagnostics, "Could not read role after creation", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// read refreshes m from the server; found is false when the role does not exist.
func (r *roleResource) read(ctx context.Context, m *roleModel) (found bool, err error) {
	db, err := r.client.DB(ctx, "")
	if err != nil {
		return false, err
	}
	name := m.Name.ValueString()
	if m.Name.IsNull() || m.Name.IsUnknown() || name == "" {
		name = m.ID.ValueString()
	}
	var (
		super, inherit, createRole, createDB, login, repl, bypass bool
		connLimit                                                 int64
		validNull                                                 bool
		validText                                                 string
		config                                                    pq.StringArray
	)
	err = db.QueryRowContext(ctx, `SELECT rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
	        rolbypassrls, rolconnlimit, rolvaliduntil IS NULL OR rolvaliduntil = 'infinity', COALESCE(rolvaliduntil::text, 'infinity'),
	        COALESCE(rolconfig, '{}')
	   FROM pg_roles WHERE rolname = $1`, name).Scan(&super, &inherit, &createRole, &createDB, &login, &repl, &bypass,
		&connLimit, &validNull, &validText, &config)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	m.ID = types.StringValue(name)
	m.Name = types.StringValue(name)
	m.Superuser = types.BoolValue(super)
	m.Inherit = types.BoolValue(inherit)
	m.CreateRole = types.BoolValue(createRole)
	m.CreateDatabase = types.BoolValue(createDB)
	m.Login = types.BoolValue(login)
	m.Replication = types.BoolValue(repl)
	m.BypassRowLevelSecurity = types.BoolValue(bypass)
	m.ConnectionLimit = types.Int64Value(connLimit)
	// valid_until: keep the configured spelling while it denotes the same instant.
	prior := validUntilOrInfinity(m.ValidUntil)
	switch {
	case validNull && strings.EqualFold(prior, "infinity"):
		if m.ValidUntil.IsNull() || m.ValidUntil.IsUnknown() {
			m.ValidUntil = types.StringValue("infinity")
		}
	case validNull:
		m.ValidUntil = types.StringValue("infinity")
	default:
		var same bool
		if err := db.QueryRowContext(ctx, "SELECT $1::timestamptz = $2::timestamptz", prior, validText).Scan(&same); err != nil || !same {
			m.ValidUntil = types.StringValue(validText)
		}
	}
	settings := map[string]string{}
	for _, kv := range config {
		k, v, _ := strings.Cut(kv, "=")
		settings[k] = v
	}
	m.SearchPath = stringList(parseSearchPath(settings["search_path"]))
	m.StatementTimeout = types.Int64Value(parseMillis(settings["statement_timeout"]))
	m.IdleInTransactionSessionTimeout = types.Int64Value(parseMillis(settings["idle_in_transaction_session_timeout"]))
	m.AssumeRole = types.StringValue(settings["role"])

	rows, err := db.QueryContext(ctx, `SELECT g.rolname FROM pg_auth_members am
	    JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles u ON u.oid = am.member WHERE u.rolname = $1`, name)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var roles []string
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return false, err
		}
		roles = append(roles, g)
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	m.Roles = stringSet(roles)

	// Password drift: only a superuser can read pg_authid; the real provider likewise refreshes
	// the password only when superuser = true.
	if r.client.cfg.Superuser && !m.Password.IsNull() && !m.Password.IsUnknown() && m.Password.ValueString() != "" {
		var stored sql.NullString
		if err := db.QueryRowContext(ctx, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", name).Scan(&stored); err == nil {
			if match, ok := storedPasswordMatches(stored.String, m.Password.ValueString(), name); ok && !match {
				m.Password = types.StringNull()
			}
		}
	}
	m.PasswordWO = types.StringNull()
	return true, nil
}

// parseSearchPath splits a stored search_path value (`"$user", public`) into its elements.
func parseSearchPath(v string) []string {
	var out []string
	var cur strings.Builder
	inQuote := false
	started := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '"' && inQuote && i+1 < len(v) && v[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			inQuote = !inQuote
			started = true
		case c == ',' && !inQuote:
			out = append(out, cur.String())
			cur.Reset()
			started = false
		case (c == ' ' || c == '\t') && !inQuote:
			// separators
		default:
			cur.WriteByte(c)
			started = true
		}
	}
	if started || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// parseMillis reads a stored time setting (plain milliseconds or with a unit).
func parseMillis(v string) int64 {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	units := []struct {
		suffix string
		mult   float64
	}{{"ms", 1}, {"min", 60000}, {"s", 1000}, {"h", 3600000}, {"d", 86400000}, {"us", 0.001}}
	for _, u := range units {
		if strings.HasSuffix(v, u.suffix) {
			f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(v, u.suffix)), 64)
			if err != nil {
				return 0
			}
			return int64(f * u.mult)
		}
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return n
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
	var pwWO types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &pwWO)...)
	if resp.Diagnostics.HasError() {
		return
	}
	oldName, name := state.Name.ValueString(), plan.Name.ValueString()
	err := r.client.WithTx(ctx, "", func(tx *sql.Tx) error {
		if oldName != name {
			if err := exec(ctx, tx, "ALTER ROLE "+qi(oldName)+" RENAME TO "+qi(name)); err != nil {
				return err
			}
		}
		changed := map[string]bool{}
		cmpB := func(k string, a, b types.Bool) {
			if a.ValueBool() != b.ValueBool() {
				changed[k] = true
			}
		}
		cmpB("login", plan.Login, state.Login)
		cmpB("superuser", plan.Superuser, state.Superuser)
		cmpB("create_database", plan.CreateDatabase, state.CreateDatabase)
		cmpB("create_role", plan.CreateRole, state.CreateRole)
		cmpB("inherit", plan.Inherit, state.Inherit)
		cmpB("replication", plan.Replication, state.Replication)
		cmpB("bypass_row_level_security", plan.BypassRowLevelSecurity, state.BypassRowLevelSecurity)
		if plan.ConnectionLimit.ValueInt64() != state.ConnectionLimit.ValueInt64() {
			changed["connection_limit"] = true
		}
		if validUntilOrInfinity(plan.ValidUntil) != validUntilOrInfinity(state.ValidUntil) {
			changed["valid_until"] = true
		}
		if len(changed) > 0 {
			if err := exec(ctx, tx, "ALTER ROLE "+qi(name)+" WITH "+strings.Join(roleFlagClauses(&plan, changed), " ")); err != nil {
				return err
			}
		}
		setPw := func(pw string) error {
			if pw == "" {
				return exec(ctx, tx, "ALTER ROLE "+qi(name)+" PASSWORD NULL")
			}
			p, err := passwordForSQL(pw)
			if err != nil {
				return err
			}
			return exec(ctx, tx, "ALTER ROLE "+qi(name)+" PASSWORD "+p)
		}
		if !plan.Password.Equal(state.Password) && (!plan.Password.IsNull() || !state.Password.IsNull()) {
			if err := setPw(plan.Password.ValueString()); err != nil {
				return err
			}
		}
		if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) && !pwWO.IsNull() {
			if err := setPw(pwWO.ValueString()); err != nil {
				return err
			}
		}
		added, removed := diffSets(setStrings(ctx, state.Roles), setStrings(ctx, plan.Roles))
		for _, g := range removed {
			if err := exec(ctx, tx, "REVOKE "+qi(g)+" FROM "+qi(name)); err != nil {
				return err
			}
		}
		for _, g := range added {
			if err := exec(ctx, tx, "GRANT "+qi(g)+" TO "+qi(name)); err != nil {
				return err
			}
		}
		return setRoleConfig(ctx, tx, name, &plan, &state)
	})
	if err != nil {
		errDiag(&resp.Diagnostics, fmt.Sprintf("Could not update role %s", name), err)
		return
	}
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
		exists, err := roleExists(ctx, tx, name)
		if err != nil || !exists {
			return err
		}
		if !state.SkipReassignOwned.ValueBool() {
			err := r.client.withRolesGranted(ctx, tx, []string{name}, func() error {
				if err := exec(ctx, tx, "REASSIGN OWNED BY "+qi(name)+" TO CURRENT_USER"); err != nil {
					return err
				}
				return exec(ctx, tx, "DROP OWNED BY "+qi(name))
			})
			if err != nil {
				return err
			}
		}
		if !state.SkipDropRole.ValueBool() {
			return exec(ctx, tx, "DROP ROLE "+qi(name))
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
	for k, v := range map[string]bool{"skip_drop_role": false, "skip_reassign_owned": false, "encrypted_password": true} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(k), v)...)
	}
}
