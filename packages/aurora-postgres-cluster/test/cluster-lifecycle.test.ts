/**
 * Life-cycle props: major version upgrades (flag, instance group on the cluster, both groups of the
 * new family, the plan-time guard), Database Insights mode with its retention, and point-in-time
 * restore / clone. Plan and moto behaviour: cluster.integ.ts.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformVariable } from "cdktf";
import { AuroraPostgresCluster, AuroraPostgresClusterProps, EnvironmentStage } from "../src";
import { engineMajor } from "../src/private/engine";
import { minimalProps, onlyResource, resourcesOf, testStack } from "./cluster-helpers";
import { dataSources, resolve, thrownBy } from "../../../test/helpers/unit";

function synthCluster(overrides: Partial<AuroraPostgresClusterProps> = {}) {
  const stack = testStack();
  new AuroraPostgresCluster(stack, "Cluster", minimalProps(overrides));
  return {
    stack,
    cluster: onlyResource(stack, "aws_rds_cluster"),
    instances: Object.values(resourcesOf(stack, "aws_rds_cluster_instance")),
  };
}

/** The message of the ValidationError that `overrides` cause. */
function errorOf(overrides: Partial<AuroraPostgresClusterProps>): string {
  return thrownBy(() => synthCluster(overrides)).message;
}

describe("major version upgrades", () => {
  test("the cluster allows a major change and passes its instance parameter group along", () => {
    // WHEN
    const { cluster } = synthCluster();
    // THEN
    expect(cluster.allow_major_version_upgrade).toBe(true);
    expect(cluster.db_instance_parameter_group_name).toBe(
      "${aws_db_parameter_group.Cluster_InstanceParameterGroup_9034D21E.name}",
    );
    expect(cluster.db_cluster_parameter_group_name).toBe(
      "${aws_rds_cluster_parameter_group.Cluster_ClusterParameterGroup_1448B3AE.name}",
    );
  });

  test("allowMajorVersionUpgrade: false makes RDS refuse a major change", () => {
    // WHEN
    const { cluster } = synthCluster({ allowMajorVersionUpgrade: false });
    // THEN
    expect(cluster.allow_major_version_upgrade).toBe(false);
  });

  test.each([
    ["15.10", "aurora-postgresql15"],
    ["16.8", "aurora-postgresql16"],
    ["17.5", "aurora-postgresql17"],
  ])(
    "engine %s: both parameter groups are of family %s, named after it, created before the old ones go",
    (engineVersion, family) => {
      // WHEN
      const { stack } = synthCluster({ engineVersion });
      // THEN
      const clusterGroup = onlyResource(stack, "aws_rds_cluster_parameter_group");
      const instanceGroup = onlyResource(stack, "aws_db_parameter_group");
      expect([clusterGroup.family, clusterGroup.name, clusterGroup.lifecycle]).toEqual([
        family,
        `orders-${family}-cluster`,
        { create_before_destroy: true },
      ]);
      expect([instanceGroup.family, instanceGroup.name, instanceGroup.lifecycle]).toEqual([
        family,
        `orders-${family}-instance`,
        { create_before_destroy: true },
      ]);
    },
  );

  test("the instances leave engine_version to the cluster and use the instance group", () => {
    // WHEN
    const { instances } = synthCluster({ engineVersion: "17.5", stage: "prod" });
    // THEN
    expect(instances).toHaveLength(2);
    for (const instance of instances) {
      expect(instance.engine_version).toBeUndefined();
      expect(instance.db_parameter_group_name).toBe(
        "${aws_db_parameter_group.Cluster_InstanceParameterGroup_9034D21E.name}",
      );
    }
  });

  test("the deployed cluster is looked up by identifier, not through the cluster resource", () => {
    // WHEN
    const { stack } = synthCluster({ clusterIdentifier: "orders-prod" });
    // THEN
    const lookup = Object.values(dataSources(stack, "aws_rds_clusters"));
    expect(lookup).toEqual([{ filter: [{ name: "db-cluster-id", values: ["orders-prod"] }] }]);
    const deployed = Object.values(dataSources(stack, "aws_rds_cluster"));
    expect(deployed).toEqual([
      {
        cluster_identifier: "orders-prod",
        count:
          "${length(tolist(data.aws_rds_clusters.Cluster_DeployedClusterLookup_C4FE1C5B.cluster_identifiers))}",
      },
    ]);
  });

  test.each([
    ["15.10", 15, 14],
    ["16.8", 16, 15],
    ["17.5", 17, 16],
  ])(
    "engine %s: the plan fails for a deployed major above %i or below %i",
    (engineVersion, highest, lowest) => {
      // WHEN
      const { cluster } = synthCluster({ engineVersion });
      // THEN
      const versions = "data.aws_rds_cluster.Cluster_DeployedCluster_0ECDA72D[*].engine_version";
      // (the first two; the replacement guard's follow, see below)
      const preconditions = (
        cluster.lifecycle as { precondition: Record<string, string>[] }
      ).precondition.slice(0, 2);
      expect(preconditions.map((p) => p.condition)).toEqual([
        `\${alltrue([for v in ${versions} : tonumber(split(".", v)[0]) <= ${highest}])}`,
        `\${alltrue([for v in ${versions} : tonumber(split(".", v)[0]) >= ${lowest}])}`,
      ]);
      expect(preconditions[0].error_message).toBe(
        `engineVersion ${engineVersion} is a downgrade: cluster orders runs \${join(", ", ${versions})}, and RDS cannot lower a cluster's major version. Fix: set engineVersion back to the deployed major, or restore a snapshot into a new cluster of the lower version.`,
      );
      expect(preconditions[1].error_message).toMatch(
        new RegExp(
          `^engineVersion ${engineVersion.replace(".", "\\.")} skips a major version: .*Upgrade one major at a time`,
        ),
      );
    },
  );

  test("no guard when the identifier is a token (the lookup needs a literal)", () => {
    // GIVEN
    const stack = testStack();
    const id = new TerraformVariable(stack, "id", { type: "string" });
    // WHEN
    new AuroraPostgresCluster(stack, "Cluster", minimalProps({ clusterIdentifier: id.stringValue }));
    // THEN
    expect(onlyResource(stack, "aws_rds_cluster").lifecycle).toEqual({ precondition: [] });
    expect(dataSources(stack, "aws_rds_clusters")).toEqual({});
  });

  test.each([
    ["16.8", 16],
    ["17.5", 17],
    ["9.6", 9],
    ["16", undefined],
    ["16.8.1", undefined],
  ])("engineMajor(%s) = %s", (version, major) => {
    expect(engineMajor(version)).toBe(major);
  });
});

describe("Database Insights", () => {
  const PI_ATTRS = [
    "database_insights_mode",
    "performance_insights_enabled",
    "performance_insights_kms_key_id",
    "performance_insights_retention_period",
  ];

  test("not set by default: the cluster carries no Database Insights or Performance Insights attributes", () => {
    // WHEN
    const { cluster } = synthCluster();
    // THEN
    expect(PI_ATTRS.filter((a) => a in cluster)).toEqual([]);
  });

  test.each<[string, Partial<AuroraPostgresClusterProps>, number]>([
    ["standard in dev keeps the stage's 7 days", { databaseInsightsMode: "standard" }, 7],
    ["advanced in dev raises the retention to 465 days", { databaseInsightsMode: "advanced" }, 465],
    ["advanced in prod keeps the stage's 731 days", { databaseInsightsMode: "advanced", stage: "prod" }, 731],
    [
      "advanced with 496 days given keeps them",
      { databaseInsightsMode: "advanced", performanceInsightsRetentionDays: 496 },
      496,
    ],
    [
      "standard with 465 days given keeps them",
      { databaseInsightsMode: "standard", performanceInsightsRetentionDays: 465 },
      465,
    ],
  ])("%s, on the cluster and every instance", (_, props, retention) => {
    // WHEN
    const { cluster, instances } = synthCluster({ readers: 1, ...props });
    // THEN
    expect(cluster).toMatchObject({
      database_insights_mode: props.databaseInsightsMode,
      performance_insights_enabled: true,
      performance_insights_kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
      performance_insights_retention_period: retention,
    });
    expect(instances.map((i) => i.performance_insights_retention_period)).toEqual([retention, retention]);
  });

  test.each<[EnvironmentStage, number]>([
    ["dev", 7],
    ["test", 7],
    ["pre-prod", 7],
    ["prod", 731],
  ])("without databaseInsightsMode the %s stage keeps its %i days", (stage, retention) => {
    // WHEN
    const { instances } = synthCluster({ stage });
    // THEN
    expect(instances[0].performance_insights_retention_period).toBe(retention);
  });
});

describe("point-in-time restore and clone", () => {
  test.each<[string, AuroraPostgresClusterProps["restoreToPointInTime"], Record<string, unknown>]>([
    [
      "latest restorable time by identifier",
      { sourceClusterIdentifier: "orders-prod" },
      { source_cluster_identifier: "orders-prod", use_latest_restorable_time: true },
    ],
    [
      "a given time",
      { sourceClusterIdentifier: "orders-prod", restoreToTime: "2025-06-01T12:00:00Z" },
      { source_cluster_identifier: "orders-prod", restore_to_time: "2025-06-01T12:00:00Z" },
    ],
    [
      "a clone (copy-on-write)",
      { sourceClusterIdentifier: "orders-prod", restoreType: "copy-on-write" },
      {
        source_cluster_identifier: "orders-prod",
        use_latest_restorable_time: true,
        restore_type: "copy-on-write",
      },
    ],
    [
      "a full copy of a cluster ARN",
      {
        sourceClusterIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders-prod",
        restoreType: "full-copy",
      },
      {
        source_cluster_identifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders-prod",
        use_latest_restorable_time: true,
        restore_type: "full-copy",
      },
    ],
    [
      "a source named by resource id",
      { sourceClusterResourceId: "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ" },
      { source_cluster_resource_id: "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ", use_latest_restorable_time: true },
    ],
  ])("%s renders restore_to_point_in_time exactly", (_, restore, block) => {
    // WHEN
    const { cluster } = synthCluster({ restoreToPointInTime: restore });
    // THEN
    expect(cluster.restore_to_point_in_time).toEqual(block);
  });

  test("name, master user and storage_encrypted come from the source; the cluster key and managed password stay", () => {
    // WHEN
    const { cluster } = synthCluster({ restoreToPointInTime: { sourceClusterIdentifier: "orders-prod" } });
    // THEN
    expect([cluster.database_name, cluster.master_username, cluster.storage_encrypted]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(cluster).toMatchObject({
      kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
      manage_master_user_password: true,
      engine_version: "16.8",
    });
    expect(cluster.snapshot_identifier).toBeUndefined();
  });

  test("the attributes read the database name and master user back from the restored cluster", () => {
    // GIVEN
    const stack = testStack();
    // WHEN
    const c = new AuroraPostgresCluster(
      stack,
      "Cluster",
      minimalProps({ restoreToPointInTime: { sourceClusterIdentifier: "orders-prod" } }),
    );
    // THEN
    expect(resolve(stack, c.databaseName)).toBe("${aws_rds_cluster.Cluster_EB0386A7.database_name}");
    expect(resolve(stack, c.masterUsername)).toBe("${aws_rds_cluster.Cluster_EB0386A7.master_username}");
  });

  test("a new cluster has no restore block", () => {
    expect(synthCluster().cluster.restore_to_point_in_time).toBeUndefined();
  });
});

describe("validation", () => {
  type Case = [string, Partial<AuroraPostgresClusterProps>, string];
  const pitr = (r: NonNullable<AuroraPostgresClusterProps["restoreToPointInTime"]>) => ({
    restoreToPointInTime: r,
  });
  const CASES: Case[] = [
    [
      "an unknown Database Insights mode",
      { databaseInsightsMode: "basic" as never },
      'databaseInsightsMode must be one of "standard", "advanced", got "basic".',
    ],
    [
      "advanced with 7 days",
      { databaseInsightsMode: "advanced", performanceInsightsRetentionDays: 7 },
      'databaseInsightsMode "advanced" needs performanceInsightsRetentionDays of at least 465 (15 months), got 7. Fix: set performanceInsightsRetentionDays to 465 (or 31 * n up to 713, or 731), leave it out (then it is 465), or use databaseInsightsMode "standard".',
    ],
    [
      "advanced with 434 days (14 months)",
      { databaseInsightsMode: "advanced", performanceInsightsRetentionDays: 434 },
      'databaseInsightsMode "advanced" needs performanceInsightsRetentionDays of at least 465 (15 months), got 434.',
    ],
    [
      "a snapshot and a point-in-time restore",
      { snapshotIdentifier: "orders-snap", ...pitr({ sourceClusterIdentifier: "orders-prod" }) },
      "snapshotIdentifier and restoreToPointInTime are both set; a cluster is restored from one source. Fix: keep one of them.",
    ],
    [
      "a point-in-time restore without a source",
      pitr({}),
      "restoreToPointInTime needs exactly one source: sourceClusterIdentifier or sourceClusterResourceId, got neither.",
    ],
    [
      "a point-in-time restore with two sources",
      pitr({ sourceClusterIdentifier: "orders-prod", sourceClusterResourceId: "cluster-ABC" }),
      "restoreToPointInTime needs exactly one source: sourceClusterIdentifier or sourceClusterResourceId, got both.",
    ],
    [
      "an uppercase source identifier",
      pitr({ sourceClusterIdentifier: "Orders-Prod" }),
      'restoreToPointInTime.sourceClusterIdentifier must be a DB cluster identifier (1-63 lowercase letters, digits and single hyphens, starting with a letter) or a cluster ARN, got "Orders-Prod".',
    ],
    [
      "a snapshot ARN as source",
      pitr({ sourceClusterIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap" }),
      'restoreToPointInTime.sourceClusterIdentifier must be an ARN arn:<partition>:rds:<region>:<account>:cluster:<identifier>, got "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap".',
    ],
    [
      "the cluster's own identifier as source",
      pitr({ sourceClusterIdentifier: "orders" }),
      'restoreToPointInTime.sourceClusterIdentifier "orders" is this cluster\'s own identifier: the restored cluster needs a new identifier, and the source must still exist. Fix: give the new cluster another clusterIdentifier, e.g. "orders-restored".',
    ],
    [
      "the cluster's own ARN as source",
      pitr({ sourceClusterIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders" }),
      "is this cluster's own identifier",
    ],
    [
      "a resource id that is an identifier",
      pitr({ sourceClusterResourceId: "orders-prod" }),
      'restoreToPointInTime.sourceClusterResourceId must be the cluster resource id RDS assigns ("cluster-" and upper-case letters and digits), not the cluster identifier, got "orders-prod".',
    ],
    [
      "a local time without Z",
      pitr({ sourceClusterIdentifier: "orders-prod", restoreToTime: "2025-06-01T12:00:00" }),
      'restoreToPointInTime.restoreToTime must be a UTC time in RFC 3339, e.g. "2025-06-01T12:00:00Z", got "2025-06-01T12:00:00".',
    ],
    [
      "a time with an offset",
      pitr({ sourceClusterIdentifier: "orders-prod", restoreToTime: "2025-06-01T12:00:00+02:00" }),
      "restoreToPointInTime.restoreToTime must be a UTC time in RFC 3339",
    ],
    [
      "30 February",
      pitr({ sourceClusterIdentifier: "orders-prod", restoreToTime: "2025-02-30T12:00:00Z" }),
      'restoreToPointInTime.restoreToTime "2025-02-30T12:00:00Z" is not a date. Fix: give an existing UTC time, e.g. "2025-06-01T12:00:00Z".',
    ],
    [
      "a time for a clone",
      pitr({
        sourceClusterIdentifier: "orders-prod",
        restoreType: "copy-on-write",
        restoreToTime: "2025-06-01T12:00:00Z",
      }),
      'restoreToPointInTime.restoreToTime "2025-06-01T12:00:00Z" is set with restoreType "copy-on-write": RDS clones a cluster at its latest restorable time only. Fix: remove restoreToTime for a clone, or use restoreType "full-copy".',
    ],
    [
      "an unknown restore type",
      pitr({ sourceClusterIdentifier: "orders-prod", restoreType: "clone" as never }),
      'restoreToPointInTime.restoreType must be one of "full-copy", "copy-on-write", got "clone".',
    ],
  ];

  test.each(CASES)("refuses %s", (_, overrides, message) => {
    expect(errorOf(overrides)).toContain(message);
  });

  test.each<[string, Partial<AuroraPostgresClusterProps>]>([
    ["advanced with 465 days", { databaseInsightsMode: "advanced", performanceInsightsRetentionDays: 465 }],
    ["advanced with 713 days", { databaseInsightsMode: "advanced", performanceInsightsRetentionDays: 713 }],
    ["advanced with 731 days", { databaseInsightsMode: "advanced", performanceInsightsRetentionDays: 731 }],
    ["Performance Insights for 465 days without a mode", { performanceInsightsRetentionDays: 465 }],
    ["standard with 7 days", { databaseInsightsMode: "standard", performanceInsightsRetentionDays: 7 }],
    [
      "a clone at the latest time",
      pitr({ sourceClusterIdentifier: "orders-prod", restoreType: "copy-on-write" }),
    ],
    [
      "a restore to a past time",
      pitr({ sourceClusterIdentifier: "orders-prod", restoreToTime: "2025-06-01T12:00:00.5Z" }),
    ],
    ["a restore by resource id", pitr({ sourceClusterResourceId: "cluster-ABCDEFGHIJKLMNOP" })],
  ])("accepts %s", (_, overrides) => {
    expect(() => synthCluster(overrides)).not.toThrow();
  });

  test("every problem of a point-in-time restore is reported at once", () => {
    // WHEN
    const message = errorOf({
      snapshotIdentifier: "orders-snap",
      ...pitr({
        sourceClusterResourceId: "orders",
        restoreType: "clone" as never,
        restoreToTime: "yesterday",
      }),
    });
    // THEN
    for (const part of [
      "snapshotIdentifier and restoreToPointInTime are both set",
      "restoreToPointInTime.restoreType must be one of",
      "restoreToPointInTime.restoreToTime must be a UTC time",
      "restoreToPointInTime.sourceClusterResourceId must be the cluster resource id",
    ]) {
      expect(message).toContain(part);
    }
  });
});

describe("replacement guard", () => {
  const deployed = "data.aws_rds_cluster.Cluster_DeployedCluster_0ECDA72D[*]";
  const guards = (overrides: Partial<AuroraPostgresClusterProps> = {}): Record<string, string>[] =>
    (
      synthCluster(overrides).cluster.lifecycle as { precondition: Record<string, string>[] }
    ).precondition.slice(2);

  test("refuses at plan time a subnet group, database name or master user that would replace the cluster", () => {
    // WHEN
    const found = guards();
    // THEN one precondition per argument RDS cannot change in place, against the deployed cluster
    expect(found.map((p) => p.condition)).toEqual([
      `\${alltrue([for c in ${deployed} : c.db_subnet_group_name == aws_db_subnet_group.Cluster_SubnetGroup_AA68648A.name])}`,
      `\${alltrue([for c in ${deployed} : c.database_name == "orders"])}`,
      `\${alltrue([for c in ${deployed} : c.master_username == "postgres"])}`,
    ]);
    expect(found[0].error_message).toBe(
      `vpc would set db_subnet_group_name of cluster orders to \${aws_db_subnet_group.Cluster_SubnetGroup_AA68648A.name}, but the deployed cluster has \${join(", ", [for c in ${deployed} : c.db_subnet_group_name == null ? "(none)" : c.db_subnet_group_name])}: RDS cannot change it in place, so OpenTofu would replace the cluster, destroying it and its data. Fix: keep the deployed value, or to replace the cluster on purpose (after a snapshot) set allowReplacement: true.`,
    );
    expect(found[1].error_message).toMatch(
      /^databaseName would set database_name of cluster orders to "orders", but the deployed cluster has /,
    );
  });

  test("checks only the subnet group of a restored cluster (name and user come from the source)", () => {
    expect(guards({ snapshotIdentifier: "orders-before-migration" }).map((p) => p.condition)).toEqual([
      `\${alltrue([for c in ${deployed} : c.db_subnet_group_name == aws_db_subnet_group.Cluster_SubnetGroup_AA68648A.name])}`,
    ]);
  });

  test("allowReplacement: true lets the plan replace the cluster (only the version guard stays)", () => {
    expect(guards({ allowReplacement: true })).toEqual([]);
    const all = (synthCluster({ allowReplacement: true }).cluster.lifecycle as { precondition: unknown[] })
      .precondition;
    expect(all).toHaveLength(2);
  });
});
