// Command postgresql is a STAND-IN for the cyrilgdn/postgresql Terraform provider 1.26.0: it
// implements the subset of that provider's schema that aurora-cdktf's constructs use, so the
// project's tests can apply synthesized stacks against a real PostgreSQL on machines that cannot
// download the real provider. See ../README.md.
package main

import (
	"context"
	"flag"
	"log"

	"aurora-cdktf/tools/compat-providers/internal/pgprov"
	"aurora-cdktf/tools/compat-providers/internal/standin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

func main() {
	standin.HandleCLI(pgprov.Source, pgprov.Version)
	debug := flag.Bool("debug", false, "run with support for debuggers")
	flag.Parse()
	err := providerserver.Serve(context.Background(), pgprov.New, providerserver.ServeOpts{
		Address: "registry.opentofu.org/cyrilgdn/postgresql",
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
