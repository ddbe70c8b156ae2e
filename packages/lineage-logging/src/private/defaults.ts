import { rdsPostgresqlLogGroupName } from "@aurora-cdktf/core";
import { ITerraformDependable } from "cdktf";
import { LineageDatabaseAccessProps } from "../lineage-database-access-props";
import { LineageHandoverProps } from "../lineage-handover-props";
import { LineageLoggingProps } from "../lineage-logging-props";
import { LineageLogAccess, LineageLogStatement } from "../lineage-logging-ref";

/**
 * The props of a `LineageLogging` with every default applied: the one place that knows them.
 * Props whose absence means something (no family, no KMS key, no tags) stay optional.
 */
export interface ResolvedLoggingSettings {
  readonly clusterIdentifier: string;
  readonly logStatement: LineageLogStatement;
  readonly logAccess: LineageLogAccess;
  /** `<cluster identifier>-datafold`. */
  readonly iamUserName: string;
  /** `<cluster identifier>-datafold-logs-read`. */
  readonly iamGroupName: string;
  /** `datafold/<cluster identifier>/aws-access-key`. */
  readonly accessKeySecretName: string;
  /** Where RDS exports the cluster's `postgresql` log: `/aws/rds/cluster/<id>/postgresql`. */
  readonly rdsLogGroupName: string;
  /** For an existing cluster only: */
  readonly instanceParameters: { readonly [name: string]: string };
  readonly clusterParameters: { readonly [name: string]: string };
  readonly createLogGroup: boolean;
  readonly logRetentionDays: number;
}

/** Applies the defaults documented on {@link LineageLoggingProps}. Never throws: validation reports bad input. */
export function resolveLoggingSettings(props: LineageLoggingProps): ResolvedLoggingSettings {
  const clusterId = props.cluster.clusterIdentifier;
  return {
    clusterIdentifier: clusterId,
    logStatement: props.logStatement ?? LineageLogStatement.MOD,
    logAccess: props.logAccess ?? LineageLogAccess.LOG_GROUP_ONLY,
    iamUserName: props.iamUserName ?? `${clusterId}-datafold`,
    iamGroupName: props.iamGroupName ?? `${clusterId}-datafold-logs-read`,
    accessKeySecretName: props.accessKeySecretName ?? `datafold/${clusterId}/aws-access-key`,
    rdsLogGroupName: rdsPostgresqlLogGroupName(clusterId),
    instanceParameters: props.instanceParameters ?? {},
    clusterParameters: props.clusterParameters ?? {},
    createLogGroup: props.createLogGroup ?? true,
    logRetentionDays: props.logRetentionDays ?? 30,
  };
}

/** The props of a `LineageDatabaseAccess` with every default applied. */
export interface ResolvedAccessSettings {
  readonly roleName: string;
  readonly tempSchemaName: string;
  readonly observedSchemas: readonly string[];
  readonly tableOwners: readonly string[];
  readonly dependsOn: readonly ITerraformDependable[];
}

/** Applies the defaults documented on {@link LineageDatabaseAccessProps}. Never throws. */
export function resolveAccessSettings(props: LineageDatabaseAccessProps): ResolvedAccessSettings {
  return {
    roleName: props.roleName ?? "datafold",
    tempSchemaName: props.tempSchemaName ?? "datafold_tmp",
    // Required props, but a caller without types may leave them out: validation reports it.
    observedSchemas: props.observedSchemas ?? [],
    tableOwners: props.tableOwners ?? [],
    dependsOn: props.dependsOn ?? [],
  };
}

/** The props of a `LineageHandover` with every default applied. */
export interface ResolvedHandoverSettings {
  /** "Name" of the data source: the cluster identifier. */
  readonly dataSourceName: string;
  /** The cluster's writer endpoint. */
  readonly host: string;
  /** The cluster's port. */
  readonly port: number;
  readonly outputName: string;
  /** `datafold/<cluster identifier>/connection`. */
  readonly secretName: string;
}

/** Applies the defaults documented on {@link LineageHandoverProps}. Never throws. */
export function resolveHandoverSettings(props: LineageHandoverProps): ResolvedHandoverSettings {
  const { logging } = props;
  return {
    dataSourceName: props.dataSourceName ?? logging.clusterIdentifier,
    host: props.host ?? logging.clusterEndpoint,
    port: props.port ?? logging.clusterPort,
    outputName: props.outputName ?? "datafold_connection",
    secretName: props.secretName ?? `datafold/${logging.clusterIdentifier}/connection`,
  };
}
