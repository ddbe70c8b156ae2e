package pgprov

import (
	"context"
	"encoding/base64"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Quoting: every name and value the stand-in puts into SQL goes through these.

func TestQuoteIdentifier(t *testing.T) {
	for in, want := range map[string]string{
		"app_ro":          `"app_ro"`,
		"Mixed Case":      `"Mixed Case"`,
		`we"ird`:          `"we""ird"`,
		`x"; DROP ROLE y`: `"x""; DROP ROLE y"`,
	} {
		if got := qi(in); got != want {
			t.Errorf("qi(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestQuoteLiteral(t *testing.T) {
	for in, want := range map[string]string{
		"infinity":      `'infinity'`,
		"it's":          `'it''s'`,
		"'; DROP x; --": `'''; DROP x; --'`,
		// A backslash makes an escape string literal, whatever standard_conforming_strings says.
		`a\b`: ` E'a\\b'`,
	} {
		if got := ql(in); got != want {
			t.Errorf("ql(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestRoleSpec(t *testing.T) {
	for in, want := range map[string]string{
		"public":  "PUBLIC",
		"PUBLIC":  "PUBLIC",
		"Public":  "PUBLIC",
		"app_rw":  `"app_rw"`,
		`public"`: `"public"""`,
	} {
		if got := roleSpec(in); got != want {
			t.Errorf("roleSpec(%q) = %s, want %s", in, got, want)
		}
	}
	if got := quoteAll([]string{"a", `b"c`}, roleSpec); got != `"a", "b""c"` {
		t.Errorf("quoteAll = %s", got)
	}
	if got := quoteAll(nil, qi); got != "" {
		t.Errorf("quoteAll(nil) = %q", got)
	}
}

func TestDSNQuotesEveryValue(t *testing.T) {
	if got := dsnValue(`pa'ss\word x`); got != `'pa\'ss\\word x'` {
		t.Fatalf("dsnValue = %s", got)
	}
	c := newClient(ClientConfig{
		Host: "127.0.0.1", Port: 5433, Database: "appdb", Username: "rds_master",
		Password: "p w'd", SSLMode: "disable", ConnectTimeout: 15,
	})
	want := `host='127.0.0.1' port=5433 dbname='other db' user='rds_master' password='p w\'d' sslmode='disable' ` +
		`connect_timeout=15 application_name='terraform-provider-postgresql (aurora-cdktf stand-in)'`
	if got := c.dsn("other db"); got != want {
		t.Fatalf("dsn:\n got %s\nwant %s", got, want)
	}
	if c.dbName("") != "appdb" || c.dbName("x") != "x" {
		t.Fatal("dbName must default to the provider's database")
	}
	withCert := newClient(ClientConfig{ClientCert: "CERT", ClientKey: "KEY", SSLInline: true, SSLRootCert: "CA"})
	if d := withCert.dsn("d"); !strings.HasSuffix(d, ` sslrootcert='CA' sslcert='CERT' sslkey='KEY' sslinline=true`) {
		t.Fatalf("client certificate settings missing: %s", d)
	}
}

// Passwords: never in clear text in a statement, never in an error message.

func TestRedactHidesPasswords(t *testing.T) {
	for in, want := range map[string]string{
		`CREATE ROLE "a" LOGIN PASSWORD 'SCRAM-SHA-256$4096:x$y:z' VALID UNTIL 'infinity'`: `CREATE ROLE "a" LOGIN PASSWORD '***'`,
		`alter role "a" password 'md5abc'`:                                                 `alter role "a" PASSWORD '***'`,
		`ALTER ROLE "a" PASSWORD NULL`:                                                     `ALTER ROLE "a" PASSWORD NULL`,
		`GRANT "x" TO CURRENT_USER`:                                                        `GRANT "x" TO CURRENT_USER`,
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestPasswordForSQL(t *testing.T) {
	md5 := "md5" + strings.Repeat("0f", 16)
	for in, prehashed := range map[string]bool{
		md5:                              true,
		"md5" + strings.Repeat("zz", 16): false, // not hex
		"md5" + strings.Repeat("0f", 15): false, // too short
		"SCRAM-SHA-256$4096:a$b:c":       true,
		"plain text":                     false,
	} {
		if got := isPrehashed(in); got != prehashed {
			t.Errorf("isPrehashed(%q) = %v", in, got)
		}
	}
	lit, err := passwordForSQL("it's a secret")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(lit, "secret") || !strings.HasPrefix(lit, "'SCRAM-SHA-256$4096:") || !strings.HasSuffix(lit, "'") {
		t.Fatalf("not a quoted verifier: %s", lit)
	}
	if lit, _ := passwordForSQL(md5); lit != "'"+md5+"'" {
		t.Fatalf("a verifier must be passed through quoted: %s", lit)
	}
}

// Verifiers that PostgreSQL 15 stored for CREATE ROLE ... PASSWORD '<clear text>'
// (password_encryption = scram-sha-256): the stand-in must compute the same ones, so that a role
// it creates accepts the password and a refresh recognises a password set by anyone else.
var postgresVerifiers = []struct{ password, stored string }{
	{"pencil", "SCRAM-SHA-256$4096:yOG4jbdtN90nZrCuCZIcsw==$rAUkSBK3C/2m01uNtiE9j7OubYtRta140FFj6s4mRcI=:NbPWiLSr58Lyf8HoeEmL0zf00NFZ+zO/aUSRijl0iZM="},
	// soft hyphen (mapped to nothing) and no-break space (mapped to a space) by SASLprep
	{"I\u00ADX s\u00A0p", "SCRAM-SHA-256$4096:Me5MOVeRnCSC+XC/R09d6A==$zeQ01lktjxS4TOCOdab0W6706mlIUZi6hcNb5Toxo9Y=:/3dvxgbBnGSIgHAb9Gu/xp8tnvB79MBKpVYN/q/W8a4="},
	{`md5-style? no: it's \\ quoted`, "SCRAM-SHA-256$4096:Qw5ZOV94Xtf4Ut96Jiwsig==$IMVBoqLl78aJfeBNBCxGNSAz4efhhlkpguElOrDbrfE=:zL5VZVhjS0Q3cp//VEHlr1XBErYwR61XcKJviogoFgU="},
}

func TestScramVerifierMatchesPostgres(t *testing.T) {
	for _, v := range postgresVerifiers {
		saltB64 := strings.SplitN(strings.SplitN(v.stored, ":", 2)[1], "$", 2)[0]
		salt, err := base64.StdEncoding.DecodeString(saltB64)
		if err != nil {
			t.Fatal(err)
		}
		got, err := scramVerifierWithSalt(v.password, salt, 4096)
		if err != nil {
			t.Fatal(err)
		}
		if got != v.stored {
			t.Errorf("verifier of %q:\n got %s\nwant %s (PostgreSQL's)", v.password, got, v.stored)
		}
		if m, ok := storedPasswordMatches(v.stored, v.password, "any"); !ok || !m {
			t.Errorf("PostgreSQL's verifier of %q not recognised", v.password)
		}
		if m, ok := storedPasswordMatches(v.stored, v.password+"x", "any"); !ok || m {
			t.Errorf("PostgreSQL's verifier of %q matched another password", v.password)
		}
	}
	if _, ok := storedPasswordMatches("SCRAM-SHA-256$broken", "pw", "r"); ok {
		t.Error("a malformed verifier must be reported as undecidable")
	}
}

// Statement fragments.

func TestRoleFlagClauses(t *testing.T) {
	m := &roleModel{
		Login: types.BoolValue(true), Superuser: types.BoolValue(false), CreateDatabase: types.BoolValue(false),
		CreateRole: types.BoolValue(true), Inherit: types.BoolValue(true), Replication: types.BoolValue(false),
		BypassRowLevelSecurity: types.BoolValue(false), ConnectionLimit: types.Int64Value(-1),
		ValidUntil: types.StringNull(),
	}
	want := []string{"LOGIN", "NOSUPERUSER", "NOCREATEDB", "CREATEROLE", "INHERIT", "NOREPLICATION", "NOBYPASSRLS",
		"CONNECTION LIMIT -1", "VALID UNTIL 'infinity'"}
	if got := roleFlagClauses(m, nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("all clauses:\n got %q\nwant %q", got, want)
	}
	m.ValidUntil = types.StringValue("2030-01-01 00:00:00+00")
	m.ConnectionLimit = types.Int64Value(5)
	only := map[string]bool{"login": true, "connection_limit": true, "valid_until": true}
	want = []string{"LOGIN", "CONNECTION LIMIT 5", "VALID UNTIL '2030-01-01 00:00:00+00'"}
	if got := roleFlagClauses(m, only); !reflect.DeepEqual(got, want) {
		t.Fatalf("selected clauses:\n got %q\nwant %q", got, want)
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown(), types.StringValue(""), types.StringValue("null")} {
		if got := validUntilOrInfinity(v); got != "infinity" {
			t.Errorf("validUntilOrInfinity(%v) = %q", v, got)
		}
	}
}

func TestRelationKinds(t *testing.T) {
	kinds, acl, keyword, plural := relkinds("sequence")
	if kinds != "'S'" || acl != "s" || keyword != "SEQUENCE" || plural != "SEQUENCES" {
		t.Errorf("sequence: %s %s %s %s", kinds, acl, keyword, plural)
	}
	kinds, acl, keyword, plural = relkinds("table")
	if kinds != "'r','v','m','f','p'" || acl != "r" || keyword != "TABLE" || plural != "TABLES" {
		t.Errorf("table: %s %s %s %s", kinds, acl, keyword, plural)
	}
	if got := privilegesForSQL("table", []string{"select", "ALL"}); got != "DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE" {
		t.Errorf("privilegesForSQL = %s", got)
	}
}

func TestMatchesObject(t *testing.T) {
	fn := namedObject{name: "f(integer, text)", sqlName: `"app"."f"(integer, text)`}
	for _, c := range []struct {
		objects []string
		want    bool
	}{
		{nil, true}, // no objects: every object of the type
		{[]string{"f"}, true},
		{[]string{"f(integer,text)"}, true},
		{[]string{"f(integer)"}, false},
		{[]string{"g", "f(integer, text)"}, true},
	} {
		if got := matchesObject(c.objects, fn, "f"); got != c.want {
			t.Errorf("matchesObject(%q) = %v", c.objects, got)
		}
	}
}

// Lock keys and ids.

func TestGrantLockKeyAndID(t *testing.T) {
	ctx := context.Background()
	g := &grantModel{
		Role: types.StringValue("app_ro"), Database: types.StringValue("appdb"), Schema: types.StringValue("app"),
		ObjectType: types.StringValue("table"), Objects: stringSet([]string{"t2", "t1"}), Columns: types.SetNull(types.StringType),
	}
	if got := grantLockKey(g); got != "acl:relations:app" {
		t.Errorf("table lock key = %s", got)
	}
	if got := grantID(ctx, g); got != "app_ro_appdb_app_table_t1_t2" {
		t.Errorf("table grant id = %s", got)
	}
	g.ObjectType = types.StringValue("database")
	g.Objects = types.SetNull(types.StringType)
	if got := grantLockKey(g); got != "acl:database:appdb" {
		t.Errorf("database lock key = %s", got)
	}
	if got := grantID(ctx, g); got != "app_ro_appdb_database" {
		t.Errorf("database grant id = %s", got)
	}
	for ot, key := range map[string]string{"schema": "acl:schema:app", "function": "acl:routines:app", "foreign_server": "acl:foreign_server"} {
		g.ObjectType = types.StringValue(ot)
		if got := grantLockKey(g); got != key {
			t.Errorf("%s lock key = %s, want %s", ot, got, key)
		}
	}
	d := &defaultPrivilegesModel{Role: types.StringValue("datafold"), Database: types.StringValue("appdb"),
		Schema: types.StringValue(""), Owner: types.StringValue("app_owner"), ObjectType: types.StringValue("table")}
	if got := defaultPrivilegesID(d); got != "datafold_appdb__app_owner_table" {
		t.Errorf("default privileges id = %s", got)
	}
	gr := &grantRoleModel{Role: types.StringValue("app_rw"), GrantRole: types.StringValue("app_ro"), WithAdminOption: types.BoolValue(false)}
	if got := grantRoleID(gr); got != "app_rw_app_ro_false" {
		t.Errorf("grant role id = %s", got)
	}
}

// Small helpers the resources build on.

func TestSetHelpers(t *testing.T) {
	if !sameStringSets([]string{"a", "b", "a"}, []string{"a", "a", "b"}) || sameStringSets([]string{"a", "a"}, []string{"a", "b"}) {
		t.Error("sameStringSets must compare as multisets")
	}
	added, removed := diffSets([]string{"a", "b"}, []string{"b", "c"})
	if !reflect.DeepEqual(added, []string{"c"}) || !reflect.DeepEqual(removed, []string{"a"}) {
		t.Errorf("diffSets = %v, %v", added, removed)
	}
	if got := setStrings(context.Background(), stringSet([]string{"b", "a"})); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("stringSet/setStrings = %v", got)
	}
	if got := setStrings(context.Background(), types.SetUnknown(types.StringType)); got != nil {
		t.Errorf("unknown set = %v", got)
	}
}

func TestExpectedVersionForm(t *testing.T) {
	for v, ok := range map[string]bool{"15": true, "15.4": true, "9.6.24": true, "": false, "15.x": false, "1.2.3.4": false} {
		if got := validVersion(v); got != ok {
			t.Errorf("validVersion(%q) = %v", v, got)
		}
	}
}
