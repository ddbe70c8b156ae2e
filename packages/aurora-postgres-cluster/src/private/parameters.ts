import { IResolvable, Lazy } from "cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "@aurora-cdktf/core";
import { ParameterApplyMethod } from "../aurora-postgres-cluster-ref";

/** Libraries preloaded by both parameter groups (APG-29; pgaudit and pg_stat_statements for the bootstrap). */
export const SHARED_PRELOAD_LIBRARIES = "auto_explain,pg_stat_statements,pg_hint_plan,pgaudit";

/**
 * Cluster parameter group defaults: TLS only (APG-28), the preloaded libraries, pgaudit logging
 * DDL and role changes (APG-54; pgaudit redacts passwords of CREATE/ALTER ROLE), without catalog
 * noise or bind parameters (which may carry data), and the statement logging of the instance
 * defaults (DDL, statements over 5 s), so that an instance without this construct's instance
 * parameter group logs queries too.
 */
export const DEFAULT_CLUSTER_PARAMETERS: Readonly<Record<string, string>> = Object.freeze({
  "rds.force_ssl": "1",
  shared_preload_libraries: SHARED_PRELOAD_LIBRARIES,
  "pgaudit.log": "ddl,role",
  "pgaudit.log_catalog": "0",
  "pgaudit.log_parameter": "0",
  log_statement: "ddl",
  log_min_duration_statement: "5000",
});

/** Instance parameter group defaults: every APG-29 setting. */
export const DEFAULT_INSTANCE_PARAMETERS: Readonly<Record<string, string>> = Object.freeze({
  shared_preload_libraries: SHARED_PRELOAD_LIBRARIES,
  log_statement: "ddl",
  log_connections: "1",
  log_disconnections: "1",
  log_lock_waits: "1",
  log_min_duration_statement: "5000",
  "auto_explain.log_min_duration": "5000",
  "auto_explain.log_verbose": "1",
  log_rotation_age: "1440",
  log_rotation_size: "102400",
  "rds.log_retention_period": "10080",
  random_page_cost: "1",
  track_activity_query_size: "16384",
  idle_in_transaction_session_timeout: "7200000",
  statement_timeout: "7200000",
  search_path: '"$user",public',
});

/**
 * Static parameters: RDS rejects `immediate` for them, so they default to `pending-reboot`.
 * Others default to `immediate`.
 */
const STATIC_PARAMETERS = new Set([
  "shared_preload_libraries",
  "track_activity_query_size",
  "max_connections",
  "max_worker_processes",
  "max_locks_per_transaction",
  "max_prepared_transactions",
  "pg_stat_statements.max",
  "rds.logical_replication",
  "huge_pages",
]);

/** The apply method used when none is given. */
export function defaultApplyMethod(name: string): ParameterApplyMethod {
  return STATIC_PARAMETERS.has(name.toLowerCase()) ? "pending-reboot" : "immediate";
}

type Source = "default" | "user" | "caller";

interface Entry {
  readonly name: string;
  readonly value: string;
  readonly applyMethod: ParameterApplyMethod;
  readonly requestedBy: string;
  readonly source: Source;
}

/**
 * The parameters of one parameter group, merged from the construct's defaults, the user's props
 * and other constructs' requests. Defaults yield to anyone; a user or caller value conflicts with
 * a different later value (a ValidationError naming both requesters). Rendered lazily, so requests
 * made after the group was created are included.
 */
export class ParameterSet {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly scope: IConstruct,
    /** "cluster" or "instance", for messages. */
    private readonly groupKind: string,
  ) {}

  /** Adds the construct's defaults. */
  public addDefaults(defaults: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(defaults)) {
      this.entries.set(name.toLowerCase(), {
        name,
        value,
        applyMethod: defaultApplyMethod(name),
        requestedBy: "the construct's defaults",
        source: "default",
      });
    }
  }

  /** Adds the user's props (they override defaults). */
  public addUserParameters(params: Readonly<Record<string, string>> | undefined, requestedBy: string): void {
    for (const [name, value] of Object.entries(params ?? {})) {
      this.set(name, value, requestedBy, undefined, "user");
    }
  }

  /** Sets one parameter for another construct (or the user, through the public API). */
  public set(
    name: string,
    value: string,
    requestedBy: string,
    applyMethod?: ParameterApplyMethod,
    source: Source = "caller",
  ): void {
    const key = name.toLowerCase();
    const existing = this.entries.get(key);
    if (existing && existing.source !== "default" && existing.value !== value) {
      throw new ValidationError(
        this.scope,
        `${this.groupKind} parameter "${name}" is set to ${JSON.stringify(existing.value)} by ${existing.requestedBy}, ` +
          `and ${requestedBy} asks for ${JSON.stringify(value)}. A parameter group holds one value per parameter: ` +
          `remove one of the two settings or make them agree.`,
      );
    }
    if (existing && existing.source !== "default" && existing.value === value) return;
    this.entries.set(key, {
      name,
      value,
      applyMethod: applyMethod ?? defaultApplyMethod(name),
      requestedBy,
      source,
    });
  }

  /** The current value of `name`, if set. */
  public get(name: string): string | undefined {
    return this.entries.get(name.toLowerCase())?.value;
  }

  /** Sorted `parameter` blocks (snake_case, as Terraform expects them), resolved at synth time. */
  public lazyBlocks(): IResolvable {
    return Lazy.anyValue({
      produce: () =>
        [...this.entries.values()]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((e) => ({ name: e.name, value: e.value, apply_method: e.applyMethod })),
    });
  }
}
