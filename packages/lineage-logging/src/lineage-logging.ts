import { IAuroraPostgresCluster, IParameterGroupTarget } from "@aurora-cdktf/aurora-postgres-cluster";
import { arnParts, logGroupArn, rdsPostgresqlLogGroupName, ValidationError } from "@aurora-cdktf/core";
import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import {
  IKmsKeyRef,
  ILineageLogging,
  LineageLogAccess,
  LineageLoggingOutputs,
  LineageLogStatement,
} from "./lineage-logging-ref";
import { createLogReader } from "./private/log-reader";
import { createLineageParameterGroups } from "./private/parameter-groups";
import { validateLoggingProps } from "./validate";

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
   * @default - encrypted by CloudWatch Logs with an AWS-owned key
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
   * @default - the account's AWS-managed key `aws/secretsmanager`
   */
  readonly accessKeySecretKmsKey?: IKmsKeyRef;
  /**
   * Tags for the taggable resources created here (log group, parameter groups, IAM user, secret).
   *
   * @default - no tags beyond the provider's default tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Datafold column-level lineage, AWS side: statement logging where it takes effect (the instance
 * parameter group, LIN-05/06), the `postgresql` log group (LIN-07/08), an IAM user that can read it
 * (LIN-09) and its access key in Secrets Manager (LIN-10). No TerraformOutput is created.
 */
export class LineageLogging extends Construct implements ILineageLogging {
  /** Identifier of the observed cluster. */
  public readonly clusterIdentifier: string;
  /** Writer endpoint of the cluster. */
  public readonly clusterEndpoint: string;
  /** Database port of the cluster. */
  public readonly clusterPort: number;
  /** What `log_statement` is set to. */
  public readonly logStatement: LineageLogStatement;
  /** Name of the CloudWatch log group Datafold reads. */
  public readonly logGroupName: string;
  /** ARN of that log group (without `:*`). */
  public readonly logGroupArn: string;
  /** Name of the lineage tool's IAM user. */
  public readonly iamUserName: string;
  /** ARN of the lineage tool's IAM user. */
  public readonly iamUserArn: string;
  /** Name of the IAM group carrying the read permissions. */
  public readonly iamGroupName: string;
  /** Access key id of the IAM user. */
  public readonly accessKeyId: string;
  /** ARN of the secret holding `{"accessKeyId", "secretAccessKey"}`. */
  public readonly accessKeySecretArn: string;
  /**
   * Name of the instance parameter group created for an existing cluster (attach it as
   * `db_parameter_group_name` of every instance).
   *
   * @default - undefined for a cluster built by this library
   */
  public readonly instanceParameterGroupName?: string;
  /**
   * Name of the cluster parameter group created for an existing cluster (attach it as
   * `db_cluster_parameter_group_name`).
   *
   * @default - undefined for a cluster built by this library
   */
  public readonly clusterParameterGroupName?: string;

  constructor(scope: Construct, id: string, props: LineageLoggingProps) {
    super(scope, id);
    const cluster = props.cluster;
    const target = cluster.parameterGroups;
    const clusterId = cluster.clusterIdentifier;
    const iamUserName = props.iamUserName ?? `${clusterId}-datafold`;
    const iamGroupName = props.iamGroupName ?? `${clusterId}-datafold-logs-read`;
    const accessKeySecretName = props.accessKeySecretName ?? `datafold/${clusterId}/aws-access-key`;
    const rdsLogGroupName = rdsPostgresqlLogGroupName(clusterId);
    validateLoggingProps(
      this,
      {
        ...props,
        iamUserName,
        iamGroupName,
        accessKeySecretName,
        logGroupNames: { given: cluster.postgresqlLogGroupName, rds: rdsLogGroupName },
      },
      target !== undefined,
    );

    this.clusterIdentifier = clusterId;
    this.clusterEndpoint = cluster.clusterEndpoint;
    this.clusterPort = cluster.port;
    this.logStatement = props.logStatement ?? LineageLogStatement.MOD;
    if (this.logStatement === LineageLogStatement.ALL) {
      Annotations.of(this).addWarning(
        "[@aurora-cdktf/lineage-logging:log-statement-all] log_statement = all logs every SELECT too: " +
          "expect far more CloudWatch volume and cost than Datafold needs (mod).",
      );
    }
    const arn = arnParts(cluster.clusterArn);

    if (target) {
      this.setOnClusterParameterGroup(target, clusterId);
      this.logGroupName = cluster.postgresqlLogGroupName;
      this.logGroupArn = logGroupArn(arn, this.logGroupName);
    } else {
      const groups = createLineageParameterGroups(this, {
        clusterIdentifier: clusterId,
        family: props.parameterGroupFamily as string,
        logStatement: this.logStatement,
        instanceParameters: props.instanceParameters ?? {},
        clusterParameters: props.clusterParameters ?? {},
        tags: props.tags,
      });
      this.instanceParameterGroupName = groups.instance.name;
      this.clusterParameterGroupName = groups.cluster.name;
      const name = rdsLogGroupName;
      if (props.createLogGroup ?? true) {
        const logGroup = new CloudwatchLogGroup(this, "LogGroup", {
          name,
          retentionInDays: props.logRetentionDays ?? 30,
          kmsKeyId: props.logGroupKmsKey?.arn,
          tags: props.tags,
        });
        this.logGroupName = logGroup.name;
        this.logGroupArn = logGroup.arn;
      } else {
        this.logGroupName = name;
        this.logGroupArn = logGroupArn(arn, name);
      }
    }

    const reader = createLogReader(this, {
      userName: iamUserName,
      groupName: iamGroupName,
      access: props.logAccess ?? LineageLogAccess.LOG_GROUP_ONLY,
      partition: arn.partition,
      logGroupArn: this.logGroupArn,
      secretName: accessKeySecretName,
      secretKmsKey: props.accessKeySecretKmsKey,
      clusterIdentifier: clusterId,
      tags: props.tags,
    });
    this.iamUserName = reader.user.name;
    this.iamUserArn = reader.user.arn;
    this.iamGroupName = reader.group.name;
    this.accessKeyId = reader.accessKey.id;
    this.accessKeySecretArn = reader.secret.arn;
  }

  /** Plain values of this construct (no secret), e.g. for a stack's own outputs. */
  public get outputs(): LineageLoggingOutputs {
    return {
      clusterIdentifier: this.clusterIdentifier,
      logGroupName: this.logGroupName,
      logGroupArn: this.logGroupArn,
      logStatement: this.logStatement,
      iamUserName: this.iamUserName,
      iamUserArn: this.iamUserArn,
      iamGroupName: this.iamGroupName,
      accessKeyId: this.accessKeyId,
      accessKeySecretArn: this.accessKeySecretArn,
      instanceParameterGroupName: this.instanceParameterGroupName,
      clusterParameterGroupName: this.clusterParameterGroupName,
    };
  }

  /**
   * Sets `log_statement` on the cluster's instance parameter group, which overrides the cluster
   * group (LIN-06). The cluster rejects a second, different value of the same parameter; that
   * rejection is reported here with what lineage needs and how to resolve it.
   */
  private setOnClusterParameterGroup(target: IParameterGroupTarget, clusterId: string): void {
    try {
      target.addInstanceParameter("log_statement", this.logStatement, this.node.path, "immediate");
    } catch (err) {
      throw new ValidationError(
        this,
        `cannot set log_statement = "${this.logStatement}" on the instance parameter group of cluster ` +
          `${clusterId}: ${(err as Error).message} Lineage needs log_statement = "${this.logStatement}" at ` +
          "instance level (the instance group overrides the cluster group, LIN-06). Fix: remove the other " +
          'log_statement setting from the cluster, or pass logStatement: LineageLogStatement.ALL if it is "all".',
      );
    }
  }
}
