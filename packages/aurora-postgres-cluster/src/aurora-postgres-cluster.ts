import { Construct } from "constructs";
import { Connections, logGroupArn, rdsPostgresqlLogGroupName } from "@aurora-cdktf/core";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { RdsClusterEndpoint } from "@cdktf/provider-aws/lib/rds-cluster-endpoint";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import {
  AuroraPostgresClusterAttributes,
  AuroraPostgresClusterOutputs,
  IAuroraPostgresCluster,
  IParameterGroupTarget,
  ParameterApplyMethod,
} from "./aurora-postgres-cluster-ref";
import { accountContext, createEncryptionKey } from "./private/encryption-key";
import {
  engineLifecycleSupport,
  majorVersionGuard,
  pointInTimeRestoreBlock,
  replacementGuard,
} from "./private/engine";
import { ConnectGrants } from "./private/grant-connect";
import { ImportedAuroraPostgresCluster } from "./private/imported-cluster";
import { createInstances, createMonitoringRole, planInstances } from "./private/instances";
import { createCustomEndpoints, createReaderAutoScaling } from "./private/scaling";
import { createNetwork } from "./private/network";
import { publicReaderIdentifier } from "./private/public-reader";
import { createNotifications } from "./private/notifications";
import { globalMember } from "./private/global-member";
import { DEFAULT_CLUSTER_PARAMETERS, DEFAULT_INSTANCE_PARAMETERS, ParameterSet } from "./private/parameters";
import { AuroraPostgresClusterProps } from "./aurora-postgres-cluster-props";
import { mandatoryTagMap, resolveSettings } from "./private/defaults";
import { validateClusterProps } from "./validate";

/**
 * An Aurora PostgreSQL cluster with the reference's security, backup and monitoring settings
 * (APG-*), modernized: RDS-managed master password with a rotation schedule, a current engine,
 * log export to a Terraform-owned log group, and stage presets (dev, test, pre-prod, prod).
 *
 * @resource aws_rds_cluster
 */
export class AuroraPostgresCluster
  extends Construct
  implements IAuroraPostgresCluster, IParameterGroupTarget
{
  /** Uses a cluster created elsewhere (another stack or tool); creates nothing. */
  public static fromClusterAttributes(
    scope: Construct,
    id: string,
    attrs: AuroraPostgresClusterAttributes,
  ): IAuroraPostgresCluster {
    return new ImportedAuroraPostgresCluster(scope, id, attrs);
  }

  public readonly clusterIdentifier: string;
  public readonly clusterArn: string;
  public readonly clusterResourceId: string;
  public readonly clusterEndpoint: string;
  public readonly readerEndpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly masterUsername: string;
  /** ARN of the RDS-managed Secrets Manager secret holding the master credentials. */
  public readonly masterUserSecretArn: string;
  public readonly postgresqlLogGroupName: string;
  /** ARN of the PostgreSQL log group. */
  public readonly postgresqlLogGroupArn: string;
  /** `psql --host=<endpoint> --port=<port> --username=<user> --dbname=<db>` (APG-51). */
  public readonly psqlCommand: string;
  /**
   * Host name of the publicly accessible reader (`publicReader`; its port is `port`): what a client
   * outside the VPC, e.g. lineage's `LineageHandover`, connects to.
   */
  public readonly publicReaderEndpoint?: string;
  /** Identifiers of the writer and the readers, writer first. */
  public readonly instanceIdentifiers: string[];
  /** ARN of the notification topic, when alarms or event subscriptions are on. */
  public readonly notificationTopicArn?: string;
  /** Network access on the database port: `cluster.connections.allowDefaultPortFrom(bastion)`. */
  public readonly connections: Connections;
  /** The `aws_rds_cluster` resource (escape hatch). */
  public readonly resource: RdsCluster;
  /** The `aws_rds_cluster_instance` resources, writer first. */
  public readonly instances: RdsClusterInstance[];
  /** The cluster's security group. */
  public readonly securityGroup: SecurityGroup;
  /** The cluster's KMS key (storage, Performance Insights, master secret, topic). */
  public readonly encryptionKey: KmsKey;
  /** The `/aws/rds/cluster/<id>/postgresql` log group. */
  public readonly postgresqlLogGroup: CloudwatchLogGroup;
  /** The cluster parameter group. */
  public readonly clusterParameterGroup: RdsClusterParameterGroup;
  /** The instance parameter group. */
  public readonly instanceParameterGroup: DbParameterGroup;
  /** The notification topic, when alarms or event subscriptions are on. */
  public readonly notificationTopic?: SnsTopic;
  /** Host names of the custom endpoints, by name (`customEndpoints`). */
  public readonly customEndpoints: Readonly<Record<string, string>>;
  /** The `aws_rds_cluster_endpoint` resources, by name (escape hatch). */
  public readonly customEndpointResources: Readonly<Record<string, RdsClusterEndpoint>>;
  /** The read-replica auto scaling target, when `readerAutoScaling` is set. */
  public readonly readerAutoScalingTarget?: AppautoscalingTarget;
  /** The read-replica target-tracking policy, when `readerAutoScaling` is set. */
  public readonly readerAutoScalingPolicy?: AppautoscalingPolicy;

  private readonly clusterParameters: ParameterSet;
  private readonly instanceParameters: ParameterSet;
  private readonly grants: ConnectGrants;

  constructor(scope: Construct, id: string, props: AuroraPostgresClusterProps) {
    super(scope, id);
    const s = resolveSettings(props);
    validateClusterProps(this, props, s);
    // Restoring (APG-52) from a snapshot or to a point in time: name and master user come from the source.
    const restoring = props.snapshotIdentifier !== undefined || props.restoreToPointInTime !== undefined;
    // Empty tag maps are left out of the JSON.
    const tags = Object.keys(s.tags).length > 0 ? { ...s.tags } : undefined;
    const clusterTags = { ...tags, ...mandatoryTagMap(s) };
    const notifications = s.alarms || s.eventSubscriptions;
    const account = accountContext(this);

    this.postgresqlLogGroupName = rdsPostgresqlLogGroupName(s.clusterIdentifier);
    const postgresqlLogGroupArn = logGroupArn(
      { ...account, account: account.accountId },
      this.postgresqlLogGroupName,
    );
    const { key } = createEncryptionKey(this, account, {
      clusterIdentifier: s.clusterIdentifier,
      deletionWindowDays: s.keyDeletionWindowDays,
      notifications,
      logGroupArn: s.encryptPostgresqlLogs ? postgresqlLogGroupArn : undefined,
      tags,
    });
    this.encryptionKey = key;
    // A global database member: no RDS-managed password; a secondary inherits name and master user.
    const member = globalMember(this, props, s, key, tags);
    const inherited = restoring || member.secondary;

    const network = createNetwork(this, {
      vpc: props.vpc,
      clusterIdentifier: s.clusterIdentifier,
      port: s.port,
      allowAllOutbound: s.allowAllOutbound,
      peers: s.allowConnectionsFrom,
      publicCidrs: props.publicReader?.allowedCidrs,
      tags,
    });
    this.securityGroup = network.securityGroup;
    this.connections = network.connections;

    // Parameter groups (APG-28/29, APG-54): rendered lazily so that later requests are included.
    const family = s.family ?? "";
    this.clusterParameters = new ParameterSet(this, "cluster");
    this.clusterParameters.addDefaults(DEFAULT_CLUSTER_PARAMETERS);
    this.clusterParameters.addUserParameters(
      props.clusterParameters,
      `${this.node.path} props.clusterParameters`,
    );
    if (props.publicReader) {
      // Locks TLS: a later addClusterParameter("rds.force_ssl", "0") is refused, naming this prop.
      this.clusterParameters.set(
        "rds.force_ssl",
        "1",
        `${this.node.path} props.publicReader (TLS on the public path)`,
      );
    }
    this.instanceParameters = new ParameterSet(this, "instance");
    this.instanceParameters.addDefaults(DEFAULT_INSTANCE_PARAMETERS);
    this.instanceParameters.addUserParameters(
      props.instanceParameters,
      `${this.node.path} props.instanceParameters`,
    );
    this.clusterParameterGroup = new RdsClusterParameterGroup(this, "ClusterParameterGroup", {
      name: `${s.clusterIdentifier}-${family}-cluster`,
      family,
      description: `Aurora PG Cluster Parameter Group for ${s.clusterIdentifier} (${family})`,
      parameter: this.clusterParameters.lazyBlocks(),
      tags,
      lifecycle: { createBeforeDestroy: true },
    });
    this.instanceParameterGroup = new DbParameterGroup(this, "InstanceParameterGroup", {
      name: `${s.clusterIdentifier}-${family}-instance`,
      family,
      description: `Aurora PG Database Instance Parameter Group for ${s.clusterIdentifier} (${family})`,
      parameter: this.instanceParameters.lazyBlocks(),
      tags,
      lifecycle: { createBeforeDestroy: true },
    });

    // Created before the cluster, so RDS never creates it without retention (LIN-08).
    this.postgresqlLogGroup = new CloudwatchLogGroup(this, "PostgresqlLogGroup", {
      name: this.postgresqlLogGroupName,
      retentionInDays: s.postgresqlLogRetentionDays,
      kmsKeyId: s.encryptPostgresqlLogs ? key.arn : undefined,
      tags,
    });
    this.postgresqlLogGroupArn = this.postgresqlLogGroup.arn;

    this.resource = new RdsCluster(this, "Resource", {
      clusterIdentifier: s.clusterIdentifier,
      engine: "aurora-postgresql",
      engineVersion: s.engineVersion,
      engineLifecycleSupport: engineLifecycleSupport(props.extendedSupport),
      // A major change of engineVersion applies in one modification, instances moved to the new
      // family's group (terraform-provider-aws #13490, #35385); see majorVersionGuard.
      allowMajorVersionUpgrade: s.allowMajorVersionUpgrade,
      dbInstanceParameterGroupName: this.instanceParameterGroup.name,
      port: s.port,
      // Restoring (APG-52): name and master user come from the snapshot or source cluster.
      databaseName: inherited ? undefined : s.databaseName,
      masterUsername: inherited ? undefined : s.masterUsername,
      snapshotIdentifier: props.snapshotIdentifier,
      restoreToPointInTime: pointInTimeRestoreBlock(props.restoreToPointInTime),
      manageMasterUserPassword: member.managedPassword ? true : undefined,
      masterUserSecretKmsKeyId: member.managedPassword ? key.arn : undefined,
      ...member.clusterArgs,
      dbSubnetGroupName: network.subnetGroup.name,
      vpcSecurityGroupIds: [network.securityGroup.id],
      dbClusterParameterGroupName: this.clusterParameterGroup.name,
      backupRetentionPeriod: s.backupRetentionDays,
      preferredBackupWindow: props.preferredBackupWindow,
      preferredMaintenanceWindow: props.preferredMaintenanceWindow,
      storageEncrypted: restoring ? undefined : true,
      kmsKeyId: key.arn,
      storageType:
        props.ioOptimizedStorage === undefined
          ? undefined
          : props.ioOptimizedStorage
            ? "aurora-iopt1"
            : "aurora",
      iamDatabaseAuthenticationEnabled: s.iamDatabaseAuthentication,
      deletionProtection: s.deletionProtection,
      skipFinalSnapshot: !s.finalSnapshot,
      finalSnapshotIdentifier: s.finalSnapshot ? s.finalSnapshotIdentifier : undefined,
      copyTagsToSnapshot: true,
      enabledCloudwatchLogsExports: ["postgresql"],
      applyImmediately: props.applyImmediately,
      // MOD-04: Database Insights is set on the cluster, with the Performance Insights it needs.
      ...(props.databaseInsightsMode === undefined
        ? {}
        : {
            databaseInsightsMode: props.databaseInsightsMode,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: key.arn,
            performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays,
          }),
      tags: clusterTags,
      serverlessv2ScalingConfiguration: props.serverlessV2Scaling && {
        minCapacity: props.serverlessV2Scaling.minCapacity,
        maxCapacity: props.serverlessV2Scaling.maxCapacity,
        secondsUntilAutoPause: props.serverlessV2Scaling.secondsUntilAutoPause,
      },
      dependsOn: [this.postgresqlLogGroup],
      lifecycle: {
        precondition: [
          ...majorVersionGuard(this, s.clusterIdentifier, s.engineVersion),
          ...(props.allowReplacement
            ? []
            : replacementGuard(this, s.clusterIdentifier, [
                { attribute: "db_subnet_group_name", prop: "vpc", planned: network.subnetGroup.name },
                ...(inherited
                  ? []
                  : [
                      { attribute: "database_name", prop: "databaseName", planned: s.databaseName },
                      { attribute: "master_username", prop: "masterUsername", planned: s.masterUsername },
                    ]),
              ])),
        ],
        ignoreChanges: member.ignoreChanges,
      },
    });

    const specs = planInstances(props, s);
    const publicIdentifier = publicReaderIdentifier(props, s);
    const monitoring = specs.some((i) => i.monitoringIntervalSeconds > 0)
      ? createMonitoringRole(this, account, s.clusterIdentifier, tags)
      : undefined;
    this.instances = createInstances(this, {
      cluster: this.resource,
      settings: s,
      specs,
      parameterGroupName: this.instanceParameterGroup.name,
      subnetGroupName: network.subnetGroup.name,
      publicIdentifier,
      kmsKeyArn: key.arn,
      monitoringRoleArn: monitoring?.role.arn,
      dependsOn: monitoring ? [monitoring.attachment] : [],
      applyImmediately: props.applyImmediately,
      preferredMaintenanceWindow: props.preferredMaintenanceWindow,
      tags: clusterTags,
    });
    this.instanceIdentifiers = specs.map((i) => i.identifier);
    this.publicReaderEndpoint = this.instances.find(
      (_, i) => specs[i].identifier === publicIdentifier,
    )?.endpoint;
    if (props.readerAutoScaling) {
      const scaling = createReaderAutoScaling(
        this,
        this.resource,
        s.clusterIdentifier,
        props.readerAutoScaling,
        this.instances,
      );
      this.readerAutoScalingTarget = scaling.target;
      this.readerAutoScalingPolicy = scaling.policy;
    }
    this.customEndpointResources = createCustomEndpoints(
      this,
      this.resource,
      s.clusterIdentifier,
      props.customEndpoints ?? {},
      specs,
      this.instances,
      tags,
    );
    this.customEndpoints = Object.fromEntries(
      Object.entries(this.customEndpointResources).map(([name, e]) => [name, e.endpoint]),
    );

    // MOD-01: RDS rotates its own secret (no Lambda); this sets the schedule (APG-37: 30 days).
    this.masterUserSecretArn = member.masterUserSecretArn ?? this.resource.masterUserSecret.get(0).secretArn;
    if (member.managedPassword) {
      new SecretsmanagerSecretRotation(this, "MasterPasswordRotation", {
        secretId: this.masterUserSecretArn,
        rotateImmediately: false,
        rotationRules: { automaticallyAfterDays: s.masterPasswordRotationDays },
        dependsOn: [this.instances[0]],
      });
    }

    if (notifications) {
      this.notificationTopic = createNotifications(this, account, {
        clusterIdentifier: s.clusterIdentifier,
        key,
        emails: s.notificationEmails,
        alarms: s.alarms,
        eventSubscriptions: s.eventSubscriptions,
        clusterId: this.resource.id,
        instanceIds: this.instances.map((i) => i.id),
        instances: specs.map(({ label, identifier }) => ({ label, identifier })),
        instanceParameterGroupName: this.instanceParameterGroup.name,
        tags,
      });
      this.notificationTopicArn = this.notificationTopic.arn;
    }

    this.clusterIdentifier = s.clusterIdentifier;
    this.clusterArn = this.resource.arn;
    this.clusterResourceId = this.resource.clusterResourceId;
    this.clusterEndpoint = this.resource.endpoint;
    this.readerEndpoint = this.resource.readerEndpoint;
    this.port = s.port;
    this.databaseName = inherited ? this.resource.databaseName : s.databaseName;
    this.masterUsername = inherited ? this.resource.masterUsername : s.masterUsername;
    this.psqlCommand = `psql --host=${this.clusterEndpoint} --port=${this.port} --username=${this.masterUsername} --dbname=${this.databaseName}`;
    this.grants = new ConnectGrants(this, this);
  }

  /** The cluster's own parameter groups, where `addInstanceParameter`/`addClusterParameter` go. */
  public get parameterGroups(): IParameterGroupTarget {
    return this;
  }

  /** The values the reference outputs (APG-51) and more, e.g. for `TerraformOutput`s. */
  public get outputs(): AuroraPostgresClusterOutputs {
    return {
      clusterIdentifier: this.clusterIdentifier,
      clusterArn: this.clusterArn,
      clusterResourceId: this.clusterResourceId,
      clusterEndpoint: this.clusterEndpoint,
      readerEndpoint: this.readerEndpoint,
      port: this.port,
      masterUsername: this.masterUsername,
      databaseName: this.databaseName,
      psqlCommand: this.psqlCommand,
      masterUserSecretArn: this.masterUserSecretArn,
      securityGroupId: this.securityGroup.id,
      kmsKeyArn: this.encryptionKey.arn,
      postgresqlLogGroupName: this.postgresqlLogGroupName,
      notificationTopicArn: this.notificationTopicArn,
      publicReaderEndpoint: this.publicReaderEndpoint,
    };
  }

  /**
   * Sets a parameter on the instance parameter group (which wins over the cluster group), e.g.
   * `log_statement = mod` for lineage logging. A different value already set by the user or
   * another caller is a ValidationError naming both.
   */
  public addInstanceParameter(
    name: string,
    value: string,
    requestedBy: string,
    applyMethod?: ParameterApplyMethod,
  ): void {
    this.instanceParameters.set(name, value, requestedBy, applyMethod);
  }

  /** Sets a parameter on the cluster parameter group (same rules as `addInstanceParameter`). */
  public addClusterParameter(
    name: string,
    value: string,
    requestedBy: string,
    applyMethod?: ParameterApplyMethod,
  ): void {
    this.clusterParameters.set(name, value, requestedBy, applyMethod);
  }

  /**
   * Allows the IAM role `roleName` to connect as database user `dbUser` with IAM database
   * authentication (`rds-db:connect`). Returns the role's inline policy.
   */
  public grantConnect(roleName: string, dbUser: string): IamRolePolicy {
    return this.grants.grant(roleName, dbUser);
  }
}
