package pgprov

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"aurora-cdktf/tools/compat-providers/internal/standin"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func pathRoot(name string) path.Path { return path.Root(name) }

// base is embedded by every resource: it receives the client from the provider.
type base struct {
	client *Client
}

func (b *base) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	c, ok := req.ProviderData.(*Client)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("got %T", req.ProviderData))
		return
	}
	b.client = c
}

func describe(s string) string {
	return s + " [" + standin.Label(Source, Version) + "]"
}

// idAttribute is the id every resource has: Optional and Computed, as SDKv2 declares it. It
// keeps its prior value unless one of the attributes it is derived from changes in place (e.g. a
// rename).
func idAttribute(derivedFrom ...string) schema.StringAttribute {
	if len(derivedFrom) == 0 {
		return schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	return schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: []planmodifier.String{idUnlessChanged(derivedFrom)}}
}

// optBool, optInt and optString are plain Optional arguments, as the real provider declares
// them; a default, if any, is in LegacyRules (the framework would insist on Computed for it).
func optBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Description: desc}
}
func optInt(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Description: desc}
}
func optString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Description: desc}
}

type idUnlessChanged []string

func (m idUnlessChanged) Description(context.Context) string {
	return "keeps the prior id unless " + strings.Join(m, ", ") + " change"
}
func (m idUnlessChanged) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m idUnlessChanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() {
		return
	}
	for _, a := range m {
		var planned, prior attr.Value
		if d := req.Plan.GetAttribute(ctx, path.Root(a), &planned); d.HasError() {
			return
		}
		if d := req.State.GetAttribute(ctx, path.Root(a), &prior); d.HasError() {
			return
		}
		if !planned.Equal(prior) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}

// setStrings reads a set or list of strings (null/unknown = nil).
func setStrings(ctx context.Context, v interface {
	IsNull() bool
	IsUnknown() bool
	ElementsAs(ctx context.Context, target interface{}, allowUnhandled bool) diag.Diagnostics
}) []string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	var out []string
	v.ElementsAs(ctx, &out, false)
	return out
}

func stringSet(values []string) types.Set {
	elems := make([]attr.Value, 0, len(values))
	sorted := append([]string(nil), values...)
	sort.Strings(sorted)
	for _, v := range sorted {
		elems = append(elems, types.StringValue(v))
	}
	return types.SetValueMust(types.StringType, elems)
}

func stringList(values []string) types.List {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return types.ListValueMust(types.StringType, elems)
}

func emptyStringSet() types.Set {
	return types.SetValueMust(types.StringType, []attr.Value{})
}

func sameStringSets(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func quoteAll(names []string, quote func(string) string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quote(n)
	}
	return strings.Join(q, ", ")
}

func errDiag(d *diag.Diagnostics, summary string, err error) {
	d.AddError(summary, err.Error())
}
