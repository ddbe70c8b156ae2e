package randprov

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type idResource struct{}

type idModel struct {
	ID         types.String `tfsdk:"id"`
	Keepers    types.Map    `tfsdk:"keepers"`
	ByteLength types.Int64  `tfsdk:"byte_length"`
	Prefix     types.String `tfsdk:"prefix"`
	B64URL     types.String `tfsdk:"b64_url"`
	B64Std     types.String `tfsdk:"b64_std"`
	Hex        types.String `tfsdk:"hex"`
	Dec        types.String `tfsdk:"dec"`
}

func (r *idResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_id"
}

func (r *idResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("The resource `random_id` generates random numbers that are intended to be used as unique identifiers for other resources."),
		Attributes: map[string]schema.Attribute{
			"keepers": keepersAttribute(),
			"byte_length": schema.Int64Attribute{Required: true, Description: "The number of random bytes to produce. The minimum value is 1, which produces eight bits of randomness.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()}},
			"prefix": schema.StringAttribute{Optional: true, Description: "Arbitrary string to prefix the output value with. This string is supplied as-is, meaning it is not guaranteed to be URL-safe or base64 encoded.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"id":      computedString(false, "The generated id presented in base64 without padding and without the prefix."),
			"b64_url": computedString(false, "The generated id presented in base64 without padding, using the URL-friendly character set (letters, digits, `_` and `-`), after the prefix."),
			"b64_std": computedString(false, "The generated id presented in standard base64 (with padding), after the prefix."),
			"hex":     computedString(false, "The generated id presented in padded hexadecimal digits, after the prefix."),
			"dec":     computedString(false, "The generated id presented in non-padded decimal digits, after the prefix."),
		},
	}
}

func (r *idResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var n types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("byte_length"), &n)...)
	if !n.IsNull() && !n.IsUnknown() && n.ValueInt64() < 1 {
		resp.Diagnostics.AddAttributeError(path.Root("byte_length"), "Invalid Attribute Value",
			fmt.Sprintf("Attribute byte_length value must be at least 1, got: %d", n.ValueInt64()))
	}
}

func (r *idResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m idModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	b := make([]byte, m.ByteLength.ValueInt64())
	if _, err := rand.Read(b); err != nil {
		resp.Diagnostics.AddError("Random bytes generation failed", err.Error())
		return
	}
	prefix := m.Prefix.ValueString()
	id := base64.RawURLEncoding.EncodeToString(b)
	m.ID = types.StringValue(id)
	m.B64URL = types.StringValue(prefix + id)
	m.B64Std = types.StringValue(prefix + base64.StdEncoding.EncodeToString(b))
	m.Hex = types.StringValue(prefix + hex.EncodeToString(b))
	m.Dec = types.StringValue(prefix + new(big.Int).SetBytes(b).String())
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *idResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *idResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m, prior idModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	m.ID, m.B64URL, m.B64Std, m.Hex, m.Dec = prior.ID, prior.B64URL, prior.B64Std, prior.Hex, prior.Dec
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *idResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
