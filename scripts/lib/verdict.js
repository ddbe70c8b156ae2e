// The closing verdict lines of `npm test` (scripts/test.sh) and `npm run main` (scripts/main.js):
// what ran, how long it took, and which engine and providers did the work: for each provider its
// version in the toolchain's mirror and whether it is the real one, the project's stand-in
// (tools/compat-providers) or a provider the machine already had (scripts/toolchain.sh's env file).
//
// CLI (scripts/test.sh): node scripts/lib/verdict.js test SUMMARY_JSONL SECONDS [FAILED_STEP...]
//   prints the test verdict; exits 1 when a step or a test failed.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { engine } = require("./tofu");

/** 842 -> "14m02s" */
function duration(seconds) {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** "OpenTofu 1.12.6" (the engine's first line of `version`), or why not. */
function engineLine() {
  const r = spawnSync(engine(), ["version"], { encoding: "utf8" });
  const first = (r.stdout || "").split("\n")[0].trim();
  return first ? first.replace(/ v(\d)/, " $1") : `${engine()} not found`;
}

/** The versions of NAMESPACE/TYPE in the toolchain's mirror. */
function mirrored(namespace, type) {
  const dir = path.join(process.env.AURORA_CDKTF_MIRROR || "", "registry.opentofu.org", namespace, type);
  return process.env.AURORA_CDKTF_MIRROR && fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

const KIND_WORDS = { "stand-in": "stand-in", real: "real", built: "real", machine: "(the machine's)" };

/** "postgresql 1.26.0 stand-in, random 3.7.2 stand-in, aws 5.100.0 (the machine's)" */
function providersLine() {
  const e = process.env;
  const providers = [
    ["postgresql", mirrored("cyrilgdn", "postgresql"), e.AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND],
    ["random", mirrored("hashicorp", "random"), e.AURORA_CDKTF_RANDOM_PROVIDER_KIND],
    ["aws", mirrored("hashicorp", "aws"), e.AURORA_CDKTF_AWS_PROVIDER_KIND],
  ];
  return providers
    .map(([name, versions, kind]) =>
      !kind || kind === "none" || versions.length === 0
        ? `${name} NONE`
        : `${name} ${versions.join("/")} ${KIND_WORDS[kind] ?? kind}`,
    )
    .join(", ");
}

/** "; engine OpenTofu 1.12.6; providers: ..." */
function toolsLine() {
  return `engine ${engineLine()}; providers: ${providersLine()}`;
}

/** The stand-in note, when a database provider is the project's stand-in. */
function standInNote(what) {
  const e = process.env;
  if (
    e.AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND !== "stand-in" &&
    e.AURORA_CDKTF_RANDOM_PROVIDER_KIND !== "stand-in"
  )
    return [];
  return [
    `NOTE: ${what} ran with the project's STAND-IN postgresql/random providers (tools/compat-providers),`,
    "      because the module proxy refuses the real ones; see README.md.",
  ];
}

function testVerdict(summaryFile, seconds, failedSteps) {
  const lines = fs.existsSync(summaryFile)
    ? fs.readFileSync(summaryFile, "utf8").split("\n").filter(Boolean).map(JSON.parse)
    : [];
  const t = lines.reduce(
    (a, l) => ({ passed: a.passed + l.passed, failed: a.failed + l.failed, skipped: a.skipped + l.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const ok = failedSteps.length === 0 && t.failed === 0;
  const steps = failedSteps.length > 0 ? ` (failed steps: ${failedSteps.join(", ")})` : "";
  return {
    ok,
    lines: [
      ...standInNote("database tests"),
      `npm test: ${ok ? "PASSED" : "FAILED"}${steps} — ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped ` +
        `in ${duration(seconds)}; ${toolsLine()}`,
    ],
  };
}

module.exports = { duration, engineLine, providersLine, testVerdict, toolsLine, standInNote };

if (require.main === module) {
  const [cmd, summaryFile, seconds, ...failed] = process.argv.slice(2);
  if (cmd !== "test" || !summaryFile) {
    console.error("usage: node scripts/lib/verdict.js test SUMMARY_JSONL SECONDS [FAILED_STEP...]");
    process.exit(2);
  }
  const v = testVerdict(summaryFile, Number(seconds), failed);
  console.log(`\n${v.lines.join("\n")}`);
  process.exit(v.ok ? 0 : 1);
}
