import { Token } from "cdktf";
import { IConstruct } from "constructs";
import {
  ArnRule,
  AwsContext,
  checkArn,
  checkKmsKeyArn,
  checkPasswordVersion,
  duplicatesOf,
  Validator,
} from "@aurora-cdktf/core";
import { ClusterActivityStreamProps } from "../activity-stream-props";
import { AuroraPostgresClusterProps } from "../aurora-postgres-cluster-props";
import { AURORA_POSTGRES_FAMILIES } from "../engine";
import { AuroraGlobalDatabaseProps } from "../global-database-props";
import { parameterGroupFamily } from "./engine";
import { IAuroraPostgresCluster } from "../aurora-postgres-cluster-ref";
import { ClusterS3AccessProps, S3Location } from "../cluster-s3-access-props";

/** IAM role names: 1-64 of letters, digits and `+=,.@_-`. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** S3 bucket names: 3-63 lowercase letters, digits, dots and hyphens, a letter or digit at both ends. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const MAX_PREFIX_LENGTH = 1024;
/** A KMS key ARN (an alias does not work as an IAM policy resource for the key). */
const KMS_KEY_ARN: ArnRule = {
  service: "kms",
  resource: /^key\/[A-Za-z0-9-]+$/,
  shape: "arn:<partition>:kms:<region>:<account>:key/<key id> (a key ARN, not an alias)",
};

/** Which construct holds each cluster's role of a feature (RDS associates one role per feature). */
const FEATURE_OWNERS = new WeakMap<IAuroraPostgresCluster, Map<string, string>>();

/** Records that `path` associates `feature` with `cluster`; returns the earlier owner, if any. */
function claimFeature(cluster: IAuroraPostgresCluster, feature: string, path: string): string | undefined {
  const owners = FEATURE_OWNERS.get(cluster) ?? new Map<string, string>();
  FEATURE_OWNERS.set(cluster, owners);
  const earlier = owners.get(feature);
  if (earlier === undefined) owners.set(feature, path);
  return earlier;
}

function checkLocations(v: Validator, field: string, locations: S3Location[]): void {
  const literal = (x: string | undefined): x is string => x !== undefined && !Token.isUnresolved(x);
  locations.forEach((l, i) => {
    const at = `${field}[${i}]`;
    v.check(
      literal(l.bucketName) && l.bucketName.startsWith("arn:"),
      `${at}.bucketName is an ARN (${JSON.stringify(l.bucketName)}). Fix: give the bucket name only, e.g. "${l.bucketName.split(":").pop()}".`,
    );
    if (literal(l.bucketName) && !l.bucketName.startsWith("arn:")) {
      v.check(
        !BUCKET_NAME.test(l.bucketName) || l.bucketName.includes(".."),
        `${at}.bucketName must be an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit), got ${JSON.stringify(l.bucketName)}.`,
      );
    }
    if (literal(l.prefix)) {
      v.check(
        l.prefix === "" ||
          l.prefix.startsWith("/") ||
          /[*?]/.test(l.prefix) ||
          l.prefix.length > MAX_PREFIX_LENGTH,
        `${at}.prefix must be a key prefix of 1-${MAX_PREFIX_LENGTH} characters without a leading "/" and without "*" or "?" (the policy appends "*"), got ${JSON.stringify(l.prefix)}. Fix: e.g. "exports/orders/", or leave prefix out for the whole bucket.`,
      );
    }
    checkArn(v, `${at}.kmsKeyArn`, l.kmsKeyArn, KMS_KEY_ARN);
  });
  const keys = locations
    .filter((l) => literal(l.bucketName) && (l.prefix === undefined || literal(l.prefix)))
    .map((l) => `s3://${l.bucketName}/${l.prefix ?? ""}`);
  const repeated = duplicatesOf(keys);
  v.check(
    repeated.length > 0,
    `${field} lists ${repeated.join(", ")} more than once. Fix: list each bucket and prefix once.`,
  );
}

/** Checks the props of a `ClusterS3Access`; throws one ValidationError listing every problem. */
export function validateS3AccessProps(
  scope: IConstruct,
  props: ClusterS3AccessProps,
  roleNames: { s3Import: string; s3Export: string },
): void {
  const v = new Validator(scope);
  const importFrom = props.importFrom ?? [];
  const exportTo = props.exportTo ?? [];
  v.check(
    importFrom.length === 0 && exportTo.length === 0,
    "importFrom and exportTo are both empty, so there is no role to create. Fix: list the buckets (and prefixes) the cluster may import from or export to.",
  );
  checkLocations(v, "importFrom", importFrom);
  checkLocations(v, "exportTo", exportTo);
  for (const [feature, field, locations] of [
    ["s3Import", "importRoleName", importFrom],
    ["s3Export", "exportRoleName", exportTo],
  ] as const) {
    if (locations.length === 0) continue;
    const name = roleNames[feature];
    const given = field === "importRoleName" ? props.importRoleName : props.exportRoleName;
    v.check(
      !Token.isUnresolved(name) && !ROLE_NAME.test(name),
      `${field} ${JSON.stringify(name)}${given === undefined ? " (the default, from clusterIdentifier)" : ""} must be an IAM role name: 1-64 of letters, digits and +=,.@_-. Fix: set ${field} to a shorter name, e.g. "${name.slice(0, 40).replace(/-+$/, "")}-s3".`,
    );
    const earlier = claimFeature(props.cluster, feature, scope.node.path);
    v.check(
      earlier !== undefined,
      `cluster ${props.cluster.clusterIdentifier} already has an ${feature} role from ${earlier}; RDS associates one role per feature with a cluster. Fix: list every bucket in that ClusterS3Access instead.`,
    );
  }
  v.check(
    importFrom.length > 0 && exportTo.length > 0 && roleNames.s3Import === roleNames.s3Export,
    `importRoleName and exportRoleName are both ${JSON.stringify(roleNames.s3Import)}; each feature has its own role. Fix: give them different names.`,
  );
  v.throwIfAny();
}

const ACTIVITY_STREAM_MODES = ["async", "sync"] as const;
/** Instance classes without activity streams: burstable ones and Aurora Serverless v2. */
const NO_ACTIVITY_STREAM_CLASS = /^db\.(?:serverless|t\d+g?\.)/;

/**
 * Checks the props of a `ClusterActivityStream` and, for a cluster of this library, the classes of
 * its instances; throws one ValidationError listing every problem.
 */
export function validateActivityStreamProps(
  scope: IConstruct,
  props: ClusterActivityStreamProps,
  instanceClasses: readonly string[],
): void {
  const v = new Validator(scope);
  const refused = [
    ...new Set(instanceClasses.filter((c) => !Token.isUnresolved(c) && NO_ACTIVITY_STREAM_CLASS.test(c))),
  ];
  v.oneOf("mode", props.mode, ACTIVITY_STREAM_MODES)
    .check(
      refused.length > 0,
      `cluster ${props.cluster.clusterIdentifier} has ${refused.join(", ")} instances; database activity streams need provisioned memory-optimized instances (db.r*, db.x2g), not burstable db.t* nor Aurora Serverless v2. Fix: use e.g. db.r6g.large for every instance, or leave the activity stream out.`,
    )
    .check(
      props.kmsKey !== undefined && props.keyDeletionWindowDays !== undefined,
      `keyDeletionWindowDays (${props.keyDeletionWindowDays}) applies to the key this construct creates, but kmsKey is given. Fix: remove keyDeletionWindowDays, or kmsKey to let the construct create the key.`,
    )
    .integer("keyDeletionWindowDays", props.keyDeletionWindowDays, 7, 30);
  const clusterArn = props.cluster.clusterArn;
  const region = Token.isUnresolved(clusterArn) ? undefined : clusterArn.split(":")[3];
  checkKmsKeyArn(v, "kmsKey", props.kmsKey, region);
  v.throwIfAny();
}

/** Global cluster identifiers: as cluster identifiers, at most 63 characters. */
const GLOBAL_CLUSTER_IDENTIFIER = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,62}$/;
const GLOBAL_ROLES = ["primary", "secondary"] as const;
const SECRET_ARN: ArnRule = {
  service: "secretsmanager",
  resource: /^secret:[\w/+=.@!-]{1,512}$/,
  shape: "arn:<partition>:secretsmanager:<region>:<account>:secret:<name>",
};

/** Checks the props of an `AuroraGlobalDatabase`; throws one ValidationError listing every problem. */
export function validateGlobalDatabaseProps(
  scope: IConstruct,
  props: AuroraGlobalDatabaseProps,
  engineVersion: string,
): void {
  const v = new Validator(scope).matches(
    "globalClusterIdentifier",
    props.globalClusterIdentifier,
    GLOBAL_CLUSTER_IDENTIFIER,
    "must be 1-63 lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen",
  );
  const majors = Object.keys(AURORA_POSTGRES_FAMILIES).join(", ");
  v.check(
    Token.isUnresolved(engineVersion),
    'engineVersion must be a literal such as "16.8" (the members derive their parameter-group family from it), got a token.',
  ).check(
    !Token.isUnresolved(engineVersion) && parameterGroupFamily(engineVersion) === undefined,
    `engineVersion must be "major.minor" with a supported major (${majors}), got ${JSON.stringify(engineVersion)}. Use e.g. "16.8" or "17.5".`,
  );
  v.throwIfAny();
}

/**
 * The rules of `globalDatabase` on an `AuroraPostgresCluster`: the member runs the global
 * database's engine version, is not a restore, and has the password props of its role only; a
 * secondary names the primary's secret, no master user of its own, and another region.
 */
export function validateGlobalMembership(
  v: Validator,
  scope: IConstruct,
  props: AuroraPostgresClusterProps,
  engineVersion: string,
): void {
  const m = props.globalDatabase;
  if (m === undefined) return;
  const global = m.globalDatabase;
  const role = m.role ?? "primary";
  v.oneOf("globalDatabase.role", m.role, GLOBAL_ROLES)
    .check(
      !Token.isUnresolved(engineVersion) &&
        !Token.isUnresolved(global.engineVersion) &&
        engineVersion !== global.engineVersion,
      `engineVersion ${JSON.stringify(engineVersion)} differs from the global database's ${JSON.stringify(global.engineVersion)}; every member of a global database runs its engine version (and the parameter-group family derived from it). Fix: leave engineVersion out (it then follows the global database) or set it to ${JSON.stringify(global.engineVersion)}; to upgrade, change the global database's engineVersion and the members' together.`,
    )
    .check(
      props.snapshotIdentifier !== undefined || props.restoreToPointInTime !== undefined,
      `globalDatabase is set with ${props.snapshotIdentifier !== undefined ? "snapshotIdentifier" : "restoreToPointInTime"}: RDS restores into a standalone cluster only. Fix: restore without globalDatabase, then make a global database from that cluster (aws rds create-global-cluster --source-db-cluster-identifier), or create the member empty.`,
    );
  checkPasswordVersion(v, "globalDatabase.masterPasswordVersion", m.masterPasswordVersion);
  if (role === "secondary") {
    v.check(
      m.primaryMasterUserSecretArn === undefined,
      "globalDatabase.primaryMasterUserSecretArn is required for a secondary: it shares the primary's master user and password. Fix: pass the primary cluster's masterUserSecretArn.",
    )
      .check(
        m.masterPasswordVersion !== undefined,
        `globalDatabase.masterPasswordVersion (${m.masterPasswordVersion}) applies to the primary only: a secondary has no password of its own. Fix: remove it, and rotate the primary's password instead.`,
      )
      .check(
        props.masterUsername !== undefined,
        `masterUsername ${JSON.stringify(props.masterUsername)} is set on a secondary, which takes its master user from the primary (RDS refuses a user name on a secondary). Fix: remove masterUsername.`,
      );
    checkArn(v, "globalDatabase.primaryMasterUserSecretArn", m.primaryMasterUserSecretArn, SECRET_ARN);
    const region = AwsContext.literalRegion(scope);
    v.check(
      region !== undefined && global.region !== undefined && region === global.region,
      `this secondary is in ${region}, the region of the global database's stack (where its primary is). A global database has one cluster per region. Fix: create the secondary in a stack of another region.`,
    );
  } else {
    v.check(
      m.primaryMasterUserSecretArn !== undefined,
      'globalDatabase.primaryMasterUserSecretArn applies to a secondary only; the primary creates its own master secret. Fix: remove it, or set role: "secondary".',
    );
  }
}
