import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput, Testing } from "cdktf";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { ValidationError } from "@aurora-cdktf/core";
import { AuroraPostgresCluster } from "../src";
import {
  minimalProps,
  onlyResource,
  parameterMap,
  resourcesOf,
  synthJson,
  testStack,
} from "./cluster-helpers";

describe("AuroraPostgresCluster", () => {
  describe("props", () => {
    test("every preset value of prod can be overridden", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({
          stage: "prod",
          readers: 0,
          backupRetentionDays: 10,
          monitoringIntervalSeconds: 0,
          autoMinorVersionUpgrade: true,
          performanceInsightsRetentionDays: 7,
          deletionProtection: false,
          finalSnapshot: false,
          postgresqlLogRetentionDays: 90,
        }),
      );
      // THEN
      expect(onlyResource(stack, "aws_cloudwatch_log_group").retention_in_days).toBe(90);
      expect(onlyResource(stack, "aws_rds_cluster")).toMatchObject({
        backup_retention_period: 10,
        deletion_protection: false,
        skip_final_snapshot: true,
      });
      expect(onlyResource(stack, "aws_rds_cluster_instance")).toMatchObject({
        monitoring_interval: 0,
        auto_minor_version_upgrade: true,
        performance_insights_retention_period: 7,
      });
      expect(resourcesOf(stack, "aws_iam_role")).toEqual({});
    });

    test("a dev cluster can have three readers, spread over the other AZs and wrapping around", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ readers: 3 }));
      // THEN
      const azs = Object.values(resourcesOf(stack, "aws_rds_cluster_instance"))
        .map((i) => [i.identifier, i.availability_zone])
        .sort();
      expect(azs).toEqual([
        ["orders-1", "us-east-1a"],
        ["orders-2", "us-east-1b"],
        ["orders-3", "us-east-1c"],
        ["orders-4", "us-east-1a"],
      ]);
    });

    test("APG-03/04/06: port, master user name and instance class are configurable", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ port: 6543, masterUsername: "dbadmin", instanceClass: "db.t4g.medium" }),
      );
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster")).toMatchObject({
        port: 6543,
        master_username: "dbadmin",
      });
      expect(onlyResource(stack, "aws_rds_cluster_instance").instance_class).toBe("db.t4g.medium");
    });

    test("APG-17/MOD-02: engine 17.x uses the aurora-postgresql17 family for both groups and their names", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ engineVersion: "17.5" }));
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster").engine_version).toBe("17.5");
      expect(onlyResource(stack, "aws_rds_cluster_parameter_group")).toMatchObject({
        family: "aurora-postgresql17",
        name: "orders-aurora-postgresql17-cluster",
        lifecycle: { create_before_destroy: true },
      });
      expect(onlyResource(stack, "aws_db_parameter_group")).toMatchObject({
        family: "aurora-postgresql17",
        name: "orders-aurora-postgresql17-instance",
      });
    });

    test.each([
      [false, "open-source-rds-extended-support-disabled"],
      [true, "open-source-rds-extended-support"],
    ])("MOD-03: extendedSupport %s sets engine_lifecycle_support %s", (extendedSupport, expected) => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ extendedSupport }));
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(RdsCluster, {
        engine_lifecycle_support: expected,
      });
    });

    test.each([
      [true, "aurora-iopt1"],
      [false, "aurora"],
    ])("MOD-16: ioOptimizedStorage %s sets storage_type %s", (ioOptimizedStorage, expected) => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ ioOptimizedStorage }));
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster").storage_type).toBe(expected);
    });

    test("CA, rotation interval, IAM authentication, egress and key deletion window are configurable", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({
          caCertificateIdentifier: "rds-ca-rsa4096-g1",
          masterPasswordRotationDays: 90,
          iamDatabaseAuthentication: false,
          allowAllOutbound: false,
          keyDeletionWindowDays: 7,
        }),
      );
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster_instance").ca_cert_identifier).toBe("rds-ca-rsa4096-g1");
      expect(onlyResource(stack, "aws_secretsmanager_secret_rotation").rotation_rules).toEqual({
        automatically_after_days: 90,
      });
      expect(onlyResource(stack, "aws_rds_cluster").iam_database_authentication_enabled).toBe(false);
      expect(resourcesOf(stack, "aws_vpc_security_group_egress_rule")).toEqual({});
      expect(onlyResource(stack, "aws_kms_key").deletion_window_in_days).toBe(7);
    });

    test("encryptPostgresqlLogs false leaves the log group to CloudWatch Logs' own encryption, and the key admits no CloudWatch Logs", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ encryptPostgresqlLogs: false }));
      // THEN
      expect(onlyResource(stack, "aws_cloudwatch_log_group")).not.toHaveProperty("kms_key_id");
      const doc = synthJson(stack).data?.aws_iam_policy_document?.Cluster_EncryptionKeyPolicy_540A7D02 as {
        statement: { sid: string }[];
      };
      expect(doc.statement.map((s) => s.sid)).not.toContain("AllowCloudWatchLogs");
    });

    test("encryptPostgresqlLogs encrypts the log group with the cluster key, which admits CloudWatch Logs for that group only", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ encryptPostgresqlLogs: true, postgresqlLogRetentionDays: 365 }),
      );
      // THEN
      expect(onlyResource(stack, "aws_cloudwatch_log_group")).toMatchObject({
        retention_in_days: 365,
        kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
      });
      const doc = synthJson(stack).data?.aws_iam_policy_document?.Cluster_EncryptionKeyPolicy_540A7D02 as {
        statement: {
          sid: string;
          principals: { identifiers: string[] }[];
          condition: { values: string[] }[];
        }[];
      };
      const logs = doc.statement.find((s) => s.sid === "AllowCloudWatchLogs");
      expect(logs?.principals[0].identifiers[0]).toMatch(/^logs\.\$\{data\.aws_region\.[^}]+\.name\}\./);
      expect(logs?.condition[0].values[0]).toMatch(/:log-group:\/aws\/rds\/cluster\/orders\/postgresql$/);
    });

    test("APG-25: each notification e-mail gets a subscription", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ notificationEmails: ["a@example.com", "b@example.org"] }),
      );
      // THEN
      const subs = Object.values(resourcesOf(stack, "aws_sns_topic_subscription"));
      expect(subs.map((s) => [s.protocol, s.endpoint])).toEqual([
        ["email", "a@example.com"],
        ["email", "b@example.org"],
      ]);
    });

    test("without alarms and event subscriptions there is no topic and the key admits no publisher", () => {
      // GIVEN / WHEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ alarms: false, eventSubscriptions: false }),
      );
      // THEN
      expect(resourcesOf(stack, "aws_sns_topic")).toEqual({});
      expect(resourcesOf(stack, "aws_cloudwatch_metric_alarm")).toEqual({});
      expect(resourcesOf(stack, "aws_db_event_subscription")).toEqual({});
      expect(JSON.stringify(synthJson(stack).data)).not.toContain("AllowNotificationPublishers");
      expect(cluster.notificationTopicArn).toBeUndefined();
    });

    test("alarms can be off while event subscriptions stay", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ alarms: false }));
      // THEN
      expect(resourcesOf(stack, "aws_cloudwatch_metric_alarm")).toEqual({});
      expect(Object.keys(resourcesOf(stack, "aws_db_event_subscription"))).toHaveLength(3);
    });

    test("extra tags go to every resource; mandatory tags still only to the cluster and instances", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ tags: { Team: "Data" } }));
      // THEN
      expect(onlyResource(stack, "aws_kms_key").tags).toEqual({ Team: "Data" });
      expect(onlyResource(stack, "aws_cloudwatch_log_group").tags).toEqual({ Team: "Data" });
      expect(onlyResource(stack, "aws_rds_cluster").tags).toMatchObject({
        Team: "Data",
        EnvironmentStage: "dev",
      });
    });

    test("backup and maintenance windows and apply-immediately reach the cluster and instances", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({
          preferredBackupWindow: "01:00-02:00",
          preferredMaintenanceWindow: "sat:03:00-sat:04:00",
          applyImmediately: true,
        }),
      );
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster")).toMatchObject({
        preferred_backup_window: "01:00-02:00",
        preferred_maintenance_window: "sat:03:00-sat:04:00",
        apply_immediately: true,
      });
      expect(onlyResource(stack, "aws_rds_cluster_instance")).toMatchObject({
        preferred_maintenance_window: "sat:03:00-sat:04:00",
        apply_immediately: true,
      });
    });
  });

  describe("restore from snapshot", () => {
    test("APG-52: restores the snapshot, keeps its name and master user, re-encrypts with the cluster key and manages the password", () => {
      // GIVEN / WHEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ snapshotIdentifier: "orders-2025-01-01" }),
      );
      // THEN
      const resource = onlyResource(stack, "aws_rds_cluster");
      expect(resource).toMatchObject({
        snapshot_identifier: "orders-2025-01-01",
        kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
        manage_master_user_password: true,
      });
      expect(resource).not.toHaveProperty("database_name");
      expect(resource).not.toHaveProperty("master_username");
      expect(resource).not.toHaveProperty("storage_encrypted");
      expect(onlyResource(stack, "aws_rds_cluster_instance").performance_insights_kms_key_id).toBe(
        "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
      );
      // the attributes come from the restored cluster
      new TerraformOutput(stack, "db", { value: cluster.databaseName });
      new TerraformOutput(stack, "user", { value: cluster.masterUsername });
      const outputs = (JSON.parse(Testing.synth(stack)) as { output: Record<string, { value: string }> })
        .output;
      expect(outputs.db.value).toBe("${aws_rds_cluster.Cluster_EB0386A7.database_name}");
      expect(outputs.user.value).toBe("${aws_rds_cluster.Cluster_EB0386A7.master_username}");
    });
  });

  describe("parameters", () => {
    test("user parameters override defaults and add new ones", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({
          clusterParameters: { "pgaudit.log": "all" },
          instanceParameters: { log_min_duration_statement: "250", "pg_stat_statements.track": "all" },
        }),
      );
      // THEN
      expect(parameterMap(onlyResource(stack, "aws_rds_cluster_parameter_group"))["pgaudit.log"]).toBe("all");
      const instance = parameterMap(onlyResource(stack, "aws_db_parameter_group"));
      expect(instance.log_min_duration_statement).toBe("250");
      expect(instance["pg_stat_statements.track"]).toBe("all");
      expect(instance.log_statement).toBe("ddl");
    });

    test("LIN-06: a parameter added after construction (lineage's log_statement = mod) is rendered in the instance group", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      // WHEN
      cluster.addInstanceParameter("log_statement", "mod", "stack/Lineage");
      cluster.addClusterParameter("pgaudit.log_level", "log", "stack/Audit");
      // THEN
      expect(parameterMap(onlyResource(stack, "aws_db_parameter_group")).log_statement).toBe("mod");
      expect(parameterMap(onlyResource(stack, "aws_rds_cluster_parameter_group"))["pgaudit.log_level"]).toBe(
        "log",
      );
      expect(Object.keys(resourcesOf(stack, "aws_db_parameter_group"))).toHaveLength(1);
    });

    test("the caller's apply method is kept, and static parameters default to pending-reboot", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      // WHEN
      cluster.addInstanceParameter("work_mem", "65536", "caller", "pending-reboot");
      cluster.addInstanceParameter("max_connections", "500", "caller");
      // THEN
      const blocks = onlyResource(stack, "aws_db_parameter_group").parameter as {
        name: string;
        apply_method: string;
      }[];
      const methods = Object.fromEntries(blocks.map((b) => [b.name, b.apply_method]));
      expect(methods.work_mem).toBe("pending-reboot");
      expect(methods.max_connections).toBe("pending-reboot");
    });

    test("the same value requested twice is accepted", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ instanceParameters: { log_statement: "mod" } }),
      );
      // WHEN
      cluster.addInstanceParameter("log_statement", "mod", "stack/Lineage");
      // THEN
      expect(parameterMap(onlyResource(stack, "aws_db_parameter_group")).log_statement).toBe("mod");
    });

    test("fails when a caller asks for another value than the user's, naming both", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ instanceParameters: { log_statement: "all" } }),
      );
      // WHEN
      const act = () => cluster.addInstanceParameter("log_statement", "mod", "test/Lineage");
      // THEN
      expect(act).toThrow(ValidationError);
      expect(act).toThrow(
        '[test/Cluster] instance parameter "log_statement" is set to "all" by test/Cluster props.instanceParameters, and test/Lineage asks for "mod".',
      );
    });

    test("fails when two callers ask for different values of a cluster parameter, naming both", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      cluster.addClusterParameter("pgaudit.log", "all", "test/AuditA");
      // WHEN
      const act = () => cluster.addClusterParameter("PGAUDIT.LOG", "ddl", "test/AuditB");
      // THEN
      expect(act).toThrow(
        /cluster parameter "PGAUDIT.LOG" is set to "all" by test\/AuditA, and test\/AuditB asks for "ddl"/,
      );
    });
  });
});
