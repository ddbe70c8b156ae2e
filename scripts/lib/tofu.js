// Runs the real OpenTofu (or Terraform, via TERRAFORM_BINARY_NAME) in a synthesized stack's folder.
// Every failure shows the tool's own output. Shared by the tests (test/helpers/tofu.ts re-exports
// it, with types from tofu.d.ts) and the main job (scripts/main.js).
"use strict";
const { spawnSync } = require("child_process");

class TofuError extends Error {}

/** The engine binary: TERRAFORM_BINARY_NAME (set by the toolchain's env file), else "tofu". */
function engine() {
  return process.env.TERRAFORM_BINARY_NAME || "tofu";
}

/** The arguments of each command, the same for the tests and the main job. */
const ARGS = Object.freeze({
  init: ["init", "-input=false", "-no-color"],
  validate: ["validate", "-json", "-no-color"],
  /** Exits 2 when there are changes (`-detailed-exitcode`); the plan is saved as `tfplan`. */
  plan: ["plan", "-input=false", "-lock=false", "-no-color", "-detailed-exitcode", "-out=tfplan"],
  show: ["show", "-json", "-no-color", "tfplan"],
  apply: ["apply", "-input=false", "-auto-approve", "-no-color"],
  destroy: ["destroy", "-input=false", "-auto-approve", "-no-color"],
  stateList: ["state", "list", "-no-color"],
  output: ["output", "-json", "-no-color"],
});

/** A working folder of one synthesized stack and the environment its commands run with. */
class TofuWorkdir {
  constructor(dir, env = {}) {
    if (!process.env.TF_CLI_CONFIG_FILE) {
      throw new Error(
        'TF_CLI_CONFIG_FILE is not set: run through "npm test" or "npm run main", or source the env file printed by "bash scripts/toolchain.sh --env-file".',
      );
    }
    this.dir = dir;
    this.env = env;
  }

  /** How to run `tofu args...` here: the file, its arguments and spawn options (cwd, env). */
  command(args, extraEnv = {}) {
    return {
      file: engine(),
      args,
      options: { cwd: this.dir, env: { ...process.env, TF_IN_AUTOMATION: "1", ...this.env, ...extraEnv } },
    };
  }

  /** Runs `tofu args...`; never throws on the tool's exit code. */
  run(args, extraEnv = {}) {
    const c = this.command(args, extraEnv);
    const res = spawnSync(c.file, c.args, { ...c.options, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (res.error) {
      throw new TofuError(
        `could not run "${c.file}": ${res.error.message}. Build it with "bash scripts/toolchain.sh" and put its env file in your shell.`,
      );
    }
    return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
  }

  /** Runs and throws with the tool's output unless the exit code is one of `ok`. */
  must(args, ok = [0]) {
    const r = this.run(args);
    if (!ok.includes(r.code)) {
      throw new TofuError(
        `${engine()} ${args.join(" ")} exited ${r.code} in ${this.dir}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`,
      );
    }
    return r;
  }

  init() {
    this.must(ARGS.init);
  }

  /** `validate -json`; throws with the diagnostics when invalid. */
  validate() {
    const r = this.run(ARGS.validate);
    const parsed = JSON.parse(r.stdout || "{}");
    if (r.code !== 0 || !parsed.valid) {
      throw new TofuError(
        `${engine()} validate failed in ${this.dir}:\n${JSON.stringify(parsed.diagnostics, null, 2)}\n${tail(r.stderr)}`,
      );
    }
  }

  /** `plan -detailed-exitcode` saved to a file, returned as `show -json` output. */
  plan() {
    const r = this.must(ARGS.plan, [0, 2]);
    return { ...this.show(), hasChanges: r.code === 2, output: r.stdout };
  }

  /** The saved plan (`tfplan`, written by `plan`) as `show -json` output. */
  show() {
    return JSON.parse(this.must(ARGS.show).stdout);
  }

  /** `apply` (a fresh plan), with extra arguments such as `-exclude=ADDRESS`. */
  apply(extraArgs = []) {
    this.must([...ARGS.apply, ...extraArgs]);
  }

  destroy() {
    this.must(ARGS.destroy);
  }

  /** Addresses in the state (`state list`); empty after a clean destroy. */
  stateList() {
    const r = this.run(ARGS.stateList);
    if (r.code !== 0) {
      if (/No state file was found/i.test(r.stderr)) return [];
      throw new TofuError(`${engine()} state list failed:\n${r.stderr}`);
    }
    return r.stdout.split("\n").filter((l) => l.trim() !== "");
  }

  /** `output -json` as an object of { name: { value, sensitive } }. */
  outputs() {
    return JSON.parse(this.must(ARGS.output).stdout);
  }
}

/** Addresses of resources planned for creation, optionally of one type. */
function plannedCreates(plan, type) {
  return (plan.resource_changes ?? [])
    .filter((c) => c.change.actions.includes("create") && (type === undefined || c.type === type))
    .map((c) => c.address);
}

/** The planned creates in one line: "12 to create (aws_subnet x6, aws_vpc x1, ...)". */
function describeCreates(plan) {
  const creates = (plan.resource_changes ?? []).filter((c) => c.change.actions.includes("create"));
  const byType = {};
  for (const c of creates) byType[c.type] = (byType[c.type] || 0) + 1;
  const types = Object.entries(byType).map(([t, n]) => `${t} x${n}`);
  return `${creates.length} to create (${types.join(", ")})`;
}

/** The last `lines` lines of a tool's output, saying how many were cut. */
function tail(s, lines = 80) {
  const all = s.split("\n");
  return all.length > lines ? `...(${all.length - lines} lines cut)\n${all.slice(-lines).join("\n")}` : s;
}

module.exports = { ARGS, TofuError, TofuWorkdir, describeCreates, engine, plannedCreates, tail };
