/**
 * The AWS side of the cluster against the real OpenTofu and hashicorp/aws 5.100 (the provider this
 * machine has; the bindings are 6.25): `tofu validate` + `plan` for every stage against moto, and a
 * full apply / second plan / destroy on moto for a dev cluster.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import * as fs from "fs";
import * as path from "path";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Connections } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, AuroraPostgresClusterProps, EnvironmentStage } from "../src";
import {
  ARGS,
  PlanJson,
  plannedCreates,
  synthAndPlan,
  synthToDir,
  TofuWorkdir,
} from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { TAGS } from "./cluster-helpers";

const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];

/** A VPC with three private subnets, an application security group and a role, in `scope`. */
function network(scope: Construct, appName = "orders-app") {
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

function clusterStack(
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

/**
 * The dev cluster of the apply test with the optional features that add resources. Not enhanced
 * monitoring: moto does not know the AWS managed policy AmazonRDSEnhancedMonitoringRole unless
 * started with MOTO_IAM_LOAD_MANAGED_POLICIES=true (the role is planned in the prod test).
 */
function appliedStack(props: Partial<AuroraPostgresClusterProps> = {}) {
  const { stack, cluster } = clusterStack("orders-apply", {
    encryptPostgresqlLogs: true,
    notificationEmails: ["dba@example.com"],
    ...props,
  });
  new TerraformOutput(stack, "psql", { value: cluster.psqlCommand });
  new TerraformOutput(stack, "secret", { value: cluster.masterUserSecretArn });
  new TerraformOutput(stack, "log_group", { value: cluster.postgresqlLogGroupName });
  return stack;
}

/** Replaces the configuration in `work` (keeping its state) with `stack`'s. */
function reconfigure(work: TofuWorkdir, stack: TerraformStack): void {
  fs.copyFileSync(path.join(synthToDir(stack), "cdk.tf.json"), path.join(work.dir, "cdk.tf.json"));
}

/** The error output of a plan that must fail, with OpenTofu's line wrapping and box drawing removed. */
function refusedPlan(work: TofuWorkdir): string {
  const r = work.run(ARGS.plan);
  expect(r.code).toBe(1);
  return r.stderr.replace(/[│╵╷]/g, " ").replace(/\s+/g, " ");
}

/** "address: actions" of every planned change that is not a no-op or a read. */
function plannedActions(plan: PlanJson): Record<string, string> {
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((c) => !["no-op", "read"].includes(c.change.actions.join(",")))
      .map((c) => [c.address, c.change.actions.join(",")]),
  );
}

/** The planned `after` values of `address`. */
function plannedAfter(plan: PlanJson, address: string): Record<string, unknown> {
  const change = (plan.resource_changes ?? []).find((c) => c.address === address);
  if (!change) throw new Error(`${address} is not in the plan`);
  return change.change.after as Record<string, unknown>;
}

/** moto rejects CancelRotateSecret on an RDS-managed secret; the secret goes with the cluster. */
function forgetRotationAndDestroy(work: TofuWorkdir): void {
  work.run(["state", "rm", "aws_secretsmanager_secret_rotation.Cluster_MasterPasswordRotation_3F504000"]);
  work.destroy();
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

/**
 * Fails unless `plan` changes nothing but what moto does not store or renders differently: DB
 * parameter group parameters, Performance Insights of an instance, a self-referencing rule's group
 * id ("<account>/sg-...") and description, and a scaling_configuration block it invents for
 * provisioned clusters.
 */
function expectOnlyMotoDrift(plan: PlanJson): void {
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

/**
 * A clone (copy-on-write, latest restorable time) of the applied "orders-apply" cluster, applied
 * and destroyed; the database name and master user come from the source.
 */
function cloneOnMoto(): void {
  const { stack, cluster } = clusterStack(
    "orders-clone",
    {
      restoreToPointInTime: { sourceClusterIdentifier: "orders-apply", restoreType: "copy-on-write" },
      alarms: false,
      eventSubscriptions: false,
    },
    "orders-clone-app",
  );
  new TerraformOutput(stack, "database", { value: cluster.databaseName });
  new TerraformOutput(stack, "user", { value: cluster.masterUsername });
  const work = new TofuWorkdir(synthToDir(stack), awsEnv());
  work.init();
  try {
    work.apply();
    const outputs = work.outputs();
    expect([outputs.database.value, outputs.user.value]).toEqual(["orders", "postgres"]);
    expect(work.stateList()).toContain("aws_rds_cluster.Cluster_EB0386A7");
  } finally {
    forgetRotationAndDestroy(work);
  }
  expect(work.stateList()).toEqual([]);
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
          databaseInsightsMode: "advanced",
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
          allow_major_version_upgrade: true,
          db_instance_parameter_group_name: "orders-prod-aurora-postgresql17-instance",
          database_insights_mode: "advanced",
          performance_insights_enabled: true,
          performance_insights_retention_period: 731,
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
        // GIVEN: the dev cluster of appliedStack, engine 16.8 (the default)
        const work = new TofuWorkdir(synthToDir(appliedStack()), awsEnv());
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

          // AND a second plan changes nothing but what moto does not store or renders differently
          expectOnlyMotoDrift(work.plan());

          // AND a copy-on-write clone of it restores its name and master user
          cloneOnMoto();

          // AND a downgrade is refused at plan time
          reconfigure(work, appliedStack({ engineVersion: "15.10" }));
          expect(refusedPlan(work)).toContain(
            "engineVersion 15.10 is a downgrade: cluster orders-apply runs 16.8, and RDS cannot lower a cluster's major version.",
          );

          // AND a change RDS cannot make in place (another database name) is refused at plan time
          // instead of replacing the cluster with an empty one
          reconfigure(work, appliedStack({ databaseName: "billing" }));
          expect(refusedPlan(work)).toContain(
            'databaseName would set database_name of cluster orders-apply to "billing", but the deployed cluster has orders: RDS cannot change it in place, so OpenTofu would replace the cluster, destroying it and its data.',
          );
          // AND with allowReplacement the same change plans the replacement
          reconfigure(work, appliedStack({ databaseName: "billing", allowReplacement: true }));
          expect(plannedActions(work.plan())["aws_rds_cluster.Cluster_EB0386A7"]).toMatch(/delete/);

          // WHEN the major changes 16 -> 17, one prop
          reconfigure(work, appliedStack({ engineVersion: "17.5" }));
          const upgrade = work.plan();
          // THEN the groups of the new family are created before the old ones go, the cluster is updated in
          // place with the flag and both new groups, and the instances follow; nothing else changes.
          const groups17 = {
            db_cluster_parameter_group_name: "orders-apply-aurora-postgresql17-cluster",
            db_instance_parameter_group_name: "orders-apply-aurora-postgresql17-instance",
          };
          // (moto's ingress-rule gap aside, see expectOnlyMotoDrift: those updates change nothing else)
          const ingress = "aws_vpc_security_group_ingress_rule:update";
          expect(
            driftedAttributes(upgrade)[ingress].filter(
              (a) => !["description", "referenced_security_group_id"].includes(a),
            ),
          ).toEqual([]);
          const actions = Object.entries(plannedActions(upgrade)).filter(
            ([address]) => !address.startsWith("aws_vpc_security_group_ingress_rule."),
          );
          expect(Object.fromEntries(actions)).toEqual({
            "aws_rds_cluster_parameter_group.Cluster_ClusterParameterGroup_1448B3AE": "create,delete",
            "aws_db_parameter_group.Cluster_InstanceParameterGroup_9034D21E": "create,delete",
            "aws_rds_cluster.Cluster_EB0386A7": "update",
            "aws_rds_cluster_instance.Cluster_Writer_B127F451": "update",
            "aws_db_event_subscription.Cluster_ParameterGroupEventSubscription_AA693B96": "update",
          });
          expect(plannedAfter(upgrade, "aws_rds_cluster.Cluster_EB0386A7")).toMatchObject({
            engine_version: "17.5",
            allow_major_version_upgrade: true,
            ...groups17,
          });
          expect(plannedAfter(upgrade, "aws_rds_cluster_instance.Cluster_Writer_B127F451")).toMatchObject({
            db_parameter_group_name: groups17.db_instance_parameter_group_name,
          });
          expect(
            plannedAfter(upgrade, "aws_rds_cluster_parameter_group.Cluster_ClusterParameterGroup_1448B3AE"),
          ).toMatchObject({ family: "aurora-postgresql17", name: groups17.db_cluster_parameter_group_name });

          // AND it applies on moto: the cluster runs 17.5, and a plan back to 15 is refused as a downgrade
          // (moto has no AddSourceIdentifierToSubscription / RemoveSourceIdentifierFromSubscription, so the
          // parameter-group subscription's switch to the new group is planned above, not applied; nor are the
          // ingress rules' moto-gap updates, which moto's ModifySecurityGroupRules rejects)
          const notOnMoto = [
            "aws_db_event_subscription.Cluster_ParameterGroupEventSubscription_AA693B96",
            ...Object.keys(plannedActions(upgrade)).filter((a) =>
              a.startsWith("aws_vpc_security_group_ingress_rule."),
            ),
          ];
          work.apply(notOnMoto.map((a) => `-exclude=${a}`));
          // (outputs are not re-evaluated under -exclude, so the state is read; the guard below reads moto)
          const upgraded = work.run([
            "state",
            "show",
            "-no-color",
            "aws_rds_cluster.Cluster_EB0386A7",
          ]).stdout;
          expect(upgraded).toMatch(/engine_version_actual\s+= "17\.5"/);
          reconfigure(work, appliedStack({ engineVersion: "15.10" }));
          expect(refusedPlan(work)).toContain(
            "engineVersion 15.10 is a downgrade: cluster orders-apply runs 17.5, and RDS cannot lower a cluster's major version. Fix: set engineVersion back to the deployed major",
          );
          reconfigure(work, appliedStack({ engineVersion: "17.5" }));
        } finally {
          forgetRotationAndDestroy(work);
        }
        // AND nothing is left
        expect(work.stateList()).toEqual([]);
      },
    );

    itWithAwsProvider("refuses a skipped major at plan time and plans the next major", () => {
      // GIVEN a 15.10 cluster "orders-skip", deployed by another configuration
      const seed = new MotoAwsStack(Testing.app(), "orders-skip-seed");
      new RdsCluster(seed, "Seed", {
        clusterIdentifier: "orders-skip",
        engine: "aurora-postgresql",
        engineVersion: "15.10",
        masterUsername: "postgres",
        manageMasterUserPassword: true,
        skipFinalSnapshot: true,
      });
      const seedWork = new TofuWorkdir(synthToDir(seed), awsEnv());
      seedWork.init();
      seedWork.apply();
      try {
        // WHEN the construct plans 17.5 for it (allowReplacement: the seed has the default subnet group and no
        // database, which the replacement guard would refuse as well; this test is about the version guard)
        const skipping = new TofuWorkdir(
          synthToDir(
            clusterStack("orders-skip", { engineVersion: "17.5", allowReplacement: true }, "orders-skip-app")
              .stack,
          ),
          awsEnv(),
        );
        skipping.init();
        // THEN
        expect(refusedPlan(skipping)).toContain(
          "engineVersion 17.5 skips a major version: cluster orders-skip runs 15.10. Upgrade one major at a time",
        );
        // AND without allowReplacement the replacement guard refuses it, naming the subnet group and the empty
        // database name (null) of the deployed cluster
        const guarded = new TofuWorkdir(
          synthToDir(clusterStack("orders-skip", { engineVersion: "16.8" }, "orders-skip-app").stack),
          awsEnv(),
        );
        guarded.init();
        const refusal = refusedPlan(guarded);
        expect(refusal).toContain(
          "vpc would set db_subnet_group_name of cluster orders-skip to orders-skip, but the deployed cluster has default",
        );
        expect(refusal).toContain(
          'databaseName would set database_name of cluster orders-skip to "orders", but the deployed cluster has (none)',
        );
        // AND 16.8, the next major, plans
        const { plan } = synthAndPlan(
          clusterStack("orders-skip", { engineVersion: "16.8", allowReplacement: true }, "orders-skip-app")
            .stack,
          awsEnv(),
        );
        expect(plannedAfter(plan, "aws_rds_cluster.Cluster_EB0386A7")).toMatchObject({
          engine_version: "16.8",
        });
      } finally {
        seedWork.destroy();
      }
    });
  });

  describe("Serverless v2, reader groups, auto scaling and custom endpoints", () => {
    const shapes: Partial<AuroraPostgresClusterProps> = {
      instanceClass: "db.serverless",
      serverlessV2Scaling: { minCapacity: 0.5, maxCapacity: 4 },
      writer: { availabilityZone: "us-east-1b", promotionTier: 0 },
      readerGroups: { analytics: { instanceClass: "db.r6g.large", promotionTier: 15 } },
      alarms: false,
      eventSubscriptions: false,
    };

    itWithAwsProvider("validates with hashicorp/aws 5.100 and plans every new resource", () => {
      // GIVEN
      const { stack } = clusterStack(
        "orders-shapes-plan",
        {
          ...shapes,
          readerAutoScaling: { minReaders: 1, maxReaders: 3, metric: "connections", targetValue: 200 },
          engineVersion: "16.3",
          serverlessV2Scaling: { minCapacity: 0, maxCapacity: 8, secondsUntilAutoPause: 900 },
          readerGroups: { analytics: { instanceClass: "db.serverless", promotionTier: 15, count: 2 } },
          customEndpoints: {
            analytics: { members: ["analytics"] },
            online: { excludedMembers: ["analytics"] },
          },
        },
        "orders-shapes-plan-app",
      );
      // WHEN
      const { plan } = synthAndPlan(stack, awsEnv());
      // THEN
      expect(
        plannedAfter(plan, "aws_rds_cluster.Cluster_EB0386A7").serverlessv2_scaling_configuration,
      ).toEqual([{ min_capacity: 0, max_capacity: 8, seconds_until_auto_pause: 900 }]);
      const instances = (plan.resource_changes ?? [])
        .filter((c) => c.type === "aws_rds_cluster_instance")
        .map((c) => c.change.after as Record<string, unknown>)
        .map((a) => [a.identifier, a.instance_class, a.availability_zone, a.promotion_tier]);
      expect(instances.sort()).toEqual([
        ["orders-shapes-plan-1", "db.serverless", "us-east-1b", 0],
        ["orders-shapes-plan-analytics-1", "db.serverless", "us-east-1c", 15],
        ["orders-shapes-plan-analytics-2", "db.serverless", "us-east-1a", 15],
      ]);
      expect(plannedCreates(plan, "aws_appautoscaling_target")).toHaveLength(1);
      expect(plannedCreates(plan, "aws_appautoscaling_policy")).toHaveLength(1);
      const endpoints = (plan.resource_changes ?? [])
        .filter((c) => c.type === "aws_rds_cluster_endpoint")
        .map((c) => c.change.after as Record<string, unknown>)
        .map((a) => [a.cluster_endpoint_identifier, a.custom_endpoint_type]);
      expect(endpoints.sort()).toEqual([
        ["orders-shapes-plan-analytics", "READER"],
        ["orders-shapes-plan-online", "READER"],
      ]);
    });

    itWithAwsProvider(
      "applies a serverless writer and a provisioned reader group on moto, and destroys",
      () => {
        // GIVEN the shapes moto can create. Planned above only: custom endpoints (moto has no
        // CreateDBClusterEndpoint) and reader auto scaling (moto registers the scalable target but answers
        // its ListTagsForResource with a 500, which the provider keeps retrying).
        const { stack, cluster } = clusterStack("orders-shapes", shapes, "orders-shapes-app");
        new TerraformOutput(stack, "instances", { value: cluster.instanceIdentifiers });
        const work = new TofuWorkdir(synthToDir(stack), awsEnv());
        work.init();
        try {
          // WHEN
          work.apply();
          // THEN
          const state = work.stateList();
          expect(state).toContain("aws_rds_cluster_instance.Cluster_Writer_B127F451");
          expect(state).toContain("aws_rds_cluster_instance.Cluster_Reader-analytics-1_801DE111");
          expect(work.outputs().instances.value).toEqual(["orders-shapes-1", "orders-shapes-analytics-1"]);
          // AND a second plan changes nothing but moto's known gaps
          expectOnlyMotoDrift(work.plan());
        } finally {
          forgetRotationAndDestroy(work);
        }
        expect(work.stateList()).toEqual([]);
      },
    );
  });
});
