import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Vpc3Az } from "@aurora-cdktf/vpc-3az";
import { logicalIdOf } from "../../../test/helpers/unit";
import { AuroraPostgresCluster } from "../src";
import {
  minimalProps,
  onlyResource,
  parameterMap,
  resourcesOf,
  synthJson,
  testStack,
  VPC,
} from "./cluster-helpers";

/** A dev cluster with the smallest valid props. */
function defaultCluster() {
  const stack = testStack();
  const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
  return { stack, cluster, synth: Testing.synth(stack) };
}

const MANDATORY_TAGS = {
  EnvironmentStage: "dev",
  Application: "Orders App",
  ApplicationVersion: "1.0.0",
  ProjectCostCenter: "CC42",
  ServiceOwnersEmailContact: "owners@example.com",
  Confidentiality: "confidential",
  Compliance: "none",
};

describe("AuroraPostgresCluster", () => {
  describe("defaults", () => {
    test("APG-26: the DB subnet group spans the VPC's private subnets", () => {
      // GIVEN / WHEN
      const { synth } = defaultCluster();
      // THEN
      expect(synth).toHaveResourceWithProperties(DbSubnetGroup, {
        name: "orders",
        subnet_ids: ["subnet-priv-a", "subnet-priv-b", "subnet-priv-c"],
      });
    });

    test("APG-26: with a VPC's database tier, the cluster uses its DB subnet group and makes none", () => {
      // GIVEN a Vpc3Az with the isolated tier, and an imported VPC that names its group
      const stack = testStack();
      const vpc = new Vpc3Az(stack, "Vpc", { databaseSubnets: true });
      const imported = { ...VPC, databaseSubnetGroupName: "shared-database" };
      // WHEN
      new AuroraPostgresCluster(stack, "Cluster", minimalProps({ vpc }));
      new AuroraPostgresCluster(stack, "Other", minimalProps({ vpc: imported, clusterIdentifier: "other" }));
      // THEN the only subnet group is the VPC's, and each cluster and instance names its VPC's group
      const group = logicalIdOf(vpc, "DatabaseSubnetGroup");
      expect(Object.keys(resourcesOf(stack, "aws_db_subnet_group"))).toEqual([group]);
      const names = (type: string) =>
        Object.values(resourcesOf(stack, type)).map((r) => String(r.db_subnet_group_name));
      const vpcGroup = `\${aws_db_subnet_group.${group}.name}`;
      expect(names("aws_rds_cluster").sort()).toEqual([vpcGroup, "shared-database"].sort());
      expect(names("aws_rds_cluster_instance").sort()).toEqual([vpcGroup, "shared-database"].sort());
    });

    test("APG-27: the security group admits only itself (all protocols) and keeps the default egress", () => {
      // GIVEN / WHEN
      const { stack, synth } = defaultCluster();
      // THEN
      const ingress = Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule"));
      expect(ingress).toEqual([
        {
          description: "Self Reference",
          ip_protocol: "-1",
          referenced_security_group_id: "${aws_security_group.Cluster_SecurityGroup_466DBA58.id}",
          security_group_id: "${aws_security_group.Cluster_SecurityGroup_466DBA58.id}",
        },
      ]);
      expect(synth).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
        ip_protocol: "-1",
        cidr_ipv4: "0.0.0.0/0",
      });
      expect(onlyResource(stack, "aws_security_group")).toMatchObject({
        vpc_id: "vpc-0123456789abcdef0",
        tags: { Name: "orders-AuroraClusterSecurityGroup" },
      });
    });

    test("APG-28/54: the cluster parameter group forces TLS, preloads pgaudit and pg_stat_statements, audits DDL and roles, and logs DDL and slow statements like the instance group", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      const group = onlyResource(stack, "aws_rds_cluster_parameter_group");
      expect(group.family).toBe("aurora-postgresql16");
      expect(parameterMap(group)).toEqual({
        "rds.force_ssl": "1",
        shared_preload_libraries: "auto_explain,pg_stat_statements,pg_hint_plan,pgaudit",
        "pgaudit.log": "ddl,role",
        "pgaudit.log_catalog": "0",
        "pgaudit.log_parameter": "0",
        log_statement: "ddl",
        log_min_duration_statement: "5000",
      });
      const instance = parameterMap(onlyResource(stack, "aws_db_parameter_group"));
      expect([instance.log_statement, instance.log_min_duration_statement]).toEqual(["ddl", "5000"]);
    });

    test("APG-29: the instance parameter group holds every reference setting", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      const group = onlyResource(stack, "aws_db_parameter_group");
      expect(group.family).toBe("aurora-postgresql16");
      expect(parameterMap(group)).toEqual({
        shared_preload_libraries: "auto_explain,pg_stat_statements,pg_hint_plan,pgaudit",
        log_statement: "ddl",
        log_connections: "1",
        log_disconnections: "1",
        log_lock_waits: "1",
        log_min_duration_statement: "5000",
        "auto_explain.log_min_duration": "5000",
        "auto_explain.log_verbose": "1",
        log_rotation_age: "1440",
        log_rotation_size: "102400",
        "rds.log_retention_period": "10080",
        random_page_cost: "1",
        track_activity_query_size: "16384",
        idle_in_transaction_session_timeout: "7200000",
        statement_timeout: "7200000",
        search_path: '"$user",public',
      });
    });

    test("static parameters are applied at the next reboot, dynamic ones immediately", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      const blocks = onlyResource(stack, "aws_db_parameter_group").parameter as {
        name: string;
        apply_method: string;
      }[];
      const methods = Object.fromEntries(blocks.map((b) => [b.name, b.apply_method]));
      expect(methods.shared_preload_libraries).toBe("pending-reboot");
      expect(methods.track_activity_query_size).toBe("pending-reboot");
      expect(methods.log_statement).toBe("immediate");
    });

    test("APG-30/MOD-14: a customer-managed key with rotation, usable by the account only through RDS and Secrets Manager", () => {
      // GIVEN / WHEN
      const { stack, synth } = defaultCluster();
      // THEN
      expect(synth).toHaveResourceWithProperties(KmsKey, {
        enable_key_rotation: true,
        deletion_window_in_days: 30,
        policy: "${data.aws_iam_policy_document.Cluster_EncryptionKeyPolicy_540A7D02.json}",
      });
      const doc = synthJson(stack).data?.aws_iam_policy_document?.Cluster_EncryptionKeyPolicy_540A7D02 as {
        statement: {
          sid: string;
          actions: string[];
          principals: { identifiers: string[] }[];
          condition?: unknown[];
        }[];
      };
      const bySid = Object.fromEntries(doc.statement.map((s) => [s.sid, s]));
      expect(bySid.EnableRootAccountPermissions.actions).toEqual(["kms:*"]);
      expect(bySid.EnableRootAccountPermissions.principals[0].identifiers[0]).toMatch(
        /:iam::\$\{.*account_id\}:root$/,
      );
      expect(bySid.AllowUseViaRds.principals[0].identifiers).toEqual(["*"]);
      expect(bySid.AllowUseViaRds.actions).toEqual([
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:CreateGrant",
        "kms:ListGrants",
        "kms:DescribeKey",
      ]);
      expect(JSON.stringify(bySid.AllowUseViaRds.condition)).toMatch(
        /kms:CallerAccount.*kms:ViaService|kms:ViaService.*kms:CallerAccount/s,
      );
      expect(JSON.stringify(bySid.AllowUseViaRds.condition)).toContain('"rds.${data.aws_region');
      expect(JSON.stringify(bySid.AllowUseViaSecretsManager.condition)).toContain(
        '"secretsmanager.${data.aws_region',
      );
      // the postgresql log group is encrypted by default: CloudWatch Logs for that group only
      expect(bySid.AllowCloudWatchLogs.principals[0].identifiers[0]).toMatch(/^logs\.\$\{data\.aws_region\./);
      expect(bySid.AllowCloudWatchLogs.condition).toEqual([
        expect.objectContaining({
          test: "ArnEquals",
          variable: "kms:EncryptionContext:aws:logs:arn",
          values: [expect.stringMatching(/:log-group:\/aws\/rds\/cluster\/orders\/postgresql$/)],
        }),
      ]);
      // notification publishers only on behalf of this account (confused-deputy guard)
      expect(bySid.AllowNotificationPublishers.principals[0].identifiers).toEqual([
        "cloudwatch.amazonaws.com",
        "events.rds.amazonaws.com",
      ]);
      expect(bySid.AllowNotificationPublishers.condition).toEqual([
        {
          test: "StringEquals",
          variable: "aws:SourceAccount",
          values: ["${data.aws_caller_identity.Cluster_CallerIdentity_1D4636C0.account_id}"],
        },
      ]);
    });

    test("APG-31: the key alias is alias/<clusterIdentifier>", () => {
      // GIVEN / WHEN
      const { synth } = defaultCluster();
      // THEN
      expect(synth).toHaveResourceWithProperties(KmsAlias, { name: "alias/orders" });
    });

    test("APG-38/MOD-01/MOD-15: the cluster is encrypted, IAM-authenticated, RDS-managed and exports its log", () => {
      // GIVEN / WHEN
      const { synth } = defaultCluster();
      // THEN
      expect(synth).toHaveResourceWithProperties(RdsCluster, {
        cluster_identifier: "orders",
        engine: "aurora-postgresql",
        engine_version: "16.8",
        port: 5432,
        database_name: "orders",
        master_username: "postgres",
        manage_master_user_password: true,
        master_user_secret_kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
        storage_encrypted: true,
        kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
        iam_database_authentication_enabled: true,
        copy_tags_to_snapshot: true,
        enabled_cloudwatch_logs_exports: ["postgresql"],
        backup_retention_period: 7,
        deletion_protection: false,
        skip_final_snapshot: true,
        db_subnet_group_name: "${aws_db_subnet_group.Cluster_SubnetGroup_AA68648A.name}",
        vpc_security_group_ids: ["${aws_security_group.Cluster_SecurityGroup_466DBA58.id}"],
        db_cluster_parameter_group_name:
          "${aws_rds_cluster_parameter_group.Cluster_ClusterParameterGroup_1448B3AE.name}",
      });
    });

    test("APG-38: no password, engine lifecycle choice or storage type is rendered by default", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      const cluster = onlyResource(stack, "aws_rds_cluster");
      expect(cluster).not.toHaveProperty("master_password");
      expect(cluster).not.toHaveProperty("engine_lifecycle_support");
      expect(cluster).not.toHaveProperty("storage_type");
      expect(cluster).not.toHaveProperty("final_snapshot_identifier");
    });

    test("APG-39/MOD-06: the writer is private, copies tags, has Performance Insights with the key and the rsa2048 CA", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      const writer = onlyResource(stack, "aws_rds_cluster_instance");
      expect(writer).toMatchObject({
        identifier: "orders-1",
        cluster_identifier: "${aws_rds_cluster.Cluster_EB0386A7.id}",
        engine: "${aws_rds_cluster.Cluster_EB0386A7.engine}",
        instance_class: "db.r6g.large",
        publicly_accessible: false,
        copy_tags_to_snapshot: true,
        performance_insights_enabled: true,
        performance_insights_kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
        ca_cert_identifier: "rds-ca-rsa2048-g1",
        db_parameter_group_name: "${aws_db_parameter_group.Cluster_InstanceParameterGroup_9034D21E.name}",
        availability_zone: "us-east-1a",
      });
      // the engine version is left to the cluster, so an upgrade never replaces the instance
      expect(writer).not.toHaveProperty("engine_version");
    });

    test("APG-41: the seven mandatory tags go to the cluster and its instances only", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster").tags).toEqual(MANDATORY_TAGS);
      expect(onlyResource(stack, "aws_rds_cluster_instance").tags).toEqual(MANDATORY_TAGS);
      expect(onlyResource(stack, "aws_kms_key")).not.toHaveProperty("tags");
      expect(onlyResource(stack, "aws_sns_topic")).not.toHaveProperty("tags");
      expect(onlyResource(stack, "aws_security_group").tags).toEqual({
        Name: "orders-AuroraClusterSecurityGroup",
      });
    });

    test("APG-25: the notification topic is encrypted with the cluster key and has no subscription unless asked", () => {
      // GIVEN / WHEN
      const { stack, synth } = defaultCluster();
      // THEN
      expect(synth).toHaveResourceWithProperties(SnsTopic, {
        name: "orders-notifications",
        kms_master_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
      });
      expect(resourcesOf(stack, "aws_sns_topic_subscription")).toEqual({});
      expect(onlyResource(stack, "aws_sns_topic_policy")).toBeDefined();
    });

    test("APG-42..44: each instance has the reference's three alarms", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      const alarms = Object.values(resourcesOf(stack, "aws_cloudwatch_metric_alarm"));
      const common = {
        namespace: "AWS/RDS",
        dimensions: { DBInstanceIdentifier: "orders-1" },
        period: 60,
        evaluation_periods: 5,
        treat_missing_data: "notBreaching",
        actions_enabled: true,
        alarm_actions: ["${aws_sns_topic.Cluster_NotificationTopic_66E687B5.arn}"],
      };
      expect(alarms).toHaveLength(3);
      expect(alarms).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ...common,
            metric_name: "CPUUtilization",
            statistic: "Maximum",
            comparison_operator: "GreaterThanOrEqualToThreshold",
            threshold: 80,
            unit: "Percent",
          }),
          expect.objectContaining({
            ...common,
            metric_name: "MaximumUsedTransactionIDs",
            statistic: "Average",
            comparison_operator: "GreaterThanOrEqualToThreshold",
            threshold: 600000000,
            unit: "Count",
          }),
          expect.objectContaining({
            ...common,
            metric_name: "FreeLocalStorage",
            statistic: "Average",
            comparison_operator: "LessThanOrEqualToThreshold",
            threshold: 5368709120,
            unit: "Bytes",
          }),
        ]),
      );
    });

    test("APG-45..47: RDS events of the cluster, the instances and the instance parameter group go to the topic", () => {
      // GIVEN / WHEN
      const { stack } = defaultCluster();
      // THEN
      const subs = Object.values(resourcesOf(stack, "aws_db_event_subscription"));
      const byType = Object.fromEntries(subs.map((s) => [s.source_type as string, s]));
      expect(Object.keys(byType).sort()).toEqual(["db-cluster", "db-instance", "db-parameter-group"]);
      expect(byType["db-cluster"]).toMatchObject({
        source_ids: ["${aws_rds_cluster.Cluster_EB0386A7.id}"],
        event_categories: ["failover", "failure", "notification"],
        sns_topic: "${aws_sns_topic.Cluster_NotificationTopic_66E687B5.arn}",
      });
      expect(byType["db-instance"]).toMatchObject({
        source_ids: ["${aws_rds_cluster_instance.Cluster_Writer_B127F451.id}"],
        event_categories: [
          "availability",
          "configuration change",
          "deletion",
          "failover",
          "failure",
          "maintenance",
          "notification",
          "recovery",
        ],
      });
      expect(byType["db-parameter-group"]).toMatchObject({
        source_ids: ["${aws_db_parameter_group.Cluster_InstanceParameterGroup_9034D21E.name}"],
        event_categories: ["configuration change"],
      });
    });

    test("APG-37/MOD-01: the RDS-managed secret rotates every 30 days without a Lambda", () => {
      // GIVEN / WHEN
      const { stack, synth } = defaultCluster();
      // THEN
      expect(synth).toHaveResourceWithProperties(SecretsmanagerSecretRotation, {
        secret_id: "${aws_rds_cluster.Cluster_EB0386A7.master_user_secret[0].secret_arn}",
        rotate_immediately: false,
        rotation_rules: { automatically_after_days: 30 },
      });
      expect(onlyResource(stack, "aws_secretsmanager_secret_rotation")).not.toHaveProperty(
        "rotation_lambda_arn",
      );
      expect(resourcesOf(stack, "aws_lambda_function")).toEqual({});
      expect(JSON.stringify(synthJson(stack))).not.toMatch(/IAMFullAccess/);
    });

    test("LIN-07/08: the postgresql log group is created before the cluster, with 30 days of retention (dev), encrypted with the cluster key", () => {
      // GIVEN / WHEN
      const { stack, synth } = defaultCluster();
      // THEN
      expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: "/aws/rds/cluster/orders/postgresql",
        retention_in_days: 30,
      });
      expect(onlyResource(stack, "aws_cloudwatch_log_group").kms_key_id).toBe(
        "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
      );
      expect(onlyResource(stack, "aws_rds_cluster").depends_on).toEqual([
        "aws_cloudwatch_log_group.Cluster_PostgresqlLogGroup_1AC29B48",
      ]);
    });

    test("no ingress rule besides the self-reference is created without peers", () => {
      // GIVEN / WHEN
      const { synth } = defaultCluster();
      // THEN
      expect(synth).not.toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { ip_protocol: "tcp" });
    });
  });
});
