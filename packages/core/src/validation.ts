import { Token } from "cdktf";
import { IConstruct } from "constructs";

/**
 * A synth-time input error. The message names the construct path, what was given, what is allowed
 * and how to fix it, e.g.
 * `[db-stack/Cluster] backupRetentionDays must be an integer between 1 and 35, got 40. Fix: ...`.
 */
export class ValidationError extends Error {
  /** Path of the construct whose input was rejected. */
  public readonly constructPath: string;

  constructor(scope: IConstruct, message: string) {
    super(`[${scope.node.path}] ${message}`);
    this.name = "ValidationError";
    this.constructPath = scope.node.path;
  }
}

/** One validation rule: when `failed` is true, `message` is reported. */
export interface ValidationRule {
  readonly failed: boolean;
  readonly message: string;
}

/**
 * Collects rule failures so that a user sees every problem of a construct's props at once.
 * `throwIfAny()` throws one {@link ValidationError} listing them all.
 */
export class Validator {
  private readonly failures: string[] = [];

  constructor(private readonly scope: IConstruct) {}

  /** Records `message` when `failed` is true. */
  public check(failed: boolean, message: string): this {
    if (failed) this.failures.push(message);
    return this;
  }

  /** Records a failure unless `value` is an integer in [min, max] (tokens are accepted unchecked). */
  public integer(name: string, value: number | undefined, min: number, max: number, fix?: string): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    return this.check(
      !Number.isInteger(value) || value < min || value > max,
      `${name} must be an integer between ${min} and ${max}, got ${value}.${fix ? ` ${fix}` : ""}`,
    );
  }

  /** Records a failure unless `value` is one of `allowed` (tokens are accepted unchecked). */
  public oneOf<T extends string | number>(name: string, value: T | undefined, allowed: readonly T[]): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    return this.check(
      !allowed.includes(value),
      `${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(value)}.`,
    );
  }

  /** Records a failure unless `value` matches `pattern` (tokens are accepted unchecked). */
  public matches(name: string, value: string | undefined, pattern: RegExp, what: string): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    return this.check(!pattern.test(value), `${name} ${what}, got ${JSON.stringify(value)}.`);
  }

  /** Failures recorded so far. */
  public get messages(): readonly string[] {
    return this.failures;
  }

  /** Throws one ValidationError listing every recorded failure, if any. */
  public throwIfAny(): void {
    if (this.failures.length === 0) return;
    const body =
      this.failures.length === 1 ? this.failures[0] : `\n${this.failures.map((f) => `  - ${f}`).join("\n")}`;
    throw new ValidationError(this.scope, `invalid props: ${body}`);
  }
}
