// Command random is a STAND-IN for the hashicorp/random Terraform provider 3.7.2: it implements
// random_password, random_string, random_id and random_uuid so the project's tests can apply
// synthesized stacks on machines that cannot download the real provider. See ../README.md.
package main

import (
	"context"
	"flag"
	"log"

	"aurora-cdktf/tools/compat-providers/internal/randprov"
	"aurora-cdktf/tools/compat-providers/internal/standin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

func main() {
	standin.HandleCLI(randprov.Source, randprov.Version)
	debug := flag.Bool("debug", false, "run with support for debuggers")
	flag.Parse()
	err := providerserver.Serve(context.Background(), randprov.New, providerserver.ServeOpts{
		Address: "registry.opentofu.org/hashicorp/random",
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
