import { PostgresTunnel } from "@aurora-cdktf/postgres-bootstrap";
import { Construct } from "constructs";
import { ExistingCluster, parseExistingCluster, SAMPLE_EXISTING_CLUSTER } from "./existing-cluster";

/**
 * Where the database stack creates the lineage role: the existing cluster through a tunnel, or a
 * local PostgreSQL configured only by the libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD,
 * PGSSLMODE, PGSUPERUSER), which the provider reads itself.
 */
export type DatabaseTarget =
  | { readonly mode: "cluster"; readonly tunnel: PostgresTunnel }
  | { readonly mode: "local"; readonly database: string; readonly user?: string };

/** Inputs of the example. */
export interface LineageOnExistingClusterOptions {
  /**
   * The cluster, by attributes.
   *
   * @default - SAMPLE_EXISTING_CLUSTER (a made-up cluster; replace it)
   */
  readonly existingCluster?: ExistingCluster;
  /**
   * AWS region of the AWS provider (the cluster's region).
   *
   * @default "us-east-1"
   */
  readonly region?: string;
  /**
   * Pins `hashicorp/aws` to this version in every AWS stack.
   *
   * @default - the version the prebuilt bindings pin (6.25.0)
   */
  readonly awsProviderVersion?: string;
  /**
   * Where the database stack connects.
   *
   * @default - the cluster, through a local port forward on 127.0.0.1:15432
   */
  readonly databaseTarget?: DatabaseTarget;
  /**
   * Schemas Datafold reads.
   *
   * @default ["public"]
   */
  readonly observedSchemas?: string[];
  /**
   * Roles that create tables in those schemas (their future tables become readable too).
   *
   * @default - the master user (cluster), or the local target's user
   */
  readonly tableOwners?: string[];
  /**
   * Folder of the local state files, relative to each stack's folder.
   *
   * @default "../../.." (the example's folder)
   */
  readonly stateDirectory?: string;
}

/** The options after defaults. */
export interface ResolvedOptions {
  readonly existingCluster: ExistingCluster;
  readonly region: string;
  readonly awsProviderVersion?: string;
  readonly databaseTarget: DatabaseTarget;
  readonly observedSchemas: string[];
  readonly tableOwners: string[];
  readonly stateDirectory: string;
}

/** The local port of the default port forwarding session. */
export const DEFAULT_TUNNEL_PORT = 15432;

/** Applies the defaults. */
export function resolveOptions(options: LineageOnExistingClusterOptions = {}): ResolvedOptions {
  const existingCluster = options.existingCluster ?? SAMPLE_EXISTING_CLUSTER;
  const databaseTarget = options.databaseTarget ?? {
    mode: "cluster",
    tunnel: PostgresTunnel.localPortForward(DEFAULT_TUNNEL_PORT),
  };
  const defaultOwner = databaseTarget.mode === "local" ? databaseTarget.user : existingCluster.masterUsername;
  const tableOwners = options.tableOwners ?? (defaultOwner ? [defaultOwner] : undefined);
  if (!tableOwners) {
    throw new Error(
      "tableOwners is required with a local database target that names no user. Fix: set PGUSER or LINEAGE_TABLE_OWNERS.",
    );
  }
  return {
    existingCluster,
    region: options.region ?? "us-east-1",
    awsProviderVersion: options.awsProviderVersion,
    databaseTarget,
    observedSchemas: options.observedSchemas ?? ["public"],
    tableOwners,
    stateDirectory: options.stateDirectory ?? "../../..",
  };
}

/**
 * Reads the options from the cdktf context and the environment, for `main.ts`:
 *
 * | input                                   | option               |
 * | --------------------------------------- | -------------------- |
 * | context `existingCluster` (object)      | `existingCluster`    |
 * | `AWS_REGION`                            | `region`             |
 * | `EXAMPLE_AWS_PROVIDER_VERSION`          | `awsProviderVersion` |
 * | `DB_TARGET` = `cluster` \| `local`, `DB_TUNNEL`, `DB_TUNNEL_HOST`, `DB_TUNNEL_PORT`, `PGDATABASE`, `PGUSER` | `databaseTarget` |
 * | `LINEAGE_SCHEMAS` (comma-separated)     | `observedSchemas`    |
 * | `LINEAGE_TABLE_OWNERS` (comma-separated) | `tableOwners`       |
 */
export function optionsFromEnvironment(
  scope: Construct,
  env: NodeJS.ProcessEnv = process.env,
): LineageOnExistingClusterOptions {
  const context = scope.node.tryGetContext("existingCluster") as unknown;
  return {
    existingCluster: context === undefined ? undefined : parseExistingCluster(context),
    region: nonEmpty(env.AWS_REGION),
    awsProviderVersion: nonEmpty(env.EXAMPLE_AWS_PROVIDER_VERSION),
    databaseTarget: databaseTargetFromEnvironment(env),
    observedSchemas: list(env.LINEAGE_SCHEMAS),
    tableOwners: list(env.LINEAGE_TABLE_OWNERS),
  };
}

/** `DB_TARGET`, `DB_TUNNEL*` and (local) `PGDATABASE`/`PGUSER` as a {@link DatabaseTarget}. */
export function databaseTargetFromEnvironment(env: NodeJS.ProcessEnv): DatabaseTarget {
  const mode = nonEmpty(env.DB_TARGET) ?? "cluster";
  if (mode === "local") {
    const database = nonEmpty(env.PGDATABASE);
    if (!database) {
      throw new Error(
        "DB_TARGET=local needs PGDATABASE (the database to add the lineage role to; the provider reads the other PG* variables itself). Fix: export PGDATABASE=<name>.",
      );
    }
    return { mode: "local", database, user: nonEmpty(env.PGUSER) };
  }
  if (mode !== "cluster") {
    throw new Error(`DB_TARGET must be "cluster" or "local", got "${mode}".`);
  }
  const kind = nonEmpty(env.DB_TUNNEL) ?? "port-forward";
  switch (kind) {
    case "port-forward": {
      const portText = nonEmpty(env.DB_TUNNEL_PORT) ?? String(DEFAULT_TUNNEL_PORT);
      const port = Number(portText);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`DB_TUNNEL_PORT must be a port number (1-65535), got "${portText}".`);
      }
      return {
        mode: "cluster",
        tunnel: PostgresTunnel.localPortForward(port, nonEmpty(env.DB_TUNNEL_HOST) ?? "127.0.0.1"),
      };
    }
    case "socks":
      return { mode: "cluster", tunnel: PostgresTunnel.socksProxy() };
    case "direct":
      return { mode: "cluster", tunnel: PostgresTunnel.direct() };
    default:
      throw new Error(`DB_TUNNEL must be "port-forward", "socks" or "direct", got "${kind}".`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function list(value: string | undefined): string[] | undefined {
  const v = nonEmpty(value);
  return v === undefined
    ? undefined
    : v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}
