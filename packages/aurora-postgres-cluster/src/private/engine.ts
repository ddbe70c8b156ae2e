import { Fn, Precondition, Token } from "cdktf";
import { Construct } from "constructs";
import { DataAwsRdsCluster } from "@cdktf/provider-aws/lib/data-aws-rds-cluster";
import { DataAwsRdsClusters } from "@cdktf/provider-aws/lib/data-aws-rds-clusters";
import { RdsClusterRestoreToPointInTime } from "@cdktf/provider-aws/lib/rds-cluster";
import { AURORA_POSTGRES_FAMILIES } from "../engine";
import { PointInTimeRestore } from "../aurora-postgres-cluster-props";

/** `major.minor`, e.g. "16.8". */
export const ENGINE_VERSION_PATTERN = /^(\d+)\.(\d+)$/;

/** The parameter-group family of `engineVersion`, or undefined when its major is not supported. */
export function parameterGroupFamily(engineVersion: string): string | undefined {
  const match = ENGINE_VERSION_PATTERN.exec(engineVersion);
  return match ? AURORA_POSTGRES_FAMILIES[match[1]] : undefined;
}

/** `engine_lifecycle_support` value for an explicit Extended Support choice (MOD-03). */
export function engineLifecycleSupport(extendedSupport: boolean | undefined): string | undefined {
  if (extendedSupport === undefined) return undefined;
  return extendedSupport ? "open-source-rds-extended-support" : "open-source-rds-extended-support-disabled";
}

/** The major of `engineVersion` ("16.8" -> 16), or undefined when it is not `major.minor`. */
export function engineMajor(engineVersion: string): number | undefined {
  const match = ENGINE_VERSION_PATTERN.exec(engineVersion);
  return match ? Number(match[1]) : undefined;
}

/**
 * The preconditions that refuse, at plan time, an `engineVersion` whose major is lower than the
 * deployed cluster's (RDS cannot downgrade) or more than one above it (one major at a time, so each
 * step gets its own parameter groups and can be tested). The construct cannot see the deployed
 * version at synth, so two data sources read it while OpenTofu plans: `aws_rds_clusters` finds the
 * cluster by identifier (none on the first deploy), and `aws_rds_cluster` reads its version only
 * when it exists. They must not depend on the cluster resource, or they would be read after apply.
 */
export function majorVersionGuard(
  scope: Construct,
  clusterIdentifier: string,
  engineVersion: string,
): Precondition[] {
  const planned = engineMajor(engineVersion);
  const deployed = deployedCluster(scope, clusterIdentifier);
  if (planned === undefined || deployed === undefined) return [];
  const versions = `${deployed.fqn}[*].engine_version`;
  const majorOf = 'tonumber(split(".", v)[0])';
  const deployedList = `\${join(", ", ${versions})}`;
  return [
    {
      condition: `\${alltrue([for v in ${versions} : ${majorOf} <= ${planned}])}`,
      errorMessage:
        `engineVersion ${engineVersion} is a downgrade: cluster ${clusterIdentifier} runs ${deployedList}, and RDS ` +
        `cannot lower a cluster's major version. Fix: set engineVersion back to the deployed major, or restore a ` +
        `snapshot into a new cluster of the lower version.`,
    },
    {
      condition: `\${alltrue([for v in ${versions} : ${majorOf} >= ${planned - 1}])}`,
      errorMessage:
        `engineVersion ${engineVersion} skips a major version: cluster ${clusterIdentifier} runs ${deployedList}. ` +
        `Upgrade one major at a time (each step switches to the parameter groups of the next family): set ` +
        `engineVersion to the next major, apply, then go on.`,
    },
  ];
}

/**
 * The deployed cluster of this identifier as OpenTofu plans (a list of none or one), or undefined
 * when the identifier is a token. Created once per construct; see majorVersionGuard.
 */
export function deployedCluster(scope: Construct, clusterIdentifier: string): DataAwsRdsCluster | undefined {
  if (Token.isUnresolved(clusterIdentifier)) return undefined;
  const existing = scope.node.tryFindChild("DeployedCluster");
  if (existing instanceof DataAwsRdsCluster) return existing;
  const found = new DataAwsRdsClusters(scope, "DeployedClusterLookup", {
    filter: [{ name: "db-cluster-id", values: [clusterIdentifier] }],
  });
  return new DataAwsRdsCluster(scope, "DeployedCluster", {
    clusterIdentifier,
    count: Fn.lengthOf(found.clusterIdentifiers) as unknown as number,
  });
}

/** What a replacement guard compares: an argument RDS cannot change in place, and its planned value. */
export interface ForceNewArgument {
  /** The `aws_rds_cluster` attribute, e.g. `db_subnet_group_name`. */
  readonly attribute: string;
  /** The prop a user changes, for the message. */
  readonly prop: string;
  /** The planned value: a literal or a reference token. */
  readonly planned: string;
}

/**
 * Preconditions that refuse, at plan time, a change that would make OpenTofu replace a deployed
 * cluster (destroy it and create an empty one): each argument in `args` must equal the deployed
 * cluster's. Nothing is checked before the first deploy.
 */
export function replacementGuard(
  scope: Construct,
  clusterIdentifier: string,
  args: readonly ForceNewArgument[],
): Precondition[] {
  const deployed = deployedCluster(scope, clusterIdentifier);
  if (deployed === undefined) return [];
  return args.map((a) => {
    // Inside an expression a reference token resolves to the bare reference; a literal is quoted.
    const planned = Token.isUnresolved(a.planned) ? a.planned : JSON.stringify(a.planned);
    const plannedText = Token.isUnresolved(a.planned) ? a.planned : JSON.stringify(a.planned);
    const deployedText = `\${join(", ", [for c in ${deployed.fqn}[*] : c.${a.attribute} == null ? "(none)" : c.${a.attribute}])}`;
    return {
      condition: `\${alltrue([for c in ${deployed.fqn}[*] : c.${a.attribute} == ${planned}])}`,
      errorMessage:
        `${a.prop} would set ${a.attribute} of cluster ${clusterIdentifier} to ${plannedText}, but the deployed ` +
        `cluster has ${deployedText}: RDS cannot change it in place, so OpenTofu would replace the cluster, ` +
        `destroying it and its data. Fix: keep the deployed value, or to replace the cluster on purpose (after a ` +
        `snapshot) set allowReplacement: true.`,
    };
  });
}

/** Database Insights' advanced mode needs at least 15 months of Performance Insights data. */
export const ADVANCED_INSIGHTS_MIN_RETENTION_DAYS = 465;

/** The `restore_to_point_in_time` block: the latest restorable time unless a time is given. */
export function pointInTimeRestoreBlock(
  restore: PointInTimeRestore | undefined,
): RdsClusterRestoreToPointInTime | undefined {
  if (restore === undefined) return undefined;
  return {
    sourceClusterIdentifier: restore.sourceClusterIdentifier,
    sourceClusterResourceId: restore.sourceClusterResourceId,
    restoreToTime: restore.restoreToTime,
    useLatestRestorableTime: restore.restoreToTime === undefined ? true : undefined,
    restoreType: restore.restoreType,
  };
}
