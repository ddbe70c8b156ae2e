import { Construct } from "constructs";
import { AwsContext } from "@aurora-cdktf/core";
import { RdsGlobalCluster } from "@cdktf/provider-aws/lib/rds-global-cluster";
import { DEFAULT_ENGINE_VERSION } from "./engine";
import { AuroraGlobalDatabaseProps, IAuroraGlobalDatabase } from "./global-database-props";
import { parameterGroupFamily } from "./private/engine";
import { validateGlobalDatabaseProps } from "./private/validate-integrations";

/**
 * An Aurora PostgreSQL global database (`aws_rds_global_cluster`): one engine version, encrypted
 * storage, deletion protection. Clusters join it with `globalDatabase` on `AuroraPostgresCluster`:
 * the primary in this region, secondaries in other regions' stacks. See the README, "Global
 * database", for failover and major upgrades.
 *
 * @resource aws_rds_global_cluster
 */
export class AuroraGlobalDatabase extends Construct implements IAuroraGlobalDatabase {
  public readonly globalClusterIdentifier: string;
  public readonly engineVersion: string;
  public readonly family: string;
  public readonly region?: string;
  /** The global cluster's ARN. */
  public readonly arn: string;
  /** The `aws_rds_global_cluster` resource. */
  public readonly resource: RdsGlobalCluster;

  constructor(scope: Construct, id: string, props: AuroraGlobalDatabaseProps) {
    super(scope, id);
    this.engineVersion = props.engineVersion ?? DEFAULT_ENGINE_VERSION;
    validateGlobalDatabaseProps(this, props, this.engineVersion);
    this.family = parameterGroupFamily(this.engineVersion) ?? "";
    this.region = AwsContext.literalRegion(this);
    this.resource = new RdsGlobalCluster(this, "Resource", {
      globalClusterIdentifier: props.globalClusterIdentifier,
      engine: "aurora-postgresql",
      engineVersion: this.engineVersion,
      storageEncrypted: true,
      deletionProtection: props.deletionProtection ?? true,
      tags: props.tags,
    });
    this.globalClusterIdentifier = this.resource.id;
    this.arn = this.resource.arn;
  }
}
