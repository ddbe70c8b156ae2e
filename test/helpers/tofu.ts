/**
 * Runs the real OpenTofu (or Terraform, via TERRAFORM_BINARY_NAME) on synthesized stacks.
 * Unlike cdktf's toPlanSuccessfully, every failure shows the tool's own output.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";

export interface TofuResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export class TofuError extends Error {}

/** The engine binary: TERRAFORM_BINARY_NAME (set by the toolchain's env file), else "tofu". */
export function engine(): string {
  return process.env.TERRAFORM_BINARY_NAME || "tofu";
}

/** Synthesizes `stack` (with its app) and returns the folder holding its cdk.tf.json. */
export function synthToDir(stack: TerraformStack): string {
  const outdir = Testing.fullSynth(stack);
  const dir = path.join(outdir, "stacks", stack.node.id);
  if (!fs.existsSync(path.join(dir, "cdk.tf.json"))) {
    throw new Error(`synth of ${stack.node.path} produced no ${dir}/cdk.tf.json`);
  }
  return dir;
}

/** A working folder of one synthesized stack and the environment its tofu commands run with. */
export class TofuWorkdir {
  constructor(
    public readonly dir: string,
    private readonly env: Record<string, string | undefined> = {},
  ) {
    if (!process.env.TF_CLI_CONFIG_FILE) {
      throw new Error(
        'TF_CLI_CONFIG_FILE is not set: run tests through "npm test", or source the env file printed by "bash scripts/toolchain.sh --env-file".',
      );
    }
  }

  /** Runs `tofu args...`; never throws. */
  public run(args: string[], extraEnv: Record<string, string | undefined> = {}): TofuResult {
    const res = spawnSync(engine(), args, {
      cwd: this.dir,
      encoding: "utf8",
      env: { ...process.env, TF_IN_AUTOMATION: "1", ...this.env, ...extraEnv },
      maxBuffer: 256 * 1024 * 1024,
    });
    if (res.error) {
      throw new TofuError(
        `could not run "${engine()}": ${res.error.message}. Build it with "bash scripts/toolchain.sh" and put its env file in your shell.`,
      );
    }
    return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
  }

  /** Runs and throws with the tool's output unless the exit code is one of `ok`. */
  public must(args: string[], ok: number[] = [0]): TofuResult {
    const r = this.run(args);
    if (!ok.includes(r.code)) {
      throw new TofuError(
        `${engine()} ${args.join(" ")} exited ${r.code} in ${this.dir}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`,
      );
    }
    return r;
  }

  public init(): void {
    this.must(["init", "-input=false", "-no-color"]);
  }

  /** `validate -json`; throws with the diagnostics when invalid. */
  public validate(): void {
    const r = this.run(["validate", "-json", "-no-color"]);
    const parsed = JSON.parse(r.stdout || "{}") as { valid?: boolean; diagnostics?: unknown[] };
    if (r.code !== 0 || !parsed.valid) {
      throw new TofuError(
        `${engine()} validate failed in ${this.dir}:\n${JSON.stringify(parsed.diagnostics, null, 2)}\n${tail(r.stderr)}`,
      );
    }
  }

  /**
   * `plan -detailed-exitcode` saved to a file, returned as `show -json` output.
   * Throws with the tool's output on error.
   */
  public plan(): PlanJson {
    const r = this.must(
      ["plan", "-input=false", "-lock=false", "-no-color", "-detailed-exitcode", "-out=tfplan"],
      [0, 2],
    );
    const show = this.must(["show", "-json", "-no-color", "tfplan"]);
    const plan = JSON.parse(show.stdout) as PlanJson;
    return { ...plan, hasChanges: r.code === 2, output: r.stdout };
  }

  public apply(): void {
    this.must(["apply", "-input=false", "-auto-approve", "-no-color"]);
  }

  public destroy(): void {
    this.must(["destroy", "-input=false", "-auto-approve", "-no-color"]);
  }

  /** Addresses in the state (`state list`); empty after a clean destroy. */
  public stateList(): string[] {
    const r = this.run(["state", "list", "-no-color"]);
    if (r.code !== 0) {
      if (/No state file was found/i.test(r.stderr)) return [];
      throw new TofuError(`${engine()} state list failed:\n${r.stderr}`);
    }
    return r.stdout.split("\n").filter((l) => l.trim() !== "");
  }

  /** `output -json` as an object of { name: { value, sensitive } }. */
  public outputs(): Record<string, { value: unknown; sensitive: boolean }> {
    return JSON.parse(this.must(["output", "-json", "-no-color"]).stdout);
  }
}

export interface PlanJson {
  readonly resource_changes?: {
    address: string;
    type: string;
    change: { actions: string[]; after?: unknown };
  }[];
  readonly hasChanges: boolean;
  readonly output: string;
  readonly [k: string]: unknown;
}

/** Synthesizes, inits, validates and plans `stack`; returns the plan. */
export function synthAndPlan(
  stack: TerraformStack,
  env: Record<string, string | undefined> = {},
): { work: TofuWorkdir; plan: PlanJson } {
  const work = new TofuWorkdir(synthToDir(stack), env);
  work.init();
  work.validate();
  return { work, plan: work.plan() };
}

/**
 * The full life cycle against a real backend: init, validate, apply; a second plan must be empty;
 * `probe` runs against the applied state; then destroy, and the state must be empty.
 * Destroy also runs when the probe fails, so nothing is left behind.
 */
export async function applyCycle(
  stack: TerraformStack,
  env: Record<string, string | undefined>,
  probe: (work: TofuWorkdir) => Promise<void> | void,
): Promise<void> {
  const work = new TofuWorkdir(synthToDir(stack), env);
  work.init();
  work.validate();
  let probeError: unknown;
  try {
    work.apply();
    const second = work.plan();
    if (second.hasChanges) {
      throw new TofuError(`second plan after apply is not empty (not idempotent):\n${tail(second.output)}`);
    }
    await probe(work);
  } catch (err) {
    probeError = err;
  }
  try {
    work.destroy();
  } catch (err) {
    if (!probeError) throw err;
  }
  if (probeError) throw probeError;
  const left = work.stateList();
  if (left.length > 0) throw new TofuError(`destroy left resources in the state: ${left.join(", ")}`);
}

/** Addresses of resources planned for creation, by type. */
export function plannedCreates(plan: PlanJson, type?: string): string[] {
  return (plan.resource_changes ?? [])
    .filter((c) => c.change.actions.includes("create") && (type === undefined || c.type === type))
    .map((c) => c.address);
}

function tail(s: string, lines = 80): string {
  const all = s.split("\n");
  return all.length > lines ? `...(${all.length - lines} lines cut)\n${all.slice(-lines).join("\n")}` : s;
}
