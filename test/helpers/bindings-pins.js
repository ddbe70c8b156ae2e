// The provider source and version each installed prebuilt provider binding writes into
// `terraform.required_providers` (@cdktf/provider-* on cdktf; on CDK Terrain, the @cdktn bindings and
// the generated postgresql ones: jest.cdktn.config.js maps the imports). Read from the bindings'
// own provider classes, so tests name the pin of whichever bindings are loaded instead of a literal.
"use strict";

let pins;

/** { aws: { source, version }, postgresql: {...}, random: {...} } of the loaded bindings. */
function bindingsPins() {
  if (pins) return pins;
  const { Testing, TerraformStack } = require("cdktf");
  const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
  const { PostgresqlProvider } = require("@cdktf/provider-postgresql/lib/provider");
  const { RandomProvider } = require("@cdktf/provider-random/lib/provider");
  const stack = new TerraformStack(Testing.app(), "bindings-pins");
  const providers = [
    new AwsProvider(stack, "Aws", { region: "us-east-1" }),
    new PostgresqlProvider(stack, "Postgresql", {}),
    new RandomProvider(stack, "Random"),
  ];
  pins = {};
  for (const p of providers) {
    const version = p.terraformGeneratorMetadata?.providerVersion;
    const source = p.terraformProviderSource;
    if (!version || !source)
      throw new Error(`the ${p.terraformResourceType} bindings record no source/version`);
    pins[p.terraformResourceType] = { source, version };
  }
  return pins;
}

module.exports = { bindingsPins };
