// Generates TypeScript bindings of cyrilgdn/postgresql 1.26.0 for CDK Terrain with its provider
// generator, the way `cdktn get` does for `"terraformProviders": ["cyrilgdn/postgresql@1.26.0"]`:
// the same classes and pins (source cyrilgdn/postgresql, version 1.26.0) as @cdktf/provider-postgresql
// 12.1.1, which cdktf 0.21 uses. Run by scripts/cdktn.sh:
//
//   node tools/cdktn/generate-postgresql.js CACHE_DIR SCHEMA_JSON OUT_DIR
//
// CACHE_DIR holds tools/cdktn's npm packages (node_modules/@cdktn/provider-generator). SCHEMA_JSON is
// tools/cdktn/postgresql-1.26.0-schema.json: the real cyrilgdn/postgresql 1.26.0 provider's
// `providers schema -json` (its postgresql provider only; the engine's output, unchanged).
"use strict";
const fs = require("fs");
const path = require("path");

const FQPN = "registry.terraform.io/cyrilgdn/postgresql";
const VERSION = "1.26.0";

async function main() {
  const [cacheDir, schemaFile, outDir] = process.argv.slice(2);
  if (!cacheDir || !schemaFile || !outDir) {
    console.error("usage: node tools/cdktn/generate-postgresql.js CACHE_DIR SCHEMA_JSON OUT_DIR");
    process.exit(2);
  }
  const gen = require(path.join(path.resolve(cacheDir), "node_modules", "@cdktn", "provider-generator"));
  const { ConstructsMakerProviderTarget, TerraformProviderConstraint } = require(
    path.join(path.resolve(cacheDir), "node_modules", "@cdktn", "commons"),
  );
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  if (!schema.provider_schemas?.[FQPN]) throw new Error(`${schemaFile} has no ${FQPN} schema`);
  // What `cdktn get` adds from the lock file: the version the bindings pin.
  schema.provider_versions = { [FQPN]: VERSION };
  const code = new gen.CodeMaker();
  const generator = new gen.TerraformProviderGenerator(code, schema);
  generator.generate(
    new ConstructsMakerProviderTarget(
      new TerraformProviderConstraint(`cyrilgdn/postgresql@${VERSION}`),
      "typescript",
    ),
  );
  await generator.save(outDir);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
