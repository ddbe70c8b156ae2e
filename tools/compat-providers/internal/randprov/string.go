package randprov

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/crypto/bcrypt"
)

type diagDiags = diag.Diagnostics

// stringResource is random_password (password = true) and random_string.
type stringResource struct{ password bool }

type stringModel struct {
	ID              types.String `tfsdk:"id"`
	Keepers         types.Map    `tfsdk:"keepers"`
	Length          types.Int64  `tfsdk:"length"`
	Special         types.Bool   `tfsdk:"special"`
	Upper           types.Bool   `tfsdk:"upper"`
	Lower           types.Bool   `tfsdk:"lower"`
	Number          types.Bool   `tfsdk:"number"`
	Numeric         types.Bool   `tfsdk:"numeric"`
	MinNumeric      types.Int64  `tfsdk:"min_numeric"`
	MinUpper        types.Int64  `tfsdk:"min_upper"`
	MinLower        types.Int64  `tfsdk:"min_lower"`
	MinSpecial      types.Int64  `tfsdk:"min_special"`
	OverrideSpecial types.String `tfsdk:"override_special"`
	Result          types.String `tfsdk:"result"`
	BcryptHash      types.String `tfsdk:"bcrypt_hash"` // random_password only (see model helpers)
}

func (r *stringResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	if r.password {
		resp.TypeName = req.ProviderTypeName + "_password"
	} else {
		resp.TypeName = req.ProviderTypeName + "_string"
	}
}

func keepersAttribute() schema.MapAttribute {
	return schema.MapAttribute{ElementType: types.StringType, Optional: true,
		Description:   "Arbitrary map of values that, when changed, will trigger recreation of resource.",
		PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()}}
}

func replaceBool(def bool, desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(def), Description: desc,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()}}
}

func replaceMin(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0), Description: desc,
		PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()}}
}

func computedString(sensitive bool, desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, Sensitive: sensitive, Description: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

func (r *stringResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"keepers": keepersAttribute(),
		"length": schema.Int64Attribute{Required: true,
			Description:   "The length of the string desired. The minimum value for length is 1 and, length must also be >= (`min_upper` + `min_lower` + `min_numeric` + `min_special`).",
			PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()}},
		"special": replaceBool(true, "Include special characters in the result. These are `!@#$%&*()-_=+[]{}<>:?`. Default value is `true`."),
		"upper":   replaceBool(true, "Include uppercase alphabet characters in the result. Default value is `true`."),
		"lower":   replaceBool(true, "Include lowercase alphabet characters in the result. Default value is `true`."),
		// number and numeric mirror each other; ModifyPlan sets both.
		"number": schema.BoolAttribute{Optional: true, Computed: true,
			DeprecationMessage: "**NOTE**: This is deprecated, use `numeric` instead.",
			Description:        "Include numeric characters in the result. Default value is `true`. **NOTE**: This is deprecated, use `numeric` instead."},
		"numeric":     schema.BoolAttribute{Optional: true, Computed: true, Description: "Include numeric characters in the result. Default value is `true`."},
		"min_numeric": replaceMin("Minimum number of numeric characters in the result. Default value is `0`."),
		"min_upper":   replaceMin("Minimum number of uppercase alphabet characters in the result. Default value is `0`."),
		"min_lower":   replaceMin("Minimum number of lowercase alphabet characters in the result. Default value is `0`."),
		"min_special": replaceMin("Minimum number of special characters in the result. Default value is `0`."),
		"override_special": schema.StringAttribute{Optional: true,
			Description:   "Supply your own list of special characters to use for string generation.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"result": computedString(r.password, "The generated random string."),
		"id":     computedString(false, "A static value used internally by Terraform, this should not be referenced in configurations."),
	}
	desc := "Identical to random_string with the exception that the result is treated as sensitive."
	version := int64(3)
	if r.password {
		attrs["bcrypt_hash"] = computedString(true, "A bcrypt hash of the generated random string. **NOTE**: If the generated random string is greater than 72 bytes in length, `bcrypt_hash` will contain a hash of the first 72 bytes.")
	} else {
		desc = "The resource `random_string` generates a random permutation of alphanumeric characters and optionally special characters."
		version = 2
	}
	resp.Schema = schema.Schema{Description: describe(desc), Version: version, Attributes: attrs}
}

// get/set through a per-type view: random_string has no bcrypt_hash attribute.
type stringModelNoHash struct {
	ID              types.String `tfsdk:"id"`
	Keepers         types.Map    `tfsdk:"keepers"`
	Length          types.Int64  `tfsdk:"length"`
	Special         types.Bool   `tfsdk:"special"`
	Upper           types.Bool   `tfsdk:"upper"`
	Lower           types.Bool   `tfsdk:"lower"`
	Number          types.Bool   `tfsdk:"number"`
	Numeric         types.Bool   `tfsdk:"numeric"`
	MinNumeric      types.Int64  `tfsdk:"min_numeric"`
	MinUpper        types.Int64  `tfsdk:"min_upper"`
	MinLower        types.Int64  `tfsdk:"min_lower"`
	MinSpecial      types.Int64  `tfsdk:"min_special"`
	OverrideSpecial types.String `tfsdk:"override_special"`
	Result          types.String `tfsdk:"result"`
}

func (r *stringResource) load(ctx context.Context, get func(any) diagDiags) (stringModel, diagDiags) {
	if r.password {
		var m stringModel
		d := get(&m)
		return m, d
	}
	var n stringModelNoHash
	d := get(&n)
	return stringModel{ID: n.ID, Keepers: n.Keepers, Length: n.Length, Special: n.Special, Upper: n.Upper, Lower: n.Lower,
		Number: n.Number, Numeric: n.Numeric, MinNumeric: n.MinNumeric, MinUpper: n.MinUpper, MinLower: n.MinLower,
		MinSpecial: n.MinSpecial, OverrideSpecial: n.OverrideSpecial, Result: n.Result, BcryptHash: types.StringNull()}, d
}

func (r *stringResource) store(m stringModel) any {
	if r.password {
		return &m
	}
	return &stringModelNoHash{ID: m.ID, Keepers: m.Keepers, Length: m.Length, Special: m.Special, Upper: m.Upper, Lower: m.Lower,
		Number: m.Number, Numeric: m.Numeric, MinNumeric: m.MinNumeric, MinUpper: m.MinUpper, MinLower: m.MinLower,
		MinSpecial: m.MinSpecial, OverrideSpecial: m.OverrideSpecial, Result: m.Result}
}

func (r *stringResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, d := r.load(ctx, func(t any) diagDiags { return req.Config.Get(ctx, t) })
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() || m.Length.IsUnknown() || m.Length.IsNull() {
		return
	}
	if m.Length.ValueInt64() < 1 {
		resp.Diagnostics.AddAttributeError(path.Root("length"), "Invalid Attribute Value",
			fmt.Sprintf("Attribute length value must be at least 1, got: %d", m.Length.ValueInt64()))
		return
	}
	var sum int64
	for _, v := range []types.Int64{m.MinUpper, m.MinLower, m.MinNumeric, m.MinSpecial} {
		if v.IsUnknown() {
			return
		}
		if v.ValueInt64() < 0 {
			resp.Diagnostics.AddError("Invalid Attribute Value", "min_* values must be >= 0")
			return
		}
		sum += v.ValueInt64()
	}
	if m.Length.ValueInt64() < sum {
		resp.Diagnostics.AddAttributeError(path.Root("length"), "Invalid Attribute Value",
			fmt.Sprintf("Attribute length value must be at least sum of min_upper + min_lower + min_numeric + min_special (%d), got: %d", sum, m.Length.ValueInt64()))
	}
}

// ModifyPlan keeps the deprecated `number` and `numeric` in step: numeric wins when set, then
// number, then the default true.
func (r *stringResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var number, numeric types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("number"), &number)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("numeric"), &numeric)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var effective types.Bool
	switch {
	case !numeric.IsNull():
		effective = numeric
	case !number.IsNull():
		effective = number
	default:
		effective = types.BoolValue(true)
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("numeric"), effective)...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("number"), effective)...)
	if req.State.Raw.IsNull() {
		return
	}
	var prior types.Bool
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("numeric"), &prior)...)
	if !effective.IsUnknown() && !prior.Equal(effective) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("numeric"), path.Root("number"))
		for _, p := range []string{"result", "id", "bcrypt_hash"} {
			if p == "bcrypt_hash" && !r.password {
				continue
			}
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(p), types.StringUnknown())...)
		}
	}
}

const (
	lowerChars   = "abcdefghijklmnopqrstuvwxyz"
	upperChars   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	numericChars = "0123456789"
	specialChars = "!@#$%&*()-_=+[]{}<>:?"
)

func randIndex(n int) (int, error) {
	v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		return 0, err
	}
	return int(v.Int64()), nil
}

func pick(set string, count int64, out *[]byte) error {
	for i := int64(0); i < count; i++ {
		j, err := randIndex(len(set))
		if err != nil {
			return err
		}
		*out = append(*out, set[j])
	}
	return nil
}

// generate builds a random string: the minimum counts of each class first, the rest from all
// enabled classes, then a crypto/rand shuffle.
func generate(m *stringModel) (string, error) {
	special := specialChars
	if !m.OverrideSpecial.IsNull() {
		special = m.OverrideSpecial.ValueString()
	}
	classes := []struct {
		enabled bool
		chars   string
		min     int64
		name    string
	}{
		{m.Upper.ValueBool(), upperChars, m.MinUpper.ValueInt64(), "upper"},
		{m.Lower.ValueBool(), lowerChars, m.MinLower.ValueInt64(), "lower"},
		{m.Numeric.ValueBool(), numericChars, m.MinNumeric.ValueInt64(), "numeric"},
		{m.Special.ValueBool(), special, m.MinSpecial.ValueInt64(), "special"},
	}
	var all string
	var out []byte
	for _, c := range classes {
		if !c.enabled {
			continue
		}
		all += c.chars
		if c.min > 0 {
			if c.chars == "" {
				return "", fmt.Errorf("min_%s is %d but the %s character set is empty", c.name, c.min, c.name)
			}
			if err := pick(c.chars, c.min, &out); err != nil {
				return "", err
			}
		}
	}
	if all == "" {
		return "", errors.New("at least one of upper, lower, numeric and special must be true (with a non-empty character set)")
	}
	if rest := m.Length.ValueInt64() - int64(len(out)); rest > 0 {
		if err := pick(all, rest, &out); err != nil {
			return "", err
		}
	}
	for i := len(out) - 1; i > 0; i-- {
		j, err := randIndex(i + 1)
		if err != nil {
			return "", err
		}
		out[i], out[j] = out[j], out[i]
	}
	return string(out), nil
}

func bcryptOf(s string) (string, error) {
	b := []byte(s)
	if len(b) > 72 {
		b = b[:72] // bcrypt only uses the first 72 bytes
	}
	h, err := bcrypt.GenerateFromPassword(b, bcrypt.DefaultCost)
	return string(h), err
}

func (r *stringResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	m, d := r.load(ctx, func(t any) diagDiags { return req.Plan.Get(ctx, t) })
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	result, err := generate(&m)
	if err != nil {
		resp.Diagnostics.AddError("Random string generation failed", err.Error())
		return
	}
	m.Result = types.StringValue(result)
	if r.password {
		m.ID = types.StringValue("none")
		h, err := bcryptOf(result)
		if err != nil {
			resp.Diagnostics.AddError("bcrypt hash generation failed", err.Error())
			return
		}
		m.BcryptHash = types.StringValue(h)
	} else {
		m.ID = types.StringValue(result)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, r.store(m))...)
}

func (r *stringResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *stringResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Every argument forces replacement; keep the generated values.
	m, d := r.load(ctx, func(t any) diagDiags { return req.Plan.Get(ctx, t) })
	resp.Diagnostics.Append(d...)
	prior, d := r.load(ctx, func(t any) diagDiags { return req.State.Get(ctx, t) })
	resp.Diagnostics.Append(d...)
	m.Result, m.ID, m.BcryptHash = prior.Result, prior.ID, prior.BcryptHash
	if !r.password {
		m.BcryptHash = types.StringNull()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, r.store(m))...)
}

func (r *stringResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// ImportState takes the value itself as the import id, as the real provider does.
func (r *stringResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	m := stringModel{
		Keepers: types.MapNull(types.StringType), Length: types.Int64Value(int64(len(req.ID))),
		Special: types.BoolValue(true), Upper: types.BoolValue(true), Lower: types.BoolValue(true),
		Number: types.BoolValue(true), Numeric: types.BoolValue(true),
		MinNumeric: types.Int64Value(0), MinUpper: types.Int64Value(0), MinLower: types.Int64Value(0), MinSpecial: types.Int64Value(0),
		OverrideSpecial: types.StringNull(), Result: types.StringValue(req.ID), ID: types.StringValue(req.ID), BcryptHash: types.StringNull(),
	}
	if r.password {
		m.ID = types.StringValue("none")
		h, err := bcryptOf(req.ID)
		if err != nil {
			resp.Diagnostics.AddError("bcrypt hash generation failed", err.Error())
			return
		}
		m.BcryptHash = types.StringValue(h)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, r.store(m))...)
}
