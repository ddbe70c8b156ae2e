import { IParameterGroupTarget } from "@aurora-cdktf/aurora-postgres-cluster";
import { arnParts, IKmsKeyRef, logGroupArn, ValidationError } from "@aurora-cdktf/core";
import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LineageLoggingProps } from "./lineage-logging-props";
import { ILineageLogging, LineageLoggingOutputs, LineageLogStatement } from "./lineage-logging-ref";
import { resolveLoggingSettings } from "./private/defaults";
import { createLineageKey } from "./private/encryption-key";
import { createLogReader } from "./private/log-reader";
import { createLineageParameterGroups } from "./private/parameter-groups";
import { validateLoggingProps } from "./validate";

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
    const s = resolveLoggingSettings(props);
    validateLoggingProps(this, props, s);
    const clusterId = s.clusterIdentifier;

    this.clusterIdentifier = clusterId;
    this.clusterEndpoint = cluster.clusterEndpoint;
    this.clusterPort = cluster.port;
    this.logStatement = s.logStatement;
    if (this.logStatement === LineageLogStatement.ALL) {
      Annotations.of(this).addWarning(
        "[@aurora-cdktf/lineage-logging:log-statement-all] log_statement = all logs every SELECT too: " +
          "expect far more CloudWatch volume and cost than Datafold needs (mod).",
      );
    }
    const arn = arnParts(cluster.clusterArn);
    // A customer managed key for what is stored here when none is given: the cluster's own key if
    // it has one, else one key of this construct (created once, on first need).
    let ownKey: IKmsKeyRef | undefined;
    const lineageKey = (logGroupArnToEncrypt?: string): IKmsKeyRef =>
      (ownKey ??= createLineageKey(this, {
        ...arn,
        clusterIdentifier: clusterId,
        logGroupArn: logGroupArnToEncrypt,
        tags: props.tags,
      }));

    if (target) {
      this.setOnClusterParameterGroup(target, clusterId);
      this.logGroupName = cluster.postgresqlLogGroupName;
      this.logGroupArn = logGroupArn(arn, this.logGroupName);
    } else {
      const groups = createLineageParameterGroups(this, {
        clusterIdentifier: clusterId,
        family: props.parameterGroupFamily as string,
        logStatement: this.logStatement,
        instanceParameters: s.instanceParameters,
        clusterParameters: s.clusterParameters,
        tags: props.tags,
      });
      this.instanceParameterGroupName = groups.instance.name;
      this.clusterParameterGroupName = groups.cluster.name;
      const name = s.rdsLogGroupName;
      if (s.createLogGroup) {
        const logGroup = new CloudwatchLogGroup(this, "LogGroup", {
          name,
          retentionInDays: s.logRetentionDays,
          kmsKeyId: (props.logGroupKmsKey ?? lineageKey(logGroupArn(arn, name))).arn,
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
      userName: s.iamUserName,
      groupName: s.iamGroupName,
      access: s.logAccess,
      partition: arn.partition,
      logGroupArn: this.logGroupArn,
      secretName: s.accessKeySecretName,
      secretKmsKey: props.accessKeySecretKmsKey ?? cluster.encryptionKey ?? lineageKey(),
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
