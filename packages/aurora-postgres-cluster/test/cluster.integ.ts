/**
 * The AWS side of the cluster against the real OpenTofu and hashicorp/aws 5.100 (the provider this
 * machine has; the bindings are 6.25): `tofu validate` + `plan` for every stage against moto, and a
 * full apply / second plan / destroy on moto for a dev cluster.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Connections } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, AuroraPostgresClusterProps, EnvironmentStage } from "../src";
import { PlanJson, plannedCreates, synthAndPlan, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { TAGS } from "./cluster-helpers";

const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];

/** A VPC with three private subnets, an application security group and a role, in `scope`. */
function network(scope: Construct) {
  const vpc = new Vpc(scope, "Vpc", { cidrBlock: "10.0.0.0/16" });
  const subnets = AZS.map(
    (az, i) =>
      new Subnet(scope, `Private${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: az }),
  );
  const appSg = new SecurityGroup(scope, "AppSg", { vpcId: vpc.id, name: "orders-app", description: "app" });
  const app = {
    connections: new Connections({ scope: new Construct(scope, "App"), securityGroupId: appSg.id }),
  };
  const role = new IamRole(scope, "AppRole", {
    name: "orders-app",
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

function clusterStack(
  id: string,
  props: Partial<AuroraPostgresClusterProps>,
): { stack: TerraformStack; cluster: AuroraPostgresCluster } {
  const stack = new MotoAwsStack(Testing.app(), id);
  const { vpc, app, role } = network(stack);
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

/** Attributes whose planned value differs from the state, per updated resource address. */
function driftedAttributes(plan: PlanJson): Record<string, string[]> {
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

describe("AuroraPostgresCluster (OpenTofu + moto)", () => {
  describe.each<[EnvironmentStage, number]>([
    ["dev", 1],
    ["test", 1],
    ["pre-prod", 2],
  ])("%s stage", (stage, instances) => {
    itWithAwsProvider(`validates with hashicorp/aws 5.100 and plans ${instances} instance(s)`, () => {
      // GIVEN
      const { stack } = clusterStack(`orders-${stage}`, { stage });
      // WHEN
      const { plan } = synthAndPlan(stack, awsEnv());
      // THEN
      expect(plannedCreates(plan, "aws_rds_cluster")).toEqual(["aws_rds_cluster.Cluster_EB0386A7"]);
      expect(plannedCreates(plan, "aws_rds_cluster_instance")).toHaveLength(instances);
      expect(plannedCreates(plan, "aws_cloudwatch_metric_alarm")).toHaveLength(3 * instances);
      expect(plannedCreates(plan, "aws_iam_role")).toEqual(["aws_iam_role.AppRole"]);
      expect(plannedCreates(plan, "aws_secretsmanager_secret_rotation")).toHaveLength(1);
    });
  });

  describe("prod stage with every option", () => {
    itWithAwsProvider(
      "validates with hashicorp/aws 5.100 (engine_lifecycle_support, aurora-iopt1, ...) and plans",
      () => {
        // GIVEN
        const { stack, cluster } = clusterStack("orders-prod", {
          stage: "prod",
          engineVersion: "17.5",
          extendedSupport: false,
          ioOptimizedStorage: true,
          readers: 2,
          caCertificateIdentifier: "rds-ca-ecc384-g1",
          encryptPostgresqlLogs: true,
          notificationEmails: ["dba@example.com"],
          preferredBackupWindow: "02:00-03:00",
          preferredMaintenanceWindow: "sun:04:00-sun:05:00",
          tags: { Team: "Data" },
        });
        cluster.addInstanceParameter("log_statement", "mod", "lineage");
        // WHEN
        const { plan } = synthAndPlan(stack, awsEnv());
        // THEN
        const byAddress = Object.fromEntries(
          (plan.resource_changes ?? []).map((c) => [c.address, c.change.after]),
        );
        expect(byAddress["aws_rds_cluster.Cluster_EB0386A7"]).toMatchObject({
          engine_version: "17.5",
          engine_lifecycle_support: "open-source-rds-extended-support-disabled",
          storage_type: "aurora-iopt1",
          deletion_protection: true,
          skip_final_snapshot: false,
          final_snapshot_identifier: "orders-prod-final-snapshot",
          backup_retention_period: 35,
          manage_master_user_password: true,
        });
        expect(plannedCreates(plan, "aws_rds_cluster_instance")).toHaveLength(3);
        expect(plannedCreates(plan, "aws_iam_role")).toEqual([
          "aws_iam_role.AppRole",
          "aws_iam_role.Cluster_MonitoringRole_D0596223",
        ]);
        expect(plannedCreates(plan, "aws_db_event_subscription")).toHaveLength(3);
        expect(plannedCreates(plan, "aws_sns_topic_subscription")).toHaveLength(1);
      },
    );
  });

  describe("apply on moto", () => {
    itWithAwsProvider(
      "creates every resource, plans no change beyond moto's known gaps, and destroys to an empty state",
      () => {
        // GIVEN: a dev cluster with the optional features that add resources. Not enhanced monitoring:
        // moto does not know the AWS managed policy AmazonRDSEnhancedMonitoringRole unless started with
        // MOTO_IAM_LOAD_MANAGED_POLICIES=true (the role is planned in the prod test above).
        const { stack, cluster } = clusterStack("orders-apply", {
          encryptPostgresqlLogs: true,
          notificationEmails: ["dba@example.com"],
        });
        // moto answers rds-ca-default for a new instance, so the provider would modify the CA and reboot
        // (about 2.5 min of fixed waits); real AWS defaults to rds-ca-rsa2048-g1 (asserted in the unit tests).
        cluster.instances.forEach((i) => i.resetCaCertIdentifier());
        new TerraformOutput(stack, "psql", { value: cluster.psqlCommand });
        new TerraformOutput(stack, "secret", { value: cluster.masterUserSecretArn });
        new TerraformOutput(stack, "log_group", { value: cluster.postgresqlLogGroupName });
        const work = new TofuWorkdir(synthToDir(stack), awsEnv());
        work.init();
        work.validate();
        try {
          // WHEN
          work.apply();
          // THEN every resource is in the state
          const state = work.stateList();
          for (const address of [
            "aws_rds_cluster.Cluster_EB0386A7",
            "aws_rds_cluster_instance.Cluster_Writer_B127F451",
            "aws_secretsmanager_secret_rotation.Cluster_MasterPasswordRotation_3F504000",
            "aws_cloudwatch_log_group.Cluster_PostgresqlLogGroup_1AC29B48",
            "aws_sns_topic_policy.Cluster_NotificationTopicPolicy_8F4B1902",
            "aws_db_event_subscription.Cluster_ParameterGroupEventSubscription_AA693B96",
          ]) {
            expect(state).toContain(address);
          }
          expect(
            state.filter((a) => a.startsWith("aws_iam_role_policy.Cluster_ConnectGrant-app_user")),
          ).toHaveLength(1);
          expect(state.filter((a) => a.startsWith("aws_vpc_security_group_ingress_rule."))).toHaveLength(2);
          const outputs = work.outputs();
          expect(outputs.psql.value).toMatch(
            /^psql --host=orders-apply\.cluster-[^ ]+ --port=5432 --username=postgres --dbname=orders$/,
          );
          expect(outputs.secret.value).toMatch(/^arn:aws:secretsmanager:us-east-1:\d+:secret:rds!cluster-/);
          expect(outputs.log_group.value).toBe("/aws/rds/cluster/orders-apply/postgresql");

          // AND a second plan changes nothing but what moto does not store or renders differently:
          // DB parameter group parameters, Performance Insights of an instance, a self-referencing
          // rule's group id ("<account>/sg-...") and description, and a scaling_configuration block it
          // invents for provisioned clusters.
          const second = work.plan();
          const drift = driftedAttributes(second);
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
          for (const [resource, attributes] of Object.entries(drift)) {
            expect([resource, attributes.filter((a) => !(allowed[resource] ?? []).includes(a))]).toEqual([
              resource,
              [],
            ]);
          }
        } finally {
          // moto rejects CancelRotateSecret on an RDS-managed secret ("doesn't already have a Lambda function
          // ARN"); the secret goes with the cluster, so the rotation is only forgotten here.
          work.run([
            "state",
            "rm",
            "aws_secretsmanager_secret_rotation.Cluster_MasterPasswordRotation_3F504000",
          ]);
          work.destroy();
        }
        // AND nothing is left
        expect(work.stateList()).toEqual([]);
      },
    );
  });
});
