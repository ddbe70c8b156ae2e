package sdkcompat

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestSetOrderIsSDKv2HashOrder(t *testing.T) {
	// The orders the real provider sent (log_statement = all): privileges as schema.Set.List()
	// returns them, sorted by the decimal text of their CRC-32.
	for _, c := range []struct{ in, want []string }{
		{[]string{"SELECT", "INSERT", "UPDATE", "DELETE"}, []string{"UPDATE", "SELECT", "DELETE", "INSERT"}},
		{[]string{"SELECT", "UPDATE", "USAGE"}, []string{"UPDATE", "SELECT", "USAGE"}},
		{[]string{"USAGE", "CREATE"}, []string{"CREATE", "USAGE"}},
		{[]string{"SELECT", "SELECT"}, []string{"SELECT"}},
		{nil, []string{}},
	} {
		if got := SetOrder(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SetOrder(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

var objType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
	"name":             tftypes.String,
	"login":            tftypes.Bool,
	"connection_limit": tftypes.Number,
	"valid_until":      tftypes.String,
	"roles":            tftypes.Set{ElementType: tftypes.String},
	"assume_role":      tftypes.String,
}}

var rules = map[string]Attribute{
	"login":            {Default: false},
	"connection_limit": {Default: -1},
	"valid_until":      {Default: "infinity"},
	"roles":            {},
	"assume_role":      {},
}

func obj(vals map[string]tftypes.Value) tftypes.Value {
	full := map[string]tftypes.Value{}
	for n, t := range objType.AttributeTypes {
		full[n] = tftypes.NewValue(t, nil)
	}
	for n, v := range vals {
		full[n] = v
	}
	return tftypes.NewValue(objType, full)
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
func num(n int64) tftypes.Value  { return tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(n)) }
func emptySet() tftypes.Value {
	return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{})
}

func TestProposedNewStateFillsDefaultsAndKeepsZeroValues(t *testing.T) {
	config := obj(map[string]tftypes.Value{"name": str("r"), "login": tftypes.NewValue(tftypes.Bool, true)})
	proposed := config
	prior := obj(map[string]tftypes.Value{"name": str("r"), "login": tftypes.NewValue(tftypes.Bool, true),
		"connection_limit": num(-1), "valid_until": str("infinity"), "roles": emptySet(), "assume_role": str("")})
	got, err := ProposedNewState(config, proposed, prior, rules)
	if err != nil {
		t.Fatal(err)
	}
	// Defaults and the prior zero values: the plan equals the prior state, so nothing changes.
	if !got.Equal(prior) {
		t.Fatalf("got %s\nwant %s", got, prior)
	}

	// Creating: the defaults only; roles and assume_role stay null.
	got, err = ProposedNewState(config, proposed, tftypes.NewValue(objType, nil), rules)
	if err != nil {
		t.Fatal(err)
	}
	want := obj(map[string]tftypes.Value{"name": str("r"), "login": tftypes.NewValue(tftypes.Bool, true),
		"connection_limit": num(-1), "valid_until": str("infinity")})
	if !got.Equal(want) {
		t.Fatalf("create: got %s\nwant %s", got, want)
	}

	// A configured value wins; a prior value that is not zero is not kept (drift shows).
	config = obj(map[string]tftypes.Value{"name": str("r"), "connection_limit": num(5)})
	prior = obj(map[string]tftypes.Value{"name": str("r"), "connection_limit": num(7), "assume_role": str("x"),
		"roles": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("g")})})
	got, err = ProposedNewState(config, config, prior, rules)
	if err != nil {
		t.Fatal(err)
	}
	want = obj(map[string]tftypes.Value{"name": str("r"), "connection_limit": num(5), "login": tftypes.NewValue(tftypes.Bool, false),
		"valid_until": str("infinity")})
	if !got.Equal(want) {
		t.Fatalf("drift: got %s\nwant %s", got, want)
	}

	// Destroy (null proposed state) passes through.
	null := tftypes.NewValue(objType, nil)
	if got, err := ProposedNewState(config, null, prior, rules); err != nil || !got.Equal(null) {
		t.Fatalf("destroy: %v %v", got, err)
	}
}

func TestProposedNewStateRejectsBadRules(t *testing.T) {
	config := obj(map[string]tftypes.Value{"name": str("r")})
	if _, err := ProposedNewState(config, config, tftypes.NewValue(objType, nil), map[string]Attribute{"nope": {Default: true}}); err == nil {
		t.Error("a rule for an unknown attribute must be an error")
	}
	if _, err := ProposedNewState(config, config, tftypes.NewValue(objType, nil), map[string]Attribute{"login": {Default: "yes"}}); err == nil {
		t.Error("a default of the wrong type must be an error")
	}
}

func TestIsZero(t *testing.T) {
	for _, c := range []struct {
		v    tftypes.Value
		want bool
	}{
		{str(""), true}, {str("x"), false}, {num(0), true}, {num(-1), false},
		{tftypes.NewValue(tftypes.Bool, false), true}, {tftypes.NewValue(tftypes.Bool, true), false},
		{emptySet(), true}, {tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("a")}), false},
		{tftypes.NewValue(tftypes.String, nil), false}, {tftypes.NewValue(tftypes.String, tftypes.UnknownValue), false},
	} {
		if got := isZero(c.v); got != c.want {
			t.Errorf("isZero(%s) = %v", c.v, got)
		}
	}
}
