import { Token } from "cdktf";
import { IConstruct } from "constructs";
import {
  checkDatabaseName,
  checkDisplayName,
  checkPasswordVersion,
  checkRoleName,
  checkSchemaName,
  checkTags,
  CLOUDWATCH_LOG_RETENTION_DAYS,
  duplicatesOf,
  RDS_PARAMETER_NAME_PATTERN,
  SECRET_NAME_PATTERN,
  Validator,
} from "@aurora-cdktf/core";
import { LineageDatabaseAccessProps } from "./lineage-database-access-props";
import { LineageHandoverProps } from "./lineage-handover-props";
import { LineageLoggingProps } from "./lineage-logging-props";
import { LineageLogAccess, LineageLogStatement } from "./lineage-logging-ref";
import {
  ResolvedAccessSettings,
  ResolvedHandoverSettings,
  ResolvedLoggingSettings,
} from "./private/defaults";
import { AURORA_POSTGRES_FAMILY, IAM_GROUP_NAME, IAM_USER_NAME, OUTPUT_NAME } from "./private/names";

/**
 * Rules of `LineageLogging`, on the props as given and as `resolveLoggingSettings` defaulted them.
 * A cluster built by this library (its `parameterGroups` is set) owns its parameter groups and log
 * group, so props that would create or configure them here are errors, not silently ignored.
 */
export function validateLoggingProps(
  scope: IConstruct,
  props: LineageLoggingProps,
  s: ResolvedLoggingSettings,
): void {
  const v = new Validator(scope);
  const clusterOwnsParameterGroups = props.cluster.parameterGroups !== undefined;
  const logStatement = s.logStatement;
  v.oneOf("logStatement", logStatement, Object.values(LineageLogStatement));
  v.oneOf("logAccess", props.logAccess, Object.values(LineageLogAccess));

  if (clusterOwnsParameterGroups) {
    const ownedByCluster: [string, unknown][] = [
      ["parameterGroupFamily", props.parameterGroupFamily],
      ["instanceParameters", props.instanceParameters],
      ["clusterParameters", props.clusterParameters],
      ["createLogGroup", props.createLogGroup],
      ["logRetentionDays", props.logRetentionDays],
      ["logGroupKmsKey", props.logGroupKmsKey],
    ];
    for (const [name, value] of ownedByCluster) {
      v.check(
        value !== undefined,
        `${name} was given, but the cluster is built by this library and owns its parameter groups and ` +
          `its postgresql log group. Fix: remove ${name} here and set it on the AuroraPostgresCluster.`,
      );
    }
  } else {
    v.check(
      props.parameterGroupFamily === undefined,
      "parameterGroupFamily is required for a cluster not built by this library (it gets new parameter " +
        'groups), got nothing. Fix: set it to the cluster\'s family, e.g. "aurora-postgresql16".',
    );
    v.matches(
      "parameterGroupFamily",
      props.parameterGroupFamily,
      AURORA_POSTGRES_FAMILY,
      'must be an Aurora PostgreSQL family such as "aurora-postgresql16"',
    );
    // The cluster's `postgresqlLogGroupName` and the name RDS exports to.
    const names = { given: props.cluster.postgresqlLogGroupName, rds: s.rdsLogGroupName };
    v.check(
      !Token.isUnresolved(names.given) && !Token.isUnresolved(names.rds) && names.given !== names.rds,
      `the cluster's postgresqlLogGroupName is ${JSON.stringify(names.given)}, but RDS exports the ` +
        `postgresql log of this cluster to ${JSON.stringify(names.rds)}. Fix: leave postgresqlLogGroupName ` +
        "at its default when importing the cluster.",
    );
    checkParameters(v, "instanceParameters", props.instanceParameters, logStatement);
    checkParameters(v, "clusterParameters", props.clusterParameters, logStatement);
    if (!s.createLogGroup) {
      for (const [name, value] of [
        ["logRetentionDays", props.logRetentionDays],
        ["logGroupKmsKey", props.logGroupKmsKey],
      ] as const) {
        v.check(
          value !== undefined,
          `${name} was given with createLogGroup: false; it only applies to a log group this construct ` +
            `creates. Fix: remove ${name}, or set createLogGroup: true (import the existing log group first).`,
        );
      }
    }
    if (props.logRetentionDays !== undefined && !Token.isUnresolved(props.logRetentionDays)) {
      v.check(
        !CLOUDWATCH_LOG_RETENTION_DAYS.includes(props.logRetentionDays),
        `logRetentionDays must be a value CloudWatch Logs accepts (${CLOUDWATCH_LOG_RETENTION_DAYS.join(", ")}; ` +
          `0 = never expire), got ${props.logRetentionDays}. Fix: pick the nearest allowed value.`,
      );
    }
  }

  v.matches("iamUserName", s.iamUserName, IAM_USER_NAME, "must be 1-64 characters of [A-Za-z0-9_+=,.@-]");
  v.matches("iamGroupName", s.iamGroupName, IAM_GROUP_NAME, "must be 1-128 characters of [A-Za-z0-9_+=,.@-]");
  v.matches(
    "accessKeySecretName",
    s.accessKeySecretName,
    SECRET_NAME_PATTERN,
    "must be 1-512 characters of [A-Za-z0-9/_+=.@-]",
  );
  // The tags go to the log group, IAM user and secret, and to RDS parameter groups made here.
  checkTags(v, "tags", props.tags, { reservedPrefixes: clusterOwnsParameterGroups ? [] : ["rds:"] });
  v.throwIfAny();
}

function checkParameters(
  v: Validator,
  prop: string,
  params: { [name: string]: string } | undefined,
  logStatement: string,
): void {
  for (const [name, value] of Object.entries(params ?? {})) {
    v.check(
      !RDS_PARAMETER_NAME_PATTERN.test(name),
      `${prop} has an invalid parameter name ${JSON.stringify(name)}; RDS parameter names are lower case ` +
        "letters, digits, _ and . (e.g. rds.force_ssl).",
    );
    if (name === "log_statement" && !Token.isUnresolved(value)) {
      v.check(
        value !== logStatement,
        `${prop} sets log_statement = ${JSON.stringify(value)}, which conflicts with logStatement ` +
          `${JSON.stringify(logStatement)} that lineage needs. Fix: remove log_statement from ${prop}` +
          ` (this construct sets it), or set logStatement: LineageLogStatement.ALL if you need "all".`,
      );
    }
  }
}

/** Rules of `LineageDatabaseAccess`, on the props as given and as `resolveAccessSettings` defaulted them. */
export function validateAccessProps(
  scope: IConstruct,
  props: LineageDatabaseAccessProps,
  settings: ResolvedAccessSettings,
): void {
  const v = new Validator(scope);
  const { roleName, tempSchemaName: tempSchema, observedSchemas: observed, tableOwners: owners } = settings;

  // One set of name rules with the bootstrap's roles and schemas (PostgresRole, ApplicationSchema).
  checkRoleName(v, "roleName", roleName);
  checkSchemaName(v, "tempSchemaName", tempSchema);
  checkDatabaseName(v, "connection.database", props.connection.database);

  v.check(
    !Token.isUnresolved(observed) && observed.length === 0,
    "observedSchemas is empty: lineage would observe nothing. Fix: list the schemas whose tables Datafold " +
      'should read, e.g. ["sales"].',
  );
  if (!Token.isUnresolved(observed)) {
    for (const s of observed) {
      checkSchemaName(v, "observedSchemas", s, "reference");
      if (Token.isUnresolved(s)) continue;
      v.check(
        s === tempSchema,
        `observedSchemas contains the temporary schema ${JSON.stringify(s)}; it already gets ALL for the ` +
          "lineage role. Fix: remove it from observedSchemas.",
      );
    }
    const dup = duplicatesOf(observed.filter((s) => !Token.isUnresolved(s)));
    v.check(
      dup.length > 0,
      `observedSchemas lists ${dup.map((d) => JSON.stringify(d)).join(", ")} more than once.`,
    );
  }

  v.check(
    !Token.isUnresolved(owners) && owners.length === 0,
    "tableOwners is empty: tables created later in the observed schemas would not be readable. Fix: list " +
      'the roles that create tables there (e.g. ["app_owner"]); default privileges are set for each.',
  );
  if (!Token.isUnresolved(owners)) {
    for (const o of owners) checkRoleName(v, "tableOwners", o, "reference");
    const dup = duplicatesOf(owners.filter((o) => !Token.isUnresolved(o)));
    v.check(
      dup.length > 0,
      `tableOwners lists ${dup.map((d) => JSON.stringify(d)).join(", ")} more than once.`,
    );
    v.check(
      owners.includes(roleName),
      `tableOwners contains the lineage role ${JSON.stringify(roleName)} itself. Fix: list the roles that ` +
        "own the observed tables.",
    );
  }

  checkPasswordVersion(v, "passwordVersion", props.passwordVersion);
  v.throwIfAny();
}

/** Rules of `LineageHandover`, on the props as given and as `resolveHandoverSettings` defaulted them. */
export function validateHandoverProps(
  scope: IConstruct,
  props: LineageHandoverProps,
  s: ResolvedHandoverSettings,
): void {
  const v = new Validator(scope);
  v.integer("port", props.port, 1, 65535);
  // The data source name is shown in Datafold; an empty one makes an unnamed data source.
  checkDisplayName(v, "dataSourceName", s.dataSourceName, 255, "orders-prod");
  v.check(
    !Token.isUnresolved(s.host) &&
      (typeof s.host !== "string" || !/^[^\s/]{1,253}$/.test(s.host) || /^[^:[\]]+:\d*$/.test(s.host)),
    `host must be a host name or IP address of 1-253 characters without whitespace or "/" (no scheme, no ":port": the port is its own field), got ${JSON.stringify(s.host)}. Fix: omit it for the cluster's writer endpoint, or pass e.g. "orders.cluster-abc.us-east-1.rds.amazonaws.com".`,
  );
  v.matches(
    "secretName",
    s.secretName,
    SECRET_NAME_PATTERN,
    "must be 1-512 characters of [A-Za-z0-9/_+=.@-]",
  );
  v.matches("outputName", props.outputName, OUTPUT_NAME, "must be a valid Terraform output name");
  v.check(
    !props.createSecret && (props.secretName !== undefined || props.secretKmsKey !== undefined),
    "secretName/secretKmsKey were given without createSecret: true. Fix: set createSecret: true or remove them.",
  );
  v.check(
    !props.registerOutputs && props.outputName !== undefined,
    "outputName was given without registerOutputs: true. Fix: set registerOutputs: true or remove it.",
  );
  v.throwIfAny();
}
