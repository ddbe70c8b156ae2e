import { IAuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { IKmsKeyRef } from "@aurora-cdktf/core";
import { LineageLogAccess, LineageLogStatement } from "./lineage-logging-ref";

/** Props of {@link LineageLogging}. */
export interface LineageLoggingProps {
  /**
   * The cluster whose statements Datafold reads. A cluster built by this library (its
   * `parameterGroups` is set) gets `log_statement` on its own instance parameter group
   * and keeps its own `postgresql` log group. Any other cluster (imported by attributes) gets new
   * parameter groups and a log group from this construct, which you then attach (see README).
   */
  readonly cluster: IAuroraPostgresCluster;
  /**
   * Parameter group family of the cluster, e.g. `aurora-postgresql16`. Only for a cluster not
   * built by this library, where it is required.
   *
   * @default - required for an existing cluster; the library's cluster knows its own family
   */
  readonly parameterGroupFamily?: string;
  /**
   * What `log_statement` is set to. Datafold needs `mod`; `all` also logs every SELECT.
   *
   * @default LineageLogStatement.MOD
   */
  readonly logStatement?: LineageLogStatement;
  /**
   * Further parameters for the new instance parameter group of an existing cluster (copy the
   * settings of the group it uses today, since attaching this one replaces it). Applied at the next
   * reboot. `log_statement` may only repeat `logStatement`.
   *
   * @default - only log_statement
   */
  readonly instanceParameters?: { [name: string]: string };
  /**
   * Further parameters for the new cluster parameter group of an existing cluster. Applied at the
   * next reboot. `log_statement` may only repeat `logStatement`.
   *
   * @default - only log_statement
   */
  readonly clusterParameters?: { [name: string]: string };
  /**
   * Whether to create the log group `/aws/rds/cluster/<cluster>/postgresql` for an existing cluster.
   * Set false when the log group already exists and you do not want to import it.
   *
   * @default true
   */
  readonly createLogGroup?: boolean;
  /**
   * Retention of the created log group, in days: a value CloudWatch Logs accepts, 0 = never expire.
   * `log_statement = mod` logs every data-modifying statement, so size retention for the volume.
   *
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * KMS key for the created log group (its key policy must allow the CloudWatch Logs service).
   *
   * @default - a customer managed key created here (rotation on; CloudWatch Logs may use it for
   * this log group only), which also encrypts the access-key secret unless `accessKeySecretKmsKey`
   * is given
   */
  readonly logGroupKmsKey?: IKmsKeyRef;
  /**
   * What the lineage tool's IAM user may read. The default is least privilege: the key is long-lived
   * and handed to a third party, and `CloudWatchLogsReadOnlyAccess` would let it read every log group
   * of the account. Choose `CLOUDWATCH_LOGS_READ_ONLY` for parity with the Datafold guide (LIN-09).
   *
   * @default LineageLogAccess.LOG_GROUP_ONLY
   */
  readonly logAccess?: LineageLogAccess;
  /**
   * Name of the IAM user (1-64 characters).
   *
   * @default - "<cluster identifier>-datafold"
   */
  readonly iamUserName?: string;
  /**
   * Name of the IAM group holding the read permissions.
   *
   * @default - "<cluster identifier>-datafold-logs-read"
   */
  readonly iamGroupName?: string;
  /**
   * Name of the Secrets Manager secret that receives the access key.
   *
   * @default - "datafold/<cluster identifier>/aws-access-key"
   */
  readonly accessKeySecretName?: string;
  /**
   * KMS key that encrypts the access-key secret.
   *
   * @default - the cluster's `encryptionKey` (a cluster built by this library), else the key
   * created here for lineage (rotation on, administered by the account through IAM)
   */
  readonly accessKeySecretKmsKey?: IKmsKeyRef;
  /**
   * Tags for the taggable resources created here (log group, parameter groups, IAM user, secret).
   *
   * @default - no tags beyond the provider's default tags
   */
  readonly tags?: { [key: string]: string };
}
