import { Validator } from "./validation";
import { Token } from "cdktf";

/**
 * A role or schema name: the reference's identifier rule (`^[a-zA-Z]+[0-9a-zA-Z_]*$`, APG-02/04)
 * restricted to lowercase, so that the name never needs quoting in SQL, and limited to PostgreSQL's
 * 63-byte identifier length.
 */
export const IDENTIFIER_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * An extension name as `CREATE EXTENSION` takes it unquoted or as found in `pg_available_extensions`:
 * lowercase letters, digits, `_` and `-` (e.g. `uuid-ossp`), a letter first, at most 63 characters.
 */
export const EXTENSION_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;

/** PostgreSQL's identifier limit (NAMEDATALEN - 1): longer names are truncated, in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Role names Amazon RDS and Aurora keep for themselves: no application role may be created so. */
const RDS_RESERVED_ROLE = /^rds(_|admin$|repladmin$|topmgr$)/;
/**
 * RDS's internal roles, which no login can act for: a reference to one (a table owner) cannot work.
 * Other `rds_*` names may be referred to: RDS's group roles exist, and on a plain PostgreSQL an
 * `rds_*` role is an ordinary role.
 */
const RDS_INTERNAL_ROLE = /^rds(admin|repladmin|topmgr)$/;

/**
 * Names PostgreSQL refuses as a role name (`public`, `none`: "role name ... is reserved") or reads
 * as a keyword where a role is expected (`current_user`, `current_role`, `session_user`).
 */
const SQL_ROLE_NAMES: readonly string[] = ["public", "none", "current_user", "current_role", "session_user"];

/**
 * Whether a name is given for an object the construct creates (and so owns and drops), or refers to
 * one that exists already (the construct only grants on it).
 */
export type PostgresNameUse = "create" | "reference";

const IDENTIFIER_RULE =
  "must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores (a lowercase PostgreSQL identifier that needs no quoting)";

/**
 * Why `name` (lowercase) cannot be a role of an application, or undefined when it can: `pg_*`
 * (PostgreSQL's predefined roles), RDS's own roles (for a role to create: every `rds_*` name; for a
 * reference: RDS's internal roles only), SQL's role keywords, and, for a role to create, `postgres`
 * (the default master user). Exported for the cluster's master user name.
 */
export function reservedRoleReason(name: string, use: PostgresNameUse = "create"): string | undefined {
  if (name.startsWith("pg_")) return 'starts with "pg_", which PostgreSQL reserves for its predefined roles';
  if ((use === "create" ? RDS_RESERVED_ROLE : RDS_INTERNAL_ROLE).test(name))
    return use === "create"
      ? "is reserved by Amazon RDS for its own roles (rds_*, rdsadmin, rdsrepladmin, rdstopmgr)"
      : "is one of Amazon RDS's internal roles (rdsadmin, rdsrepladmin, rdstopmgr), which no login can act for";
  if (SQL_ROLE_NAMES.includes(name))
    return `is a built-in role name or SQL role keyword (${SQL_ROLE_NAMES.join(", ")})`;
  if (use === "create" && name === "postgres")
    return "is a built-in role name (the default master user of PostgreSQL, RDS and Aurora)";
  return undefined;
}

/**
 * Records failures for a role name: syntax, then names the engine or RDS reserve. With
 * `use: "reference"` (a role that exists already, e.g. a table owner) `postgres` is allowed.
 */
export function checkRoleName(
  v: Validator,
  field: string,
  value: string | undefined,
  use: PostgresNameUse = "create",
): Validator {
  if (value === undefined || Token.isUnresolved(value)) return v;
  if (!IDENTIFIER_PATTERN.test(value)) {
    return v.check(
      true,
      `${field} ${IDENTIFIER_RULE}, got ${JSON.stringify(value)}. Fix: use e.g. "app_owner".`,
    );
  }
  const reason = reservedRoleReason(value, use);
  return v.check(
    reason !== undefined,
    `${field} ${JSON.stringify(value)} ${reason}. Fix: ${use === "create" ? 'choose an application-specific name such as "app_owner"' : "name a role that logs in or that a login can SET ROLE to, such as the schema's owner"}.`,
  );
}

/** Whether `name` is a system schema: `pg_*` (pg_catalog, pg_toast, pg_temp_N, ...) or `information_schema`. */
export function isSystemSchema(name: string): boolean {
  return name.startsWith("pg_") || name === "information_schema";
}

/**
 * Records failures for a schema name. A schema to create (`use: "create"`, the default) must be
 * the construct's own: not a system schema and not `public`, which every database has (the
 * postgresql provider adopts an existing schema instead of failing). A schema referred to
 * (`use: "reference"`, e.g. one to grant on) may be `public` but not a system schema.
 */
export function checkSchemaName(
  v: Validator,
  field: string,
  value: string | undefined,
  use: PostgresNameUse = "create",
): Validator {
  if (value === undefined || Token.isUnresolved(value)) return v;
  if (!IDENTIFIER_PATTERN.test(value)) {
    return v.check(true, `${field} ${IDENTIFIER_RULE}, got ${JSON.stringify(value)}. Fix: use e.g. "app".`);
  }
  if (use === "reference") {
    return v.check(
      isSystemSchema(value),
      `${field} must not name a system schema, got ${JSON.stringify(value)} (pg_* and information_schema are PostgreSQL's own). Fix: remove it.`,
    );
  }
  return v
    .check(
      value.startsWith("pg_"),
      `${field} ${JSON.stringify(value)} starts with "pg_", which PostgreSQL reserves for system schemas (pg_catalog, pg_toast, pg_temp_*). Fix: choose another name.`,
    )
    .check(
      value === "public" || value === "information_schema",
      `${field} ${JSON.stringify(value)} is a schema every database already has; the construct creates the schema as its own and the provider would adopt the existing one instead of failing. Fix: choose an application-specific name such as "app".`,
    );
}

/** Records failures for an extension name (syntax only: availability is the server's business). */
export function checkExtensionName(v: Validator, field: string, value: string): Validator {
  if (Token.isUnresolved(value)) return v;
  return v
    .check(
      !EXTENSION_NAME_PATTERN.test(value),
      `${field} must be an extension name: 1-63 characters, a lowercase letter first, then lowercase letters, digits, "_" or "-" (as listed by pg_available_extensions), got ${JSON.stringify(value)}. Fix: use e.g. "pg_stat_statements" or "uuid-ossp".`,
    )
    .check(
      PREINSTALLED_EXTENSIONS.includes(value),
      `${field} ${JSON.stringify(value)} is installed in every database already: the provider would adopt it (CREATE EXTENSION IF NOT EXISTS) and destroy would drop it, and with it the language of every function written in it. Fix: remove it from the list.`,
    );
}

/** Extensions every PostgreSQL database has from its template. */
const PREINSTALLED_EXTENSIONS: readonly string[] = ["plpgsql"];

/**
 * Records a failure for a free-text name (e.g. a data source name shown in another tool): it must
 * not be empty or blank, start or end with whitespace, hold control characters, or exceed `max`
 * characters.
 */
export function checkDisplayName(
  v: Validator,
  field: string,
  value: string | undefined,
  max: number,
  example: string,
): Validator {
  if (value === undefined || Token.isUnresolved(value)) return v;
  return v.check(
    typeof value !== "string" ||
      value.trim().length === 0 ||
      value.trim() !== value ||
      /\p{Cc}/u.test(value) ||
      [...value].length > max,
    `${field} must be 1-${max} characters of text, not blank, without leading or trailing whitespace or control characters, got ${JSON.stringify(value)}. Fix: use e.g. ${JSON.stringify(example)}, or omit it for the default.`,
  );
}

/** The database name pattern of CreateDBCluster (APG-02): a letter, then letters, digits or `_`. */
const CREATED_DATABASE_NAME = /^[a-zA-Z][0-9a-zA-Z_]{0,62}$/;

/** Characters a database name to connect to may not hold: whitespace, quotes, backslash, controls. */
const DATABASE_NAME_FORBIDDEN = /[\s"'\\\p{Cc}]/u;

/** Databases no construct may create objects in, nor create: PostgreSQL's templates and RDS's own. */
const RESERVED_DATABASES: Readonly<Record<string, string>> = {
  template0: "is PostgreSQL's pristine template database (it refuses connections)",
  template1:
    "is PostgreSQL's template database: whatever is created there is copied into every database created later",
  rdsadmin: "is Amazon RDS's own database (it refuses connections)",
};

/**
 * Records failures for a database name. `use: "reference"` (the default) is a database to connect
 * to: 1-63 bytes without whitespace, quotes, backslashes or control characters, and not a template
 * nor `rdsadmin`. `use: "create"` is the database the cluster creates: also the APG-02 pattern, not
 * `postgres` (every cluster already has that one) and not `pg_*`.
 */
export function checkDatabaseName(
  v: Validator,
  field: string,
  value: string,
  use: PostgresNameUse = "reference",
): Validator {
  if (Token.isUnresolved(value)) return v;
  if (use === "create" && !CREATED_DATABASE_NAME.test(value)) {
    return v.check(
      true,
      `${field} must be 1-63 characters: a letter, then letters, digits or underscores (APG-02), got ${JSON.stringify(value)}. Fix: use e.g. "orders".`,
    );
  }
  if (
    typeof value !== "string" ||
    value.trim().length === 0 ||
    Buffer.byteLength(value, "utf8") > MAX_IDENTIFIER_BYTES ||
    DATABASE_NAME_FORBIDDEN.test(value)
  ) {
    return v.check(
      true,
      `${field} must be a database name of 1-63 bytes without whitespace, quotes, backslashes or control characters, got ${JSON.stringify(value)}. Fix: pass the name of an existing database (e.g. the cluster's databaseName).`,
    );
  }
  const reserved = RESERVED_DATABASES[value.toLowerCase()];
  return v
    .check(
      reserved !== undefined,
      `${field} ${JSON.stringify(value)} ${reserved}; no construct creates objects there. Fix: use the application's database (e.g. the cluster's databaseName).`,
    )
    .check(
      use === "create" && value.toLowerCase() === "postgres",
      `${field} "${value}" collides with the "postgres" database every Aurora PostgreSQL cluster already has (the administration database). Fix: name the application's database, e.g. "orders".`,
    )
    .check(
      use === "create" && value.toLowerCase().startsWith("pg_"),
      `${field} ${JSON.stringify(value)} starts with "pg_", the prefix PostgreSQL reserves for its own objects. Fix: name the application's database, e.g. "orders".`,
    );
}

/** Records a failure unless a password version is an integer from 1 to 1,000,000. */
export function checkPasswordVersion(v: Validator, field: string, value: number | undefined): Validator {
  return v.integer(field, value, 1, 1_000_000, "Fix: start at 1 and increase it by one per rotation.");
}

/** Records failures for names that must be distinct (duplicates are reported once each). */
export function checkDistinct(v: Validator, field: string, values: readonly string[]): Validator {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const value of values) {
    if (Token.isUnresolved(value)) continue;
    if (seen.has(value)) dups.add(value);
    seen.add(value);
  }
  return v.check(
    dups.size > 0,
    `${field} must be distinct, got ${[...dups].map((d) => JSON.stringify(d)).join(", ")} more than once. Fix: give each a different name.`,
  );
}
