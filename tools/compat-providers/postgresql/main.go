// Command postgresql is a STAND-IN for the cyrilgdn/postgresql Terraform provider 1.26.0: it
// implements the subset of that provider's schema that aurora-cdktf's constructs use, so the
// project's tests can apply synthesized stacks against a real PostgreSQL on machines that cannot
// download the real provider. See ../README.md.
package main

import (
	"flag"
	"log"

	"aurora-cdktf/tools/compat-providers/internal/pgprov"
	"aurora-cdktf/tools/compat-providers/internal/sdkcompat"
	"aurora-cdktf/tools/compat-providers/internal/standin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

func main() {
	standin.HandleCLI(pgprov.Source, pgprov.Version)
	debug := flag.Bool("debug", false, "run with support for debuggers")
	flag.Parse()
	var opts []tf6server.ServeOpt
	if *debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// The real provider is written with the legacy SDK: its resources plan like SDKv2 resources
	// (defaults of plain Optional arguments; see package sdkcompat).
	err := tf6server.Serve("registry.opentofu.org/cyrilgdn/postgresql", func() tfprotov6.ProviderServer {
		return sdkcompat.Wrap(providerserver.NewProtocol6(pgprov.New())(), pgprov.LegacyRules)
	}, opts...)
	if err != nil {
		log.Fatal(err)
	}
}
