package randprov

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func model(length int64, special string) stringModel {
	return stringModel{
		Length: types.Int64Value(length), Special: types.BoolValue(true), Upper: types.BoolValue(true),
		Lower: types.BoolValue(true), Numeric: types.BoolValue(true),
		MinUpper: types.Int64Value(3), MinLower: types.Int64Value(3), MinNumeric: types.Int64Value(3), MinSpecial: types.Int64Value(3),
		OverrideSpecial: types.StringValue(special),
	}
}

func TestGenerateHonoursMinimumsAndCharset(t *testing.T) {
	for i := 0; i < 200; i++ {
		m := model(12, "#%")
		s, err := generate(&m)
		if err != nil {
			t.Fatal(err)
		}
		if len(s) != 12 {
			t.Fatalf("length %d", len(s))
		}
		count := func(set string) int {
			n := 0
			for _, c := range s {
				if strings.ContainsRune(set, c) {
					n++
				}
			}
			return n
		}
		if count(upperChars) < 3 || count(lowerChars) < 3 || count(numericChars) < 3 || count("#%") < 3 {
			t.Fatalf("minimums not met in %q", s)
		}
		if regexp.MustCompile(`[^A-Za-z0-9#%]`).MatchString(s) {
			t.Fatalf("character outside the allowed sets in %q", s)
		}
	}
}

func TestGenerateNoClasses(t *testing.T) {
	m := stringModel{Length: types.Int64Value(5), Special: types.BoolValue(false), Upper: types.BoolValue(false),
		Lower: types.BoolValue(false), Numeric: types.BoolValue(false), OverrideSpecial: types.StringNull()}
	if _, err := generate(&m); err == nil {
		t.Fatal("expected an error when every character class is disabled")
	}
}

func TestUUID(t *testing.T) {
	u, err := newUUID()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(u) {
		t.Fatalf("not a v4 uuid: %s", u)
	}
}

func TestEphemeralPasswordDefaultsAndChecks(t *testing.T) {
	m := ephemeralPasswordModel{Length: types.Int64Value(16), Special: types.BoolValue(false),
		Upper: types.BoolNull(), Lower: types.BoolNull(), Numeric: types.BoolNull(),
		MinNumeric: types.Int64Null(), MinUpper: types.Int64Value(2), MinLower: types.Int64Null(), MinSpecial: types.Int64Null()}
	if msg := checkEphemeralPassword(&m); msg != "" {
		t.Fatalf("valid configuration refused: %s", msg)
	}
	m.withDefaults()
	if m.Special.ValueBool() || !m.Upper.ValueBool() || !m.Lower.ValueBool() || !m.Numeric.ValueBool() ||
		m.MinUpper.ValueInt64() != 2 || m.MinNumeric.ValueInt64() != 0 {
		t.Fatalf("defaults: %+v", m)
	}
	for _, bad := range []ephemeralPasswordModel{
		{Length: types.Int64Value(0)},
		{Length: types.Int64Value(3), MinUpper: types.Int64Value(2), MinLower: types.Int64Value(2)},
		{Length: types.Int64Value(8), Numeric: types.BoolValue(false), Special: types.BoolValue(false), Upper: types.BoolValue(false), Lower: types.BoolValue(false)},
	} {
		if msg := checkEphemeralPassword(&bad); msg == "" {
			t.Errorf("%+v must be refused", bad)
		}
	}
	// Unknown values are checked at open, not before.
	if msg := checkEphemeralPassword(&ephemeralPasswordModel{Length: types.Int64Unknown()}); msg != "" {
		t.Errorf("unknown length: %s", msg)
	}
}
