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
