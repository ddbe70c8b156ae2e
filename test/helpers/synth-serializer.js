// Jest snapshot serializer for synthesized stacks (Testing.synth strings), so that the same snapshots
// hold on cdktf 0.21 and on CDK Terrain (jest.cdktn.config.js):
//   - the JSON is re-printed canonically (keys sorted, two-space indent): cdktf prints an empty
//     object or array as "{\n}" / "[\n]", cdktn as "{}" / "[]";
//   - in `terraform.required_providers`, a source or version EQUAL to the loaded bindings' own pin
//     (test/helpers/bindings-pins.js) reads `<aws bindings' version>` / `<aws bindings' source>`.
//     Any other value stays literal, so a construct or override that changes a pin still shows.
"use strict";
const { bindingsPins } = require("./bindings-pins");

const TOP_LEVEL = new Set([
  "//",
  "check",
  "data",
  "ephemeral",
  "import",
  "locals",
  "module",
  "moved",
  "output",
  "provider",
  "removed",
  "resource",
  "terraform",
  "variable",
]);

/** The parsed stack when `val` is a synthesized Terraform JSON document, else undefined. */
function parseStack(val) {
  if (typeof val !== "string" || !val.trimStart().startsWith("{")) return undefined;
  let json;
  try {
    json = JSON.parse(val);
  } catch {
    return undefined;
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return undefined;
  const keys = Object.keys(json);
  return keys.length > 0 && keys.every((k) => TOP_LEVEL.has(k)) ? json : undefined;
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

/** The stack with the bindings' own pins replaced by placeholders (a copy). */
function withPinPlaceholders(json) {
  const required = json.terraform?.required_providers;
  if (!required || typeof required !== "object") return json;
  const pins = bindingsPins();
  const replaced = {};
  for (const [name, entry] of Object.entries(required)) {
    const pin = pins[name];
    if (!pin || entry === null || typeof entry !== "object") {
      replaced[name] = entry;
      continue;
    }
    replaced[name] = {
      ...entry,
      ...(entry.source === pin.source ? { source: `<${name} bindings' source>` } : {}),
      ...(entry.version === pin.version ? { version: `<${name} bindings' version>` } : {}),
    };
  }
  return { ...json, terraform: { ...json.terraform, required_providers: replaced } };
}

module.exports = {
  test: (val) => parseStack(val) !== undefined,
  // Printed like Jest prints a string (in double quotes, not escaped), as before this serializer.
  serialize: (val) => `"${JSON.stringify(sortKeys(withPinPlaceholders(parseStack(val))), null, 2)}"`,
};
