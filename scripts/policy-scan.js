// Policy scan of synthesized stacks with Checkov (`--framework terraform_json`, every check).
// Fails on every failed check that is not suppressed in policy/checkov-suppressions.json. Each
// suppression names a check id, an anchored pattern of the Terraform address it covers
// (`aws_kms_key.Cluster_Key`, the logical id's hash suffix left out), an anchored pattern of the
// stack folder names, optionally the stages it argues for, and a written reason.
//
//   node scripts/policy-scan.js [--no-suppressions] [--stage <stage> <dir>...]... <dir>...
//     (exit 1 on unsuppressed failures or unused suppressions)
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const SUPPRESSIONS = path.join(__dirname, "..", "policy", "checkov-suppressions.json");
const ENTRY_KEYS = ["id", "resource", "stack", "stages", "reason"];

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

/** Whether `p` is a regular expression anchored at both ends. */
function anchored(p) {
  if (typeof p !== "string" || !p.startsWith("^") || !p.endsWith("$")) return false;
  new RegExp(p);
  return true;
}

/**
 * Reads and checks a suppression file: `id` a check id; `resource` and `stack` regular expressions
 * anchored with ^...$ (on the address without its hash suffix, and on the stack folder name);
 * `stages`, when given, a non-empty list of stage names; `reason` a sentence or more.
 */
function loadSuppressions(file = SUPPRESSIONS) {
  const list = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const s of list) {
    const problems = [];
    if (!/^CKV2?_[A-Z]+_\d+$/.test(s.id)) problems.push('"id" must be a Checkov check id');
    if (!anchored(s.resource)) problems.push('"resource" must be a pattern anchored with ^...$');
    if (!anchored(s.stack)) problems.push('"stack" must be a pattern anchored with ^...$');
    if (
      s.stages !== undefined &&
      !(Array.isArray(s.stages) && s.stages.length > 0 && s.stages.every((x) => typeof x === "string"))
    ) {
      problems.push('"stages", when given, must be a non-empty list of stage names');
    }
    if (typeof s.reason !== "string" || s.reason.trim().length < 20) {
      problems.push('"reason" must be written out (>= 20 characters)');
    }
    const unknown = Object.keys(s).filter((k) => !ENTRY_KEYS.includes(k));
    if (unknown.length)
      problems.push(`unknown keys ${unknown.join(", ")} (allowed: ${ENTRY_KEYS.join(", ")})`);
    if (problems.length) {
      throw new Error(`${file}: ${problems.join("; ")}: ${JSON.stringify(s)}`);
    }
  }
  return list;
}

/** Whether suppression `s` covers finding `f` (with its `address`, `stack` and `stage`). */
function covers(s, f) {
  return (
    s.id === f.id &&
    new RegExp(s.resource).test(f.address) &&
    new RegExp(s.stack).test(f.stack) &&
    (s.stages === undefined || (f.stage !== undefined && s.stages.includes(f.stage)))
  );
}

/**
 * The Terraform address of a Checkov result without the logical id's hash suffix, e.g.
 * `aws_subnet.Network_PublicSubnetA` or `data.aws_iam_policy_document.Cluster_KeyPolicy`. Checkov
 * names terraform_json blocks inconsistently (`resource.<id>`, `data.<id>`, `<type>.<id>`); the
 * type is looked up in the stack's cdk.tf.json.
 */
function addressOf(json, checkovResource) {
  const dot = checkovResource.indexOf(".");
  const head = checkovResource.slice(0, dot);
  const id = checkovResource.slice(dot + 1);
  const find = (blocks) => Object.keys(blocks || {}).find((t) => id in blocks[t]);
  const isData = head === "data" || (head !== "resource" && !find(json.resource) && find(json.data));
  const type = head !== "resource" && head !== "data" ? head : find(isData ? json.data : json.resource);
  const bare = id.replace(/_[0-9A-F]{8}$/, "");
  if (!type) return checkovResource.replace(/_[0-9A-F]{8}$/, "");
  return `${isData ? "data." : ""}${type}.${bare}`;
}

/** Runs checkov on one stack folder; returns { passed: [], failed: [] } of { id, resource, address, name }. */
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
  const json = readStack(dir);
  const reports = Array.isArray(out) ? out : [out];
  const pick = (c) => ({
    id: c.check_id,
    resource: c.resource,
    address: addressOf(json, c.resource),
    name: c.check_name,
  });
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
    if (!hasAwsBlocks(json)) return { passed, failed, unchecked: true };
    throw new Error(`checkov ran no check on ${dir}: is there a cdk.tf.json?`);
  }
  return { passed, failed, unchecked: false };
}

function readStack(dir) {
  const file = path.join(dir, "cdk.tf.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
}

/** Whether the stack's cdk.tf.json has a resource or data source of the AWS provider. */
function hasAwsBlocks(json) {
  if (!json) return true;
  const types = [...Object.keys(json.resource || {}), ...Object.keys(json.data || {})];
  return types.some((t) => t.startsWith("aws_"));
}

/**
 * Scans stack folders. `targets`: folder paths, or `{ dir, stage }` when the stage the stack was
 * synthesized for is known (stage-scoped suppressions apply only then). Options:
 * `suppressions: false` applies none (every failed check is in `failed`); a path applies that file.
 * Returns the passed checks (count and list), the failed and the suppressed ones (each with `stack`,
 * `stage`, `address`), the stacks Checkov had nothing to check in, and the suppressions nothing
 * matched.
 */
function scan(targets, options = {}) {
  const bin = checkovBinary();
  const suppressions =
    options.suppressions === false
      ? []
      : loadSuppressions(typeof options.suppressions === "string" ? options.suppressions : SUPPRESSIONS);
  const used = new Set();
  const result = { passed: 0, passedChecks: [], failed: [], suppressed: [], unchecked: [] };
  for (const t of targets) {
    const { dir, stage } = typeof t === "string" ? { dir: t, stage: undefined } : t;
    const { passed, failed, unchecked } = scanDir(bin, dir);
    if (unchecked) result.unchecked.push(dir);
    result.passed += passed.length;
    result.passedChecks.push(...passed.map((p) => ({ ...p, stack: path.basename(dir), stage })));
    for (const f of failed) {
      const entry = { ...f, stack: path.basename(dir), stage };
      const s = suppressions.find((x) => covers(x, entry));
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

module.exports = { scan, loadSuppressions, covers, addressOf };

/** `[--no-suppressions] [--stage <s> <dir>...]... <dir>...` as scan() arguments. */
function parseArgs(argv) {
  const targets = [];
  let stage;
  let suppressions = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--no-suppressions") suppressions = false;
    else if (argv[i] === "--stage") stage = argv[++i];
    else targets.push({ dir: argv[i], stage });
  }
  return { targets, suppressions };
}

if (require.main === module) {
  const { targets, suppressions } = parseArgs(process.argv.slice(2));
  if (targets.length === 0) {
    console.error(
      "usage: policy-scan.js [--no-suppressions] [--stage <stage> <stack-dir>...]... <stack-dir>...",
    );
    process.exit(2);
  }
  const r = scan(targets, { suppressions });
  const where = (f) => `${f.stack}${f.stage ? ` (${f.stage})` : ""}:${f.address}`;
  for (const f of r.failed) console.log(`FAILED      ${f.id} ${where(f)} - ${f.name}`);
  for (const u of r.unusedSuppressions)
    console.log(`UNUSED      suppression ${u.id} ${u.stack} ${u.resource}`);
  for (const d of r.unchecked) console.log(`NO AWS      ${d}: nothing for Checkov to check`);
  console.log(`checkov: ${r.passed} passed, ${r.failed.length} failed, ${r.suppressed.length} suppressed`);
  process.exit(r.failed.length > 0 || r.unusedSuppressions.length > 0 ? 1 : 0);
}
