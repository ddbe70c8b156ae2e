// Package sdkcompat makes resources written with terraform-plugin-framework plan the way resources
// written with the legacy terraform-plugin-sdk/v2 do. The real cyrilgdn/postgresql provider is such
// an SDKv2 provider, and two of its traits are visible to its users:
//
//   - Its optional arguments with a default are plain Optional in `providers schema -json` (the
//     framework insists on Optional+Computed for a default), and a plan shows the default where the
//     configuration leaves the argument out.
//   - A refresh stores the zero value (an empty set or list, 0, "") for optional arguments without
//     a default that the configuration leaves out, and that is no change either.
//
// Neither is a valid plan by the protocol's rules (a non-computed attribute must be planned as
// configured); SDKv2 providers say so with the protocol's UnsafeToUseLegacyTypeSystem flag, and
// Terraform and OpenTofu then only log the inconsistencies. Wrap does the same for the resource
// types it is given rules for: it fills the defaults and the kept zero values into the proposed new
// state before the framework plans, and sets the flag on plan and apply.
//
// SetOrder is the other SDKv2 trait the real provider shows: the order in which it lists the
// elements of a set of strings (privileges, objects, roles) in the SQL it sends.
package sdkcompat

import (
	"context"
	"fmt"
	"hash/crc32"
	"math/big"
	"sort"
	"strconv"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Attribute is how one top-level argument of a resource is planned when the configuration leaves
// it null.
type Attribute struct {
	// Default is the SDKv2 Default (bool, int or string). When nil, a prior zero value is kept
	// instead (what an SDKv2 refresh stores for an unset argument).
	Default any
}

// Rules maps resource type names to their arguments' rules.
type Rules map[string]map[string]Attribute

// SetOrder returns the strings in the order SDKv2's schema.Set.List() gives for a set built with
// schema.HashString: sorted by the decimal text of each element's CRC-32 (IEEE), duplicates removed.
func SetOrder(values []string) []string {
	byKey := map[string]string{}
	for _, v := range values {
		byKey[strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(v))), 10)] = v
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = byKey[k]
	}
	return out
}

// ProposedNewState returns the proposed new state with the SDKv2 defaults and kept zero values
// filled in for the arguments that the configuration leaves null.
func ProposedNewState(config, proposed, prior tftypes.Value, rules map[string]Attribute) (tftypes.Value, error) {
	if proposed.IsNull() || !proposed.IsKnown() || config.IsNull() || !config.IsKnown() {
		return proposed, nil
	}
	objType, ok := proposed.Type().(tftypes.Object)
	if !ok {
		return proposed, fmt.Errorf("proposed new state is a %s, not an object", proposed.Type())
	}
	var cfg, prop map[string]tftypes.Value
	if err := config.As(&cfg); err != nil {
		return proposed, err
	}
	if err := proposed.As(&prop); err != nil {
		return proposed, err
	}
	next := make(map[string]tftypes.Value, len(prop)) // a copy: As may share the value's own map
	for k, v := range prop {
		next[k] = v
	}
	var old map[string]tftypes.Value
	if !prior.IsNull() && prior.IsKnown() {
		if err := prior.As(&old); err != nil {
			return proposed, err
		}
	}
	for name, rule := range rules {
		attrType, ok := objType.AttributeTypes[name]
		if !ok {
			return proposed, fmt.Errorf("rule for unknown attribute %q", name)
		}
		if c, ok := cfg[name]; ok && !c.IsNull() {
			continue
		}
		if rule.Default != nil {
			v, err := valueOf(attrType, rule.Default)
			if err != nil {
				return proposed, fmt.Errorf("attribute %q: %w", name, err)
			}
			next[name] = v
			continue
		}
		if p, ok := old[name]; ok && isZero(p) {
			next[name] = p
		}
	}
	return tftypes.NewValue(objType, next), nil
}

func valueOf(t tftypes.Type, v any) (tftypes.Value, error) {
	switch x := v.(type) {
	case bool:
		if t.Is(tftypes.Bool) {
			return tftypes.NewValue(t, x), nil
		}
	case int:
		if t.Is(tftypes.Number) {
			return tftypes.NewValue(t, new(big.Float).SetInt64(int64(x))), nil
		}
	case string:
		if t.Is(tftypes.String) {
			return tftypes.NewValue(t, x), nil
		}
	}
	return tftypes.Value{}, fmt.Errorf("default %#v does not fit type %s", v, t)
}

// isZero tells whether v is known, not null and its type's zero value.
func isZero(v tftypes.Value) bool {
	if v.IsNull() || !v.IsKnown() {
		return false
	}
	t := v.Type()
	switch {
	case t.Is(tftypes.Bool):
		var b bool
		return v.As(&b) == nil && !b
	case t.Is(tftypes.Number):
		var f big.Float
		return v.As(&f) == nil && f.Sign() == 0
	case t.Is(tftypes.String):
		var s string
		return v.As(&s) == nil && s == ""
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}), t.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		return v.As(&elems) == nil && len(elems) == 0
	case t.Is(tftypes.Map{}):
		var elems map[string]tftypes.Value
		return v.As(&elems) == nil && len(elems) == 0
	}
	return false
}

// Wrap returns a server that plans the resource types in rules like an SDKv2 provider (see the
// package comment) and passes everything else to inner unchanged.
func Wrap(inner tfprotov6.ProviderServer, rules Rules) tfprotov6.ProviderServer {
	return &server{ProviderServer: inner, rules: rules}
}

type server struct {
	tfprotov6.ProviderServer
	rules Rules

	once  sync.Once
	types map[string]tftypes.Type
	err   error
}

func (s *server) resourceType(ctx context.Context, name string) (tftypes.Type, error) {
	s.once.Do(func() {
		resp, err := s.ProviderServer.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			s.err = err
			return
		}
		s.types = map[string]tftypes.Type{}
		for n, sch := range resp.ResourceSchemas {
			s.types[n] = sch.ValueType()
		}
	})
	if s.err != nil {
		return nil, s.err
	}
	t, ok := s.types[name]
	if !ok {
		return nil, fmt.Errorf("no schema for resource type %q", name)
	}
	return t, nil
}

func errorDiagnostic(summary string, err error) []*tfprotov6.Diagnostic {
	return []*tfprotov6.Diagnostic{{Severity: tfprotov6.DiagnosticSeverityError, Summary: summary, Detail: err.Error()}}
}

func (s *server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	rules, ok := s.rules[req.TypeName]
	if !ok || req.ProposedNewState == nil || req.Config == nil {
		return s.ProviderServer.PlanResourceChange(ctx, req)
	}
	fail := func(err error) (*tfprotov6.PlanResourceChangeResponse, error) {
		return &tfprotov6.PlanResourceChangeResponse{Diagnostics: errorDiagnostic("Could not apply the SDKv2 plan rules", err)}, nil
	}
	t, err := s.resourceType(ctx, req.TypeName)
	if err != nil {
		return fail(err)
	}
	config, err := req.Config.Unmarshal(t)
	if err != nil {
		return fail(err)
	}
	proposed, err := req.ProposedNewState.Unmarshal(t)
	if err != nil {
		return fail(err)
	}
	prior := tftypes.NewValue(t, nil)
	if req.PriorState != nil {
		if prior, err = req.PriorState.Unmarshal(t); err != nil {
			return fail(err)
		}
	}
	next, err := ProposedNewState(config, proposed, prior, rules)
	if err != nil {
		return fail(err)
	}
	dv, err := tfprotov6.NewDynamicValue(t, next)
	if err != nil {
		return fail(err)
	}
	changed := *req
	changed.ProposedNewState = &dv
	resp, err := s.ProviderServer.PlanResourceChange(ctx, &changed)
	if resp != nil {
		resp.UnsafeToUseLegacyTypeSystem = true
	}
	return resp, err
}

func (s *server) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	resp, err := s.ProviderServer.ApplyResourceChange(ctx, req)
	if _, ok := s.rules[req.TypeName]; ok && resp != nil {
		resp.UnsafeToUseLegacyTypeSystem = true
	}
	return resp, err
}
