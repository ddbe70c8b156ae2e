package pgprov

import (
	"reflect"
	"testing"
)

// The statements below are the forms the real cyrilgdn/postgresql 1.26.0 sent (observed with
// log_statement = all); the stand-in must send the same text.

func TestCreateRoleStatementIsTheRealForm(t *testing.T) {
	def := roleOptions{EncryptedPassword: true, ValidUntil: "infinity", ConnectionLimit: -1, Inherit: true}
	login := def
	login.Login, login.Password = true, "s3cr3t"
	for _, c := range []struct {
		name string
		o    roleOptions
		want string
	}{
		{"app_rw", login, `CREATE ROLE "app_rw" WITH ENCRYPTED PASSWORD 's3cr3t' VALID UNTIL 'infinity' CONNECTION LIMIT -1 NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT LOGIN NOBYPASSRLS NOREPLICATION`},
		{"owner", def, `CREATE ROLE "owner" WITH VALID UNTIL 'infinity' CONNECTION LIMIT -1 NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOLOGIN NOBYPASSRLS NOREPLICATION`},
		{"n", roleOptions{Password: "null", ValidUntil: "INFINITY", ConnectionLimit: 3, Superuser: true, CreateDatabase: true, CreateRole: true, BypassRLS: true, Replication: true},
			`CREATE ROLE "n" WITH PASSWORD NULL VALID UNTIL 'infinity' CONNECTION LIMIT 3 SUPERUSER CREATEDB CREATEROLE NOINHERIT NOLOGIN BYPASSRLS REPLICATION`},
		{"u", roleOptions{Password: `it's a\b`, ValidUntil: "2030-01-01", ConnectionLimit: -1},
			`CREATE ROLE "u" WITH UNENCRYPTED PASSWORD 'it''s a\\b' VALID UNTIL '2030-01-01' CONNECTION LIMIT -1 NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOLOGIN NOBYPASSRLS NOREPLICATION`},
		{"e", roleOptions{ConnectionLimit: -1}, // valid_until "" leaves the clause out
			`CREATE ROLE "e" WITH CONNECTION LIMIT -1 NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOLOGIN NOBYPASSRLS NOREPLICATION`},
	} {
		if got := createRoleStatement(c.name, c.o); got != c.want {
			t.Errorf("createRoleStatement(%s):\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestSearchPathStatement(t *testing.T) {
	if got, _ := searchPathStatement("app_ro", nil); got != `ALTER ROLE "app_ro" SET search_path TO DEFAULT` {
		t.Errorf("empty search_path: %s", got)
	}
	if got, _ := searchPathStatement("r", []string{"app", "$user"}); got != `ALTER ROLE "r" SET search_path TO "app", "$user"` {
		t.Errorf("search_path: %s", got)
	}
	if _, err := searchPathStatement("r", []string{"a, b"}); err == nil {
		t.Error("an element with \", \" must be refused")
	}
}

func TestRolconfigReaders(t *testing.T) {
	config := []string{`search_path=app, "$user"`, "statement_timeout=30000", "role=app_owner"}
	if got := readSearchPath(config); !reflect.DeepEqual(got, []string{"app", "$user"}) {
		t.Errorf("readSearchPath = %q", got)
	}
	if readSearchPath(nil) != nil {
		t.Error("no search_path must read as nil")
	}
	if got := readAssumeRole(config); got != "app_owner" {
		t.Errorf("readAssumeRole = %q", got)
	}
	if n, err := readIntSetting(config, "statement_timeout"); err != nil || n != 30000 {
		t.Errorf("statement_timeout = %d, %v", n, err)
	}
	if n, err := readIntSetting(config, "idle_in_transaction_session_timeout"); err != nil || n != 0 {
		t.Errorf("unset setting = %d, %v", n, err)
	}
	// As the real provider: a value with a unit cannot be read.
	if _, err := readIntSetting([]string{"statement_timeout=30s"}, "statement_timeout"); err == nil {
		t.Error("statement_timeout=30s must be an error")
	}
}

func TestPasswordFromStored(t *testing.T) {
	// "md5" + md5("secret" + "alice"), as PostgreSQL stores an MD5 password
	const md5Alice = "md54a0a68b43b6cd5cf266fa02f196e2371"
	for _, c := range []struct{ state, stored, role, want string }{
		{"secret", md5Alice, "alice", "secret"},
		{"secret", md5Alice, "bob", md5Alice},               // another role's hash: the stored value (drift)
		{"other", "SCRAM-SHA-256$4096:x$y:z", "a", "other"}, // SCRAM is never checked
		{md5Alice, md5Alice, "alice", md5Alice},
		{"secret", "", "alice", ""},
	} {
		if got := passwordFromStored(c.state, c.stored, c.role); got != c.want {
			t.Errorf("passwordFromStored(%q, %q, %q) = %q, want %q", c.state, c.stored, c.role, got, c.want)
		}
	}
}

func TestCreateSchemaStatement(t *testing.T) {
	if got := createSchemaStatement("app", false, "app_owner"); got != `CREATE SCHEMA "app" AUTHORIZATION "app_owner"` {
		t.Error(got)
	}
	if got := createSchemaStatement("datafold_tmp", true, ""); got != `CREATE SCHEMA IF NOT EXISTS "datafold_tmp"` {
		t.Error(got)
	}
}

func TestGrantStatementsAreTheRealForms(t *testing.T) {
	for _, c := range []struct {
		g             grantSpec
		revoke, grant string
	}{
		{grantSpec{Database: "appdb", Role: "app_rw", ObjectType: "database", Privileges: []string{"CONNECT"}},
			`REVOKE ALL PRIVILEGES ON DATABASE "appdb" FROM "app_rw"`, `GRANT CONNECT ON DATABASE "appdb" TO "app_rw"`},
		{grantSpec{Database: "appdb", Role: "datafold", Schema: "datafold_tmp", ObjectType: "schema", Privileges: []string{"CREATE", "USAGE"}},
			`REVOKE ALL PRIVILEGES ON SCHEMA "datafold_tmp" FROM "datafold"`, `GRANT CREATE,USAGE ON SCHEMA "datafold_tmp" TO "datafold"`},
		{grantSpec{Database: "appdb", Role: "app_rw", Schema: "app", ObjectType: "table", Privileges: []string{"UPDATE", "SELECT", "DELETE", "INSERT"}},
			`REVOKE ALL PRIVILEGES ON ALL TABLES IN SCHEMA "app" FROM "app_rw"`, `GRANT UPDATE,SELECT,DELETE,INSERT ON ALL TABLES IN SCHEMA "app" TO "app_rw"`},
		{grantSpec{Database: "appdb", Role: "app_rw", Schema: "app", ObjectType: "sequence", Privileges: []string{"UPDATE", "SELECT", "USAGE"}},
			`REVOKE ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA "app" FROM "app_rw"`, `GRANT UPDATE,SELECT,USAGE ON ALL SEQUENCES IN SCHEMA "app" TO "app_rw"`},
		{grantSpec{Database: "appdb", Role: "r", Schema: "app", ObjectType: "table", Objects: []string{"t1", "t2"}, Privileges: []string{"SELECT"}, WithGrantOption: true},
			`REVOKE SELECT ON TABLE "app"."t1","app"."t2" FROM "r"`, `GRANT SELECT ON TABLE "app"."t1","app"."t2" TO "r" WITH GRANT OPTION`},
		{grantSpec{Database: "appdb", Role: "r", Schema: "app", ObjectType: "function", Objects: []string{"f(integer, text)"}},
			`REVOKE ALL PRIVILEGES ON FUNCTION "app"."f"(integer, text) FROM "r"`, ``},
		{grantSpec{Database: "appdb", Role: "r", Schema: "app", ObjectType: "column", Objects: []string{"t"}, Columns: []string{"a", "b"}, Privileges: []string{"SELECT"}},
			`REVOKE SELECT ("a","b") ON TABLE "app"."t" FROM "r"`, `GRANT SELECT ("a","b") ON TABLE "app"."t" TO "r"`},
		{grantSpec{Database: "appdb", Role: "r", ObjectType: "foreign_server", Objects: []string{"srv"}, Privileges: []string{"USAGE"}},
			`REVOKE ALL PRIVILEGES ON FOREIGN SERVER "srv" FROM "r"`, `GRANT USAGE ON FOREIGN SERVER "srv" TO "r"`},
		// Role "public" with no privileges: the real provider's revoke from PUBLIC ("public" quoted
		// is still PUBLIC to PostgreSQL), and no GRANT at all.
		{grantSpec{Database: "appdb", Role: "public", ObjectType: "database"},
			`REVOKE ALL PRIVILEGES ON DATABASE "appdb" FROM "public"`, ``},
		{grantSpec{Database: "appdb", Role: "public", Schema: "app", ObjectType: "schema"},
			`REVOKE ALL PRIVILEGES ON SCHEMA "app" FROM "public"`, ``},
	} {
		if got := revokeStatement(c.g); got != c.revoke {
			t.Errorf("revoke:\n got %s\nwant %s", got, c.revoke)
		}
		if got := grantStatement(c.g); got != c.grant {
			t.Errorf("grant:\n got %s\nwant %s", got, c.grant)
		}
	}
	if got := revokeStatement(grantSpec{ObjectType: "column", Schema: "s", Objects: []string{"t"}}); got != "SELECT NULL" {
		t.Errorf("column revoke without privileges = %s", got)
	}
}

func TestGrantValidation(t *testing.T) {
	ok := grantSpec{Database: "d", Role: "r", Schema: "s", ObjectType: "table", Privileges: []string{"SELECT"}}
	if err := ok.validate(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []grantSpec{
		{Database: "d", Role: "r", ObjectType: "table", Privileges: []string{"SELECT"}},                                       // no schema
		{Database: "d", Role: "r", Schema: "s", ObjectType: "table", Privileges: []string{"select"}},                          // lower case, as the real provider refuses
		{Database: "d", Role: "r", ObjectType: "database", Objects: []string{"x"}, Privileges: []string{"CONNECT"}},           // objects on a database
		{Database: "d", Role: "r", Schema: "s", ObjectType: "sequence", Privileges: []string{"EXECUTE"}},                      // not a sequence privilege
		{Database: "d", Role: "r", Schema: "s", ObjectType: "column", Objects: []string{"t"}, Privileges: []string{"SELECT"}}, // no columns
	} {
		if err := bad.validate(); err == nil {
			t.Errorf("%+v must be refused", bad)
		}
	}
}

func TestPrivilegesEqual(t *testing.T) {
	if !privilegesEqual("schema", []string{"USAGE", "CREATE"}, []string{"CREATE", "USAGE"}) {
		t.Error("same set")
	}
	if !privilegesEqual("schema", []string{"USAGE", "CREATE"}, []string{"ALL"}) {
		t.Error("ALL means every privilege of the type")
	}
	if privilegesEqual("schema", []string{"USAGE"}, []string{"ALL"}) || privilegesEqual("table", nil, []string{"SELECT"}) {
		t.Error("different sets")
	}
}

func TestDefaultPrivilegesStatementsAreTheRealForms(t *testing.T) {
	d := defaultPrivilegesSpec{Role: "app_rw", Owner: "app_owner", Schema: "app", ObjectType: "table", Privileges: []string{"UPDATE", "SELECT", "DELETE", "INSERT"}}
	if got := revokeDefaultsStatement(d); got != `ALTER DEFAULT PRIVILEGES FOR ROLE "app_owner" IN SCHEMA "app" REVOKE ALL ON TABLES FROM "app_rw"` {
		t.Error(got)
	}
	if got := grantDefaultsStatement(d); got != `ALTER DEFAULT PRIVILEGES FOR ROLE "app_owner" IN SCHEMA "app" GRANT UPDATE,SELECT,DELETE,INSERT ON TABLES TO "app_rw"` {
		t.Error(got)
	}
	d = defaultPrivilegesSpec{Role: "r", Owner: "o", ObjectType: "sequence", Privileges: []string{"USAGE"}, WithGrantOption: true}
	if got := grantDefaultsStatement(d); got != `ALTER DEFAULT PRIVILEGES FOR ROLE "o"  GRANT USAGE ON SEQUENCES TO "r" WITH GRANT OPTION` {
		t.Error(got)
	}
	if got := grantDefaultsStatement(defaultPrivilegesSpec{Role: "r", Owner: "o", ObjectType: "table"}); got != "" {
		t.Errorf("no privileges: %q", got)
	}
	// PUBLIC's built-in EXECUTE is revoked database-wide (no schema), as the real provider sends it.
	pub := defaultPrivilegesSpec{Role: "public", Owner: "app_owner", ObjectType: "function"}
	if got := revokeDefaultsStatement(pub); got != `ALTER DEFAULT PRIVILEGES FOR ROLE "app_owner"  REVOKE ALL ON FUNCTIONS FROM "public"` {
		t.Error(got)
	}
	if got := grantDefaultsStatement(pub); got != "" {
		t.Errorf("no privileges for public: %q", got)
	}
	if got := defaultPrivilegesID(pub); got != "public__noschema_app_owner_function" {
		t.Errorf("id %q", got)
	}
	if err := (defaultPrivilegesSpec{Role: "public", Owner: "o", ObjectType: "table", WithGrantOption: true}).validate(); err == nil {
		t.Error("with_grant_option for public must be refused")
	}
}

func TestExtensionStatementsAreTheRealForms(t *testing.T) {
	if got := createExtensionStatement("pgcrypto", "", "", false); got != `CREATE EXTENSION IF NOT EXISTS "pgcrypto"` {
		t.Error(got)
	}
	if got := createExtensionStatement("postgis", "ext", "3.4", true); got != `CREATE EXTENSION IF NOT EXISTS "postgis" SCHEMA "ext" VERSION "3.4" CASCADE` {
		t.Error(got)
	}
	if got := dropExtensionStatement("pgcrypto", false); got != `DROP EXTENSION "pgcrypto" RESTRICT ` {
		t.Errorf("%q", got)
	}
	if got := dropExtensionStatement("pgcrypto", true); got != `DROP EXTENSION "pgcrypto" CASCADE ` {
		t.Errorf("%q", got)
	}
}

func TestIdentList(t *testing.T) {
	if got := identList("app", []string{"t", `we"ird`, "f(int)"}); got != `"app"."t","app"."we""ird","app"."f"(int)` {
		t.Error(got)
	}
}
