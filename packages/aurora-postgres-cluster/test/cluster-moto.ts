/**
 * What the cluster's moto integration files share (cluster.integ.ts, cluster-lifecycle.integ.ts,
 * cluster-shapes.integ.ts): a network to put the cluster in, the cluster stack, and readers of
 * plans and refusals. Each file applies its own clusters, so Jest can run them on different workers
 * (each worker has its own moto).
 */
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import * as fs from "fs";
import * as path from "path";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Connections } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, AuroraPostgresClusterProps } from "../src";
import { ARGS, PlanJson, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import { MotoAwsStack } from "../../../test/helpers/aws";
import { TAGS } from "./cluster-helpers";

const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];

/** A VPC with three private subnets, an application security group and a role, in `scope`. */
export function network(scope: Construct, appName = "orders-app") {
  const vpc = new Vpc(scope, "Vpc", { cidrBlock: "10.0.0.0/16" });
  const subnets = AZS.map(
    (az, i) =>
      new Subnet(scope, `Private${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: az }),
  );
  const appSg = new SecurityGroup(scope, "AppSg", { vpcId: vpc.id, name: appName, description: "app" });
  const app = {
    connections: new Connections({ scope: new Construct(scope, "App"), securityGroupId: appSg.id }),
  };
  const role = new IamRole(scope, "AppRole", {
    name: appName,
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
  });
  return {
    vpc: {
      vpcId: vpc.id,
      vpcCidrBlock: vpc.cidrBlock,
      availabilityZones: AZS,
      publicSubnetIds: [],
      privateSubnetIds: subnets.map((s) => s.id),
    },
    app,
    role,
  };
}

export function clusterStack(
  id: string,
  props: Partial<AuroraPostgresClusterProps>,
  appName?: string,
): { stack: TerraformStack; cluster: AuroraPostgresCluster } {
  const stack = new MotoAwsStack(Testing.app(), id);
  const { vpc, app, role } = network(stack, appName);
  const cluster = new AuroraPostgresCluster(stack, "Cluster", {
    vpc,
    clusterIdentifier: id,
    databaseName: "orders",
    mandatoryTags: TAGS,
    allowConnectionsFrom: [app],
    ...props,
  });
  cluster.grantConnect(role.name, "app_user");
  return { stack, cluster };
}

/** Replaces the configuration in `work` (keeping its state) with `stack`'s. */
export function reconfigure(work: TofuWorkdir, stack: TerraformStack): void {
  fs.copyFileSync(path.join(synthToDir(stack), "cdk.tf.json"), path.join(work.dir, "cdk.tf.json"));
}

/** The error output of a plan that must fail, with OpenTofu's line wrapping and box drawing removed. */
export function refusedPlan(work: TofuWorkdir): string {
  const r = work.run(ARGS.plan);
  expect(r.code).toBe(1);
  return r.stderr.replace(/[│╵╷]/g, " ").replace(/\s+/g, " ");
}

/** "address: actions" of every planned change that is not a no-op or a read. */
export function plannedActions(plan: PlanJson): Record<string, string> {
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((c) => !["no-op", "read"].includes(c.change.actions.join(",")))
      .map((c) => [c.address, c.change.actions.join(",")]),
  );
}

/** The planned `after` values of `address`. */
export function plannedAfter(plan: PlanJson, address: string): Record<string, unknown> {
  const change = (plan.resource_changes ?? []).find((c) => c.address === address);
  if (!change) throw new Error(`${address} is not in the plan`);
  return change.change.after as Record<string, unknown>;
}

/** moto rejects CancelRotateSecret on an RDS-managed secret; the secret goes with the cluster. */
export function forgetRotationAndDestroy(work: TofuWorkdir): void {
  work.run(["state", "rm", "aws_secretsmanager_secret_rotation.Cluster_MasterPasswordRotation_3F504000"]);
  work.destroy();
}

/** Attributes whose planned value differs from the state, per updated resource address. */
export function driftedAttributes(plan: PlanJson): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rc of plan.resource_changes ?? []) {
    if (rc.change.actions.join(",") === "no-op" || rc.change.actions.join(",") === "read") continue;
    const change = rc.change as {
      actions: string[];
      before?: Record<string, unknown>;
      after?: Record<string, unknown>;
    };
    const before = change.before ?? {};
    const after = change.after ?? {};
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    out[`${rc.type}:${change.actions.join(",")}`] = [...keys]
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .sort();
  }
  return out;
}

/**
 * Fails unless `plan` changes nothing but what moto does not store or renders differently: DB
 * parameter group parameters, Performance Insights of an instance, a self-referencing rule's group
 * id ("<account>/sg-...") and description, and a scaling_configuration block it invents for
 * provisioned clusters.
 */
export function expectOnlyMotoDrift(plan: PlanJson): void {
  const allowed: Record<string, string[]> = {
    "aws_db_parameter_group:update": ["parameter"],
    "aws_rds_cluster_instance:update": [
      "performance_insights_enabled",
      "performance_insights_kms_key_id",
      "performance_insights_retention_period",
    ],
    "aws_vpc_security_group_ingress_rule:update": ["description", "referenced_security_group_id"],
    "aws_rds_cluster:update": ["scaling_configuration"],
  };
  for (const [resource, attributes] of Object.entries(driftedAttributes(plan))) {
    expect([resource, attributes.filter((a) => !(allowed[resource] ?? []).includes(a))]).toEqual([
      resource,
      [],
    ]);
  }
}
