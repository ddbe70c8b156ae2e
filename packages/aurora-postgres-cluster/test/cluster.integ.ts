/**
 * The AWS side of the cluster against the real OpenTofu and hashicorp/aws 5.100 (the provider this
 * machine has; the bindings are 6.25): `tofu validate` + `plan` for every stage against moto, and a
 * full apply / second plan / clone / refused plans / major upgrade / destroy on moto for a dev
 * cluster. The skipped-major refusal is in cluster-lifecycle.integ.ts, the instance shapes in
 * cluster-shapes.integ.ts (separate files, so that Jest runs them beside this one).
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput } from "cdktf";
import { AuroraPostgresClusterProps, EnvironmentStage } from "../src";
import { plannedCreates, synthAndPlan, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider } from "../../../test/helpers/aws";
import {
  clusterStack,
  driftedAttributes,
  expectOnlyMotoDrift,
  forgetRotationAndDestroy,
  plannedActions,
  plannedAfter,
  reconfigure,
  refusedPlan,
} from "./cluster-moto";

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
  });
});
