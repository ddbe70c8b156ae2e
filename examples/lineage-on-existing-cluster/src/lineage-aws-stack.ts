import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { LineageLogging } from "@aurora-cdktf/lineage-logging";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ExampleStack, StackOptions } from "./common";
import { ExistingCluster } from "./existing-cluster";
import { createLineageKey } from "./lineage-key";

/** Props of {@link LineageAwsStack}. */
export interface LineageAwsStackProps extends StackOptions {
  /** The cluster, by attributes. */
  readonly existingCluster: ExistingCluster;
}

/**
 * Lineage, AWS side, for a cluster this library did not create: a cluster and an instance
 * parameter group with `log_statement = mod` (to attach where the cluster is defined), the
 * `postgresql` log group (a year, encrypted with the example's own key), the IAM user that reads
 * only that log group, and its access key in Secrets Manager (same key).
 */
export class LineageAwsStack extends ExampleStack {
  /** The AWS side of lineage. */
  public readonly logging: LineageLogging;

  constructor(scope: Construct, id: string, props: LineageAwsStackProps) {
    super(scope, id, props, props.existingCluster.clusterIdentifier);
    this.addAwsProvider(props);
    const existing = props.existingCluster;
    const cluster = AuroraPostgresCluster.fromClusterAttributes(this, "ExistingCluster", existing);
    const key = createLineageKey(this, existing);
    this.logging = new LineageLogging(this, "Lineage", {
      cluster,
      parameterGroupFamily: existing.parameterGroupFamily,
      instanceParameters: existing.instanceParameters,
      clusterParameters: existing.clusterParameters,
      logRetentionDays: 365,
      logGroupKmsKey: key,
      accessKeySecretKmsKey: key,
    });
    new TerraformOutput(this, "lineage", {
      value: this.logging.outputs,
      description: "Log group, IAM user, the secret holding its access key, the new parameter groups.",
    });
    new TerraformOutput(this, "attach_to_cluster", {
      value: {
        db_cluster_parameter_group_name: this.logging.clusterParameterGroupName,
        db_parameter_group_name: this.logging.instanceParameterGroupName,
        enabled_cloudwatch_logs_exports: ["postgresql"],
      },
      description:
        "Set these where the cluster is defined: the cluster group and log export on the cluster, the instance group on every instance (then reboot them).",
    });
  }
}
