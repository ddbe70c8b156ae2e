import { Construct } from "constructs";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterEndpoint } from "@cdktf/provider-aws/lib/rds-cluster-endpoint";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { CustomEndpoint, ReaderAutoScaling, ReaderAutoScalingMetric } from "../cluster-shapes";
import { InstanceSpec } from "./instances";

/** App Auto Scaling's predefined metric per `ReaderAutoScaling.metric`. */
export const READER_METRICS: Readonly<Record<ReaderAutoScalingMetric, string>> = {
  cpu: "RDSReaderAverageCPUUtilization",
  connections: "RDSReaderAverageDatabaseConnections",
};

/** Defaults of `ReaderAutoScaling` (the console's defaults for the cool-downs). */
export const AUTO_SCALING_DEFAULTS = { metric: "cpu", cooldownSeconds: 300 } as const;

/** Defaults of `CustomEndpoint`. */
export const CUSTOM_ENDPOINT_DEFAULT_TYPE = "READER";

/** The identifier of custom endpoint `name`: `<clusterIdentifier>-<name>`. */
export function customEndpointIdentifier(clusterIdentifier: string, name: string): string {
  return `${clusterIdentifier}-${name}`;
}

/**
 * The Application Auto Scaling target on the cluster's read-replica count and its target-tracking
 * policy. It waits for every instance, so auto scaling starts on a complete cluster.
 */
export function createReaderAutoScaling(
  scope: Construct,
  cluster: RdsCluster,
  clusterIdentifier: string,
  a: ReaderAutoScaling,
  instances: RdsClusterInstance[],
): { target: AppautoscalingTarget; policy: AppautoscalingPolicy } {
  const metric = a.metric ?? AUTO_SCALING_DEFAULTS.metric;
  const target = new AppautoscalingTarget(scope, "ReaderAutoScalingTarget", {
    serviceNamespace: "rds",
    scalableDimension: "rds:cluster:ReadReplicaCount",
    resourceId: `cluster:${cluster.clusterIdentifier}`,
    minCapacity: a.minReaders,
    maxCapacity: a.maxReaders,
    dependsOn: instances,
  });
  const policy = new AppautoscalingPolicy(scope, "ReaderAutoScalingPolicy", {
    name: `${clusterIdentifier}-readers-${metric}`,
    policyType: "TargetTrackingScaling",
    serviceNamespace: target.serviceNamespace,
    scalableDimension: target.scalableDimension,
    resourceId: target.resourceId,
    targetTrackingScalingPolicyConfiguration: {
      predefinedMetricSpecification: { predefinedMetricType: READER_METRICS[metric] },
      targetValue: a.targetValue,
      scaleInCooldown: a.scaleInCooldownSeconds ?? AUTO_SCALING_DEFAULTS.cooldownSeconds,
      scaleOutCooldown: a.scaleOutCooldownSeconds ?? AUTO_SCALING_DEFAULTS.cooldownSeconds,
      disableScaleIn: a.disableScaleIn ?? false,
    },
  });
  return { target, policy };
}

/** The instances' identifiers (references) whose member name is in `names`. */
function membersOf(
  names: string[] | undefined,
  specs: readonly InstanceSpec[],
  instances: RdsClusterInstance[],
): string[] | undefined {
  if (names === undefined) return undefined;
  return specs.flatMap((spec, i) => (names.includes(spec.member) ? [instances[i].identifier] : []));
}

/** One `aws_rds_cluster_endpoint` per entry of `customEndpoints`, in the order given. */
export function createCustomEndpoints(
  scope: Construct,
  cluster: RdsCluster,
  clusterIdentifier: string,
  endpoints: Record<string, CustomEndpoint>,
  specs: readonly InstanceSpec[],
  instances: RdsClusterInstance[],
  tags: Record<string, string> | undefined,
): Record<string, RdsClusterEndpoint> {
  const out: Record<string, RdsClusterEndpoint> = {};
  for (const [name, e] of Object.entries(endpoints)) {
    out[name] = new RdsClusterEndpoint(scope, `Endpoint-${name}`, {
      clusterIdentifier: cluster.id,
      clusterEndpointIdentifier: customEndpointIdentifier(clusterIdentifier, name),
      customEndpointType: e.type ?? CUSTOM_ENDPOINT_DEFAULT_TYPE,
      staticMembers: membersOf(e.members, specs, instances),
      excludedMembers: membersOf(e.excludedMembers, specs, instances),
      tags,
      // Members must exist first, also for an exclusion list (RDS checks the identifiers).
      dependsOn: instances,
    });
  }
  return out;
}
