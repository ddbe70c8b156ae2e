// Types of tofu.js, for the TypeScript tests (test/helpers/tofu.ts).

export interface TofuResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export declare class TofuError extends Error {}

/** The engine binary: TERRAFORM_BINARY_NAME (set by the toolchain's env file), else "tofu". */
export declare function engine(): string;

/** The arguments of each command, the same for the tests and the main job. */
export declare const ARGS: {
  readonly init: readonly string[];
  readonly validate: readonly string[];
  readonly plan: readonly string[];
  readonly show: readonly string[];
  readonly apply: readonly string[];
  readonly destroy: readonly string[];
  readonly stateList: readonly string[];
  readonly output: readonly string[];
};

/** One planned change of `show -json` output. */
export interface ResourceChange {
  address: string;
  type: string;
  change: { actions: string[]; after?: unknown };
}

/** `show -json` output of a saved plan. */
export interface ShownPlan {
  readonly resource_changes?: ResourceChange[];
  readonly [k: string]: unknown;
}

/** A plan with whether it has changes and the plan command's own output. */
export interface PlanJson extends ShownPlan {
  readonly hasChanges: boolean;
  readonly output: string;
}

/** A spawnable command: file, arguments and options (cwd, env). */
export interface TofuCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly options: { cwd: string; env: Record<string, string | undefined> };
}

/** A working folder of one synthesized stack and the environment its commands run with. */
export declare class TofuWorkdir {
  readonly dir: string;
  private readonly env;
  constructor(dir: string, env?: Record<string, string | undefined>);
  /** How to run `tofu args...` here: the file, its arguments and spawn options (cwd, env). */
  command(args: readonly string[], extraEnv?: Record<string, string | undefined>): TofuCommand;
  /** Runs `tofu args...`; never throws on the tool's exit code. */
  run(args: readonly string[], extraEnv?: Record<string, string | undefined>): TofuResult;
  /** Runs and throws with the tool's output unless the exit code is one of `ok`. */
  must(args: readonly string[], ok?: number[]): TofuResult;
  init(): void;
  /** `validate -json`; throws with the diagnostics when invalid. */
  validate(): void;
  /** `plan -detailed-exitcode` saved to a file, returned as `show -json` output. */
  plan(): PlanJson;
  /** The saved plan (`tfplan`, written by `plan`) as `show -json` output. */
  show(): ShownPlan;
  /** `apply` (a fresh plan), with extra arguments such as `-exclude=ADDRESS`. */
  apply(extraArgs?: readonly string[]): void;
  destroy(): void;
  /** Addresses in the state (`state list`); empty after a clean destroy. */
  stateList(): string[];
  /** `output -json` as an object of { name: { value, sensitive } }. */
  outputs(): Record<string, { value: unknown; sensitive: boolean }>;
}

/** Addresses of resources planned for creation, optionally of one type. */
export declare function plannedCreates(plan: ShownPlan, type?: string): string[];

/** The planned creates in one line: "12 to create (aws_subnet x6, aws_vpc x1, ...)". */
export declare function describeCreates(plan: ShownPlan): string;

/** The last `lines` lines of a tool's output, saying how many were cut. */
export declare function tail(s: string, lines?: number): string;
