package pgprov

import (
	"reflect"
	"strings"
	"testing"
)

func TestScramVerifierRoundTrip(t *testing.T) {
	v, err := scramVerifier("s3cret-Pässword")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(v, "SCRAM-SHA-256$4096:") || strings.Count(v, "$") != 2 || strings.Count(v, ":") != 2 {
		t.Fatalf("unexpected verifier format: %s", v)
	}
	if m, ok := storedPasswordMatches(v, "s3cret-Pässword", "r"); !ok || !m {
		t.Fatalf("verifier does not match its own password")
	}
	if m, ok := storedPasswordMatches(v, "other", "r"); !ok || m {
		t.Fatalf("verifier matches a different password")
	}
	if lit, _ := passwordForSQL("plain"); strings.Contains(lit, "plain") {
		t.Fatalf("clear text leaked into SQL literal: %s", lit)
	}
	if lit, _ := passwordForSQL("md5" + strings.Repeat("a", 32)); lit != "'md5"+strings.Repeat("a", 32)+"'" {
		t.Fatalf("md5 hash not passed through: %s", lit)
	}
}

func TestMD5Match(t *testing.T) {
	// "md5" + md5("secret" + "alice"), as PostgreSQL stores an MD5 password
	if m, ok := storedPasswordMatches("md54a0a68b43b6cd5cf266fa02f196e2371", "secret", "alice"); !ok || !m {
		t.Fatalf("md5 verifier not recognised")
	}
	if m, ok := storedPasswordMatches("md54a0a68b43b6cd5cf266fa02f196e2371", "secret", "bob"); !ok || m {
		t.Fatalf("md5 verifier matched another role name")
	}
}

func TestSASLPrep(t *testing.T) {
	if got := saslPrep("ascii only\x01"); got != "ascii only\x01" {
		t.Fatalf("ASCII must pass unchanged, got %q", got)
	}
	if got := saslPrep("a\u00A0b\u00ADc"); got != "a bc" { // non-ASCII space mapped, soft hyphen removed
		t.Fatalf("got %q", got)
	}
	if got := saslPrep("\uFB01"); got != "fi" { // NFKC
		t.Fatalf("got %q", got)
	}
}

func TestParseSearchPath(t *testing.T) {
	got := parseSearchPath(`app, "$user", public, "Mixed""Case"`)
	want := []string{"app", "$user", "public", `Mixed"Case`}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q want %q", got, want)
	}
	if len(parseSearchPath("")) != 0 {
		t.Fatal("empty search_path must give no elements")
	}
}

func TestParseMillis(t *testing.T) {
	for in, want := range map[string]int64{"30000": 30000, "30s": 30000, "1min": 60000, "250ms": 250, "": 0} {
		if got := parseMillis(in); got != want {
			t.Errorf("parseMillis(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestPrivileges(t *testing.T) {
	if got := canonicalPrivileges("database", []string{"temp", "connect"}); !reflect.DeepEqual(got, []string{"CONNECT", "TEMPORARY"}) {
		t.Fatalf("got %v", got)
	}
	if got := keepSpelling("table", []string{"ALL"}, []string{"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}); !reflect.DeepEqual(got, []string{"ALL"}) {
		t.Fatalf("ALL not kept: %v", got)
	}
	if got := intersect([][]string{{"SELECT", "INSERT"}, {"SELECT"}}); !reflect.DeepEqual(got, []string{"SELECT"}) {
		t.Fatalf("got %v", got)
	}
	if got := intersect([][]string{{"SELECT"}, nil}); len(got) != 0 {
		t.Fatalf("got %v", got)
	}
	if bad := invalidPrivileges("sequence", []string{"usage", "EXECUTE"}); !reflect.DeepEqual(bad, []string{"EXECUTE"}) {
		t.Fatalf("got %v", bad)
	}
}
