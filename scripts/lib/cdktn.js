// Where CDK Terrain (cdktn) and its bindings are installed (scripts/cdktn.sh: a cache outside the
// repository) and how the project's imports map onto them: one table for the unit tests
// (jest.cdktn.config.js, as a moduleNameMapper) and the type check (a tsconfig with `paths`).
//
// CLI (scripts/test.sh): node scripts/lib/cdktn.js check | tsconfig OUT_FILE
//   check: exits 1 with how to fix it when scripts/cdktn.sh has not filled the cache;
//   tsconfig: the same check, then writes a tsconfig extending the project's with the cdktn `paths`.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..", "..");

/** The cache folder: $AURORA_CDKTF_CDKTN_DIR, else what `scripts/cdktn.sh --dir` prints. */
function cdktnDir() {
  return (
    process.env.AURORA_CDKTF_CDKTN_DIR ||
    execFileSync("bash", [path.join(ROOT, "scripts", "cdktn.sh"), "--dir"], { encoding: "utf8" }).trim()
  );
}

/** The cache folder, or an error saying how to fill it when scripts/cdktn.sh has not run. */
function installedCdktnDir() {
  const dir = cdktnDir();
  const missing = [".installed", "gen/.generated"].filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(
      `CDK Terrain (cdktn) packages are not installed in ${dir} (missing ${missing.join(", ")}). ` +
        "Fix: run bash scripts/setup.sh (or bash scripts/cdktn.sh), then re-run.",
    );
  }
  return dir;
}

/**
 * The imports to map, tsconfig `paths` style ("x/*" -> "dir/*"): cdktf -> cdktn, constructs -> the
 * constructs cdktn uses, the aws and random bindings -> @cdktn's, postgresql -> the generated ones.
 */
function importMap(dir) {
  const m = path.join(dir, "node_modules");
  return {
    cdktf: path.join(m, "cdktn"),
    "cdktf/*": path.join(m, "cdktn", "*"),
    constructs: path.join(m, "constructs"),
    "@cdktf/provider-aws/lib/*": path.join(m, "@cdktn", "provider-aws", "lib", "*"),
    "@cdktf/provider-random/lib/*": path.join(m, "@cdktn", "provider-random", "lib", "*"),
    "@cdktf/provider-postgresql/lib/*": path.join(dir, "gen", "lib", "providers", "postgresql", "*"),
  };
}

/** The import map as a Jest moduleNameMapper. */
function jestModuleNameMapper(dir) {
  return Object.fromEntries(
    Object.entries(importMap(dir)).map(([from, to]) => [
      `^${from.replace(/[.]/g, "\\.").replace("*", "(.*)")}$`,
      to.replace("*", "$1"),
    ]),
  );
}

/** A tsconfig extending the project's, with the import map as `paths` (next to the project's own). */
function tsconfig(dir, outFile) {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"));
  const rel = (p) => path.relative(path.dirname(outFile), p) || ".";
  const paths = { ...base.compilerOptions.paths };
  for (const [from, to] of Object.entries(importMap(dir))) paths[from] = [to];
  return {
    extends: rel(path.join(ROOT, "tsconfig.json")),
    compilerOptions: { baseUrl: rel(ROOT), paths },
  };
}

module.exports = { cdktnDir, installedCdktnDir, importMap, jestModuleNameMapper, tsconfig };

if (require.main === module) {
  const [cmd, out] = process.argv.slice(2);
  if (!(cmd === "check" || (cmd === "tsconfig" && out))) {
    console.error("usage: node scripts/lib/cdktn.js check | tsconfig OUT_FILE");
    process.exit(2);
  }
  let dir;
  try {
    dir = installedCdktnDir();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  if (cmd === "tsconfig") {
    const file = path.resolve(out);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(tsconfig(dir, file), null, 2)}\n`);
  }
}
