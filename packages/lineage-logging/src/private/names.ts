/**
 * Naming rules shared by the validation of both constructs. Pure functions and constants, so they
 * can be tested on their own.
 */

import { CLOUDWATCH_LOG_RETENTION_DAYS } from "@aurora-cdktf/core";

/** Retention values CloudWatch Logs accepts (`PutRetentionPolicy`), plus 0 = never expire. */
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = CLOUDWATCH_LOG_RETENTION_DAYS;

/**
 * An unquoted PostgreSQL identifier as this package accepts it: lower case, starts with a letter or
 * underscore, then letters, digits, `_` or `$`; at most 63 bytes (NAMEDATALEN - 1). Upper case would
 * need quoting everywhere (in Datafold too), so it is rejected rather than silently folded.
 */
export const PG_IDENTIFIER = /^[a-z_][a-z0-9_$]{0,62}$/;

/** What a PostgreSQL identifier must look like, for messages. */
export const PG_IDENTIFIER_RULE =
  "must be a lower-case PostgreSQL identifier (a letter or _, then letters, digits, _ or $; at most 63 characters)";

/** Schemas that are never observed: the catalogs. */
export const SYSTEM_SCHEMAS: readonly string[] = ["information_schema", "pg_catalog", "pg_toast"];

/** An RDS parameter group family for Aurora PostgreSQL, e.g. `aurora-postgresql16`. */
export const AURORA_POSTGRES_FAMILY = /^aurora-postgresql\d+$/;

/** An RDS parameter name (lower case, digits, `_` and `.`, e.g. `rds.force_ssl`). */
export const RDS_PARAMETER_NAME = /^[a-z][a-z0-9_.]*$/;

/** IAM user names: `[\w+=,.@-]`, 1 to 64 characters. */
export const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/;

/** IAM group names: `[\w+=,.@-]`, 1 to 128 characters. */
export const IAM_GROUP_NAME = /^[\w+=,.@-]{1,128}$/;

/** Secrets Manager secret names: `[\w/+=.@-]`, 1 to 512 characters. */
export const SECRET_NAME = /^[\w/+=.@-]{1,512}$/;

/** Values listed more than once in `values`, in first-seen order. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}
