import { Construct } from "constructs";
import { arnParts, IKmsKeyRef } from "@aurora-cdktf/core";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { RdsClusterActivityStream } from "@cdktf/provider-aws/lib/rds-cluster-activity-stream";
import { ActivityStreamMode, ClusterActivityStreamProps } from "./activity-stream-props";
import { AuroraPostgresCluster } from "./aurora-postgres-cluster";
import { validateActivityStreamProps } from "./private/validate-integrations";

/**
 * A database activity stream of an Aurora PostgreSQL cluster (`aws_rds_cluster_activity_stream`):
 * RDS pushes every statement and connection event, encrypted with a KMS key, to a Kinesis data
 * stream it creates and names (`kinesisStreamName`). It is an audit trail that the database users,
 * the master user included, cannot switch off or read. Lineage logging is another, independent
 * feed (the `postgresql` log with `log_statement = mod`); see the README, "Activity streams".
 *
 * @resource aws_rds_cluster_activity_stream
 */
export class ClusterActivityStream extends Construct {
  /** The stream mode. */
  public readonly mode: ActivityStreamMode;
  /** Name of the Kinesis data stream RDS creates (`aws-rds-das-<cluster resource id>`). */
  public readonly kinesisStreamName: string;
  /** The KMS key that encrypts the records (given or created). */
  public readonly kmsKey: IKmsKeyRef;
  /** The created key, when `kmsKey` was not given. */
  public readonly createdKey?: KmsKey;
  /** The `aws_rds_cluster_activity_stream` resource. */
  public readonly resource: RdsClusterActivityStream;

  constructor(scope: Construct, id: string, props: ClusterActivityStreamProps) {
    super(scope, id);
    const cluster = props.cluster;
    const created = cluster instanceof AuroraPostgresCluster ? cluster : undefined;
    const instanceClasses = created?.instances.map((i) => i.instanceClassInput ?? "") ?? [];
    validateActivityStreamProps(this, props, instanceClasses);
    this.mode = props.mode ?? "async";
    if (props.kmsKey) {
      this.kmsKey = props.kmsKey;
    } else {
      const where = arnParts(cluster.clusterArn);
      const policy = new DataAwsIamPolicyDocument(this, "KeyPolicy", {
        statement: [
          {
            // The account's IAM policies decide who may use the key: RDS (for whoever starts the
            // stream) and the stream's consumers (kms:Decrypt).
            sid: "EnableRootAccountPermissions",
            principals: [{ type: "AWS", identifiers: [`arn:${where.partition}:iam::${where.account}:root`] }],
            actions: ["kms:*"],
            resources: ["*"],
          },
        ],
      });
      this.createdKey = new KmsKey(this, "Key", {
        description: `Aurora PostgreSQL cluster ${cluster.clusterIdentifier}: database activity stream`,
        enableKeyRotation: true,
        deletionWindowInDays: props.keyDeletionWindowDays ?? 30,
        policy: policy.json,
        tags: props.tags,
      });
      new KmsAlias(this, "KeyAlias", {
        name: `alias/${cluster.clusterIdentifier}-activity-stream`,
        targetKeyId: this.createdKey.keyId,
      });
      this.kmsKey = { arn: this.createdKey.arn };
    }
    this.resource = new RdsClusterActivityStream(this, "Resource", {
      resourceArn: cluster.clusterArn,
      mode: this.mode,
      kmsKeyId: this.kmsKey.arn,
      // RDS starts a stream on a cluster with a running instance only.
      dependsOn: created?.instances,
    });
    this.kinesisStreamName = this.resource.kinesisStreamName;
  }
}
