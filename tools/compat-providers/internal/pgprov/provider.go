// Package pgprov is the STAND-IN for the cyrilgdn/postgresql provider: the same resource and
// attribute names for the subset that aurora-cdktf's constructs use, written from the real
// provider's documentation, backed by real SQL against a real PostgreSQL server.
package pgprov

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"aurora-cdktf/tools/compat-providers/internal/sdkcompat"
	"aurora-cdktf/tools/compat-providers/internal/standin"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	Source  = "cyrilgdn/postgresql"
	Version = "1.26.0"
)

type pgProvider struct{}

// New returns the provider.
func New() provider.Provider { return &pgProvider{} }

type clientCertModel struct {
	Cert      types.String `tfsdk:"cert"`
	Key       types.String `tfsdk:"key"`
	SSLInline types.Bool   `tfsdk:"sslinline"`
}

type providerModel struct {
	Host                            types.String      `tfsdk:"host"`
	Port                            types.Int64       `tfsdk:"port"`
	Database                        types.String      `tfsdk:"database"`
	Username                        types.String      `tfsdk:"username"`
	DatabaseUsername                types.String      `tfsdk:"database_username"`
	Password                        types.String      `tfsdk:"password"`
	Superuser                       types.Bool        `tfsdk:"superuser"`
	SSLMode                         types.String      `tfsdk:"sslmode"`
	SSLModeOld                      types.String      `tfsdk:"ssl_mode"`
	SSLRootCert                     types.String      `tfsdk:"sslrootcert"`
	ConnectTimeout                  types.Int64       `tfsdk:"connect_timeout"`
	MaxConnections                  types.Int64       `tfsdk:"max_connections"`
	ExpectedVersion                 types.String      `tfsdk:"expected_version"`
	Scheme                          types.String      `tfsdk:"scheme"`
	AWSRDSIAMAuth                   types.Bool        `tfsdk:"aws_rds_iam_auth"`
	AWSRDSIAMProfile                types.String      `tfsdk:"aws_rds_iam_profile"`
	AWSRDSIAMRegion                 types.String      `tfsdk:"aws_rds_iam_region"`
	AWSRDSIAMProviderRoleARN        types.String      `tfsdk:"aws_rds_iam_provider_role_arn"`
	AzureIdentityAuth               types.Bool        `tfsdk:"azure_identity_auth"`
	AzureTenantID                   types.String      `tfsdk:"azure_tenant_id"`
	GCPIAMImpersonateServiceAccount types.String      `tfsdk:"gcp_iam_impersonate_service_account"`
	ClientCert                      []clientCertModel `tfsdk:"clientcert"`
}

func (p *pgProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "postgresql"
	resp.Version = Version
}

func (p *pgProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	s := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: standin.Label(Source, Version),
		Attributes: map[string]schema.Attribute{
			"host":                                s("Name of PostgreSQL server address to connect to (env PGHOST)"),
			"port":                                schema.Int64Attribute{Optional: true, Description: "The PostgreSQL port number to connect to at the server host (env PGPORT, default 5432)"},
			"database":                            s("The name of the database to connect to in order to conenct to (defaults to `postgres`, env PGDATABASE)."),
			"username":                            s("PostgreSQL user name to connect as (env PGUSER, default postgres)"),
			"database_username":                   s("Database username associated to the connected user (for user name maps)"),
			"password":                            schema.StringAttribute{Optional: true, Sensitive: true, Description: "Password to be used if the PostgreSQL server demands password authentication (env PGPASSWORD)"},
			"superuser":                           schema.BoolAttribute{Optional: true, Description: "Specify if the user to connect as is a Postgres superuser or not (env PGSUPERUSER, default true). If not, some feature might be disabled (e.g.: Refreshing state password from Postgres)"},
			"sslmode":                             s("This option determines whether or with what priority a secure SSL TCP/IP connection will be negotiated with the PostgreSQL server (env PGSSLMODE, default require)"),
			"ssl_mode":                            schema.StringAttribute{Optional: true, DeprecationMessage: "Rename PostgreSQL provider `ssl_mode` attribute to `sslmode`"},
			"sslrootcert":                         s("The SSL server root certificate file path. The file must contain PEM encoded data."),
			"connect_timeout":                     schema.Int64Attribute{Optional: true, Description: "Maximum wait for connection, in seconds. Zero or not specified means wait indefinitely. (env PGCONNECT_TIMEOUT, default 180)"},
			"max_connections":                     schema.Int64Attribute{Optional: true, Description: "Maximum number of connections to establish to the database. Zero means unlimited. (default 20)"},
			"expected_version":                    s("Specify the expected version of PostgreSQL."),
			"scheme":                              s("The connection scheme; the stand-in supports only `postgres`."),
			"aws_rds_iam_auth":                    schema.BoolAttribute{Optional: true, Description: "Use rds_iam instead of password authentication (NOT supported by the stand-in)"},
			"aws_rds_iam_profile":                 s("AWS profile to use for IAM auth (not supported by the stand-in)"),
			"aws_rds_iam_region":                  s("AWS region to use for IAM auth (not supported by the stand-in)"),
			"aws_rds_iam_provider_role_arn":       s("AWS IAM role to assume for IAM auth (not supported by the stand-in)"),
			"azure_identity_auth":                 schema.BoolAttribute{Optional: true, Description: "Use MS Azure identity OAuth token (NOT supported by the stand-in)"},
			"azure_tenant_id":                     s("MS Azure tenant ID (not supported by the stand-in)"),
			"gcp_iam_impersonate_service_account": s("Service account to impersonate when using GCP IAM authentication (not supported by the stand-in)"),
		},
		Blocks: map[string]schema.Block{
			"clientcert": schema.ListNestedBlock{
				Description: "SSL client certificate if required by the database.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"cert":      schema.StringAttribute{Required: true, Description: "The SSL client certificate file path. The file must contain PEM encoded data."},
					"key":       schema.StringAttribute{Required: true, Description: "The SSL client certificate private key file path. The file must contain PEM encoded data."},
					"sslinline": schema.BoolAttribute{Optional: true, Description: "Must be set to true if you are inlining the cert/key instead of using a file path."},
				}},
			},
		},
	}
}

func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func strAttr(v types.String, env, def string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	if env != "" {
		return envOr(env, def)
	}
	return def
}

func (p *pgProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	resp.Diagnostics.AddWarning(standin.WarningSummary(Source), standin.WarningDetail(Source, Version))
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg := ClientConfig{
		Host:             strAttr(m.Host, "PGHOST", ""),
		Database:         strAttr(m.Database, "PGDATABASE", "postgres"),
		Username:         strAttr(m.Username, "PGUSER", "postgres"),
		DatabaseUsername: strAttr(m.DatabaseUsername, "", ""),
		Password:         strAttr(m.Password, "PGPASSWORD", ""),
		SSLRootCert:      strAttr(m.SSLRootCert, "PGSSLROOTCERT", ""),
	}
	var err error
	intAttr := func(v types.Int64, env string, def int64) int64 {
		if !v.IsNull() && !v.IsUnknown() {
			return v.ValueInt64()
		}
		if s := envOr(env, ""); s != "" && env != "" {
			n, perr := strconv.ParseInt(s, 10, 64)
			if perr != nil {
				err = fmt.Errorf("environment variable %s=%q is not an integer", env, s)
				return def
			}
			return n
		}
		return def
	}
	cfg.Port = intAttr(m.Port, "PGPORT", 5432)
	cfg.ConnectTimeout = intAttr(m.ConnectTimeout, "PGCONNECT_TIMEOUT", 180)
	cfg.MaxConnections = intAttr(m.MaxConnections, "", 20)
	if err != nil {
		resp.Diagnostics.AddError("Invalid provider configuration", err.Error())
		return
	}
	cfg.Superuser = true
	if !m.Superuser.IsNull() && !m.Superuser.IsUnknown() {
		cfg.Superuser = m.Superuser.ValueBool()
	} else if s := envOr("PGSUPERUSER", ""); s != "" {
		b, perr := strconv.ParseBool(s)
		if perr != nil {
			resp.Diagnostics.AddError("Invalid provider configuration", fmt.Sprintf("environment variable PGSUPERUSER=%q is not a boolean", s))
			return
		}
		cfg.Superuser = b
	}
	sslmode := strAttr(m.SSLMode, "", "")
	if sslmode == "" {
		sslmode = strAttr(m.SSLModeOld, "PGSSLMODE", "require")
	}
	switch sslmode {
	case "disable", "allow", "prefer", "require", "verify-ca", "verify-full":
		cfg.SSLMode = sslmode
	default:
		resp.Diagnostics.AddAttributeError(pathRoot("sslmode"), "Invalid sslmode",
			fmt.Sprintf("sslmode %q is not one of disable, allow, prefer, require, verify-ca, verify-full", sslmode))
		return
	}
	if len(m.ClientCert) > 1 {
		resp.Diagnostics.AddError("Invalid provider configuration", "at most one clientcert block is allowed")
		return
	}
	if len(m.ClientCert) == 1 {
		cfg.ClientCert = m.ClientCert[0].Cert.ValueString()
		cfg.ClientKey = m.ClientCert[0].Key.ValueString()
		cfg.SSLInline = m.ClientCert[0].SSLInline.ValueBool()
	}
	if cfg.MaxConnections < 0 {
		resp.Diagnostics.AddAttributeError(pathRoot("max_connections"), "Invalid max_connections", "max_connections must be >= 0")
		return
	}
	// max_connections = 0 means unlimited, which is also what database/sql makes of 0.
	if !m.ExpectedVersion.IsNull() && !m.ExpectedVersion.IsUnknown() {
		if !validVersion(m.ExpectedVersion.ValueString()) {
			resp.Diagnostics.AddAttributeError(pathRoot("expected_version"), "Invalid expected_version",
				fmt.Sprintf("%q is not a version number such as 15 or 15.4.0", m.ExpectedVersion.ValueString()))
			return
		}
	}
	if scheme := strAttr(m.Scheme, "", "postgres"); scheme != "postgres" {
		resp.Diagnostics.AddAttributeError(pathRoot("scheme"), "Unsupported scheme",
			fmt.Sprintf("scheme %q is not supported by the aurora-cdktf stand-in for %s: only \"postgres\" is (the real provider also supports awspostgres and gcppostgres)", scheme, Source))
		return
	}
	if m.AWSRDSIAMAuth.ValueBool() {
		resp.Diagnostics.AddAttributeError(pathRoot("aws_rds_iam_auth"), "aws_rds_iam_auth is not supported by the stand-in",
			"aws_rds_iam_auth = true (IAM database authentication) is not supported by the aurora-cdktf stand-in for "+Source+"; use password authentication, or the real provider.")
		return
	}
	if m.AzureIdentityAuth.ValueBool() {
		resp.Diagnostics.AddAttributeError(pathRoot("azure_identity_auth"), "azure_identity_auth is not supported by the stand-in",
			"azure_identity_auth = true is not supported by the aurora-cdktf stand-in for "+Source+".")
		return
	}
	if v := m.GCPIAMImpersonateServiceAccount; !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
		resp.Diagnostics.AddAttributeError(pathRoot("gcp_iam_impersonate_service_account"), "gcp_iam_impersonate_service_account is not supported by the stand-in",
			"GCP IAM authentication is not supported by the aurora-cdktf stand-in for "+Source+".")
		return
	}
	c := newClient(cfg)
	for _, v := range []interface{ IsUnknown() bool }{m.Host, m.Port, m.Database, m.Username, m.Password, m.Superuser, m.SSLMode} {
		if v.IsUnknown() {
			c.notReady = fmt.Errorf("the postgresql provider configuration depends on values that are not known yet")
		}
	}
	resp.ResourceData = c
	resp.DataSourceData = c
}

func validVersion(v string) bool {
	parts := strings.Split(v, ".")
	if len(parts) == 0 || len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			return false
		}
	}
	return true
}

func (p *pgProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		newRoleResource,
		newSchemaResource,
		newGrantResource,
		newDefaultPrivilegesResource,
		newExtensionResource,
		newGrantRoleResource,
		newDatabaseResource,
	}
}

// LegacyRules are the SDKv2 plan rules of the resources (see package sdkcompat): the real
// provider's defaults, and the arguments whose unset value a refresh stores as the zero value.
var LegacyRules = sdkcompat.Rules{
	"postgresql_role":               roleRules,
	"postgresql_schema":             schemaRules,
	"postgresql_grant":              grantRules,
	"postgresql_default_privileges": defaultPrivilegesRules,
	"postgresql_extension":          extensionRules,
	"postgresql_grant_role":         grantRoleRules,
	"postgresql_database":           databaseRules,
}

func (p *pgProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }
