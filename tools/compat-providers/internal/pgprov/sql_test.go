package pgprov

import (
	"context"
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

func TestSQLTextEscapesLikeTheRealProvider(t *testing.T) {
	// The real provider doubles backslashes and single quotes inside '...' (no E prefix), so with
	// standard_conforming_strings on a backslash reaches the server doubled.
	for in, want := range map[string]string{
		"plain":          "plain",
		"it's":           "it''s",
		`a\b`:            `a\\b`,
		`'; DROP ROLE x`: `''; DROP ROLE x`,
	} {
		if got := sqlText(in); got != want {
			t.Errorf("sqlText(%q) = %s, want %s", in, got, want)
		}
	}
	if got := quoteAll([]string{"a", `b"c`}, qi); got != `"a", "b""c"` {
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

// Error messages quote statements with the password clause hidden.

func TestRedactHidesPasswords(t *testing.T) {
	for in, want := range map[string]string{
		`CREATE ROLE "a" WITH ENCRYPTED PASSWORD 'clear' VALID UNTIL 'infinity'`: `CREATE ROLE "a" WITH ENCRYPTED PASSWORD '***'`,
		`ALTER ROLE "a" PASSWORD 'clear'`:                                        `ALTER ROLE "a" PASSWORD '***'`,
		`alter role "a" password 'md5abc'`:                                       `alter role "a" PASSWORD '***'`,
		`ALTER ROLE "a" PASSWORD NULL`:                                           `ALTER ROLE "a" PASSWORD NULL`,
		`GRANT "x" TO "rds_master"`:                                              `GRANT "x" TO "rds_master"`,
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%s) = %s, want %s", in, got, want)
		}
	}
}

// Ids, as the real provider builds them.

func TestIDs(t *testing.T) {
	g := grantSpec{Role: "app_ro", Database: "appdb", Schema: "app", ObjectType: "table", Objects: []string{"t2", "t1"}}
	if got := grantID(g); got != "app_ro_appdb_app_table_t2_t1" {
		t.Errorf("table grant id = %s", got)
	}
	g = grantSpec{Role: "app_ro", Database: "appdb", Schema: "ignored", ObjectType: "database"}
	if got := grantID(g); got != "app_ro_appdb_database" {
		t.Errorf("database grant id = %s", got)
	}
	d := defaultPrivilegesSpec{Role: "datafold", Database: "appdb", Owner: "app_owner", ObjectType: "table"}
	if got := defaultPrivilegesID(d); got != "datafold_appdb_noschema_app_owner_table" {
		t.Errorf("default privileges id = %s", got)
	}
	d.Schema = "app"
	if got := defaultPrivilegesID(d); got != "datafold_appdb_app_app_owner_table" {
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
