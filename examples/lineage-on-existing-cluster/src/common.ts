import {
  PostgresClusterEndpoint,
  PostgresConnection,
  SessionLogging,
  clusterProviderConfig,
} from "@aurora-cdktf/postgres-bootstrap";
import { providerVersions } from "@aurora-cdktf/core";
import { LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { DatabaseTarget, ResolvedOptions } from "./config";

/** What every stack of the example needs from the options. */
export type StackOptions = Pick<ResolvedOptions, "region" | "awsProviderVersion" | "stateDirectory">;

/**
 * A stack with a local backend, state file `terraform.<key>.<stack>.tfstate` in `stateDirectory`
 * (relative to the stack's folder, so this backend and the `terraform_remote_state` of cdktf's
 * cross-stack references name the same file).
 */
export abstract class ExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: StackOptions, stateKey: string) {
    super(scope, id);
    new LocalBackend(this, { path: `${options.stateDirectory}/terraform.${stateKey}.${id}.tfstate` });
  }

  /** The AWS provider: region, default tags, and the version pin when one is given. */
  protected addAwsProvider(options: StackOptions): AwsProvider {
    const provider = new AwsProvider(this, "Aws", {
      region: options.region,
      defaultTags: [{ tags: { Example: "lineage-on-existing-cluster" } }],
    });
    if (options.awsProviderVersion) providerVersions(this, { aws: options.awsProviderVersion });
    return provider;
  }

  /**
   * The postgresql and random providers. `cluster`: from the cluster's attributes and its
   * RDS-managed secret, through the tunnel (adds the AWS provider that reads the secret). `local`:
   * no argument at all, so the provider reads the libpq environment.
   */
  protected addDatabaseProviders(
    options: StackOptions,
    target: DatabaseTarget,
    cluster: PostgresClusterEndpoint,
  ): PostgresConnection {
    new RandomProvider(this, "Random");
    if (target.mode === "local") {
      return {
        provider: new PostgresqlProvider(this, "Postgresql", {}),
        database: target.database,
        sessionLogging: SessionLogging.SUPPRESSED,
      };
    }
    this.addAwsProvider(options);
    const config = clusterProviderConfig(this, "ClusterConnection", cluster, { tunnel: target.tunnel });
    return {
      provider: new PostgresqlProvider(this, "Postgresql", config),
      database: cluster.databaseName,
      sessionLogging: SessionLogging.SUPPRESSED,
    };
  }
}
