import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput, Testing } from "cdktf";
import { ValidationError } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, AuroraPostgresClusterProps, EnvironmentStage, ReaderGroup } from "../src";
import { minimalProps, onlyResource, resourcesOf, testStack, VPC } from "./cluster-helpers";
import { thrownBy } from "../../../test/helpers/unit";

type Resource = Record<string, unknown>;

function synthesize(overrides: Partial<AuroraPostgresClusterProps>) {
  const stack = testStack();
  const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps(overrides));
  return { stack, cluster, instances: resourcesOf(stack, "aws_rds_cluster_instance") };
}

/** Instances by construct-id label ("Writer", "Reader1", "Reader-analytics-1"), without the hash. */
function byLabel(instances: Record<string, Resource>): Record<string, Resource> {
  return Object.fromEntries(
    Object.entries(instances).map(([key, value]) => [key.replace(/^Cluster_(.*)_[0-9A-F]{8}$/, "$1"), value]),
  );
}

const SERVERLESS = { minCapacity: 0.5, maxCapacity: 8 };
const ANALYTICS: ReaderGroup = { count: 2, instanceClass: "db.r6g.2xlarge", promotionTier: 15 };

describe("AuroraPostgresCluster shapes", () => {
  describe("Aurora Serverless v2", () => {
    test("db.serverless instances with the cluster's capacity range", () => {
      // GIVEN / WHEN
      const { stack, instances } = synthesize({
        instanceClass: "db.serverless",
        readers: 1,
        serverlessV2Scaling: { minCapacity: 1, maxCapacity: 64.5 },
      });
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster").serverlessv2_scaling_configuration).toEqual({
        min_capacity: 1,
        max_capacity: 64.5,
      });
      expect(Object.values(instances).map((i) => i.instance_class)).toEqual([
        "db.serverless",
        "db.serverless",
      ]);
    });

    test("0 ACUs (auto-pause) with the idle time, on an engine that supports it", () => {
      // GIVEN / WHEN
      const { stack } = synthesize({
        engineVersion: "16.3",
        instanceClass: "db.serverless",
        serverlessV2Scaling: { minCapacity: 0, maxCapacity: 4, secondsUntilAutoPause: 3600 },
      });
      // THEN
      expect(onlyResource(stack, "aws_rds_cluster").serverlessv2_scaling_configuration).toEqual({
        min_capacity: 0,
        max_capacity: 4,
        seconds_until_auto_pause: 3600,
      });
    });

    test("mixed: a provisioned writer and reader, and a serverless reader group that can pause on its own", () => {
      // GIVEN / WHEN
      const { instances } = synthesize({
        engineVersion: "17.5",
        readers: 1,
        serverlessV2Scaling: { minCapacity: 0, maxCapacity: 16 },
        readerGroups: { burst: { instanceClass: "db.serverless", promotionTier: 2 } },
      });
      // THEN
      const labels = byLabel(instances);
      expect(labels.Writer.instance_class).toBe("db.r6g.large");
      expect(labels.Reader1.instance_class).toBe("db.r6g.large");
      expect(labels["Reader-burst-1"]).toMatchObject({ instance_class: "db.serverless", promotion_tier: 2 });
    });

    test.each<EnvironmentStage>(["dev", "test", "pre-prod", "prod"])(
      "is usable in the %s preset, whose instance settings still apply",
      (stage) => {
        // GIVEN / WHEN
        const { stack, instances } = synthesize({
          stage,
          instanceClass: "db.serverless",
          serverlessV2Scaling: SERVERLESS,
        });
        // THEN
        expect(onlyResource(stack, "aws_rds_cluster").serverlessv2_scaling_configuration).toEqual({
          min_capacity: 0.5,
          max_capacity: 8,
        });
        for (const instance of Object.values(instances)) {
          expect(instance.instance_class).toBe("db.serverless");
          expect(instance.monitoring_interval).toBe(stage === "prod" ? 1 : 0);
          expect(instance.performance_insights_retention_period).toBe(stage === "prod" ? 731 : 7);
        }
        expect(Object.keys(instances)).toHaveLength(stage === "pre-prod" || stage === "prod" ? 2 : 1);
      },
    );

    test("without it the cluster has no serverless block", () => {
      expect(onlyResource(synthesize({}).stack, "aws_rds_cluster")).not.toHaveProperty(
        "serverlessv2_scaling_configuration",
      );
    });
  });

  describe("per-instance settings and reader groups", () => {
    test("the writer's own class, AZ, promotion tier, Performance Insights and monitoring", () => {
      // GIVEN / WHEN
      const { stack, instances } = synthesize({
        readers: 2,
        writer: {
          instanceClass: "db.r7g.xlarge",
          availabilityZone: "us-east-1b",
          promotionTier: 0,
          performanceInsights: false,
          monitoringIntervalSeconds: 15,
        },
      });
      // THEN the writer has its settings, and the readers follow the AZs after the writer's
      const labels = byLabel(instances);
      expect(labels.Writer).toMatchObject({
        identifier: "orders-1",
        instance_class: "db.r7g.xlarge",
        availability_zone: "us-east-1b",
        promotion_tier: 0,
        performance_insights_enabled: false,
        monitoring_interval: 15,
        monitoring_role_arn: "${aws_iam_role.Cluster_MonitoringRole_D0596223.arn}",
      });
      expect(labels.Writer).not.toHaveProperty("performance_insights_kms_key_id");
      expect(labels.Writer).not.toHaveProperty("performance_insights_retention_period");
      expect(labels.Reader1).toMatchObject({
        identifier: "orders-2",
        instance_class: "db.r6g.large",
        availability_zone: "us-east-1c",
        performance_insights_enabled: true,
        monitoring_interval: 0,
      });
      expect(labels.Reader1).not.toHaveProperty("monitoring_role_arn");
      expect(labels.Reader1).not.toHaveProperty("promotion_tier");
      expect(labels.Reader2.availability_zone).toBe("us-east-1a");
      // AND the monitoring role exists because one instance uses it
      expect(Object.keys(resourcesOf(stack, "aws_iam_role"))).toEqual(["Cluster_MonitoringRole_D0596223"]);
    });

    test("a reader group: its readers, identifiers, settings and AZs", () => {
      // GIVEN / WHEN
      const { cluster, instances } = synthesize({
        stage: "prod",
        readerGroups: {
          analytics: { ...ANALYTICS, performanceInsightsRetentionDays: 93, monitoringIntervalSeconds: 60 },
          reporting: { availabilityZones: ["us-east-1c"], count: 2 },
        },
      });
      // THEN
      const labels = byLabel(instances);
      expect(Object.keys(labels).sort()).toEqual([
        "Reader-analytics-1",
        "Reader-analytics-2",
        "Reader-reporting-1",
        "Reader-reporting-2",
        "Reader1",
        "Writer",
      ]);
      expect(labels["Reader-analytics-1"]).toMatchObject({
        identifier: "orders-analytics-1",
        instance_class: "db.r6g.2xlarge",
        promotion_tier: 15,
        availability_zone: "us-east-1b",
        performance_insights_retention_period: 93,
        monitoring_interval: 60,
        depends_on: expect.arrayContaining(["aws_rds_cluster_instance.Cluster_Writer_B127F451"]),
      });
      expect(labels["Reader-analytics-2"]).toMatchObject({
        identifier: "orders-analytics-2",
        availability_zone: "us-east-1c",
      });
      expect(labels["Reader-reporting-1"]).toMatchObject({
        instance_class: "db.r6g.large",
        availability_zone: "us-east-1c",
        performance_insights_retention_period: 731,
        monitoring_interval: 1,
      });
      expect(labels["Reader-reporting-2"].availability_zone).toBe("us-east-1c");
      expect(cluster.instanceIdentifiers).toEqual([
        "orders-1",
        "orders-2",
        "orders-analytics-1",
        "orders-analytics-2",
        "orders-reporting-1",
        "orders-reporting-2",
      ]);
    });

    test("adding or removing a group, or a group's last reader, leaves every other instance as it was", () => {
      // GIVEN
      const before = byLabel(
        synthesize({ stage: "prod", readerGroups: { analytics: ANALYTICS, reporting: {} } }).instances,
      );
      // WHEN analytics goes, reporting grows and a new group comes
      const after = byLabel(
        synthesize({ stage: "prod", readerGroups: { reporting: { count: 2 }, batch: {} } }).instances,
      );
      // THEN the instances both have are identical (same address, same settings)
      for (const label of ["Writer", "Reader1", "Reader-reporting-1"]) {
        expect(after[label]).toEqual(before[label]);
      }
      expect(Object.keys(after).sort()).toEqual([
        "Reader-batch-1",
        "Reader-reporting-1",
        "Reader-reporting-2",
        "Reader1",
        "Writer",
      ]);
    });

    test("group readers get the per-instance alarms and join the instance event subscription", () => {
      // GIVEN / WHEN
      const { stack } = synthesize({ readerGroups: { analytics: { count: 1 } } });
      // THEN
      const alarms = Object.values(resourcesOf(stack, "aws_cloudwatch_metric_alarm"));
      expect(
        alarms.filter(
          (a) => (a.dimensions as Record<string, string>).DBInstanceIdentifier === "orders-analytics-1",
        ),
      ).toHaveLength(3);
      const instanceEvents = Object.values(resourcesOf(stack, "aws_db_event_subscription")).find(
        (s) => s.source_type === "db-instance",
      );
      expect(instanceEvents?.source_ids).toContain(
        "${aws_rds_cluster_instance.Cluster_Reader-analytics-1_801DE111.id}",
      );
    });
  });

  describe("read-replica auto scaling", () => {
    test("an Application Auto Scaling target on the reader count and a CPU target-tracking policy", () => {
      // GIVEN / WHEN
      const { stack, cluster } = synthesize({
        stage: "prod",
        readerAutoScaling: { minReaders: 1, maxReaders: 5, targetValue: 60 },
      });
      // THEN
      expect(onlyResource(stack, "aws_appautoscaling_target")).toEqual({
        service_namespace: "rds",
        scalable_dimension: "rds:cluster:ReadReplicaCount",
        resource_id: "cluster:${aws_rds_cluster.Cluster_EB0386A7.cluster_identifier}",
        min_capacity: 1,
        max_capacity: 5,
        depends_on: [
          "aws_rds_cluster_instance.Cluster_Writer_B127F451",
          "aws_rds_cluster_instance.Cluster_Reader1_3AB9D4D2",
        ],
      });
      expect(onlyResource(stack, "aws_appautoscaling_policy")).toMatchObject({
        name: "orders-readers-cpu",
        policy_type: "TargetTrackingScaling",
        service_namespace:
          "${aws_appautoscaling_target.Cluster_ReaderAutoScalingTarget_F2ECD1D5.service_namespace}",
        resource_id: "${aws_appautoscaling_target.Cluster_ReaderAutoScalingTarget_F2ECD1D5.resource_id}",
        target_tracking_scaling_policy_configuration: {
          predefined_metric_specification: { predefined_metric_type: "RDSReaderAverageCPUUtilization" },
          target_value: 60,
          scale_in_cooldown: 300,
          scale_out_cooldown: 300,
          disable_scale_in: false,
        },
      });
      expect(cluster.readerAutoScalingTarget).toBeDefined();
    });

    test("on connections, with cool-downs and scale-in off", () => {
      // GIVEN / WHEN
      const { stack } = synthesize({
        readers: 1,
        readerAutoScaling: {
          minReaders: 1,
          maxReaders: 3,
          metric: "connections",
          targetValue: 500,
          scaleInCooldownSeconds: 900,
          scaleOutCooldownSeconds: 60,
          disableScaleIn: true,
        },
      });
      // THEN
      expect(onlyResource(stack, "aws_appautoscaling_policy")).toMatchObject({
        name: "orders-readers-connections",
        target_tracking_scaling_policy_configuration: {
          predefined_metric_specification: { predefined_metric_type: "RDSReaderAverageDatabaseConnections" },
          target_value: 500,
          scale_in_cooldown: 900,
          scale_out_cooldown: 60,
          disable_scale_in: true,
        },
      });
    });

    test("none without the prop", () => {
      const { stack, cluster } = synthesize({ stage: "prod" });
      expect(resourcesOf(stack, "aws_appautoscaling_target")).toEqual({});
      expect(resourcesOf(stack, "aws_appautoscaling_policy")).toEqual({});
      expect(cluster.readerAutoScalingTarget).toBeUndefined();
    });
  });

  describe("custom endpoints", () => {
    test("a static analytics endpoint on a group, and an exclusion-list endpoint", () => {
      // GIVEN / WHEN
      const { stack, cluster } = synthesize({
        stage: "prod",
        readerGroups: { analytics: ANALYTICS },
        customEndpoints: {
          analytics: { members: ["analytics"] },
          online: { type: "ANY", excludedMembers: ["analytics"] },
        },
      });
      // THEN
      const endpoints = resourcesOf(stack, "aws_rds_cluster_endpoint");
      const analytics = Object.values(endpoints).find(
        (e) => e.cluster_endpoint_identifier === "orders-analytics",
      );
      expect(analytics).toMatchObject({
        cluster_identifier: "${aws_rds_cluster.Cluster_EB0386A7.id}",
        custom_endpoint_type: "READER",
        static_members: [
          "${aws_rds_cluster_instance.Cluster_Reader-analytics-1_801DE111.identifier}",
          "${aws_rds_cluster_instance.Cluster_Reader-analytics-2_196DFDC1.identifier}",
        ],
      });
      expect(analytics).not.toHaveProperty("excluded_members");
      const online = Object.values(endpoints).find((e) => e.cluster_endpoint_identifier === "orders-online");
      expect(online).toMatchObject({
        custom_endpoint_type: "ANY",
        excluded_members: [
          "${aws_rds_cluster_instance.Cluster_Reader-analytics-1_801DE111.identifier}",
          "${aws_rds_cluster_instance.Cluster_Reader-analytics-2_196DFDC1.identifier}",
        ],
      });
      expect(online).not.toHaveProperty("static_members");
      expect(Object.keys(cluster.customEndpoints)).toEqual(["analytics", "online"]);
      new TerraformOutput(stack, "analytics", { value: cluster.customEndpoints.analytics });
      expect(JSON.parse(Testing.synth(stack)).output.analytics.value).toMatch(
        /^\$\{aws_rds_cluster_endpoint\.Cluster_Endpoint-analytics_[0-9A-F]{8}\.endpoint\}$/,
      );
    });

    test("the writer and the numbered readers by name; no list is every instance of the type", () => {
      // GIVEN / WHEN
      const { stack } = synthesize({
        readers: 2,
        customEndpoints: { failover: { type: "ANY", members: ["writer", "readers"] }, all: {} },
      });
      // THEN
      const endpoints = Object.values(resourcesOf(stack, "aws_rds_cluster_endpoint"));
      expect(
        endpoints.find((e) => e.cluster_endpoint_identifier === "orders-failover")?.static_members,
      ).toEqual([
        "${aws_rds_cluster_instance.Cluster_Writer_B127F451.identifier}",
        "${aws_rds_cluster_instance.Cluster_Reader1_3AB9D4D2.identifier}",
        "${aws_rds_cluster_instance.Cluster_Reader2_F8BB9F0F.identifier}",
      ]);
      const all = endpoints.find((e) => e.cluster_endpoint_identifier === "orders-all");
      expect(all).toMatchObject({ custom_endpoint_type: "READER" });
      expect(all).not.toHaveProperty("static_members");
      expect(all).not.toHaveProperty("excluded_members");
    });
  });

  describe("validation", () => {
    type Case = [string, Partial<AuroraPostgresClusterProps>, string];
    const serverless = (scaling: Partial<AuroraPostgresClusterProps["serverlessV2Scaling"]>) => ({
      instanceClass: "db.serverless",
      engineVersion: "16.8",
      serverlessV2Scaling: { ...SERVERLESS, ...scaling },
    });
    const CASES: Case[] = [
      [
        "a capacity range without any db.serverless instance",
        { serverlessV2Scaling: SERVERLESS },
        'serverlessV2Scaling is set, but no instance is db.serverless: the capacity range would do nothing. Fix: set instanceClass (or writer/readerGroups instanceClass) to "db.serverless", or remove serverlessV2Scaling.',
      ],
      [
        "a db.serverless reader group without a capacity range",
        { readerGroups: { burst: { instanceClass: "db.serverless" } } },
        "instance Reader-burst-1 is db.serverless, but serverlessV2Scaling is not set",
      ],
      [
        "a minimum capacity off the 0.5 steps",
        serverless({ minCapacity: 0.7 }),
        "serverlessV2Scaling.minCapacity must be 0-256 ACUs in steps of 0.5, got 0.7.",
      ],
      [
        "a negative minimum capacity",
        serverless({ minCapacity: -1 }),
        "serverlessV2Scaling.minCapacity must be 0-256 ACUs in steps of 0.5, got -1.",
      ],
      [
        "a maximum capacity below 1",
        serverless({ minCapacity: 0.5, maxCapacity: 0.5 }),
        "serverlessV2Scaling.maxCapacity must be 1-256 ACUs in steps of 0.5, got 0.5.",
      ],
      [
        "a maximum capacity above 256",
        serverless({ maxCapacity: 256.5 }),
        "serverlessV2Scaling.maxCapacity must be 1-256 ACUs in steps of 0.5, got 256.5.",
      ],
      [
        "a maximum below the minimum",
        serverless({ minCapacity: 16, maxCapacity: 8 }),
        "serverlessV2Scaling.maxCapacity (8) is below minCapacity (16). Fix: raise maxCapacity or lower minCapacity.",
      ],
      [
        "0 ACUs on 16.2 (auto-pause came with 16.3)",
        { ...serverless({ minCapacity: 0 }), engineVersion: "16.2" },
        'serverlessV2Scaling.minCapacity 0 (auto-pause) needs Aurora PostgreSQL 15.7, 16.3 or 17 or later, got engineVersion "16.2". Fix: raise engineVersion, or set minCapacity to 0.5 or more.',
      ],
      [
        "0 ACUs on 15.6 (auto-pause came with 15.7)",
        { ...serverless({ minCapacity: 0 }), engineVersion: "15.6" },
        "serverlessV2Scaling.minCapacity 0 (auto-pause) needs Aurora PostgreSQL 15.7",
      ],
      [
        "an auto-pause delay under 5 minutes",
        serverless({ minCapacity: 0, secondsUntilAutoPause: 299 }),
        "serverlessV2Scaling.secondsUntilAutoPause must be an integer between 300 and 86400, got 299.",
      ],
      [
        "an auto-pause delay over a day",
        serverless({ minCapacity: 0, secondsUntilAutoPause: 86401 }),
        "serverlessV2Scaling.secondsUntilAutoPause must be an integer between 300 and 86400, got 86401.",
      ],
      [
        "an auto-pause delay without 0 ACUs",
        serverless({ secondsUntilAutoPause: 600 }),
        "serverlessV2Scaling.secondsUntilAutoPause is set, but minCapacity is 0.5: instances only pause with minCapacity 0. Fix: set minCapacity: 0, or remove secondsUntilAutoPause.",
      ],
      [
        "0 ACUs in a mixed cluster where no serverless instance could pause",
        {
          engineVersion: "16.8",
          serverlessV2Scaling: { minCapacity: 0, maxCapacity: 8 },
          readerGroups: { burst: { instanceClass: "db.serverless", promotionTier: 1 } },
        },
        "serverlessV2Scaling.minCapacity is 0 (auto-pause), but the cluster also has provisioned instances, so its db.serverless writer never pauses, nor do db.serverless readers in promotion tiers 0 and 1: no instance could ever pause.",
      ],
      [
        "a reader group's own Performance Insights retention with Database Insights",
        {
          databaseInsightsMode: "advanced",
          readerGroups: { analytics: { performanceInsightsRetentionDays: 731 } },
        },
        "databaseInsightsMode is set, so every instance needs the cluster's Performance Insights (on, 465 days) and monitoring interval (0 s), but Reader-analytics-1 set their own.",
      ],
      [
        "a writer class outside the list",
        { writer: { instanceClass: "db.m5.large" } },
        'writer.instanceClass must be db.serverless, db.t3|t4g.medium|large or db.r5|r6g|r6i|r7g|r7i|r8g|x2g.<large|xlarge|Nxlarge> (APG-06), got "db.m5.large".',
      ],
      [
        "a promotion tier above 15",
        { writer: { promotionTier: 16 } },
        "writer.promotionTier must be an integer between 0 and 15, got 16. (0 is promoted first.)",
      ],
      [
        "a writer AZ the VPC does not have",
        { writer: { availabilityZone: "us-east-1d" } },
        'writer.availabilityZone "us-east-1d" is not an AZ of the VPC ("us-east-1a", "us-east-1b", "us-east-1c"): the DB subnet group has no subnet there. Fix: use one of the VPC\'s AZs.',
      ],
      [
        "a group's monitoring interval RDS refuses",
        { readerGroups: { analytics: { monitoringIntervalSeconds: 2 } } },
        "readerGroups.analytics.monitoringIntervalSeconds must be one of 0, 1, 5, 10, 15, 30, 60, got 2.",
      ],
      [
        "a group's Performance Insights retention RDS refuses",
        { readerGroups: { analytics: { performanceInsightsRetentionDays: 30 } } },
        "readerGroups.analytics.performanceInsightsRetentionDays must be one of 7, 31,",
      ],
      [
        "a retention with Performance Insights off",
        { readerGroups: { analytics: { performanceInsights: false, performanceInsightsRetentionDays: 7 } } },
        "readerGroups.analytics.performanceInsightsRetentionDays is set, but readerGroups.analytics.performanceInsights is false: nothing would be retained. Fix: remove one of them.",
      ],
      [
        "a group name with a hyphen",
        { readerGroups: { "read-only": {} } },
        'readerGroups key must be 1-30 lowercase letters and digits, starting with a letter (it goes into construct ids and instance identifiers), got "read-only".',
      ],
      [
        "the reserved group name readers",
        { readerGroups: { readers: {} } },
        'readerGroups key "readers" is reserved: custom endpoints name the writer "writer" and the numbered readers "readers". Fix: choose another name, e.g. "analytics".',
      ],
      [
        "a group of 0 readers",
        { readerGroups: { analytics: { count: 0 } } },
        "readerGroups.analytics.count must be an integer between 1 and 15, got 0. Remove the group instead of setting 0.",
      ],
      [
        "more than 15 readers with the groups",
        { readers: 10, readerGroups: { analytics: { count: 6 } } },
        "readers (10) and readerGroups (6) add up to 16 readers; Aurora allows at most 15 per cluster. Fix: remove readers or groups.",
      ],
      [
        "a reader identifier over 63 characters",
        { clusterIdentifier: "o".repeat(50), readerGroups: { analyticsreaders: {} } },
        `readerGroups.analyticsreaders: the identifier of its last reader, "${"o".repeat(50)}-analyticsreaders-1", is longer than RDS's 63 characters. Fix: use a shorter group name or clusterIdentifier.`,
      ],
      [
        "an empty AZ list",
        { readerGroups: { analytics: { availabilityZones: [] } } },
        "readerGroups.analytics.availabilityZones is empty. Fix: list at least one AZ, or leave it out to spread the readers over the AZs after the writer's.",
      ],
      [
        "a group AZ the VPC does not have",
        { readerGroups: { analytics: { availabilityZones: ["us-east-1a", "eu-west-1a"] } } },
        'readerGroups.analytics.availabilityZones ["eu-west-1a"] are not AZs of the VPC',
      ],
      [
        "reader groups in a single-AZ VPC",
        { vpc: { ...VPC, availabilityZones: ["us-east-1a"] }, readerGroups: { analytics: {} } },
        "readerGroups need a VPC with at least two availability zones (readers go to another AZ than the writer), got 1. Use a multi-AZ VPC.",
      ],
      [
        "auto scaling with a maximum below the minimum",
        { readers: 1, readerAutoScaling: { minReaders: 3, maxReaders: 2, targetValue: 50 } },
        "readerAutoScaling.maxReaders (2) is below minReaders (3).",
      ],
      [
        "auto scaling to more than 15 readers",
        { readers: 1, readerAutoScaling: { minReaders: 1, maxReaders: 16, targetValue: 50 } },
        "readerAutoScaling.maxReaders must be an integer between 1 and 15, got 16.",
      ],
      [
        "a CPU target above 100 %",
        { readers: 1, readerAutoScaling: { minReaders: 1, maxReaders: 3, targetValue: 120 } },
        "readerAutoScaling.targetValue must be a CPU percentage above 0 and at most 100, got 120.",
      ],
      [
        "a connections target of 0",
        {
          readers: 1,
          readerAutoScaling: { minReaders: 1, maxReaders: 3, metric: "connections", targetValue: 0 },
        },
        "readerAutoScaling.targetValue must be a connection count above 0, got 0.",
      ],
      [
        "a cool-down that is not a whole number of seconds",
        {
          readers: 1,
          readerAutoScaling: { minReaders: 1, maxReaders: 3, targetValue: 50, scaleInCooldownSeconds: 1.5 },
        },
        "readerAutoScaling.scaleInCooldownSeconds must be an integer between 0 and 86400, got 1.5.",
      ],
      [
        "an unknown metric",
        {
          readers: 1,
          readerAutoScaling: { minReaders: 1, maxReaders: 3, targetValue: 50, metric: "memory" as never },
        },
        'readerAutoScaling.metric must be one of "cpu", "connections", got "memory".',
      ],
      [
        "auto scaling without a reader and a minimum of 0",
        { readerAutoScaling: { minReaders: 0, maxReaders: 3, targetValue: 50 } },
        "readerAutoScaling tracks the readers' average CPU, but the cluster has no reader and minReaders is 0: without a reader there is no metric, so no reader would ever be added.",
      ],
      [
        "auto scaling below Terraform's readers",
        { readers: 3, readerAutoScaling: { minReaders: 1, maxReaders: 2, targetValue: 50 } },
        "readerAutoScaling.maxReaders (2) is below the 3 readers Terraform manages, which auto scaling never removes. Fix: raise maxReaders to at least 3.",
      ],
      [
        "an endpoint name with an underscore",
        { readers: 1, customEndpoints: { read_only: {} } },
        'customEndpoints key must be 1-30 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen, got "read_only".',
      ],
      [
        "an endpoint identifier over 63 characters",
        { clusterIdentifier: "o".repeat(55), readers: 1, customEndpoints: { analytics: {} } },
        `customEndpoints.analytics: its identifier "${"o".repeat(55)}-analytics" is longer than RDS's 63 characters. Fix: use a shorter name.`,
      ],
      [
        "an unknown endpoint type",
        { readers: 1, customEndpoints: { analytics: { type: "WRITER" as never } } },
        'customEndpoints.analytics.type must be one of "READER", "ANY", got "WRITER".',
      ],
      [
        "members and excluded members together",
        { readers: 2, customEndpoints: { analytics: { members: ["readers"], excludedMembers: ["writer"] } } },
        "customEndpoints.analytics sets both members and excludedMembers; an endpoint has either a static list or an exclusion list. Fix: keep one of them.",
      ],
      [
        "a member that is no instance",
        { readers: 1, customEndpoints: { analytics: { members: ["analytics"] } } },
        'customEndpoints.analytics.members names ["analytics"], which are not instances of this cluster; members are "writer", "readers". Fix: use those names.',
      ],
      [
        "an empty member list",
        { readers: 1, customEndpoints: { analytics: { members: [] } } },
        "customEndpoints.analytics.members is empty. Fix: name at least one member, or leave members out.",
      ],
      [
        "a member listed twice",
        { readers: 1, customEndpoints: { analytics: { type: "ANY", members: ["readers", "readers"] } } },
        'customEndpoints.analytics.members lists ["readers"] more than once.',
      ],
      [
        "a READER endpoint on the writer only",
        { readers: 1, customEndpoints: { primary: { members: ["writer"] } } },
        'customEndpoints.primary would route to no instance: a READER endpoint routes to readers only, and its members name no reader. Fix: name a reader group or "readers", or use type "ANY".',
      ],
      [
        "a READER endpoint excluding every reader",
        { readers: 1, customEndpoints: { none: { excludedMembers: ["readers"] } } },
        "customEndpoints.none would route to no instance: a READER endpoint routes to readers only, and its instances left after excludedMembers hold no reader and no auto scaling adds readers.",
      ],
    ];

    test.each(CASES)("fails on %s", (_name, overrides, message) => {
      // (each case breaks exactly one rule, so the message is the only one)
      // GIVEN
      const props = minimalProps(overrides);
      // WHEN
      const error = thrownBy(() => new AuroraPostgresCluster(testStack(), "Cluster", props));
      // THEN
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toContain(`[test/Cluster] invalid props: ${message}`);
    });

    test.each<[string, Partial<AuroraPostgresClusterProps>]>([
      ["0 ACUs on 15.7", { ...serverless({ minCapacity: 0 }), engineVersion: "15.7" }],
      ["0 ACUs on 16.3", { ...serverless({ minCapacity: 0 }), engineVersion: "16.3" }],
      [
        "0 ACUs on 17.4",
        { ...serverless({ minCapacity: 0, secondsUntilAutoPause: 86400 }), engineVersion: "17.4" },
      ],
      ["256 ACUs", serverless({ minCapacity: 128, maxCapacity: 256 })],
      [
        "a reader group of another class with Database Insights",
        {
          databaseInsightsMode: "advanced",
          readerGroups: { analytics: { instanceClass: "db.r6g.xlarge", promotionTier: 15 } },
        },
      ],
      [
        "auto scaling from no reader with a minimum of 1",
        { readerAutoScaling: { minReaders: 1, maxReaders: 2, targetValue: 1 } },
      ],
      [
        "auto scaling that only keeps Terraform's readers",
        { readers: 2, readerAutoScaling: { minReaders: 2, maxReaders: 2, targetValue: 100 } },
      ],
      [
        "an exclusion list with auto scaling adding readers",
        {
          readers: 1,
          readerAutoScaling: { minReaders: 1, maxReaders: 4, targetValue: 40 },
          customEndpoints: { added: { excludedMembers: ["readers"] } },
        },
      ],
      [
        "a READER endpoint on the writer instance among readers",
        { readers: 1, customEndpoints: { stable: { members: ["writer", "readers"] } } },
      ],
    ])("accepts %s", (_name, overrides) => {
      expect(() => new AuroraPostgresCluster(testStack(), "Cluster", minimalProps(overrides))).not.toThrow();
    });
  });
});
