// Package randprov is the STAND-IN for the hashicorp/random provider: random_password (also as an
// ephemeral resource), random_string, random_id and random_uuid with the real provider's names and semantics (every
// argument forces a new value), written from its documentation, using crypto/rand.
package randprov

import (
	"context"

	"aurora-cdktf/tools/compat-providers/internal/standin"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

const (
	Source  = "hashicorp/random"
	Version = "3.7.2"
)

type randProvider struct{}

// New returns the provider.
func New() provider.Provider { return &randProvider{} }

func (p *randProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "random"
	resp.Version = Version
}

func (p *randProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{Description: standin.Label(Source, Version)}
}

func (p *randProvider) Configure(_ context.Context, _ provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	resp.Diagnostics.AddWarning(standin.WarningSummary(Source), standin.WarningDetail(Source, Version))
}

func (p *randProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		func() resource.Resource { return &stringResource{password: true} },
		func() resource.Resource { return &stringResource{password: false} },
		func() resource.Resource { return &idResource{} },
		func() resource.Resource { return &uuidResource{} },
	}
}

// EphemeralResources: the ephemeral random_password, as in the real provider since 3.7.0.
func (p *randProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{func() ephemeral.EphemeralResource { return &ephemeralPassword{} }}
}

func (p *randProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

func describe(s string) string {
	return s + " [" + standin.Label(Source, Version) + "]"
}
