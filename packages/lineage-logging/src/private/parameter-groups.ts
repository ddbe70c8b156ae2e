import { Construct } from "constructs";
import { DbParameterGroup, DbParameterGroupParameter } from "@cdktf/provider-aws/lib/db-parameter-group";
import {
  RdsClusterParameterGroup,
  RdsClusterParameterGroupParameter,
} from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";

/** Inputs of {@link createLineageParameterGroups}. */
export interface LineageParameterGroupsProps {
  readonly clusterIdentifier: string;
  readonly family: string;
  readonly logStatement: string;
  readonly instanceParameters: { [name: string]: string };
  readonly clusterParameters: { [name: string]: string };
  readonly tags?: { [key: string]: string };
}

/**
 * For a cluster not built by this library: a cluster parameter group and an instance parameter
 * group, both with `log_statement`. The instance group is what wins (LIN-06); the cluster group
 * carries it too, so that attaching only the cluster group (as the Datafold guide does) also works
 * while the instances keep a group without `log_statement`. `log_statement` is dynamic and applied
 * immediately; the caller's extra parameters are applied at the next reboot, which is safe for
 * static and dynamic parameters alike.
 */
export function createLineageParameterGroups(
  scope: Construct,
  props: LineageParameterGroupsProps,
): { instance: DbParameterGroup; cluster: RdsClusterParameterGroup } {
  const cluster = new RdsClusterParameterGroup(scope, "ClusterParameterGroup", {
    name: `${props.clusterIdentifier}-lineage-cluster`,
    family: props.family,
    description: `Datafold lineage: log_statement = ${props.logStatement} for cluster ${props.clusterIdentifier}`,
    parameter: parameters(props.logStatement, props.clusterParameters),
    tags: props.tags,
  });
  const instance = new DbParameterGroup(scope, "InstanceParameterGroup", {
    name: `${props.clusterIdentifier}-lineage`,
    family: props.family,
    description: `Datafold lineage: log_statement = ${props.logStatement} for the instances of ${props.clusterIdentifier}`,
    parameter: parameters(props.logStatement, props.instanceParameters),
    tags: props.tags,
  });
  return { instance, cluster };
}

function parameters(
  logStatement: string,
  extra: { [name: string]: string },
): (DbParameterGroupParameter & RdsClusterParameterGroupParameter)[] {
  const rest = Object.keys(extra)
    .filter((name) => name !== "log_statement")
    .sort()
    .map((name) => ({ name, value: extra[name], applyMethod: "pending-reboot" }));
  return [{ name: "log_statement", value: logStatement, applyMethod: "immediate" }, ...rest];
}
