package randprov

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type uuidResource struct{}

type uuidModel struct {
	ID      types.String `tfsdk:"id"`
	Keepers types.Map    `tfsdk:"keepers"`
	Result  types.String `tfsdk:"result"`
}

func (r *uuidResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_uuid"
}

func (r *uuidResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: describe("The resource `random_uuid` generates a random uuid string that is intended to be used as a unique identifier for other resources."),
		Attributes: map[string]schema.Attribute{
			"keepers": keepersAttribute(),
			"result":  computedString(false, "The generated uuid presented in string format."),
			"id":      computedString(false, "The generated uuid presented in string format."),
		},
	}
}

// newUUID returns a random (version 4, RFC 4122 variant) UUID.
func newUUID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}

func (r *uuidResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m uuidModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	u, err := newUUID()
	if err != nil {
		resp.Diagnostics.AddError("UUID generation failed", err.Error())
		return
	}
	m.ID = types.StringValue(u)
	m.Result = types.StringValue(u)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *uuidResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *uuidResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m, prior uuidModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	m.ID, m.Result = prior.ID, prior.Result
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *uuidResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
