import { Fn, ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { AccountContext } from "./encryption-key";
import { ResolvedSettings } from "./defaults";
import { AuroraPostgresClusterProps } from "../aurora-postgres-cluster-props";
import { InstanceSettings, ReaderGroup } from "../cluster-shapes";

/** The enhanced-monitoring role (APG-24): trusted by monitoring.rds, with the AWS managed policy. */
export function createMonitoringRole(
  scope: Construct,
  account: AccountContext,
  clusterIdentifier: string,
  tags: Record<string, string> | undefined,
): { role: IamRole; attachment: IamRolePolicyAttachment } {
  const role = new IamRole(scope, "MonitoringRole", {
    name: `${clusterIdentifier.slice(0, 45)}-rds-monitoring`,
    description: `Enhanced monitoring of Aurora PostgreSQL cluster ${clusterIdentifier}`,
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    }),
    tags,
  });
  const attachment = new IamRolePolicyAttachment(scope, "MonitoringRolePolicy", {
    role: role.name,
    policyArn: `arn:${account.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
  });
  return { role, attachment };
}

/** One instance Terraform manages, with every setting resolved. */
export interface InstanceSpec {
  /** Construct id: "Writer", "Reader1", ... for the default layout, "Reader-<group>-<k>" for groups. */
  readonly label: string;
  readonly identifier: string;
  /** "writer", "readers" (the numbered readers) or the reader group's name: what endpoints name. */
  readonly member: string;
  readonly instanceClass: string;
  readonly availabilityZone: string;
  readonly promotionTier?: number;
  readonly performanceInsights: boolean;
  readonly performanceInsightsRetentionDays: number;
  readonly monitoringIntervalSeconds: number;
}

/** Member names of the writer and of the numbered readers (reader groups may not use them). */
export const WRITER_MEMBER = "writer";
export const READERS_MEMBER = "readers";

/** Construct-id labels of the default layout: "Writer", "Reader1", "Reader2", ... */
export function instanceLabel(index: number): string {
  return index === 0 ? "Writer" : `Reader${index}`;
}

/** Identifier of instance `index` of the default layout: `<clusterIdentifier>-<index + 1>`. */
export function instanceIdentifier(clusterIdentifier: string, index: number): string {
  return `${clusterIdentifier}-${index + 1}`;
}

/** Identifier of reader `k` (1-based) of group `name`: `<clusterIdentifier>-<name>-<k>`. */
export function groupReaderIdentifier(clusterIdentifier: string, name: string, k: number): string {
  return `${clusterIdentifier}-${name}-${k}`;
}

/** Readers of a group (`count`, default 1). */
export function groupCount(group: ReaderGroup): number {
  return group.count ?? 1;
}

/**
 * The instances, writer first, then the numbered readers, then each reader group in the order
 * given. The writer goes to its AZ (default: the first), numbered reader n and reader k of a
 * group to the n-th / k-th AZ after the writer's (mod the AZ count), so a replica placed by
 * default is in another AZ than the writer, and a group's placement does not depend on the others.
 */
export function planInstances(props: AuroraPostgresClusterProps, s: ResolvedSettings): InstanceSpec[] {
  const azs = props.vpc.availabilityZones;
  const writer = props.writer ?? {};
  const literalAzs = !Token.isUnresolved(azs);
  const writerIndex =
    writer.availabilityZone !== undefined && literalAzs
      ? Math.max(0, azs.indexOf(writer.availabilityZone))
      : 0;
  const settings = (x: InstanceSettings) => ({
    instanceClass: x.instanceClass ?? s.instanceClass,
    promotionTier: x.promotionTier,
    performanceInsights: x.performanceInsights ?? true,
    performanceInsightsRetentionDays:
      x.performanceInsightsRetentionDays ?? s.performanceInsightsRetentionDays,
    monitoringIntervalSeconds: x.monitoringIntervalSeconds ?? s.monitoringIntervalSeconds,
  });
  const specs: InstanceSpec[] = [
    {
      label: instanceLabel(0),
      identifier: instanceIdentifier(s.clusterIdentifier, 0),
      member: WRITER_MEMBER,
      availabilityZone: writer.availabilityZone ?? azAt(azs, 0),
      ...settings(writer),
    },
  ];
  const numbered = Token.isUnresolved(s.readers) ? 0 : s.readers;
  for (let i = 1; i <= numbered; i++) {
    specs.push({
      label: instanceLabel(i),
      identifier: instanceIdentifier(s.clusterIdentifier, i),
      member: READERS_MEMBER,
      availabilityZone: azAt(azs, writerIndex + i),
      ...settings({}),
    });
  }
  for (const [name, group] of Object.entries(props.readerGroups ?? {})) {
    const count = groupCount(group);
    for (let k = 1; Number.isInteger(count) && k <= count; k++) {
      const own = group.availabilityZones;
      specs.push({
        label: `Reader-${name}-${k}`,
        identifier: groupReaderIdentifier(s.clusterIdentifier, name, k),
        member: name,
        availabilityZone: own && own.length > 0 ? own[(k - 1) % own.length] : azAt(azs, writerIndex + k),
        ...settings(group),
      });
    }
  }
  return specs;
}

export interface InstanceOptions {
  readonly cluster: RdsCluster;
  readonly settings: ResolvedSettings;
  readonly specs: readonly InstanceSpec[];
  readonly parameterGroupName: string;
  readonly subnetGroupName: string;
  /** Identifier of the one instance with `publicly_accessible = true` (`publicReader`). */
  readonly publicIdentifier?: string;
  readonly kmsKeyArn: string;
  readonly monitoringRoleArn?: string;
  readonly dependsOn: ITerraformDependable[];
  readonly applyImmediately?: boolean;
  readonly preferredMaintenanceWindow?: string;
  readonly tags?: Record<string, string>;
}

/**
 * The writer and the readers (APG-39/40), each reader depending on the writer. `engine_version`
 * is left to the cluster, so an engine upgrade never replaces instances.
 */
export function createInstances(scope: Construct, o: InstanceOptions): RdsClusterInstance[] {
  const s = o.settings;
  const instances: RdsClusterInstance[] = [];
  for (const spec of o.specs) {
    const writer = instances[0];
    instances.push(
      new RdsClusterInstance(scope, spec.label, {
        identifier: spec.identifier,
        clusterIdentifier: o.cluster.id,
        engine: o.cluster.engine,
        instanceClass: spec.instanceClass,
        availabilityZone: spec.availabilityZone,
        promotionTier: spec.promotionTier,
        dbParameterGroupName: o.parameterGroupName,
        dbSubnetGroupName: o.subnetGroupName,
        publiclyAccessible: spec.identifier === o.publicIdentifier,
        copyTagsToSnapshot: true,
        monitoringInterval: spec.monitoringIntervalSeconds,
        monitoringRoleArn: spec.monitoringIntervalSeconds > 0 ? o.monitoringRoleArn : undefined,
        autoMinorVersionUpgrade: s.autoMinorVersionUpgrade,
        performanceInsightsEnabled: spec.performanceInsights,
        performanceInsightsKmsKeyId: spec.performanceInsights ? o.kmsKeyArn : undefined,
        performanceInsightsRetentionPeriod: spec.performanceInsights
          ? spec.performanceInsightsRetentionDays
          : undefined,
        caCertIdentifier: s.caCertificateIdentifier,
        applyImmediately: o.applyImmediately,
        preferredMaintenanceWindow: o.preferredMaintenanceWindow,
        tags: o.tags,
        dependsOn: writer ? [...o.dependsOn, writer] : o.dependsOn,
      }),
    );
  }
  return instances;
}

function azAt(azs: string[], index: number): string {
  if (Token.isUnresolved(azs)) return Fn.element(azs, index);
  return azs[index % azs.length];
}
