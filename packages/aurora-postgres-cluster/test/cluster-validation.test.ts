import "cdktf/lib/testing/adapters/jest";
import { TerraformVariable, Testing } from "cdktf";
import { ValidationError } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, AuroraPostgresClusterProps, MandatoryTags } from "../src";
import { minimalProps, onlyResource, TAGS, testStack, VPC } from "./cluster-helpers";

/** The error `act` throws (fails the test when it throws nothing). */
function thrownBy(act: () => unknown): ValidationError {
  try {
    act();
  } catch (e) {
    return e as ValidationError;
  }
  throw new Error("expected a ValidationError, nothing was thrown");
}

type Case = [string, Partial<AuroraPostgresClusterProps>, string];

const tags = (t: Partial<MandatoryTags>): Partial<AuroraPostgresClusterProps> => ({
  mandatoryTags: { ...TAGS, ...t },
});

const CASES: Case[] = [
  [
    "an unknown stage",
    { stage: "staging" as never },
    'stage must be one of "dev", "test", "pre-prod", "prod", got "staging".',
  ],
  [
    "an uppercase cluster identifier",
    { clusterIdentifier: "Orders" },
    'clusterIdentifier must be 1-60 lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen, got "Orders".',
  ],
  [
    "a cluster identifier starting with a digit",
    { clusterIdentifier: "1orders" },
    "clusterIdentifier must be 1-60",
  ],
  [
    "a cluster identifier ending with a hyphen",
    { clusterIdentifier: "orders-" },
    "clusterIdentifier must be 1-60",
  ],
  [
    "a cluster identifier with two hyphens in a row",
    { clusterIdentifier: "or--ders" },
    "clusterIdentifier must be 1-60",
  ],
  [
    "a 61-character cluster identifier",
    { clusterIdentifier: "o".repeat(61) },
    "clusterIdentifier must be 1-60",
  ],
  [
    "APG-02: a database name starting with a digit",
    { databaseName: "1orders" },
    'databaseName must be 1-63 characters: a letter, then letters, digits or underscores (APG-02), got "1orders".',
  ],
  [
    "APG-02: a database name with a hyphen",
    { databaseName: "order-db" },
    "databaseName must be 1-63 characters",
  ],
  [
    "APG-02: a 64-character database name",
    { databaseName: "d".repeat(64) },
    "databaseName must be 1-63 characters",
  ],
  [
    "a database name that collides with the default database",
    { databaseName: "postgres" },
    'databaseName "postgres" collides with the "postgres" database every Aurora PostgreSQL cluster already has',
  ],
  [
    "a database name that collides with the default database in other case",
    { databaseName: "Postgres" },
    'databaseName "Postgres" collides with the "postgres" database',
  ],
  [
    "a database name with PostgreSQL's reserved prefix",
    { databaseName: "pg_orders" },
    'databaseName "pg_orders" starts with "pg_", the prefix PostgreSQL reserves for its own objects. Fix: name the application\'s database',
  ],
  [
    "the template database",
    { databaseName: "template1" },
    'databaseName "template1" is PostgreSQL\'s template database',
  ],
  [
    "the pristine template",
    { databaseName: "template0" },
    'databaseName "template0" is PostgreSQL\'s pristine template',
  ],
  [
    "RDS's own database",
    { databaseName: "rdsadmin" },
    'databaseName "rdsadmin" is Amazon RDS\'s own database',
  ],
  [
    "APG-04: a master user starting with a digit",
    { masterUsername: "1admin" },
    'masterUsername must be 1-16 characters: a letter, then letters, digits or underscores (APG-04), got "1admin".',
  ],
  [
    "APG-04: a 17-character master user",
    { masterUsername: "a".repeat(17) },
    "masterUsername must be 1-16 characters",
  ],
  [
    "a reserved master user",
    { masterUsername: "rdsadmin" },
    'masterUsername "rdsadmin" is reserved by Amazon RDS for its own roles (rds_*, rdsadmin, rdsrepladmin, rdstopmgr). Fix: keep the default "postgres" or choose another name, e.g. "dbadmin".',
  ],
  [
    "an rds_ master user",
    { masterUsername: "rds_admin" },
    'masterUsername "rds_admin" is reserved by Amazon RDS',
  ],
  [
    "an upper-case RDS master user",
    { masterUsername: "RDSADMIN" },
    'masterUsername "RDSADMIN" is reserved by Amazon RDS',
  ],
  [
    "RDS's topology manager",
    { masterUsername: "rdstopmgr" },
    'masterUsername "rdstopmgr" is reserved by Amazon RDS',
  ],
  ["a pg_ master user", { masterUsername: "pg_admin" }, 'masterUsername "pg_admin" starts with "pg_"'],
  [
    "PUBLIC as master user",
    { masterUsername: "public" },
    'masterUsername "public" is a built-in role name or SQL role keyword',
  ],
  [
    "a SQL role keyword as master user",
    { masterUsername: "current_user" },
    'masterUsername "current_user" is a built-in role name',
  ],
  ["APG-03: port 1149", { port: 1149 }, "port must be an integer between 1150 and 65535, got 1149. (APG-03)"],
  ["APG-03: port 65536", { port: 65536 }, "port must be an integer between 1150 and 65535, got 65536."],
  [
    "APG-05/MOD-02: engine 13.7 (out of standard support)",
    { engineVersion: "13.7" },
    'engineVersion must be "major.minor" with a supported major (15, 16, 17), got "13.7". Use e.g. "16.8" or "17.5".',
  ],
  [
    "APG-05: a major-only engine version",
    { engineVersion: "16" },
    'engineVersion must be "major.minor" with a supported major (15, 16, 17), got "16".',
  ],
  [
    "APG-06: an m5 instance class",
    { instanceClass: "db.m5.large" },
    'instanceClass must be db.serverless, db.t3|t4g.medium|large or db.r5|r6g|r6i|r7g|r7i|r8g|x2g.<large|xlarge|Nxlarge> (APG-06), got "db.m5.large".',
  ],
  [
    "APG-06: a micro instance class",
    { instanceClass: "db.t3.micro" },
    "instanceClass must be db.serverless, db.t3|t4g.medium|large",
  ],
  [
    "APG-06: db.serverless without a capacity range",
    { instanceClass: "db.serverless" },
    "instance Writer is db.serverless, but serverlessV2Scaling is not set: RDS needs the cluster's capacity range before it adds an Aurora Serverless v2 instance.",
  ],
  [
    "APG-19: a negative reader count",
    { readers: -1 },
    "readers must be an integer between 0 and 15, got -1. Aurora allows at most 15 readers per cluster.",
  ],
  ["APG-19: 16 readers", { readers: 16 }, "readers must be an integer between 0 and 15, got 16."],
  [
    "APG-19: a fractional reader count",
    { readers: 1.5 },
    "readers must be an integer between 0 and 15, got 1.5.",
  ],
  [
    "APG-19: a reader in a single-AZ VPC",
    { readers: 1, vpc: { ...VPC, availabilityZones: ["us-east-1a"] } },
    "readers = 1 needs a VPC with at least two availability zones (readers go to another AZ than the writer), got 1. Use readers: 0 or a multi-AZ VPC.",
  ],
  [
    "APG-26: a single private subnet",
    { vpc: { ...VPC, privateSubnetIds: ["subnet-1"] } },
    "vpc.privateSubnetIds must hold subnets in at least two AZs for the DB subnet group, got 1.",
  ],
  [
    "APG-20: 0 backup days",
    { backupRetentionDays: 0 },
    "backupRetentionDays must be an integer between 1 and 35, got 0. (APG-20)",
  ],
  [
    "APG-20: 36 backup days",
    { backupRetentionDays: 36 },
    "backupRetentionDays must be an integer between 1 and 35, got 36.",
  ],
  [
    "APG-21: a 2-second monitoring interval",
    { monitoringIntervalSeconds: 2 },
    "monitoringIntervalSeconds must be one of 0, 1, 5, 10, 15, 30, 60, got 2.",
  ],
  [
    "APG-23: 30 days of Performance Insights",
    { performanceInsightsRetentionDays: 30 },
    "performanceInsightsRetentionDays must be one of 7, 31, 62, 93,",
  ],
  [
    "APG-23: 732 days of Performance Insights",
    { performanceInsightsRetentionDays: 732 },
    "performanceInsightsRetentionDays must be one of 7, 31, 62, 93, 124, 155, 186, 217, 248, 279, 310, 341, 372, 403, 434, 465, 496, 527, 558, 589, 620, 651, 682, 713, 731, got 732.",
  ],
  [
    "a log retention CloudWatch rejects",
    { postgresqlLogRetentionDays: 10 },
    "postgresqlLogRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 10.",
  ],
  [
    "rotation every 0 days",
    { masterPasswordRotationDays: 0 },
    "masterPasswordRotationDays must be an integer between 1 and 1000, got 0.",
  ],
  [
    "rotation every 1001 days",
    { masterPasswordRotationDays: 1001 },
    "masterPasswordRotationDays must be an integer between 1 and 1000, got 1001.",
  ],
  [
    "a 6-day key deletion window",
    { keyDeletionWindowDays: 6 },
    "keyDeletionWindowDays must be an integer between 7 and 30, got 6.",
  ],
  [
    "MOD-06: the expired rds-ca-2019",
    { caCertificateIdentifier: "rds-ca-2019" },
    'caCertificateIdentifier must be one of "rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1", got "rds-ca-2019".',
  ],
  [
    "a final snapshot name starting with a digit",
    { finalSnapshot: true, finalSnapshotIdentifier: "1-final" },
    "finalSnapshotIdentifier must be 1-255 letters, digits and single hyphens",
  ],
  [
    "APG-07: an empty snapshot identifier",
    { snapshotIdentifier: " " },
    "snapshotIdentifier is empty. Give a DB cluster snapshot identifier or ARN, or leave it out for a new cluster.",
  ],
  [
    "a malformed backup window",
    { preferredBackupWindow: "2-3" },
    'preferredBackupWindow must be "hh24:mi-hh24:mi" (UTC), got "2-3".',
  ],
  [
    "a capitalized maintenance window",
    { preferredMaintenanceWindow: "Sun:04:00-Sun:05:00" },
    'preferredMaintenanceWindow must be "ddd:hh24:mi-ddd:hh24:mi"',
  ],
  [
    "APG-10: an application with a digit",
    tags({ application: "Orders 2" }),
    'mandatoryTags.application must be letters and spaces, at least 3 characters, starting and ending with a letter (APG-10), got "Orders 2".',
  ],
  [
    "APG-10: a two-letter application",
    tags({ application: "Or" }),
    "mandatoryTags.application must be letters and spaces",
  ],
  [
    "APG-11: an application version with a space",
    tags({ applicationVersion: "1.0 beta" }),
    'mandatoryTags.applicationVersion must be letters, digits, dots and hyphens (APG-11), got "1.0 beta".',
  ],
  [
    "APG-12: a cost center with a hyphen",
    tags({ projectCostCenter: "CC-42" }),
    'mandatoryTags.projectCostCenter must be letters and digits only (APG-12), got "CC-42".',
  ],
  [
    "APG-13: an owner contact that is no e-mail",
    tags({ serviceOwnersEmailContact: "owners" }),
    'mandatoryTags.serviceOwnersEmailContact must be an e-mail address (APG-13), got "owners".',
  ],
  [
    "APG-14: an unknown confidentiality",
    tags({ confidentiality: "secret" as never }),
    'mandatoryTags.confidentiality must be one of "public", "private", "confidential", "pii/phi", got "secret".',
  ],
  [
    "APG-15: an unknown compliance",
    tags({ compliance: "pci" as never }),
    'mandatoryTags.compliance must be one of "hipaa", "sox", "fips", "other", "none", got "pci".',
  ],
  [
    "APG-13: a notification address that is no e-mail",
    { notificationEmails: ["ops@example.com", "ops"] },
    'notificationEmails[1] must be an e-mail address (APG-13), got "ops".',
  ],
  [
    "a parameter name with a space",
    { clusterParameters: { "bad name": "1" } },
    "clusterParameters key must be a parameter name (letters, digits, '_' and '.'), got \"bad name\".",
  ],
  [
    "an empty parameter value",
    { instanceParameters: { log_statement: "" } },
    'instanceParameters["log_statement"] must be a non-empty string, got "". Parameter values are strings, e.g. "1".',
  ],
];

describe("AuroraPostgresCluster", () => {
  describe("validation", () => {
    test.each(CASES)("fails on %s", (_name, overrides, message) => {
      // (each case breaks exactly one rule, so the message is the only one)
      // GIVEN
      const props = minimalProps(overrides);
      // WHEN
      const error = thrownBy(() => new AuroraPostgresCluster(testStack(), "Cluster", props));
      // THEN
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.constructPath).toBe("test/Cluster");
      expect(error.message).toContain(`[test/Cluster] invalid props: ${message}`);
    });

    test("reports every problem at once", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const error = thrownBy(
        () =>
          new AuroraPostgresCluster(
            stack,
            "Cluster",
            minimalProps({ port: 1, backupRetentionDays: 99, databaseName: "1x" }),
          ),
      );
      // THEN
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.constructPath).toBe("test/Cluster");
      expect(error.message).toMatch(/\n {2}- databaseName .*\n {2}- port .*\n {2}- backupRetentionDays /);
    });

    test("fails when the engine version is a token (the family cannot be derived)", () => {
      // GIVEN
      const stack = testStack();
      const version = new TerraformVariable(stack, "version", { type: "string" });
      // WHEN / THEN
      expect(
        () =>
          new AuroraPostgresCluster(stack, "Cluster", minimalProps({ engineVersion: version.stringValue })),
      ).toThrow(
        'engineVersion must be a literal such as "16.8" (the parameter-group family is derived from it), got a token.',
      );
    });

    test("fails when the reader count is a token", () => {
      // GIVEN
      const stack = testStack();
      const readers = new TerraformVariable(stack, "readers", { type: "number" });
      // WHEN / THEN
      expect(
        () => new AuroraPostgresCluster(stack, "Cluster", minimalProps({ readers: readers.numberValue })),
      ).toThrow("readers must be a literal number (one instance resource per reader), got a token.");
    });

    test.each(["postgres", "dbadmin", "app_admin"])("accepts the master user %s", (masterUsername) => {
      expect(
        () => new AuroraPostgresCluster(testStack(), "Cluster", minimalProps({ masterUsername })),
      ).not.toThrow();
    });

    test("accepts tokens for the port, names and VPC lists without checking them", () => {
      // GIVEN
      const stack = testStack();
      const port = new TerraformVariable(stack, "port", { type: "number" });
      const db = new TerraformVariable(stack, "db", { type: "string" });
      const subnets = new TerraformVariable(stack, "subnets", { type: "list(string)" });
      const azs = new TerraformVariable(stack, "azs", { type: "list(string)" });
      // WHEN
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({
          port: port.numberValue,
          databaseName: db.stringValue,
          readers: 1,
          vpc: { ...VPC, privateSubnetIds: subnets.listValue, availabilityZones: azs.listValue },
        }),
      );
      // THEN
      const synth = Testing.synth(stack);
      expect(onlyResource(stack, "aws_db_subnet_group").subnet_ids).toBe("${var.subnets}");
      expect(synth).toContain('"availability_zone": "${element(var.azs, 1)}"');
    });
  });
});
