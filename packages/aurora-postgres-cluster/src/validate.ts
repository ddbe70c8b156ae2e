import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { Validator } from "@aurora-cdktf/core";
import { AURORA_POSTGRES_FAMILIES } from "./engine";
import { ENGINE_VERSION_PATTERN } from "./private/engine";
import { AuroraPostgresClusterProps } from "./aurora-postgres-cluster-props";
import { ResolvedSettings } from "./private/defaults";
import { ENVIRONMENT_STAGES } from "./stage-presets";
import { CLOUDWATCH_LOG_RETENTION_DAYS, EMAIL_PATTERN, RDS_PARAMETER_NAME_PATTERN } from "@aurora-cdktf/core";

/** A PostgreSQL role name usable in an `rds-db:connect` ARN. */
const DB_USER = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/;
/** IAM role names. */
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** RDS cluster identifier rules, kept to 60 characters so `<id>-<n>` fits an instance identifier. */
const CLUSTER_IDENTIFIER = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,59}$/;
/** APG-02 pattern, PostgreSQL's 63-character identifier limit. */
const DATABASE_NAME = /^[a-zA-Z][0-9a-zA-Z_]{0,62}$/;
/** APG-04 pattern and length. */
const MASTER_USERNAME = /^[a-zA-Z][0-9a-zA-Z_]{0,15}$/;
const RESERVED_USERNAME = /^(rdsadmin|rdsrepladmin|rds_.*|pg_.*)$/i;
/** APG-06, extended with the current Graviton and Intel generations. */
const INSTANCE_CLASS =
  /^db\.(?:(?:t3|t4g)\.(?:medium|large)|(?:r5|r6g|r6i|r7g|r7i|r8g|x2g)\.(?:large|xlarge|(?:2|4|8|12|16|24|32|48)xlarge))$/;
/** APG-10..13 patterns of the reference. */
const APPLICATION = /^[a-zA-Z]+[a-zA-Z ]+[a-zA-Z]+$/;
const APPLICATION_VERSION = /^[a-zA-Z0-9.-]+$/;
const COST_CENTER = /^[a-zA-Z0-9]+$/;
const SNAPSHOT_IDENTIFIER = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,254}$/;
const BACKUP_WINDOW = /^(?:[01]\d|2[0-3]):[0-5]\d-(?:[01]\d|2[0-3]):[0-5]\d$/;
const DAY = "(?:mon|tue|wed|thu|fri|sat|sun)";
const MAINTENANCE_WINDOW = new RegExp(
  `^${DAY}:(?:[01]\\d|2[0-3]):[0-5]\\d-${DAY}:(?:[01]\\d|2[0-3]):[0-5]\\d$`,
);

/** Enhanced monitoring intervals RDS accepts (APG-21). */
const MONITORING_INTERVALS = [0, 1, 5, 10, 15, 30, 60] as const;
/** Performance Insights retentions RDS accepts: 7, 31 * n (n = 1..23), 731 (APG-23). */
const PERFORMANCE_INSIGHTS_RETENTIONS: readonly number[] = [
  7,
  ...Array.from({ length: 23 }, (_, i) => 31 * (i + 1)),
  731,
];
/** Retentions CloudWatch Logs accepts. */
const LOG_RETENTION_DAYS: readonly number[] = CLOUDWATCH_LOG_RETENTION_DAYS.filter((d) => d !== 0);
/** Certificate authorities RDS offers for Aurora PostgreSQL (MOD-06). */
const CA_CERTIFICATES = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"] as const;
const CONFIDENTIALITY = ["public", "private", "confidential", "pii/phi"] as const;
const COMPLIANCE = ["hipaa", "sox", "fips", "other", "none"] as const;

/** Checks every prop; throws one ValidationError listing all problems. */
export function validateClusterProps(
  scope: IConstruct,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
): void {
  const v = new Validator(scope);
  v.oneOf("stage", s.stage, ENVIRONMENT_STAGES)
    .matches(
      "clusterIdentifier",
      s.clusterIdentifier,
      CLUSTER_IDENTIFIER,
      "must be 1-60 lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen",
    )
    .matches(
      "databaseName",
      s.databaseName,
      DATABASE_NAME,
      "must be 1-63 characters: a letter, then letters, digits or underscores (APG-02)",
    )
    .matches(
      "masterUsername",
      s.masterUsername,
      MASTER_USERNAME,
      "must be 1-16 characters: a letter, then letters, digits or underscores (APG-04)",
    )
    .check(
      !Token.isUnresolved(s.masterUsername) && RESERVED_USERNAME.test(s.masterUsername),
      `masterUsername ${JSON.stringify(s.masterUsername)} is reserved by RDS or PostgreSQL (rdsadmin, rdsrepladmin, rds_*, pg_*). Choose another name.`,
    )
    .integer("port", s.port, 1150, 65535, "(APG-03)");
  validateEngine(v, s);
  v.matches(
    "instanceClass",
    s.instanceClass,
    INSTANCE_CLASS,
    "must be db.t3|t4g.medium|large or db.r5|r6g|r6i|r7g|r7i|r8g|x2g.<large|xlarge|Nxlarge> (APG-06)",
  )
    .integer("readers", s.readers, 0, 15, "Aurora allows at most 15 readers per cluster.")
    .check(
      Token.isUnresolved(s.readers),
      "readers must be a literal number (one instance resource per reader), got a token.",
    )
    .integer("backupRetentionDays", s.backupRetentionDays, 1, 35, "(APG-20)")
    .oneOf("monitoringIntervalSeconds", s.monitoringIntervalSeconds, MONITORING_INTERVALS)
    .oneOf(
      "performanceInsightsRetentionDays",
      s.performanceInsightsRetentionDays,
      PERFORMANCE_INSIGHTS_RETENTIONS,
    )
    .oneOf("postgresqlLogRetentionDays", s.postgresqlLogRetentionDays, LOG_RETENTION_DAYS)
    .integer("masterPasswordRotationDays", s.masterPasswordRotationDays, 1, 1000)
    .integer("keyDeletionWindowDays", s.keyDeletionWindowDays, 7, 30)
    .oneOf("caCertificateIdentifier", s.caCertificateIdentifier, CA_CERTIFICATES)
    .matches(
      "finalSnapshotIdentifier",
      props.finalSnapshotIdentifier,
      SNAPSHOT_IDENTIFIER,
      "must be 1-255 letters, digits and single hyphens, start with a letter and not end with a hyphen",
    )
    .check(
      props.snapshotIdentifier !== undefined && props.snapshotIdentifier.trim() === "",
      "snapshotIdentifier is empty. Give a DB cluster snapshot identifier or ARN, or leave it out for a new cluster.",
    )
    .matches(
      "preferredBackupWindow",
      props.preferredBackupWindow,
      BACKUP_WINDOW,
      'must be "hh24:mi-hh24:mi" (UTC)',
    )
    .matches(
      "preferredMaintenanceWindow",
      props.preferredMaintenanceWindow,
      MAINTENANCE_WINDOW,
      'must be "ddd:hh24:mi-ddd:hh24:mi" (UTC, lowercase days such as "sun:05:00-sun:06:00")',
    );
  validatePlacement(v, props, s);
  validateTags(v, s);
  validateParameters(v, "clusterParameters", props.clusterParameters);
  validateParameters(v, "instanceParameters", props.instanceParameters);
  v.throwIfAny();
}

function validateEngine(v: Validator, s: ResolvedSettings): void {
  const majors = Object.keys(AURORA_POSTGRES_FAMILIES).join(", ");
  if (Token.isUnresolved(s.engineVersion)) {
    v.check(
      true,
      'engineVersion must be a literal such as "16.8" (the parameter-group family is derived from it), got a token.',
    );
    return;
  }
  const match = ENGINE_VERSION_PATTERN.exec(s.engineVersion);
  v.check(
    !match || s.family === undefined,
    `engineVersion must be "major.minor" with a supported major (${majors}), got ${JSON.stringify(s.engineVersion)}. Use e.g. "16.8" or "17.5".`,
  );
}

function validatePlacement(v: Validator, props: AuroraPostgresClusterProps, s: ResolvedSettings): void {
  const subnets = props.vpc.privateSubnetIds;
  v.check(
    !Token.isUnresolved(subnets) && subnets.length < 2,
    `vpc.privateSubnetIds must hold subnets in at least two AZs for the DB subnet group, got ${subnets.length}.`,
  );
  const azs = props.vpc.availabilityZones;
  v.check(
    !Token.isUnresolved(azs) && !Token.isUnresolved(s.readers) && s.readers > 0 && azs.length < 2,
    `readers = ${s.readers} needs a VPC with at least two availability zones (readers go to another AZ than the writer), got ${azs.length}. Use readers: 0 or a multi-AZ VPC.`,
  );
}

function validateTags(v: Validator, s: ResolvedSettings): void {
  const t = s.mandatoryTags;
  v.matches(
    "mandatoryTags.application",
    t.application,
    APPLICATION,
    "must be letters and spaces, at least 3 characters, starting and ending with a letter (APG-10)",
  )
    .matches(
      "mandatoryTags.applicationVersion",
      t.applicationVersion,
      APPLICATION_VERSION,
      "must be letters, digits, dots and hyphens (APG-11)",
    )
    .matches(
      "mandatoryTags.projectCostCenter",
      t.projectCostCenter,
      COST_CENTER,
      "must be letters and digits only (APG-12)",
    )
    .matches(
      "mandatoryTags.serviceOwnersEmailContact",
      t.serviceOwnersEmailContact,
      EMAIL_PATTERN,
      "must be an e-mail address (APG-13)",
    )
    .oneOf("mandatoryTags.confidentiality", t.confidentiality, CONFIDENTIALITY)
    .oneOf("mandatoryTags.compliance", t.compliance, COMPLIANCE);
  s.notificationEmails.forEach((email, i) =>
    v.matches(`notificationEmails[${i}]`, email, EMAIL_PATTERN, "must be an e-mail address (APG-13)"),
  );
}

function validateParameters(v: Validator, name: string, params: Record<string, string> | undefined): void {
  for (const [key, value] of Object.entries(params ?? {})) {
    v.matches(
      `${name} key`,
      key,
      RDS_PARAMETER_NAME_PATTERN,
      "must be a parameter name (letters, digits, '_' and '.')",
    );
    v.check(
      typeof value !== "string" || value === "",
      `${name}[${JSON.stringify(key)}] must be a non-empty string, got ${JSON.stringify(value)}. Parameter values are strings, e.g. "1".`,
    );
  }
}

/** Checks the arguments of a `grantConnect` call and the inline policy name they make. */
export function validateGrantConnect(
  scope: IConstruct,
  roleName: string,
  dbUser: string,
  policyName: string,
): void {
  new Validator(scope)
    .matches(
      "grantConnect dbUser",
      dbUser,
      DB_USER,
      "must be a PostgreSQL role name (a letter or '_', then letters, digits or '_', at most 63)",
    )
    .matches(
      "grantConnect roleName",
      roleName,
      IAM_ROLE_NAME,
      "must be an IAM role name (1-64 of [A-Za-z0-9+=,.@_-])",
    )
    .check(
      !Token.isUnresolved(policyName) && policyName.length > 128,
      `grantConnect: the policy name ${JSON.stringify(policyName)} is longer than IAM's 128 characters. Use a shorter dbUser.`,
    )
    .throwIfAny();
}
