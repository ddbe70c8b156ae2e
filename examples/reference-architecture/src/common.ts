import {
  PostgresClusterEndpoint,
  PostgresConnection,
  SessionLogging,
  clusterProviderConfig,
} from "@aurora-cdktf/postgres-bootstrap";
import { providerVersions } from "@aurora-cdktf/core";
import { LocalBackend, S3Backend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { DatabaseTarget, ResolvedOptions } from "./config";

/** What every stack of the example needs from the options. */
export type StackOptions = Pick<
  ResolvedOptions,
  "stage" | "region" | "awsProviderVersion" | "stateDirectory" | "stateBucket"
>;

/**
 * A stack with a local backend whose state file is named after the stage and the stack
 * (`terraform.<stage>.<stack>.tfstate`, in `stateDirectory`), so stages never share state. The
 * path is relative to the stack's folder: the same file for this stack's backend and for the
 * `terraform_remote_state` that cdktf's cross-stack references create in dependent stacks.
 * With `stateBucket`, an S3 backend instead: `<stage>/<stack>.tfstate`, encrypted, S3 lock file.
 */
export abstract class ExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: StackOptions, stateKey: string = options.stage) {
    super(scope, id);
    if (options.stateBucket) {
      const backend = new S3Backend(this, {
        bucket: options.stateBucket,
        key: `${stateKey}/${id}.tfstate`,
        region: options.region,
        encrypt: true,
      });
      // S3's own lock file (no DynamoDB table); cdktf 0.21's S3BackendConfig has no field for it.
      backend.addOverride("use_lockfile", true);
    } else {
      new LocalBackend(this, { path: `${options.stateDirectory}/terraform.${stateKey}.${id}.tfstate` });
    }
  }

  /**
   * The AWS provider: the region, default tags naming the example and the stage, and the
   * provider version pin when one is given.
   */
  protected addAwsProvider(options: StackOptions): AwsProvider {
    const provider = new AwsProvider(this, "Aws", {
      region: options.region,
      defaultTags: [{ tags: { Example: "reference-architecture", Stage: options.stage } }],
    });
    if (options.awsProviderVersion) providerVersions(this, { aws: options.awsProviderVersion });
    return provider;
  }

  /**
   * The postgresql provider (and the random provider for generated passwords) of a database stack.
   * `cluster`: from the cluster's outputs and its RDS-managed secret, through the tunnel (this also
   * adds the AWS provider, which reads the secret). `local`: no argument at all, so the provider
   * reads the libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGSSLMODE, PGSUPERUSER).
   * Either way the connection is `SessionLogging.SUPPRESSED`: deploy these stacks with
   * `PGOPTIONS` set to `SUPPRESSED_SESSION_PGOPTIONS` (see the README), so no generated password
   * reaches the server log or pg_stat_statements.
   */
  protected addDatabaseProviders(
    options: StackOptions,
    target: DatabaseTarget,
    cluster: PostgresClusterEndpoint | undefined,
  ): PostgresConnection {
    new RandomProvider(this, "Random");
    if (target.mode === "local") {
      const provider = new PostgresqlProvider(this, "Postgresql", {});
      return { provider, database: target.database, sessionLogging: SessionLogging.SUPPRESSED };
    }
    if (!cluster) {
      throw new Error(`${this.node.path}: the cluster database target needs the cluster's outputs.`);
    }
    this.addAwsProvider(options);
    const config = clusterProviderConfig(this, "ClusterConnection", cluster, { tunnel: target.tunnel });
    const provider = new PostgresqlProvider(this, "Postgresql", config);
    return { provider, database: cluster.databaseName, sessionLogging: SessionLogging.SUPPRESSED };
  }
}

/** The application name used in resource names and the cluster's mandatory tags. */
export const APPLICATION = "orders";
