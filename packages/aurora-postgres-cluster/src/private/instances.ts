import { Fn, ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { AccountContext } from "./encryption-key";
import { ResolvedSettings } from "./defaults";

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

export interface InstanceOptions {
  readonly cluster: RdsCluster;
  readonly settings: ResolvedSettings;
  readonly availabilityZones: string[];
  readonly parameterGroupName: string;
  readonly subnetGroupName: string;
  readonly kmsKeyArn: string;
  readonly monitoringRoleArn?: string;
  readonly dependsOn: ITerraformDependable[];
  readonly applyImmediately?: boolean;
  readonly preferredMaintenanceWindow?: string;
  readonly tags?: Record<string, string>;
}

/** Construct-id labels of the instances: "Writer", "Reader1", "Reader2", ... */
export function instanceLabel(index: number): string {
  return index === 0 ? "Writer" : `Reader${index}`;
}

/** Identifier of instance `index`: `<clusterIdentifier>-<index + 1>`. */
export function instanceIdentifier(clusterIdentifier: string, index: number): string {
  return `${clusterIdentifier}-${index + 1}`;
}

/**
 * The writer and the readers (APG-39/40), identical settings, each reader depending on the writer.
 * The writer goes to the first AZ and reader n to AZ n (modulo the AZ count), so a replica is
 * always in another AZ than the writer. `engine_version` is left to the cluster, so an engine
 * upgrade never replaces instances.
 */
export function createInstances(scope: Construct, o: InstanceOptions): RdsClusterInstance[] {
  const s = o.settings;
  const instances: RdsClusterInstance[] = [];
  const count = Token.isUnresolved(s.readers) ? 1 : 1 + s.readers;
  for (let i = 0; i < count; i++) {
    const writer = instances[0];
    instances.push(
      new RdsClusterInstance(scope, instanceLabel(i), {
        identifier: instanceIdentifier(s.clusterIdentifier, i),
        clusterIdentifier: o.cluster.id,
        engine: o.cluster.engine,
        instanceClass: s.instanceClass,
        availabilityZone: azAt(o.availabilityZones, i),
        dbParameterGroupName: o.parameterGroupName,
        dbSubnetGroupName: o.subnetGroupName,
        publiclyAccessible: false,
        copyTagsToSnapshot: true,
        monitoringInterval: s.monitoringIntervalSeconds,
        monitoringRoleArn: o.monitoringRoleArn,
        autoMinorVersionUpgrade: s.autoMinorVersionUpgrade,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: o.kmsKeyArn,
        performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays,
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
