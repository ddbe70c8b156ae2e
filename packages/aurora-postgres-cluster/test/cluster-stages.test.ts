import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { Connections, Peer } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, EnvironmentStage, STAGE_PRESETS } from "../src";
import { minimalProps, onlyResource, resourcesOf, testStack, VPC } from "./cluster-helpers";

/** The reference's environment matrix (APG-19..23) plus MOD-15, written out independently of the code. */
const MATRIX: [EnvironmentStage, number, number, number, boolean, number, boolean, number][] = [
  // stage, instances, backup days, monitoring s, auto minor upgrade, PI days, prod protections, log days
  ["dev", 1, 7, 0, true, 7, false, 30],
  ["test", 1, 7, 0, true, 7, false, 30],
  ["pre-prod", 2, 7, 0, true, 7, false, 30],
  ["prod", 2, 35, 1, false, 731, true, 365],
];

describe("AuroraPostgresCluster", () => {
  describe("stages", () => {
    test.each(MATRIX)(
      "%s: %i instance(s), %i backup days, monitoring %i s, auto minor upgrade %s, PI %i days, protections %s, log retention %i days",
      (stage, instances, backup, monitoring, autoMinor, piDays, protections, logDays) => {
        // GIVEN / WHEN
        const stack = testStack();
        new AuroraPostgresCluster(stack, "Cluster", minimalProps({ stage }));
        // THEN
        const cluster = onlyResource(stack, "aws_rds_cluster");
        expect(cluster.backup_retention_period).toBe(backup);
        expect(cluster.deletion_protection).toBe(protections);
        expect(cluster.skip_final_snapshot).toBe(!protections);
        expect(cluster.final_snapshot_identifier).toBe(protections ? "orders-final-snapshot" : undefined);
        expect((cluster.tags as Record<string, string>).EnvironmentStage).toBe(stage);
        const all = Object.values(resourcesOf(stack, "aws_rds_cluster_instance"));
        expect(all).toHaveLength(instances);
        for (const instance of all) {
          expect(instance.monitoring_interval).toBe(monitoring);
          expect(instance.auto_minor_version_upgrade).toBe(autoMinor);
          expect(instance.performance_insights_retention_period).toBe(piDays);
        }
        expect(onlyResource(stack, "aws_cloudwatch_log_group").retention_in_days).toBe(logDays);
      },
    );

    test("the exported presets match the reference matrix", () => {
      // GIVEN / WHEN / THEN
      for (const [stage, instances, backup, monitoring, autoMinor, piDays, protections, logDays] of MATRIX) {
        expect(STAGE_PRESETS[stage]).toEqual({
          readers: instances - 1,
          backupRetentionDays: backup,
          monitoringIntervalSeconds: monitoring,
          autoMinorVersionUpgrade: autoMinor,
          performanceInsightsRetentionDays: piDays,
          deletionProtection: protections,
          finalSnapshot: protections,
          postgresqlLogRetentionDays: logDays,
        });
      }
    });

    test("APG-24: prod gets the enhanced-monitoring role, and the instances wait for its policy", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ stage: "prod" }));
      // THEN
      const role = onlyResource(stack, "aws_iam_role");
      expect(JSON.parse(role.assume_role_policy as string)).toEqual({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "monitoring.rds.amazonaws.com" },
            Action: "sts:AssumeRole",
          },
        ],
      });
      expect(onlyResource(stack, "aws_iam_role_policy_attachment").policy_arn).toMatch(
        /^arn:\$\{data\.aws_partition\.[^}]+\.partition\}:iam::aws:policy\/service-role\/AmazonRDSEnhancedMonitoringRole$/,
      );
      for (const instance of Object.values(resourcesOf(stack, "aws_rds_cluster_instance"))) {
        expect(instance.monitoring_role_arn).toBe("${aws_iam_role.Cluster_MonitoringRole_D0596223.arn}");
        expect(instance.depends_on).toContain(
          "aws_iam_role_policy_attachment.Cluster_MonitoringRolePolicy_3C9BE3A6",
        );
      }
    });

    test.each<EnvironmentStage>(["dev", "test", "pre-prod"])("APG-24: %s has no monitoring role", (stage) => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ stage }));
      // THEN
      expect(resourcesOf(stack, "aws_iam_role")).toEqual({});
      expect(resourcesOf(stack, "aws_iam_role_policy_attachment")).toEqual({});
      for (const instance of Object.values(resourcesOf(stack, "aws_rds_cluster_instance"))) {
        expect(instance).not.toHaveProperty("monitoring_role_arn");
      }
    });

    test("APG-19/40: the replica is in another AZ than the writer and depends on it", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ stage: "pre-prod" }));
      // THEN
      const instances = resourcesOf(stack, "aws_rds_cluster_instance");
      expect(instances.Cluster_Writer_B127F451).toMatchObject({
        identifier: "orders-1",
        availability_zone: "us-east-1a",
      });
      expect(instances.Cluster_Reader1_3AB9D4D2).toMatchObject({
        identifier: "orders-2",
        availability_zone: "us-east-1b",
        depends_on: ["aws_rds_cluster_instance.Cluster_Writer_B127F451"],
      });
    });

    test("APG-42..47: the reader gets its own alarms and joins the instance event subscription", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ stage: "prod" }));
      // THEN
      const alarms = Object.values(resourcesOf(stack, "aws_cloudwatch_metric_alarm"));
      expect(alarms).toHaveLength(6);
      expect(
        alarms.filter((a) => (a.dimensions as Record<string, string>).DBInstanceIdentifier === "orders-2"),
      ).toHaveLength(3);
      const instanceEvents = Object.values(resourcesOf(stack, "aws_db_event_subscription")).find(
        (s) => s.source_type === "db-instance",
      );
      expect(instanceEvents?.source_ids).toEqual([
        "${aws_rds_cluster_instance.Cluster_Writer_B127F451.id}",
        "${aws_rds_cluster_instance.Cluster_Reader1_3AB9D4D2.id}",
      ]);
    });
  });

  describe("snapshots", () => {
    test.each<EnvironmentStage>(["dev", "test", "pre-prod", "prod"])(
      "%s stage with minimal props",
      (stage) => {
        // GIVEN / WHEN
        const stack = testStack();
        new AuroraPostgresCluster(stack, "Cluster", minimalProps({ stage }));
        // THEN
        expect(Testing.synth(stack)).toMatchSnapshot();
      },
    );

    test("prod with every option", () => {
      // GIVEN
      const stack = testStack();
      const bastion = new Connections({
        scope: new Construct(stack, "Bastion"),
        securityGroupId: "sg-bastion",
      });
      // WHEN
      const cluster = new AuroraPostgresCluster(stack, "Cluster", {
        vpc: VPC,
        clusterIdentifier: "orders-prod",
        databaseName: "orders",
        stage: "prod",
        masterUsername: "dbadmin",
        port: 5433,
        engineVersion: "17.5",
        extendedSupport: false,
        instanceClass: "db.r7g.xlarge",
        readers: 2,
        backupRetentionDays: 30,
        monitoringIntervalSeconds: 5,
        autoMinorVersionUpgrade: true,
        performanceInsightsRetentionDays: 93,
        deletionProtection: true,
        finalSnapshot: true,
        finalSnapshotIdentifier: "orders-prod-last",
        ioOptimizedStorage: true,
        caCertificateIdentifier: "rds-ca-ecc384-g1",
        masterPasswordRotationDays: 14,
        iamDatabaseAuthentication: true,
        allowConnectionsFrom: [bastion, Peer.securityGroupId("sg-app", "AppServers")],
        allowAllOutbound: false,
        clusterParameters: { "pgaudit.log": "ddl,role,write" },
        instanceParameters: { log_min_duration_statement: "1000", "pg_stat_statements.track": "all" },
        postgresqlLogRetentionDays: 365,
        encryptPostgresqlLogs: true,
        notificationEmails: ["dba@example.com", "oncall@example.com"],
        preferredBackupWindow: "02:00-03:00",
        preferredMaintenanceWindow: "sun:04:00-sun:05:00",
        applyImmediately: false,
        keyDeletionWindowDays: 14,
        tags: { Team: "Data" },
        mandatoryTags: {
          application: "Orders App",
          applicationVersion: "2.3.1",
          projectCostCenter: "CC42",
          serviceOwnersEmailContact: "owners@example.com",
          confidentiality: "pii/phi",
          compliance: "hipaa",
        },
      });
      cluster.addInstanceParameter("log_statement", "mod", "lineage logging");
      cluster.grantConnect("orders-app", "app_user");
      // THEN
      expect(Testing.synth(stack)).toMatchSnapshot();
    });
  });
});
