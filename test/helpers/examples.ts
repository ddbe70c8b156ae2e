/**
 * The examples as their users run them: the real cdktf CLI (cdktf-cli 0.21) in an example's folder.
 * Shared by the integration files that synthesize the examples (examples.test.ts, which plans and
 * applies them on moto, and examples-policy.test.ts, which scans them with Checkov), so that Jest
 * can run those files side by side.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { mirroredAwsVersion } from "./aws";

export const ROOT = path.resolve(__dirname, "..", "..");
export const REF = "reference-architecture";
export const EXISTING = "lineage-on-existing-cluster";

/** Runs the real cdktf CLI in an example folder; throws with its output on failure. */
export function cdktf(example: string, args: string[], env: Record<string, string | undefined>): string {
  const res = spawnSync("npx", ["cdktf", ...args], {
    cwd: path.join(ROOT, "examples", example),
    encoding: "utf8",
    env: { ...process.env, CI: "1", CHECKPOINT_DISABLE: "1", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    throw new Error(
      `cdktf ${args.join(" ")} in examples/${example} exited ${res.status}:\n${res.stdout}\n${res.stderr}`,
    );
  }
  return res.stdout;
}

/** The environment of a cluster-mode synth: no local-mode or stage variables leak in. */
export function synthEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    DB_TARGET: undefined,
    STAGE: undefined,
    PGDATABASE: undefined,
    AWS_REGION: "us-east-1",
    EXAMPLE_AWS_PROVIDER_VERSION: mirroredAwsVersion(),
    ...extra,
  };
}

/** `cdktf synth --output <dir>/cdktf.out`; returns the stacks folder. */
export function synth(example: string, dir: string, env: Record<string, string | undefined>): string {
  fs.mkdirSync(dir, { recursive: true });
  cdktf(example, ["synth", "--output", path.join(dir, "cdktf.out")], env);
  return path.join(dir, "cdktf.out", "stacks");
}

/** Builds both examples (and the packages they use) with `tsc -b`; throws with its output. */
export function buildExamples(): void {
  const build = spawnSync(
    "npx",
    ["tsc", "-b", `examples/${REF}/tsconfig.json`, `examples/${EXISTING}/tsconfig.json`],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`building the examples failed:\n${build.stdout}\n${build.stderr}`);
}
