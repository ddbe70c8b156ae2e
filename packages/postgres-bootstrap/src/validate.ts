import {
  checkDatabaseName,
  checkDistinct,
  checkExtensionName,
  checkPasswordVersion,
  checkRoleName,
  checkSchemaName,
  SECRET_NAME_PATTERN,
  Validator,
} from "@aurora-cdktf/core";
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { ApplicationSchemaProps, SchemaRoleOptions } from "./application-schema-props";
import { ClusterProviderSettingsOptions } from "./cluster-provider-props";
import { PostgresExtensionsProps } from "./postgres-extensions-props";
import { AwsS3ExtensionProps } from "./aws-s3-extension-props";
import { PostgresConnection } from "./connection";
import { PostgresRoleProps } from "./postgres-role-props";
import { SessionLogging, SUPPRESSED_SESSION_PGOPTIONS } from "./session-logging";
import {
  ResolvedApplicationSchemaSettings,
  ResolvedClusterProviderSettings,
  ResolvedExtensionsSettings,
  ResolvedRoleSettings,
} from "./private/defaults";

/**
 * Checks the props of a `PostgresRole` (as given, and as `resolveRoleSettings` defaulted them) and
 * throws one ValidationError listing every invalid prop. Values that are tokens are accepted unchecked.
 */
export function validateRoleProps(
  scope: IConstruct,
  props: PostgresRoleProps,
  s: ResolvedRoleSettings,
): void {
  const v = new Validator(scope);
  checkRoleName(v, "roleName", props.roleName);
  checkPasswordLogging(v, props.connection, s.login ? [props.roleName] : []);
  if (props.passwordSecret) {
    v.check(
      !s.login,
      `passwordSecret applies to login roles only, got it with login=false. Fix: remove passwordSecret or set login to true.`,
    ).matches(
      "passwordSecret.name",
      props.passwordSecret.name,
      SECRET_NAME_PATTERN,
      'must be a Secrets Manager secret name: 1-512 characters of letters, digits and /_+=.@- (e.g. "orders/app_rw")',
    );
  }
  checkPasswordVersion(v, "passwordVersion", props.passwordVersion)
    .check(
      !s.login && props.passwordVersion !== undefined,
      `passwordVersion applies to login roles only, got passwordVersion=${props.passwordVersion} with login=false. Fix: remove passwordVersion or set login to true.`,
    )
    .integer("connectionLimit", props.connectionLimit, -1, 100_000, "Fix: use -1 for no limit.")
    .throwIfAny();
}

/** Checks the props of an `AwsS3Extension`; throws one ValidationError listing every problem. */
export function validateAwsS3ExtensionProps(
  scope: IConstruct,
  props: AwsS3ExtensionProps,
  roles: readonly string[],
): void {
  const v = new Validator(scope);
  checkDatabaseName(v, "connection.database", props.connection.database, "reference");
  roles.forEach((role, i) => checkRoleName(v, `roles[${i}]`, role, "reference"));
  checkDistinct(v, "roles", roles);
  v.throwIfAny();
}

/** Checks the props of a `PostgresExtensions`; throws one ValidationError listing every problem. */
export function validateExtensionsProps(
  scope: IConstruct,
  props: PostgresExtensionsProps,
  s: ResolvedExtensionsSettings,
): void {
  const v = new Validator(scope);
  const names = s.extensions;
  v.check(
    names.length === 0,
    "extensions must name at least one extension, got an empty list. Fix: omit it for the defaults (pg_stat_statements, pgaudit) or list the extensions you need.",
  );
  names.forEach((name, i) => checkExtensionName(v, `extensions[${i}]`, name));
  checkDistinct(v, "extensions", names);
  // Extensions go to an existing schema: public (the default) or an application schema.
  checkSchemaName(v, "schema", props.schema, "reference");
  checkDatabaseName(v, "connection.database", props.connection.database);
  checkNoDropCascade(
    v,
    props.dropCascade,
    "every object that depends on an extension (a column of one of its types, an index, a view) on destroy (DROP EXTENSION ... CASCADE), and the provider adopts an extension that is already installed (CREATE EXTENSION IF NOT EXISTS), so it could drop data this construct never created",
    "drop the dependent objects yourself before destroying",
  );
  v.throwIfAny();
}

/**
 * Checks the props of an `ApplicationSchema`: the schema, the database and the three role names
 * (given or derived from the schema name). Each role's other options are its `PostgresRole`'s to
 * check, so their errors name the role's path.
 */
export function validateApplicationSchemaProps(
  scope: IConstruct,
  props: ApplicationSchemaProps,
  s: ResolvedApplicationSchemaSettings,
): void {
  const v = new Validator(scope);
  const names = s.roleNames;
  checkSchemaName(v, "schemaName", props.schemaName);
  checkDatabaseName(v, "connection.database", props.connection.database);
  checkNoDropCascade(
    v,
    props.dropCascade,
    "every object in the schema on destroy (DROP SCHEMA ... CASCADE), and the postgresql provider adopts a schema of that name that already exists (whatever if_not_exists says), so it could drop data this construct never created",
    `drop or move the schema's objects yourself before destroying (for a throwaway database: DROP SCHEMA ${JSON.stringify(props.schemaName)} CASCADE)`,
  );
  if (props.passwordSecrets) {
    const prefix = props.passwordSecrets.namePrefix;
    v.check(
      !Token.isUnresolved(prefix) && !SECRET_NAME_PREFIX.test(prefix),
      `passwordSecrets.namePrefix must be 1-400 characters of letters, digits and /_+=.@-, not starting or ending with "/" (the secrets are named <namePrefix>/<role>), got ${JSON.stringify(prefix)}. Fix: use e.g. "orders".`,
    );
  }
  checkRoleName(v, roleField("owner", props.owner), names.owner);
  checkRoleName(v, roleField("readWrite", props.readWrite), names.readWrite);
  checkRoleName(v, roleField("readOnly", props.readOnly), names.readOnly);
  checkDistinct(v, "owner, readWrite and readOnly role names", [
    names.owner,
    names.readWrite,
    names.readOnly,
  ]);
  checkObjectCreators(v, props.objectCreators, [names.owner, names.readWrite, names.readOnly]);
  checkPasswordLogging(
    v,
    props.connection,
    [
      [names.owner, props.owner],
      [names.readWrite, props.readWrite],
      [names.readOnly, props.readOnly],
    ]
      .filter(([, o]) => (o as SchemaRoleOptions | undefined)?.login ?? true)
      .map(([n]) => n as string),
  );
  v.throwIfAny();
}

/**
 * Records failures for `objectCreators` as given (the default, the provider's own login, is not
 * checked): existing roles' names, each once, none of the schema's own roles.
 */
function checkObjectCreators(
  v: Validator,
  creators: readonly string[] | undefined,
  schemaRoles: readonly string[],
): void {
  if (creators === undefined || Token.isUnresolved(creators)) return;
  creators.forEach((c, i) => {
    checkRoleName(v, `objectCreators[${i}]`, c, "reference");
    v.check(
      !Token.isUnresolved(c) && schemaRoles.includes(c),
      `objectCreators[${i}] ${JSON.stringify(c)} is one of the schema's own roles (${schemaRoles.join(", ")}). Fix: list other roles only, e.g. the master user; the owner is always covered.`,
    );
  });
  checkDistinct(v, "objectCreators", creators);
}

const SESSION_LOGGING_VALUES = Object.values(SessionLogging);

/** A prefix of secret names `<prefix>/<role>`: secret name characters, no "/" at either end. */
const SECRET_NAME_PREFIX = /^(?!\/)[\w/+=.@-]{1,400}(?<!\/)$/;

/** A Terraform provider alias: a letter, then letters, digits, `_` or `-`. */
const PROVIDER_ALIAS = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

/**
 * Records a failure when `dropCascade` is true: nothing this library declares is ever dropped with
 * CASCADE, because the provider adopts what exists already and the construct cannot tell.
 */
function checkNoDropCascade(
  v: Validator,
  dropCascade: boolean | undefined,
  drops: string,
  fix: string,
): void {
  v.check(
    dropCascade === true,
    `dropCascade is true, which would drop ${drops}. Nothing this library declares is dropped with CASCADE: without it, destroy fails while objects remain instead of dropping them. Fix: remove dropCascade (or set it to false) and ${fix}.`,
  );
}

/**
 * Records a failure when roles in `loginRoles` would get a generated password on a connection that
 * does not say how its statements stay out of the server log (see `SessionLogging`).
 */
function checkPasswordLogging(
  v: Validator,
  connection: PostgresConnection,
  loginRoles: readonly string[],
): void {
  const mode = connection.sessionLogging ?? SessionLogging.UNKNOWN;
  v.oneOf("connection.sessionLogging", connection.sessionLogging, SESSION_LOGGING_VALUES);
  if (!SESSION_LOGGING_VALUES.includes(mode) || mode !== SessionLogging.UNKNOWN || loginRoles.length === 0)
    return;
  const who = loginRoles.map((r) => (Token.isUnresolved(r) ? "(a role)" : JSON.stringify(r))).join(", ");
  v.check(
    true,
    `${who} ${loginRoles.length === 1 ? "logs" : "log"} in with a generated password, which the postgresql provider sends in clear text (CREATE ROLE ... PASSWORD '...', and ALTER ROLE ... PASSWORD '...' on rotation), and connection.sessionLogging is "unknown": with log_statement = ddl, mod or all (Datafold lineage needs mod), a slow or a failing statement, or pg_stat_statements, the password would reach the server log and its CloudWatch export. ` +
      `Fix: run the engine with PGOPTIONS="${SUPPRESSED_SESSION_PGOPTIONS}" and set connection.sessionLogging to SessionLogging.SUPPRESSED (README "Passwords and logs"); or use login: false; or, for a throwaway database only, SessionLogging.ACCEPT_PASSWORDS_IN_LOG.`,
  );
}

/** Names the field in messages: the option itself, or the default derived from the schema name. */
function roleField(option: string, opts: SchemaRoleOptions | undefined): string {
  return opts?.name !== undefined ? `${option}.name` : `${option}.name (defaulted from schemaName)`;
}

/**
 * Checks the options of a `ClusterProviderSettings` (as given, and as
 * `resolveClusterProviderSettings` defaulted them with the cluster's values); throws one
 * ValidationError listing every problem.
 */
export function validateClusterProviderSettings(
  scope: IConstruct,
  options: ClusterProviderSettingsOptions,
  s: ResolvedClusterProviderSettings,
): void {
  const { tunnel, sslMode, masterUserSecretArn: secretArn } = s;
  const v = new Validator(scope);
  v.oneOf("masterSecretRead", options.masterSecretRead, ["ephemeral", "data-source"]);
  checkDatabaseName(
    v,
    options.database !== undefined ? "database" : "database (the cluster's databaseName)",
    s.database,
  );
  v.matches(
    "alias",
    options.alias,
    PROVIDER_ALIAS,
    'must be a provider alias: a letter, then letters, digits, "_" or "-" (e.g. "orders")',
  );
  v.check(
    secretArn === undefined || (!Token.isUnresolved(secretArn) && secretArn === ""),
    'the cluster has no masterUserSecretArn and none was given. Fix: pass options.masterUserSecretArn (the ARN of a secret whose JSON has a "password" field), or use a cluster with manageMasterUserPassword.',
  )
    .oneOf("sslMode", options.sslMode, ["disable", "require", "verify-ca", "verify-full"])
    .check(
      (sslMode === "verify-ca" || sslMode === "verify-full") && !options.sslRootCertFile,
      `sslMode "${sslMode}" verifies the server certificate and needs sslRootCertFile. Fix: download the RDS global bundle and pass its path, or use sslMode "require".`,
    )
    .check(
      sslMode === "verify-full" && tunnel.kind === "port-forward",
      'sslMode "verify-full" checks that the certificate names the host dialled, which a local port forward (127.0.0.1) never matches. Fix: use sslMode "verify-ca" with the port forward, or PostgresTunnel.socksProxy().',
    )
    .integer(
      "tunnel local port",
      tunnel.localPort,
      1,
      65535,
      "Fix: use the localPortNumber of your port forwarding session.",
    )
    .check(
      tunnel.kind === "port-forward" && !Token.isUnresolved(tunnel.localHost) && !tunnel.localHost,
      'tunnel local host must not be empty. Fix: use "127.0.0.1" (the default).',
    )
    .integer("connectTimeoutSeconds", options.connectTimeoutSeconds, 1, 3600)
    .throwIfAny();
}
