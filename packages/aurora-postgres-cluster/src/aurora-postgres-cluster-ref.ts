import { IConnectable, IKmsKeyRef } from "@aurora-cdktf/core";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";

/** How a parameter change is applied by RDS. */
export type ParameterApplyMethod = "immediate" | "pending-reboot";

/**
 * Lets other constructs (e.g. lineage logging) set parameters on the parameter groups that the
 * cluster construct owns, instead of creating a second, conflicting group. Setting the same
 * parameter twice to different values is a synth-time error naming both callers.
 */
export interface IParameterGroupTarget {
  /**
   * Sets a parameter on the instance parameter group (it overrides the cluster group for
   * instance-level parameters such as `log_statement`).
   *
   * @param requestedBy who asks, for error messages (e.g. the caller's construct path)
   */
  addInstanceParameter(
    name: string,
    value: string,
    requestedBy: string,
    applyMethod?: ParameterApplyMethod,
  ): void;
  /** Sets a parameter on the cluster parameter group. */
  addClusterParameter(
    name: string,
    value: string,
    requestedBy: string,
    applyMethod?: ParameterApplyMethod,
  ): void;
}

/** An Aurora PostgreSQL cluster, created by this library or imported by attributes. */
export interface IAuroraPostgresCluster extends IConnectable {
  /** The cluster identifier (e.g. "orders-prod"). */
  readonly clusterIdentifier: string;
  /** The cluster ARN. */
  readonly clusterArn: string;
  /** The cluster resource id (`cluster-XXXX`), used in `rds-db:connect` ARNs. */
  readonly clusterResourceId: string;
  /** Writer endpoint host name. */
  readonly clusterEndpoint: string;
  /** Reader endpoint host name. */
  readonly readerEndpoint: string;
  /** Database port. */
  readonly port: number;
  /** Name of the database created with the cluster. */
  readonly databaseName: string;
  /** Master user name. */
  readonly masterUsername: string;
  /**
   * ARN of the Secrets Manager secret holding the master credentials (RDS-managed), when known.
   *
   * @default - not known (an imported cluster whose secret was not given)
   */
  readonly masterUserSecretArn?: string;
  /** Name of the CloudWatch log group that receives the `postgresql` log export. */
  readonly postgresqlLogGroupName: string;
  /**
   * The cluster's customer-managed KMS key, when known. Its policy lets principals of the account
   * use it through Secrets Manager, so constructs that store secrets about the cluster (lineage
   * logging) can encrypt them with it.
   *
   * @default - not known (an imported cluster)
   */
  readonly encryptionKey?: IKmsKeyRef;
  /**
   * The parameter groups this library owns for the cluster, where other constructs (lineage
   * logging) set their parameters.
   *
   * @default - none: an imported cluster's parameter groups are managed elsewhere
   */
  readonly parameterGroups?: IParameterGroupTarget;
  /**
   * Allows the IAM role `roleName` to connect as database user `dbUser` with IAM database
   * authentication (`rds-db:connect`). Returns the role's inline policy.
   */
  grantConnect(roleName: string, dbUser: string): IamRolePolicy;
}

/** What {@link AuroraPostgresCluster.fromClusterAttributes} needs to use a cluster created elsewhere. */
export interface AuroraPostgresClusterAttributes {
  /** The cluster identifier. */
  readonly clusterIdentifier: string;
  /** The cluster ARN (its partition, region and account are used by `grantConnect`). */
  readonly clusterArn: string;
  /** The cluster resource id (`cluster-XXXX`). */
  readonly clusterResourceId: string;
  /** Writer endpoint host name. */
  readonly clusterEndpoint: string;
  /**
   * Reader endpoint host name.
   *
   * @default - the writer endpoint
   */
  readonly readerEndpoint?: string;
  /**
   * Database port.
   *
   * @default 5432
   */
  readonly port?: number;
  /** Name of the database created with the cluster. */
  readonly databaseName: string;
  /** Master user name. */
  readonly masterUsername: string;
  /**
   * ARN of the RDS-managed master secret.
   *
   * @default - unknown
   */
  readonly masterUserSecretArn?: string;
  /** Id of the cluster's security group (ingress rules added through `connections` go there). */
  readonly securityGroupId: string;
  /**
   * Name of the log group receiving the `postgresql` log export.
   *
   * @default - "/aws/rds/cluster/<clusterIdentifier>/postgresql"
   */
  readonly postgresqlLogGroupName?: string;
}

/**
 * The values the reference stack outputs (APG-51) and more, for `TerraformOutput`s of a stack.
 * They are a superset of {@link AuroraPostgresClusterAttributes}: feeding them (read back from the
 * stack's outputs or remote state) to `AuroraPostgresCluster.fromClusterAttributes` gives the same
 * cluster in another stack or app.
 */
export interface AuroraPostgresClusterOutputs {
  /** The cluster identifier. */
  readonly clusterIdentifier: string;
  /** The cluster ARN. */
  readonly clusterArn: string;
  /** The cluster resource id (`cluster-XXXX`), used in `rds-db:connect` ARNs. */
  readonly clusterResourceId: string;
  /** Writer endpoint host name (`ClusterEndpoint`). */
  readonly clusterEndpoint: string;
  /** Reader endpoint host name (`ReaderEndpoint`). */
  readonly readerEndpoint: string;
  /** Database port (`Port`). */
  readonly port: number;
  /** Master user name (`DBUsername`). */
  readonly masterUsername: string;
  /** Database name (`DBName`). */
  readonly databaseName: string;
  /** `psql --host=... --port=... --username=... --dbname=...` (`PSQLCommandLine`). */
  readonly psqlCommand: string;
  /** ARN of the RDS-managed master secret. */
  readonly masterUserSecretArn: string;
  /** The cluster's security group id. */
  readonly securityGroupId: string;
  /** ARN of the cluster's KMS key. */
  readonly kmsKeyArn: string;
  /** Name of the PostgreSQL log group. */
  readonly postgresqlLogGroupName: string;
  /**
   * ARN of the notification topic (alarms and RDS events).
   *
   * @default - no topic (alarms and event subscriptions are off)
   */
  readonly notificationTopicArn?: string;
  /**
   * Host name of the publicly accessible reader (its port is `port`).
   *
   * @default - no public reader (`publicReader` is not set)
   */
  readonly publicReaderEndpoint?: string;
}
