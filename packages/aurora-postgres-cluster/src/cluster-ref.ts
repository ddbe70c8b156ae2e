import { IConnectable } from "@aurora-cdktf/core";

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
  addInstanceParameter(name: string, value: string, requestedBy: string, applyMethod?: ParameterApplyMethod): void;
  /** Sets a parameter on the cluster parameter group. */
  addClusterParameter(name: string, value: string, requestedBy: string, applyMethod?: ParameterApplyMethod): void;
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
}
