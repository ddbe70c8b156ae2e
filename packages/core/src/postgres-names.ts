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

/** Role names Amazon RDS and Aurora keep for themselves. */
const RDS_RESERVED_ROLE = /^rds(_|admin$|repladmin$|topmgr$)/;

const IDENTIFIER_RULE =
  "must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores (a lowercase PostgreSQL identifier that needs no quoting)";

/** Records failures for a role name: syntax, then names the engine or RDS reserve. */
export function checkRoleName(v: Validator, field: string, value: string | undefined): Validator {
  if (value === undefined || Token.isUnresolved(value)) return v;
  if (!IDENTIFIER_PATTERN.test(value)) {
    return v.check(
      true,
      `${field} ${IDENTIFIER_RULE}, got ${JSON.stringify(value)}. Fix: use e.g. "app_owner".`,
    );
  }
  return v
    .check(
      value.startsWith("pg_"),
      `${field} ${JSON.stringify(value)} starts with "pg_", which PostgreSQL reserves for its predefined roles. Fix: choose another prefix.`,
    )
    .check(
      RDS_RESERVED_ROLE.test(value),
      `${field} ${JSON.stringify(value)} is reserved by Amazon RDS for its own roles (rds_*, rdsadmin, rdsrepladmin, rdstopmgr). Fix: choose another name.`,
    )
    .check(
      value === "public" || value === "postgres",
      `${field} ${JSON.stringify(value)} is a built-in role name. Fix: choose an application-specific name.`,
    );
}

/** Records failures for an application schema name. */
export function checkSchemaName(v: Validator, field: string, value: string | undefined): Validator {
  if (value === undefined || Token.isUnresolved(value)) return v;
  if (!IDENTIFIER_PATTERN.test(value)) {
    return v.check(true, `${field} ${IDENTIFIER_RULE}, got ${JSON.stringify(value)}. Fix: use e.g. "app".`);
  }
  return v
    .check(
      value.startsWith("pg_"),
      `${field} ${JSON.stringify(value)} starts with "pg_", which PostgreSQL reserves for system schemas. Fix: choose another name.`,
    )
    .check(
      value === "public" || value === "information_schema",
      `${field} ${JSON.stringify(value)} is a schema every database already has; the application schema is created, owned and dropped by this construct. Fix: choose an application-specific name such as "app".`,
    );
}

/** Records failures for an extension name (syntax only: availability is the server's business). */
export function checkExtensionName(v: Validator, field: string, value: string): Validator {
  if (Token.isUnresolved(value)) return v;
  return v.check(
    !EXTENSION_NAME_PATTERN.test(value),
    `${field} must be an extension name: 1-63 characters, a lowercase letter first, then lowercase letters, digits, "_" or "-" (as listed by pg_available_extensions), got ${JSON.stringify(value)}. Fix: use e.g. "pg_stat_statements" or "uuid-ossp".`,
  );
}

/** Records a failure for a database name that cannot be a PostgreSQL database. */
export function checkDatabaseName(v: Validator, field: string, value: string): Validator {
  if (Token.isUnresolved(value)) return v;
  return v.check(
    value.length === 0 || value.length > 63 || /[\s"]/.test(value),
    `${field} must be a database name of 1-63 characters without spaces or quotes, got ${JSON.stringify(value)}. Fix: pass the name of an existing database (e.g. the cluster's databaseName).`,
  );
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
