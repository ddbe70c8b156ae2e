/**
 * Naming rules shared by the validation of both constructs. Pure functions and constants, so they
 * can be tested on their own.
 */

/** An RDS parameter group family for Aurora PostgreSQL, e.g. `aurora-postgresql16`. */
export const AURORA_POSTGRES_FAMILY = /^aurora-postgresql\d+$/;

/** IAM user names: `[\w+=,.@-]`, 1 to 64 characters. */
export const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/;

/** IAM group names: `[\w+=,.@-]`, 1 to 128 characters. */
export const IAM_GROUP_NAME = /^[\w+=,.@-]{1,128}$/;

/** Terraform output names: a letter or `_`, then letters, digits, `_` and `-`. */
export const OUTPUT_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;
