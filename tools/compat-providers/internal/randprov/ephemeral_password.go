package randprov

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ephemeralPassword is the ephemeral random_password: a password generated on every open, for
// write-only arguments, never stored in the plan or the state.
type ephemeralPassword struct{}

type ephemeralPasswordModel struct {
	Length          types.Int64  `tfsdk:"length"`
	Special         types.Bool   `tfsdk:"special"`
	Upper           types.Bool   `tfsdk:"upper"`
	Lower           types.Bool   `tfsdk:"lower"`
	Numeric         types.Bool   `tfsdk:"numeric"`
	MinNumeric      types.Int64  `tfsdk:"min_numeric"`
	MinUpper        types.Int64  `tfsdk:"min_upper"`
	MinLower        types.Int64  `tfsdk:"min_lower"`
	MinSpecial      types.Int64  `tfsdk:"min_special"`
	OverrideSpecial types.String `tfsdk:"override_special"`
	Result          types.String `tfsdk:"result"`
	BcryptHash      types.String `tfsdk:"bcrypt_hash"`
}

func (e *ephemeralPassword) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_password"
}

func (e *ephemeralPassword) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	optBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Computed: true, Description: desc}
	}
	optMin := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Optional: true, Computed: true, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: describe("Generates an ephemeral password string using a cryptographic random number generator, " +
			"for write-only arguments: it is never stored in the plan or the state."),
		Attributes: map[string]schema.Attribute{
			"length": schema.Int64Attribute{Required: true,
				Description: "The length of the string desired. The minimum value for length is 1 and, length must also be >= (`min_upper` + `min_lower` + `min_numeric` + `min_special`)."},
			"special":     optBool("Include special characters in the result. These are `!@#$%&*()-_=+[]{}<>:?`. Default value is `true`."),
			"upper":       optBool("Include uppercase alphabet characters in the result. Default value is `true`."),
			"lower":       optBool("Include lowercase alphabet characters in the result. Default value is `true`."),
			"numeric":     optBool("Include numeric characters in the result. Default value is `true`. If `numeric`, `upper`, `lower`, and `special` are all configured, at least one of them must be set to `true`."),
			"min_numeric": optMin("Minimum number of numeric characters in the result. Default value is `0`."),
			"min_upper":   optMin("Minimum number of uppercase alphabet characters in the result. Default value is `0`."),
			"min_lower":   optMin("Minimum number of lowercase alphabet characters in the result. Default value is `0`."),
			"min_special": optMin("Minimum number of special characters in the result. Default value is `0`."),
			"override_special": schema.StringAttribute{Optional: true,
				Description: "Supply your own list of special characters to use for string generation.  This overrides the default character list in the special argument.  The `special` argument must still be set to true for any overwritten characters to be used in generation."},
			"result":      schema.StringAttribute{Computed: true, Sensitive: true, Description: "The generated random string."},
			"bcrypt_hash": schema.StringAttribute{Computed: true, Sensitive: true, Description: "A bcrypt hash of the generated random string. **NOTE**: If the generated random string is greater than 72 bytes in length, `bcrypt_hash` will contain a hash of the first 72 bytes."},
		},
	}
}

// ValidateConfig checks what the real ephemeral random_password validates: length at least 1 and
// at least the sum of the minimums; when numeric, upper, lower and special are all configured,
// one of them true.
func (e *ephemeralPassword) ValidateConfig(ctx context.Context, req ephemeral.ValidateConfigRequest, resp *ephemeral.ValidateConfigResponse) {
	var m ephemeralPasswordModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if msg := checkEphemeralPassword(&m); msg != "" {
		resp.Diagnostics.AddAttributeError(path.Root("length"), "Invalid Attribute Value", msg)
	}
}

// checkEphemeralPassword returns what is wrong with a configuration ("" when nothing is, or when
// it is not known yet).
func checkEphemeralPassword(m *ephemeralPasswordModel) string {
	if m.Length.IsUnknown() || m.Length.IsNull() {
		return ""
	}
	if m.Length.ValueInt64() < 1 {
		return fmt.Sprintf("Attribute length value must be at least 1, got: %d", m.Length.ValueInt64())
	}
	var sum int64
	for _, v := range []types.Int64{m.MinUpper, m.MinLower, m.MinNumeric, m.MinSpecial} {
		if v.IsUnknown() {
			return ""
		}
		sum += v.ValueInt64()
	}
	if m.Length.ValueInt64() < sum {
		return fmt.Sprintf("Attribute length value must be at least sum of min_upper + min_lower + min_numeric + min_special (%d), got: %d", sum, m.Length.ValueInt64())
	}
	all, anyTrue := true, false
	for _, b := range []types.Bool{m.Numeric, m.Special, m.Upper, m.Lower} {
		if b.IsNull() || b.IsUnknown() {
			all = false
		}
		anyTrue = anyTrue || b.ValueBool()
	}
	if all && !anyTrue {
		return "At least one attribute out of [numeric special upper lower] must be specified as true"
	}
	return ""
}

// withDefaults fills in the defaults of the unset arguments (true for the classes, 0 for the minimums).
func (m *ephemeralPasswordModel) withDefaults() {
	for _, b := range []*types.Bool{&m.Special, &m.Upper, &m.Lower, &m.Numeric} {
		if b.IsNull() {
			*b = types.BoolValue(true)
		}
	}
	for _, n := range []*types.Int64{&m.MinNumeric, &m.MinUpper, &m.MinLower, &m.MinSpecial} {
		if n.IsNull() {
			*n = types.Int64Value(0)
		}
	}
}

func (e *ephemeralPassword) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m ephemeralPasswordModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.withDefaults()
	result, err := generate(&stringModel{Length: m.Length, Special: m.Special, Upper: m.Upper, Lower: m.Lower, Numeric: m.Numeric,
		MinNumeric: m.MinNumeric, MinUpper: m.MinUpper, MinLower: m.MinLower, MinSpecial: m.MinSpecial, OverrideSpecial: m.OverrideSpecial})
	if err != nil {
		resp.Diagnostics.AddError("Random Read Error", "There was an error during random generation.\n\nOriginal Error: "+err.Error())
		return
	}
	hash, err := bcryptOf(result)
	if err != nil {
		resp.Diagnostics.AddError("Hash Generation Error", "There was an error generating the bcrypt hash.\n\nOriginal Error: "+err.Error())
	}
	m.Result = types.StringValue(result)
	m.BcryptHash = types.StringValue(hash)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
