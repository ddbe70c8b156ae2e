// Policy scan of synthesized stacks with Checkov (`--framework terraform_json`).
// Fails on every failed check that is not suppressed in policy/checkov-suppressions.json, where each
// suppression names a check id, optionally a resource pattern, and a written reason.
//
//   node scripts/policy-scan.js <dir-with-cdk.tf.json>...     (exit 1 on unsuppressed failures)
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const SUPPRESSIONS = path.join(__dirname, "..", "policy", "checkov-suppressions.json");

function checkovBinary() {
  const bin = process.env.AURORA_CDKTF_CHECKOV || "checkov";
  const probe = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `checkov not found ("${bin}"). Install it with "bash scripts/setup.sh" (a Python venv with checkov).`,
    );
  }
  return bin;
}

function loadSuppressions() {
  const list = JSON.parse(fs.readFileSync(SUPPRESSIONS, "utf8"));
  for (const s of list) {
    if (!/^CKV2?_[A-Z]+_\d+$/.test(s.id) || typeof s.reason !== "string" || s.reason.trim().length < 20) {
      throw new Error(
        `${SUPPRESSIONS}: every entry needs a check "id" and a written "reason" (>= 20 chars): ${JSON.stringify(s)}`,
      );
    }
  }
  return list;
}

/** Runs checkov on one stack folder; returns { passed: [], failed: [] } of { id, resource, name }. */
function scanDir(bin, dir) {
  const res = spawnSync(
    bin,
    ["-d", dir, "--framework", "terraform_json", "-o", "json", "--compact", "--skip-download"],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, BC_SKIP_MAPPING: "TRUE", CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: "false" },
    },
  );
  if (res.status !== 0 && res.status !== 1) {
    throw new Error(`checkov failed on ${dir} (exit ${res.status}):\n${res.stderr}`);
  }
  let out;
  try {
    out = JSON.parse(res.stdout);
  } catch {
    throw new Error(
      `checkov printed no JSON for ${dir}:\n${res.stdout.slice(0, 2000)}\n${res.stderr.slice(0, 2000)}`,
    );
  }
  const reports = Array.isArray(out) ? out : [out];
  const pick = (c) => ({ id: c.check_id, resource: c.resource, name: c.check_name });
  const passed = [];
  const failed = [];
  for (const r of reports) {
    if (!r.results) continue;
    passed.push(...(r.results.passed_checks || []).map(pick));
    failed.push(...(r.results.failed_checks || []).map(pick));
  }
  if (passed.length + failed.length === 0) {
    // A stack without any AWS resource or data source (e.g. only postgresql_* resources and an
    // ephemeral secret read) gives Checkov nothing to check: say so; anything else is an error.
    if (!hasAwsBlocks(dir)) return { passed, failed, unchecked: true };
    throw new Error(`checkov ran no check on ${dir}: is there a cdk.tf.json?`);
  }
  return { passed, failed, unchecked: false };
}

/** Whether the stack's cdk.tf.json has a resource or data source of the AWS provider. */
function hasAwsBlocks(dir) {
  const file = path.join(dir, "cdk.tf.json");
  if (!fs.existsSync(file)) return true;
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  const types = [...Object.keys(json.resource || {}), ...Object.keys(json.data || {})];
  return types.some((t) => t.startsWith("aws_"));
}

function scan(dirs) {
  const bin = checkovBinary();
  const suppressions = loadSuppressions();
  const used = new Set();
  const result = { passed: 0, failed: [], suppressed: [], unchecked: [] };
  for (const dir of dirs) {
    const { passed, failed, unchecked } = scanDir(bin, dir);
    if (unchecked) result.unchecked.push(dir);
    result.passed += passed.length;
    for (const f of failed) {
      const s = suppressions.find(
        (x) => x.id === f.id && (!x.resource || new RegExp(x.resource).test(f.resource)),
      );
      const entry = { ...f, stack: path.basename(dir) };
      if (s) {
        used.add(s);
        result.suppressed.push({ ...entry, reason: s.reason });
      } else {
        result.failed.push(entry);
      }
    }
  }
  result.unusedSuppressions = suppressions.filter((s) => !used.has(s));
  return result;
}

module.exports = { scan };

if (require.main === module) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error("usage: policy-scan.js <stack-dir>...");
    process.exit(2);
  }
  const r = scan(dirs);
  for (const f of r.failed) console.log(`FAILED      ${f.id} ${f.stack}:${f.resource} - ${f.name}`);
  for (const u of r.unusedSuppressions)
    console.log(`UNUSED      suppression ${u.id}${u.resource ? ` (${u.resource})` : ""}`);
  for (const d of r.unchecked) console.log(`NO AWS      ${d}: nothing for Checkov to check`);
  console.log(`checkov: ${r.passed} passed, ${r.failed.length} failed, ${r.suppressed.length} suppressed`);
  process.exit(r.failed.length > 0 ? 1 : 0);
}
