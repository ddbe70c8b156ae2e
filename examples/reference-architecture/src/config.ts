import { ENVIRONMENT_STAGES, EnvironmentStage } from "@aurora-cdktf/aurora-postgres-cluster";
import { PostgresTunnel } from "@aurora-cdktf/postgres-bootstrap";
import { Construct } from "constructs";

/**
 * Where the two database stacks (bootstrap, lineage database side) create their objects.
 *
 * - `cluster`: the Aurora cluster of the `database` stack, reached through a tunnel you open
 *   (SSM port forwarding through the bastion, `ssh -D` + `ALL_PROXY`, or directly from the VPC).
 *   The postgresql provider is configured from the cluster's outputs and its RDS-managed secret.
 * - `local`: any PostgreSQL, configured only by the standard libpq environment (`PGHOST`,
 *   `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`, `PGSUPERUSER`), which the provider
 *   reads itself: no connection setting and no password is in the synthesized JSON.
 */
export type DatabaseTarget =
  | { readonly mode: "cluster"; readonly tunnel: PostgresTunnel }
  | { readonly mode: "local"; readonly database: string };

/** Inputs of the reference architecture. */
export interface ReferenceArchitectureOptions {
  /**
   * The stage: selects the cluster's preset (readers, backups, monitoring, deletion protection)
   * and the NAT layout, and names the resources.
   *
   * @default "dev"
   */
  readonly stage?: EnvironmentStage;
  /**
   * AWS region of every AWS stack.
   *
   * @default "us-east-1"
   */
  readonly region?: string;
  /**
   * The three Availability Zones, by name.
   *
   * @default - the region's `a`, `b` and `c` zones (e.g. us-east-1a, us-east-1b, us-east-1c)
   */
  readonly availabilityZones?: string[];
  /**
   * Pins `hashicorp/aws` to this version in every AWS stack (`terraform.required_providers`),
   * e.g. to use a provider that is already installed.
   *
   * @default - the version the prebuilt bindings pin (6.25.0)
   */
  readonly awsProviderVersion?: string;
  /**
   * Where the database stacks connect.
   *
   * @default - the cluster, through SSM port forwarding on 127.0.0.1:15432
   */
  readonly databaseTarget?: DatabaseTarget;
  /**
   * CIDR blocks allowed to SSH to the bastion (also opened on the public NACL). With none, the
   * bastion is SSM-only in the private subnets; with some, it runs in the public subnets with an
   * Elastic IP and TCP forwarding on (for `ssh -D`).
   *
   * @default - none: SSM Session Manager only
   */
  readonly sshAllowedCidrs?: string[];
  /**
   * Extensions the bootstrap creates.
   *
   * @default - pg_stat_statements and pgaudit on the cluster; pgcrypto on a local server (whose
   *   non-superuser master cannot create untrusted extensions; Aurora's master has rds_superuser)
   */
  readonly extensions?: string[];
  /**
   * The application schema; its roles are `<schema>_owner`, `<schema>_rw` and `<schema>_ro`.
   *
   * @default "app"
   */
  readonly schemaName?: string;
  /**
   * Version of every generated database password (the application roles and `datafold`). Raise
   * it by one to rotate them all in the next deploy of the database stacks.
   *
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * Folder of the local state files, relative to each stack's folder (`cdktf.out/stacks/<id>`).
   *
   * @default "../../.." (the example's folder, where cdktf puts state by default)
   */
  readonly stateDirectory?: string;
  /**
   * An S3 bucket for the state instead of local files (CI, teams): each stack's state is
   * `<stage>/<stack>.tfstate` in it (`local-<stage>` in local mode), encrypted, with S3's own lock
   * file (Terraform >= 1.10 or OpenTofu >= 1.10); the cross-stack references read it from there.
   * The bucket's region is `region`.
   *
   * @default - local state files in `stateDirectory`
   */
  readonly stateBucket?: string;
}

/** The options after defaults. */
export interface ResolvedOptions {
  readonly stage: EnvironmentStage;
  readonly region: string;
  readonly availabilityZones: string[];
  readonly awsProviderVersion?: string;
  readonly databaseTarget: DatabaseTarget;
  readonly sshAllowedCidrs: string[];
  readonly extensions: string[];
  readonly schemaName: string;
  readonly passwordVersion: number;
  readonly stateDirectory: string;
  readonly stateBucket?: string;
}

/** The local port of the default SSM port forwarding session. */
export const DEFAULT_TUNNEL_PORT = 15432;

/** Applies the defaults. */
export function resolveOptions(options: ReferenceArchitectureOptions = {}): ResolvedOptions {
  const databaseTarget = options.databaseTarget ?? {
    mode: "cluster",
    tunnel: PostgresTunnel.localPortForward(DEFAULT_TUNNEL_PORT),
  };
  const stage = options.stage ?? "dev";
  if (!ENVIRONMENT_STAGES.includes(stage)) {
    throw new Error(`stage must be one of ${ENVIRONMENT_STAGES.join(", ")}, got "${stage}".`);
  }
  const region = options.region ?? "us-east-1";
  return {
    stage,
    region,
    availabilityZones: options.availabilityZones ?? ["a", "b", "c"].map((letter) => `${region}${letter}`),
    awsProviderVersion: options.awsProviderVersion,
    databaseTarget,
    sshAllowedCidrs: options.sshAllowedCidrs ?? [],
    extensions:
      options.extensions ??
      (databaseTarget.mode === "local" ? ["pgcrypto"] : ["pg_stat_statements", "pgaudit"]),
    schemaName: options.schemaName ?? "app",
    passwordVersion: options.passwordVersion ?? 1,
    stateDirectory: options.stateDirectory ?? "../../..",
    stateBucket: options.stateBucket,
  };
}

/**
 * Reads the options from the environment and the cdktf context, for `main.ts`:
 *
 * | input                                  | option               |
 * | -------------------------------------- | -------------------- |
 * | context `stage`, else `STAGE`          | `stage`              |
 * | `AWS_REGION`                           | `region`             |
 * | `AVAILABILITY_ZONES` (comma-separated) | `availabilityZones`  |
 * | `EXAMPLE_AWS_PROVIDER_VERSION`         | `awsProviderVersion` |
 * | `DB_TARGET` = `cluster` \| `local`     | `databaseTarget`     |
 * | `DB_TUNNEL` = `port-forward` \| `socks` \| `direct`, `DB_TUNNEL_HOST`, `DB_TUNNEL_PORT` | cluster tunnel |
 * | `PGDATABASE` (local mode, required)    | local database       |
 * | `BASTION_SSH_CIDRS` (comma-separated)  | `sshAllowedCidrs`    |
 * | `DB_EXTENSIONS` (comma-separated)      | `extensions`         |
 * | `APP_SCHEMA`                           | `schemaName`         |
 * | `DB_PASSWORD_VERSION`                  | `passwordVersion`    |
 * | `TF_STATE_BUCKET`                      | `stateBucket`        |
 *
 * Invalid values fail with a message naming the variable, the value and what is allowed.
 */
export function optionsFromEnvironment(
  scope: Construct,
  env: NodeJS.ProcessEnv = process.env,
): ReferenceArchitectureOptions {
  const contextStage = scope.node.tryGetContext("stage") as string | undefined;
  const stage = contextStage ?? nonEmpty(env.STAGE) ?? "dev";
  if (!(ENVIRONMENT_STAGES as readonly string[]).includes(stage)) {
    const source = contextStage !== undefined ? 'the cdktf context "stage"' : "STAGE";
    throw new Error(
      `${source} must be one of ${ENVIRONMENT_STAGES.join(", ")}, got "${stage}". Fix: e.g. STAGE=prod cdktf synth.`,
    );
  }
  return {
    stage: stage as EnvironmentStage,
    region: nonEmpty(env.AWS_REGION),
    availabilityZones: list(env.AVAILABILITY_ZONES),
    awsProviderVersion: nonEmpty(env.EXAMPLE_AWS_PROVIDER_VERSION),
    databaseTarget: databaseTargetFromEnvironment(env),
    sshAllowedCidrs: list(env.BASTION_SSH_CIDRS),
    extensions: list(env.DB_EXTENSIONS),
    schemaName: nonEmpty(env.APP_SCHEMA),
    passwordVersion: positiveInteger("DB_PASSWORD_VERSION", env.DB_PASSWORD_VERSION),
    stateBucket: nonEmpty(env.TF_STATE_BUCKET),
  };
}

/** `DB_TARGET`, `DB_TUNNEL*` and (local) `PGDATABASE` as a {@link DatabaseTarget}. */
export function databaseTargetFromEnvironment(env: NodeJS.ProcessEnv): DatabaseTarget {
  const mode = nonEmpty(env.DB_TARGET) ?? "cluster";
  if (mode === "local") {
    const database = nonEmpty(env.PGDATABASE);
    if (!database) {
      throw new Error(
        "DB_TARGET=local needs PGDATABASE (the database to bootstrap; the provider reads the other PG* variables itself). Fix: export PGDATABASE=<name>.",
      );
    }
    return { mode: "local", database };
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

function positiveInteger(name: string, value: string | undefined): number | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `${name} must be a whole number of at least 1, got "${v}". Fix: e.g. ${name}=2 to rotate once.`,
    );
  }
  return n;
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
