/**
 * Runs the real OpenTofu (or Terraform, via TERRAFORM_BINARY_NAME) on synthesized stacks.
 * Unlike cdktf's toPlanSuccessfully, every failure shows the tool's own output.
 * The engine side (TofuWorkdir, plannedCreates) lives in scripts/lib/tofu.js, which the main job
 * (scripts/main.js) uses too; this module adds what needs cdktf: synthesis of a test stack.
 */
import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";
import { TofuError, TofuWorkdir, tail } from "../../scripts/lib/tofu";
import type { PlanJson } from "../../scripts/lib/tofu";

export {
  ARGS,
  describeCreates,
  engine,
  plannedCreates,
  TofuError,
  TofuWorkdir,
} from "../../scripts/lib/tofu";
export type { PlanJson, ResourceChange, ShownPlan, TofuResult } from "../../scripts/lib/tofu";

/** Synthesizes `stack` (with its app) and returns the folder holding its cdk.tf.json. */
export function synthToDir(stack: TerraformStack): string {
  const outdir = Testing.fullSynth(stack);
  const dir = path.join(outdir, "stacks", stack.node.id);
  if (!fs.existsSync(path.join(dir, "cdk.tf.json"))) {
    throw new Error(`synth of ${stack.node.path} produced no ${dir}/cdk.tf.json`);
  }
  return dir;
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
