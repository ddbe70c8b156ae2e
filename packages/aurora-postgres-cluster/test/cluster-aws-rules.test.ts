import "cdktf/lib/testing/adapters/jest";
import { TerraformVariable } from "cdktf";
import { ValidationError } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, AuroraPostgresClusterAttributes, AuroraPostgresClusterProps } from "../src";
import { minimalProps, TAGS, testStack } from "./cluster-helpers";
import { manyTags, thrownBy } from "../../../test/helpers/unit";

/** Inputs AWS would reject at apply time, or that silently do something else than asked. */
const BAD_PROPS: [string, Partial<AuroraPostgresClusterProps>, string][] = [
  [
    "a 15-minute backup window",
    { preferredBackupWindow: "02:00-02:15" },
    'preferredBackupWindow "02:00-02:15" lasts 15 minutes; RDS needs at least 30 (a window may wrap midnight, e.g. "23:45-00:15"). Fix: widen it, e.g. "02:00-02:30".',
  ],
  [
    "a backup window that starts when it ends",
    { preferredBackupWindow: "02:00-02:00" },
    'preferredBackupWindow "02:00-02:00" lasts 0 minutes',
  ],
  [
    "a 20-minute backup window over midnight",
    { preferredBackupWindow: "23:50-00:10" },
    'preferredBackupWindow "23:50-00:10" lasts 20 minutes',
  ],
  [
    "a 20-minute maintenance window",
    { preferredMaintenanceWindow: "sun:05:00-sun:05:20" },
    'preferredMaintenanceWindow "sun:05:00-sun:05:20" lasts 20 minutes; RDS needs at least 30',
  ],
  [
    "a maintenance window that starts when it ends",
    { preferredMaintenanceWindow: "sun:05:00-sun:05:00" },
    'preferredMaintenanceWindow "sun:05:00-sun:05:00" lasts 0 minutes',
  ],
  [
    "an hour of 25",
    { preferredBackupWindow: "25:00-26:00" },
    'preferredBackupWindow must be "hh24:mi-hh24:mi" (UTC), got "25:00-26:00".',
  ],
  [
    "a maintenance window without leading zeros",
    { preferredMaintenanceWindow: "sun:5:00-sun:6:00" },
    'preferredMaintenanceWindow must be "ddd:hh24:mi-ddd:hh24:mi"',
  ],
  [
    "a backup window inside the maintenance window",
    { preferredBackupWindow: "04:30-05:30", preferredMaintenanceWindow: "sun:05:00-sun:06:00" },
    'preferredBackupWindow "04:30-05:30" (daily) overlaps preferredMaintenanceWindow "sun:05:00-sun:06:00"; RDS refuses overlapping windows. Fix:',
  ],
  [
    "a backup window over midnight overlapping Monday's maintenance",
    { preferredBackupWindow: "23:30-00:30", preferredMaintenanceWindow: "mon:00:00-mon:01:00" },
    'preferredBackupWindow "23:30-00:30" (daily) overlaps preferredMaintenanceWindow "mon:00:00-mon:01:00"',
  ],
  [
    "a maintenance window over the week's end overlapping the backup window",
    { preferredBackupWindow: "00:00-01:00", preferredMaintenanceWindow: "sun:23:30-mon:00:30" },
    'preferredBackupWindow "00:00-01:00" (daily) overlaps preferredMaintenanceWindow "sun:23:30-mon:00:30"',
  ],
  [
    "the cluster identifier default",
    { clusterIdentifier: "default" },
    'clusterIdentifier "default" is reserved: the DB subnet group is named after the cluster',
  ],
  [
    "a cluster identifier starting with sg-",
    { clusterIdentifier: "sg-orders" },
    'clusterIdentifier "sg-orders" starts with "sg-": the security group "sg-orders-aurora" is named after the cluster',
  ],
  [
    "a final snapshot name while the stage takes no final snapshot",
    { finalSnapshotIdentifier: "orders-last" },
    'finalSnapshotIdentifier "orders-last" is set, but finalSnapshot is false (the default of stage "dev"): no snapshot would be taken when the cluster is destroyed. Fix: set finalSnapshot: true, or remove finalSnapshotIdentifier.',
  ],
  [
    "a final snapshot name with finalSnapshot off",
    { stage: "prod", finalSnapshot: false, finalSnapshotIdentifier: "orders-last" },
    'finalSnapshotIdentifier "orders-last" is set, but finalSnapshot is false: no snapshot',
  ],
  [
    "a DB instance snapshot ARN to restore from",
    { snapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:snapshot:orders-1" },
    "snapshotIdentifier must be an ARN arn:<partition>:rds:<region>:<account>:cluster-snapshot:<name> (a DB cluster snapshot; a DB instance snapshot cannot restore an Aurora cluster)",
  ],
  [
    "a cluster snapshot ARN of the wrong partition",
    { snapshotIdentifier: "arn:aws:rds:cn-north-1:111122223333:cluster-snapshot:orders-1" },
    'snapshotIdentifier "arn:aws:rds:cn-north-1:111122223333:cluster-snapshot:orders-1" has partition "aws", but region "cn-north-1" is in partition "aws-cn". Fix: use arn:aws-cn:... for that region.',
  ],
  [
    "a snapshot name with an underscore",
    { snapshotIdentifier: "orders_2025" },
    'snapshotIdentifier must be a DB cluster snapshot name (a letter, then letters, digits and hyphens, at most 255; "rds:" or "awsbackup:" before automated or AWS Backup ones) or a cluster snapshot ARN, got "orders_2025".',
  ],
  [
    "a restore from the snapshot the final snapshot would overwrite",
    { finalSnapshot: true, snapshotIdentifier: "orders-final-snapshot" },
    'the cluster is restored from "orders-final-snapshot", and its final snapshot would get the same name "orders-final-snapshot": that snapshot already exists, so destroying the cluster would fail.',
  ],
  [
    "a tag key starting with aws:",
    { tags: { "aws:team": "data" } },
    'tags key "aws:team" starts with "aws:", a prefix AWS reserves for its own tags (reserved here: aws:, rds:).',
  ],
  [
    "a tag key starting with RDS:",
    { tags: { "RDS:team": "data" } },
    'tags key "RDS:team" starts with "rds:"',
  ],
  [
    "a tag value starting with rds:",
    { tags: { team: "rds:data" } },
    'tags["team"] is "rds:data", starting with "rds:", a prefix the service reserves (aws:, rds:). Fix: drop the prefix.',
  ],
  [
    "a 129-character tag key",
    { tags: { ["k".repeat(129)]: "v" } },
    `tags key "${"k".repeat(129)}" must be 1-128 characters, got 129.`,
  ],
  [
    "a 257-character tag value",
    { tags: { team: "v".repeat(257) } },
    'tags["team"] must be at most 256 characters, got 257.',
  ],
  [
    "a tag value with a comma",
    { tags: { team: "a,b" } },
    'tags["team"] is "a,b", with characters AWS rejects',
  ],
  [
    "a tag that a mandatory tag sets",
    { tags: { Application: "Other" } },
    'tags sets "Application", which mandatoryTags and stage already sets on the same resources',
  ],
  [
    "44 tags besides the 7 mandatory ones",
    { tags: manyTags(44) },
    "tags gives 44 tags; with the construct's own (EnvironmentStage, Application, ApplicationVersion, ProjectCostCenter, ServiceOwnersEmailContact, Confidentiality, Compliance) that is 51, more than the 50 AWS allows on one resource.",
  ],
  [
    "an owner address with a character RDS tags reject",
    { mandatoryTags: { ...TAGS, serviceOwnersEmailContact: "owner!s@example.com" } },
    'mandatoryTags["ServiceOwnersEmailContact"] is "owner!s@example.com", with characters AWS rejects in tags',
  ],
  [
    "a notification address listed twice",
    { notificationEmails: ["ops@example.com", "OPS@example.com"] },
    'notificationEmails lists "ops@example.com" more than once (addresses are compared case-insensitively). Fix: list each address once.',
  ],
  [
    "two notification addresses that differ only in punctuation",
    { notificationEmails: ["a.b@example.com", "a_b@example.com"] },
    'notificationEmails ["a.b@example.com","a_b@example.com"] differ only in punctuation, and their subscriptions would get the same construct id.',
  ],
  [
    "notification addresses without a topic",
    { notificationEmails: ["ops@example.com"], alarms: false, eventSubscriptions: false },
    "notificationEmails is set, but alarms and eventSubscriptions are both false, so there is no notification topic to subscribe them to.",
  ],
];

/** Inputs next to the refused ones that must still synthesize. */
const GOOD_PROPS: [string, Partial<AuroraPostgresClusterProps>][] = [
  ["a 30-minute backup window over midnight", { preferredBackupWindow: "23:45-00:15" }],
  [
    "a backup window ending when maintenance starts",
    { preferredBackupWindow: "03:00-04:00", preferredMaintenanceWindow: "sun:04:00-sun:05:00" },
  ],
  [
    "a maintenance window over midnight and one over the week's end",
    { preferredBackupWindow: "02:00-02:30", preferredMaintenanceWindow: "sun:23:45-mon:00:15" },
  ],
  ["a maintenance window over Saturday midnight", { preferredMaintenanceWindow: "sat:23:45-sun:00:15" }],
  ["a restore from an automated snapshot", { snapshotIdentifier: "rds:orders-2025-01-01-00-05" }],
  ["a restore from an AWS Backup recovery point", { snapshotIdentifier: "awsbackup:job-0123-abcd" }],
  [
    "a restore from a shared cluster snapshot ARN",
    { snapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-1" },
  ],
  [
    "a restore from the last final snapshot with a new final snapshot name",
    {
      finalSnapshot: true,
      snapshotIdentifier: "orders-final-snapshot",
      finalSnapshotIdentifier: "orders-final-2",
    },
  ],
  [
    "a final snapshot name with finalSnapshot on",
    { finalSnapshot: true, finalSnapshotIdentifier: "orders-last" },
  ],
  ["43 tags besides the 7 mandatory ones", { tags: manyTags(43) }],
  [
    "tags with unicode letters and the allowed signs",
    { tags: { Équipe: "données", "a/b": "x.y:z=1+2@3_4-5 6" } },
  ],
  ["two different notification addresses", { notificationEmails: ["a@example.com", "b@example.com"] }],
];

describe("AuroraPostgresCluster AWS rules", () => {
  test.each(BAD_PROPS)("refuses %s", (_name, overrides, message) => {
    // GIVEN
    const props = minimalProps(overrides);
    // WHEN
    const error = thrownBy(() => new AuroraPostgresCluster(testStack(), "Cluster", props));
    // THEN (each case breaks exactly one rule, so the message is the only one)
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(`[test/Cluster] invalid props: ${message}`);
  });

  test.each(GOOD_PROPS)("accepts %s", (_name, overrides) => {
    expect(() => new AuroraPostgresCluster(testStack(), "Cluster", minimalProps(overrides))).not.toThrow();
  });

  test("accepts token windows, snapshot names and tag values unchecked", () => {
    const stack = testStack();
    const value = (id: string) => new TerraformVariable(stack, id, { type: "string" }).stringValue;
    expect(
      () =>
        new AuroraPostgresCluster(
          stack,
          "Cluster",
          minimalProps({
            preferredBackupWindow: value("backup"),
            preferredMaintenanceWindow: value("maintenance"),
            snapshotIdentifier: value("snapshot"),
            tags: { team: value("team") },
          }),
        ),
    ).not.toThrow();
  });
});

const ATTRS: AuroraPostgresClusterAttributes = {
  clusterIdentifier: "orders",
  clusterArn: "arn:aws:rds:us-east-1:111122223333:cluster:orders",
  clusterResourceId: "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  clusterEndpoint: "orders.cluster-abc123.us-east-1.rds.amazonaws.com",
  readerEndpoint: "orders.cluster-ro-abc123.us-east-1.rds.amazonaws.com",
  databaseName: "orders",
  masterUsername: "postgres",
  masterUserSecretArn: "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-0123-AbCdEf",
  securityGroupId: "sg-0123456789abcdef0",
};

const BAD_ATTRS: [string, Partial<AuroraPostgresClusterAttributes>, string][] = [
  [
    "a cluster ARN that is a DB instance ARN",
    { clusterArn: "arn:aws:rds:us-east-1:111122223333:db:orders-1" },
    'clusterArn must be an ARN arn:<partition>:rds:<region>:<account>:cluster:<identifier>, got "arn:aws:rds:us-east-1:111122223333:db:orders-1". Fix:',
  ],
  ["a cluster name as ARN", { clusterArn: "orders" }, "clusterArn must be an ARN arn:<partition>:rds:"],
  [
    "an ARN of another cluster",
    { clusterArn: "arn:aws:rds:us-east-1:111122223333:cluster:billing" },
    'clusterArn "arn:aws:rds:us-east-1:111122223333:cluster:billing" names the cluster "billing", but clusterIdentifier is "orders". Fix: pass the identifier and the ARN of the same cluster',
  ],
  [
    "an upper-case identifier",
    { clusterIdentifier: "Orders" },
    'clusterIdentifier must be an RDS cluster identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter (RDS stores identifiers in lowercase), got "Orders".',
  ],
  [
    "the identifier as resource id",
    { clusterResourceId: "orders" },
    'clusterResourceId must be the cluster resource id RDS assigns ("cluster-" and upper-case letters and digits',
  ],
  [
    "an endpoint with a scheme",
    { clusterEndpoint: "https://orders.cluster-abc123.us-east-1.rds.amazonaws.com" },
    'clusterEndpoint must be a host name such as "orders.cluster-abc123.us-east-1.rds.amazonaws.com" (no scheme, no port, no path)',
  ],
  [
    "a reader endpoint with a port",
    { readerEndpoint: "orders.cluster-ro-abc123.us-east-1.rds.amazonaws.com:5432" },
    "readerEndpoint must be a host name",
  ],
  [
    "an endpoint in another region than the ARN",
    { clusterEndpoint: "orders.cluster-abc123.eu-west-1.rds.amazonaws.com" },
    'clusterEndpoint "orders.cluster-abc123.eu-west-1.rds.amazonaws.com" is in eu-west-1, but clusterArn is in us-east-1.',
  ],
  ["port 80", { port: 80 }, "port must be an integer between 1150 and 65535, got 80."],
  [
    "a security group name as id",
    { securityGroupId: "orders-aurora" },
    'securityGroupId must be a security group id ("sg-" and 8 or 17 hex digits, e.g. "sg-0123456789abcdef0"), not its name, got "orders-aurora".',
  ],
  [
    "a secret name as secret ARN",
    { masterUserSecretArn: "rds!cluster-0123" },
    "masterUserSecretArn must be an ARN arn:<partition>:secretsmanager:<region>:<account>:secret:<name>",
  ],
  [
    "a log group name starting with aws/",
    { postgresqlLogGroupName: "aws/rds/cluster/orders/postgresql" },
    "postgresqlLogGroupName must be a CloudWatch log group name (1-512 of letters, digits and . - _ / #, not starting with aws/)",
  ],
];

describe("AuroraPostgresCluster.fromClusterAttributes rules", () => {
  test.each(BAD_ATTRS)("refuses %s", (_name, overrides, message) => {
    const error = thrownBy(() =>
      AuroraPostgresCluster.fromClusterAttributes(testStack(), "Imported", { ...ATTRS, ...overrides }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain("[test/Imported] invalid props: ");
    expect(error.message).toContain(message);
  });

  test.each<[string, Partial<AuroraPostgresClusterAttributes>]>([
    ["the attributes of a cluster", {}],
    [
      "a China cluster",
      {
        clusterArn: "arn:aws-cn:rds:cn-north-1:111122223333:cluster:orders",
        clusterEndpoint: "orders.cluster-abc.cn-north-1.rds.amazonaws.com.cn",
        readerEndpoint: undefined,
        masterUserSecretArn: undefined,
      },
    ],
    [
      "a 63-character identifier",
      {
        clusterIdentifier: "o".repeat(63),
        clusterArn: `arn:aws:rds:us-east-1:111122223333:cluster:${"o".repeat(63)}`,
      },
    ],
    ["a custom log group name", { postgresqlLogGroupName: "/aws/rds/cluster/orders/postgresql" }],
    ["an 8-digit security group id", { securityGroupId: "sg-0123abcd" }],
  ])("accepts %s", (_name, overrides) => {
    expect(() =>
      AuroraPostgresCluster.fromClusterAttributes(testStack(), "Imported", { ...ATTRS, ...overrides }),
    ).not.toThrow();
  });

  test("accepts tokens unchecked", () => {
    const stack = testStack();
    const value = (id: string) => new TerraformVariable(stack, id, { type: "string" }).stringValue;
    expect(() =>
      AuroraPostgresCluster.fromClusterAttributes(stack, "Imported", {
        ...ATTRS,
        clusterIdentifier: value("id"),
        clusterArn: value("arn"),
        clusterResourceId: value("rid"),
        clusterEndpoint: value("host"),
        securityGroupId: value("sg"),
      }),
    ).not.toThrow();
  });
});
