import { Token } from "cdktf";
import { IConstruct } from "constructs";
import {
  ArnRule,
  checkArn,
  checkDatabaseName,
  checkTags,
  duplicatesOf,
  LOG_GROUP_NAME_PATTERN,
  reservedRoleReason,
  Validator,
} from "@aurora-cdktf/core";
import { AURORA_POSTGRES_FAMILIES } from "./engine";
import { ADVANCED_INSIGHTS_MIN_RETENTION_DAYS, ENGINE_VERSION_PATTERN } from "./private/engine";
import { AuroraPostgresClusterProps } from "./aurora-postgres-cluster-props";
import { AuroraPostgresClusterAttributes } from "./aurora-postgres-cluster-ref";
import { mandatoryTagMap, ResolvedSettings } from "./private/defaults";
import { validateShapes } from "./private/validate-shapes";
import { validatePublicReader } from "./private/public-reader";
import { validateGlobalMembership } from "./private/validate-integrations";
import {
  BACKUP_WINDOW_PATTERN,
  MAINTENANCE_WINDOW_PATTERN,
  parseBackupWindow,
  parseMaintenanceWindow,
  windowsOverlap,
} from "./private/windows";
import { ENVIRONMENT_STAGES } from "./stage-presets";
import { CLOUDWATCH_LOG_RETENTION_DAYS, EMAIL_PATTERN, RDS_PARAMETER_NAME_PATTERN } from "@aurora-cdktf/core";

/** A PostgreSQL role name usable in an `rds-db:connect` ARN. */
const DB_USER = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/;
/** IAM role names. */
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** RDS cluster identifier rules, kept to 60 characters so `<id>-<n>` fits an instance identifier. */
const CLUSTER_IDENTIFIER = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,59}$/;
/** APG-04 pattern and length. */
const MASTER_USERNAME = /^[a-zA-Z][0-9a-zA-Z_]{0,15}$/;
/**
 * Why RDS or PostgreSQL would refuse `name` as the master user, per the core's role rules (`pg_*`,
 * RDS's roles, SQL's role keywords; case-insensitive, as RDS compares them); `postgres`, the
 * default master user, is allowed.
 */
function masterUsernameReason(name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  const lower = name.toLowerCase();
  return lower === "postgres" ? undefined : reservedRoleReason(lower, "create");
}
/** APG-06, extended with the current Graviton and Intel generations and Aurora Serverless v2. */
const INSTANCE_CLASS =
  /^db\.(?:serverless|(?:t3|t4g)\.(?:medium|large)|(?:r5|r6g|r6i|r7g|r7i|r8g|x2g)\.(?:large|xlarge|(?:2|4|8|12|16|24|32|48)xlarge))$/;
const INSTANCE_CLASS_TEXT =
  "must be db.serverless, db.t3|t4g.medium|large or db.r5|r6g|r6i|r7g|r7i|r8g|x2g.<large|xlarge|Nxlarge> (APG-06)";
/** APG-10..13 patterns of the reference. */
const APPLICATION = /^[a-zA-Z]+[a-zA-Z ]+[a-zA-Z]+$/;
const APPLICATION_VERSION = /^[a-zA-Z0-9.-]+$/;
const COST_CENTER = /^[a-zA-Z0-9]+$/;
const SNAPSHOT_IDENTIFIER = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,254}$/;
/** A snapshot to restore from by name: a manual, an automated (`rds:`) or an AWS Backup (`awsbackup:`) one. */
const SNAPSHOT_NAME = /^(?:rds:|awsbackup:)?[a-zA-Z][a-zA-Z0-9-]{0,254}$/;
/** Windows shorter than this are refused by RDS. */
const MIN_WINDOW_MINUTES = 30;
/** Tag prefixes RDS reserves in keys and values. */
const RDS_TAG_PREFIXES = ["aws:", "rds:"];

// Attributes of an imported cluster
/** An existing cluster's identifier: RDS stores it in lowercase, at most 63 characters. */
const IMPORTED_CLUSTER_IDENTIFIER = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,62}$/;
const CLUSTER_ARN: ArnRule = {
  service: "rds",
  resource: /^cluster:[a-z][a-z0-9-]{0,62}$/,
  shape: "arn:<partition>:rds:<region>:<account>:cluster:<identifier>",
};
const CLUSTER_SNAPSHOT_ARN: ArnRule = {
  service: "rds",
  resource: /^cluster-snapshot:(?:rds:|awsbackup:)?[a-zA-Z][a-zA-Z0-9-]{0,254}$/,
  shape:
    "arn:<partition>:rds:<region>:<account>:cluster-snapshot:<name> (a DB cluster snapshot; a DB instance snapshot cannot restore an Aurora cluster)",
};
/** RDS-managed master secrets are named `rds!cluster-<id>`. */
const SECRET_ARN: ArnRule = {
  service: "secretsmanager",
  resource: /^secret:[\w/+=.@!-]{1,512}$/,
  shape: "arn:<partition>:secretsmanager:<region>:<account>:secret:<name>",
};
/** The cluster resource id RDS assigns: `cluster-` and upper-case letters and digits. */
const CLUSTER_RESOURCE_ID = /^cluster-[A-Z0-9]+$/;
const SECURITY_GROUP_ID = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** A DNS host name (no scheme, no port). */
const HOST_NAME =
  /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The region inside an RDS endpoint (`<id>.cluster-<x>.<region>.rds.amazonaws.com`). */
const ENDPOINT_REGION = /\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.rds\./;

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
const DATABASE_INSIGHTS_MODES = ["standard", "advanced"] as const;
const RESTORE_TYPES = ["full-copy", "copy-on-write"] as const;
/** A UTC time in RFC 3339, as `restore_to_point_in_time.restore_to_time` takes it. */
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const CONFIDENTIALITY = ["public", "private", "confidential", "pii/phi"] as const;
const COMPLIANCE = ["hipaa", "sox", "fips", "other", "none"] as const;

/** Checks every prop; throws one ValidationError listing all problems. */
export function validateClusterProps(
  scope: IConstruct,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
): void {
  const v = new Validator(scope);
  v.oneOf("stage", s.stage, ENVIRONMENT_STAGES).matches(
    "clusterIdentifier",
    s.clusterIdentifier,
    CLUSTER_IDENTIFIER,
    "must be 1-60 lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen",
  );
  // The core's database name rules (APG-02, not postgres, pg_*, the templates or rdsadmin).
  checkDatabaseName(v, "databaseName", s.databaseName, "create")
    .matches(
      "masterUsername",
      s.masterUsername,
      MASTER_USERNAME,
      "must be 1-16 characters: a letter, then letters, digits or underscores (APG-04)",
    )
    .check(
      masterUsernameReason(s.masterUsername) !== undefined,
      `masterUsername ${JSON.stringify(s.masterUsername)} ${masterUsernameReason(s.masterUsername)}. Fix: keep the default "postgres" or choose another name, e.g. "dbadmin".`,
    )
    .integer("port", s.port, 1150, 65535, "(APG-03)");
  validateEngine(v, s);
  v.matches("instanceClass", s.instanceClass, INSTANCE_CLASS, INSTANCE_CLASS_TEXT)
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
      BACKUP_WINDOW_PATTERN,
      'must be "hh24:mi-hh24:mi" (UTC)',
    )
    .matches(
      "preferredMaintenanceWindow",
      props.preferredMaintenanceWindow,
      MAINTENANCE_WINDOW_PATTERN,
      'must be "ddd:hh24:mi-ddd:hh24:mi" (UTC, lowercase days such as "sun:05:00-sun:06:00")',
    );
  validateWindows(v, props);
  validateIdentifiers(v, props, s);
  validateInsights(v, props, s);
  validatePointInTimeRestore(v, props, s);
  validateGlobalMembership(v, scope, props, s.engineVersion);
  validatePlacement(v, props, s);
  validatePublicReader(v, props, s);
  validateShapes(v, props, s, {
    instanceClass: INSTANCE_CLASS,
    instanceClassText: INSTANCE_CLASS_TEXT,
    monitoringIntervals: MONITORING_INTERVALS,
    performanceInsightsRetentions: PERFORMANCE_INSIGHTS_RETENTIONS,
  });
  validateTags(v, s);
  validateNotifications(v, s);
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
  // The mandatory tags' values go to RDS as they are: the characters RDS accepts in tags.
  checkTags(v, "mandatoryTags", mandatoryTagMap(s), { reservedPrefixes: RDS_TAG_PREFIXES });
  checkTags(v, "tags", s.tags, {
    reservedPrefixes: RDS_TAG_PREFIXES,
    constructKeys: Object.keys(mandatoryTagMap(s)),
    refuseConstructKeys: true,
    constructKeysSource: "mandatoryTags and stage",
  });
}

/** Backup and maintenance windows: at least 30 minutes each, and not overlapping (RDS refuses both). */
function validateWindows(v: Validator, props: AuroraPostgresClusterProps): void {
  const given = { backup: props.preferredBackupWindow, maintenance: props.preferredMaintenanceWindow };
  const literal = (w: string | undefined): w is string => w !== undefined && !Token.isUnresolved(w);
  const backup = literal(given.backup) ? parseBackupWindow(given.backup) : undefined;
  const maintenance = literal(given.maintenance) ? parseMaintenanceWindow(given.maintenance) : undefined;
  for (const [name, window, text, example] of [
    ["preferredBackupWindow", backup, given.backup, "02:00-02:30"],
    ["preferredMaintenanceWindow", maintenance, given.maintenance, "sun:05:00-sun:05:30"],
  ] as const) {
    v.check(
      window !== undefined && window.minutes < MIN_WINDOW_MINUTES,
      `${name} ${JSON.stringify(text)} lasts ${window?.minutes} minutes; RDS needs at least ${MIN_WINDOW_MINUTES} (a window may wrap midnight, e.g. "23:45-00:15"). Fix: widen it, e.g. "${example}".`,
    );
  }
  v.check(
    backup !== undefined && maintenance !== undefined && windowsOverlap(backup, maintenance),
    `preferredBackupWindow ${JSON.stringify(given.backup)} (daily) overlaps preferredMaintenanceWindow ${JSON.stringify(given.maintenance)}; RDS refuses overlapping windows. Fix: move one of them, e.g. let the backup window end before the maintenance window starts.`,
  );
}

/** Names derived from the cluster identifier, the final snapshot and the snapshot to restore from. */
function validateIdentifiers(v: Validator, props: AuroraPostgresClusterProps, s: ResolvedSettings): void {
  const id = s.clusterIdentifier;
  if (!Token.isUnresolved(id)) {
    v.check(
      id === "default",
      'clusterIdentifier "default" is reserved: the DB subnet group is named after the cluster, and RDS keeps "default" for its own group. Fix: choose another identifier, e.g. "orders".',
    ).check(
      id.startsWith("sg-"),
      `clusterIdentifier ${JSON.stringify(id)} starts with "sg-": the security group "${id}-aurora" is named after the cluster, and EC2 refuses group names starting with "sg-". Fix: choose another identifier.`,
    );
  }
  const stageNote = props.finalSnapshot === undefined ? ` (the default of stage "${s.stage}")` : "";
  v.check(
    props.finalSnapshotIdentifier !== undefined && !s.finalSnapshot,
    `finalSnapshotIdentifier ${JSON.stringify(props.finalSnapshotIdentifier)} is set, but finalSnapshot is false${stageNote}: no snapshot would be taken when the cluster is destroyed. Fix: set finalSnapshot: true, or remove finalSnapshotIdentifier.`,
  );
  const snapshot = props.snapshotIdentifier;
  if (snapshot === undefined || Token.isUnresolved(snapshot) || snapshot.trim() === "") return;
  checkNameOrArn(
    v,
    "snapshotIdentifier",
    snapshot,
    CLUSTER_SNAPSHOT_ARN,
    SNAPSHOT_NAME,
    'must be a DB cluster snapshot name (a letter, then letters, digits and hyphens, at most 255; "rds:" or "awsbackup:" before automated or AWS Backup ones) or a cluster snapshot ARN',
  );
  const snapshotName = snapshot.split(":").pop();
  v.check(
    s.finalSnapshot &&
      !Token.isUnresolved(s.finalSnapshotIdentifier) &&
      snapshotName === s.finalSnapshotIdentifier,
    `the cluster is restored from ${JSON.stringify(snapshot)}, and its final snapshot would get the same name ${JSON.stringify(s.finalSnapshotIdentifier)}: that snapshot already exists, so destroying the cluster would fail. Fix: set another finalSnapshotIdentifier, e.g. "${s.clusterIdentifier}-final-2".`,
  );
}

/** Whether an RFC 3339 UTC time names a real instant (no 30 February, no hour 25). */
function isCalendarTime(time: string): boolean {
  const ms = Date.parse(time);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === time.slice(0, 19);
}

/** Database Insights mode and the Performance Insights retention it needs (MOD-04). */
function validateInsights(v: Validator, props: AuroraPostgresClusterProps, s: ResolvedSettings): void {
  const retention = s.performanceInsightsRetentionDays;
  v.oneOf("databaseInsightsMode", props.databaseInsightsMode, DATABASE_INSIGHTS_MODES).check(
    props.databaseInsightsMode === "advanced" &&
      !Token.isUnresolved(retention) &&
      retention < ADVANCED_INSIGHTS_MIN_RETENTION_DAYS,
    `databaseInsightsMode "advanced" needs performanceInsightsRetentionDays of at least ${ADVANCED_INSIGHTS_MIN_RETENTION_DAYS} (15 months), got ${retention}. Fix: set performanceInsightsRetentionDays to ${ADVANCED_INSIGHTS_MIN_RETENTION_DAYS} (or 31 * n up to 713, or 731), leave it out (then it is ${ADVANCED_INSIGHTS_MIN_RETENTION_DAYS}), or use databaseInsightsMode "standard".`,
  );
}

/** The source and time of a point-in-time restore or clone (`restoreToPointInTime`). */
function validatePointInTimeRestore(
  v: Validator,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
): void {
  const r = props.restoreToPointInTime;
  if (r === undefined) return;
  const literal = (x: string | undefined): x is string => x !== undefined && !Token.isUnresolved(x);
  const id = r.sourceClusterIdentifier;
  const resourceId = r.sourceClusterResourceId;
  v.check(
    props.snapshotIdentifier !== undefined,
    "snapshotIdentifier and restoreToPointInTime are both set; a cluster is restored from one source. Fix: keep one of them.",
  )
    .check(
      (id === undefined) === (resourceId === undefined),
      `restoreToPointInTime needs exactly one source: sourceClusterIdentifier or sourceClusterResourceId, got ${id === undefined ? "neither" : "both"}. Fix: name the source cluster by its identifier (or ARN), or by its resource id.`,
    )
    .oneOf("restoreToPointInTime.restoreType", r.restoreType, RESTORE_TYPES)
    .matches(
      "restoreToPointInTime.restoreToTime",
      r.restoreToTime,
      UTC_TIMESTAMP,
      'must be a UTC time in RFC 3339, e.g. "2025-06-01T12:00:00Z"',
    )
    .check(
      literal(r.restoreToTime) && UTC_TIMESTAMP.test(r.restoreToTime) && !isCalendarTime(r.restoreToTime),
      `restoreToPointInTime.restoreToTime ${JSON.stringify(r.restoreToTime)} is not a date. Fix: give an existing UTC time, e.g. "2025-06-01T12:00:00Z".`,
    )
    .check(
      r.restoreToTime !== undefined && r.restoreType === "copy-on-write",
      `restoreToPointInTime.restoreToTime ${JSON.stringify(r.restoreToTime)} is set with restoreType "copy-on-write": RDS clones a cluster at its latest restorable time only. Fix: remove restoreToTime for a clone, or use restoreType "full-copy".`,
    )
    .matches(
      "restoreToPointInTime.sourceClusterResourceId",
      resourceId,
      CLUSTER_RESOURCE_ID,
      'must be the cluster resource id RDS assigns ("cluster-" and upper-case letters and digits), not the cluster identifier',
    );
  if (!literal(id)) return;
  checkNameOrArn(
    v,
    "restoreToPointInTime.sourceClusterIdentifier",
    id,
    CLUSTER_ARN,
    IMPORTED_CLUSTER_IDENTIFIER,
    "must be a DB cluster identifier (1-63 lowercase letters, digits and single hyphens, starting with a letter) or a cluster ARN",
  );
  v.check(
    id.split(":").pop() === s.clusterIdentifier,
    `restoreToPointInTime.sourceClusterIdentifier ${JSON.stringify(id)} is this cluster's own identifier: the restored cluster needs a new identifier, and the source must still exist. Fix: give the new cluster another clusterIdentifier, e.g. "${s.clusterIdentifier}-restored".`,
  );
}

/** The notification topic's subscriptions: distinct addresses, and a topic to subscribe to. */
function validateNotifications(v: Validator, s: ResolvedSettings): void {
  const emails = s.notificationEmails.filter((e) => !Token.isUnresolved(e));
  const repeated = duplicatesOf(emails.map((e) => e.toLowerCase()));
  // The subscription's construct id keeps letters and digits only (see private/notifications.ts).
  const idOf = (e: string) => e.replace(/[^A-Za-z0-9]+/g, "_");
  const clashing = duplicatesOf([...new Set(emails)].map(idOf)).filter(
    (id) => !repeated.some((r) => idOf(r) === id),
  );
  v.check(
    repeated.length > 0,
    `notificationEmails lists ${repeated.map((e) => JSON.stringify(e)).join(", ")} more than once (addresses are compared case-insensitively). Fix: list each address once.`,
  )
    .check(
      clashing.length > 0,
      `notificationEmails ${JSON.stringify(emails.filter((e) => clashing.includes(idOf(e))))} differ only in punctuation, and their subscriptions would get the same construct id. Fix: keep one of them and subscribe the other to notificationTopicArn yourself.`,
    )
    .check(
      s.notificationEmails.length > 0 && !s.alarms && !s.eventSubscriptions,
      `notificationEmails is set, but alarms and eventSubscriptions are both false, so there is no notification topic to subscribe them to. Fix: remove notificationEmails, or turn alarms or eventSubscriptions on.`,
    );
}

/**
 * Checks the attributes of an imported cluster (`fromClusterAttributes`): identifiers, ARNs, ids
 * and host names in the shapes RDS, Secrets Manager and EC2 give them, and an ARN of the same
 * cluster. Tokens (another stack's outputs) are accepted unchecked.
 */
export function validateClusterAttributes(scope: IConstruct, attrs: AuroraPostgresClusterAttributes): void {
  const v = new Validator(scope);
  const literal = (x: string | undefined): x is string => x !== undefined && !Token.isUnresolved(x);
  v.matches(
    "clusterIdentifier",
    attrs.clusterIdentifier,
    IMPORTED_CLUSTER_IDENTIFIER,
    "must be an RDS cluster identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter (RDS stores identifiers in lowercase)",
  );
  const before = v.messages.length;
  checkArn(v, "clusterArn", attrs.clusterArn, CLUSTER_ARN);
  const arnOk = v.messages.length === before && literal(attrs.clusterArn);
  const arnId = arnOk ? attrs.clusterArn.split(":").slice(6).join(":") : undefined;
  const arnRegion = arnOk ? attrs.clusterArn.split(":")[3] : undefined;
  v.check(
    arnId !== undefined && literal(attrs.clusterIdentifier) && arnId !== attrs.clusterIdentifier,
    `clusterArn ${JSON.stringify(attrs.clusterArn)} names the cluster "${arnId}", but clusterIdentifier is ${JSON.stringify(attrs.clusterIdentifier)}. Fix: pass the identifier and the ARN of the same cluster (its outputs have both).`,
  )
    .matches(
      "clusterResourceId",
      attrs.clusterResourceId,
      CLUSTER_RESOURCE_ID,
      'must be the cluster resource id RDS assigns ("cluster-" and upper-case letters and digits, e.g. "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ"; it is in rds-db:connect ARNs), not the cluster identifier',
    )
    .integer("port", attrs.port, 1150, 65535, "(Aurora PostgreSQL ports are 1150-65535.)")
    .matches(
      "securityGroupId",
      attrs.securityGroupId,
      SECURITY_GROUP_ID,
      'must be a security group id ("sg-" and 8 or 17 hex digits, e.g. "sg-0123456789abcdef0"), not its name',
    )
    .matches(
      "postgresqlLogGroupName",
      attrs.postgresqlLogGroupName,
      LOG_GROUP_NAME_PATTERN,
      "must be a CloudWatch log group name (1-512 of letters, digits and . - _ / #, not starting with aws/)",
    );
  checkArn(v, "masterUserSecretArn", attrs.masterUserSecretArn, SECRET_ARN);
  for (const [name, host] of [
    ["clusterEndpoint", attrs.clusterEndpoint],
    ["readerEndpoint", attrs.readerEndpoint],
  ] as const) {
    v.matches(
      name,
      host,
      HOST_NAME,
      'must be a host name such as "orders.cluster-abc123.us-east-1.rds.amazonaws.com" (no scheme, no port, no path)',
    );
    const hostRegion = literal(host) ? ENDPOINT_REGION.exec(host)?.[1] : undefined;
    v.check(
      arnRegion !== undefined && hostRegion !== undefined && hostRegion !== arnRegion,
      `${name} ${JSON.stringify(host)} is in ${hostRegion}, but clusterArn is in ${arnRegion}. Fix: pass the endpoint of the same cluster.`,
    );
  }
  v.throwIfAny();
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

/** An RDS reference given as an ARN (checked against `arnRule`) or as a name (checked against `name`). */
function checkNameOrArn(
  v: Validator,
  field: string,
  value: string,
  arnRule: ArnRule,
  name: RegExp,
  what: string,
): void {
  if (value.startsWith("arn:")) checkArn(v, field, value, arnRule);
  else v.matches(field, value, name, what);
}
