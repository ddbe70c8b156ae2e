/**
 * What the server may do with the statements a connection sends. It matters for passwords: the
 * postgresql provider (cyrilgdn/postgresql 1.26) sends them in clear text, as
 * `CREATE ROLE "x" WITH ENCRYPTED PASSWORD '<clear>' ...` and `ALTER ROLE "x" PASSWORD '<clear>'`,
 * and PostgreSQL writes such a statement to its log when `log_statement` covers DDL (`ddl`, `mod`,
 * `all`: Datafold lineage needs `mod`), when it runs longer than `log_min_duration_statement`, or
 * when it fails (`log_min_error_statement`); `pg_stat_statements` keeps its text too. On RDS and
 * Aurora that log is exported to CloudWatch.
 */
export enum SessionLogging {
  /**
   * Not known: statements of this connection may reach the server log or `pg_stat_statements`.
   * Constructs that would send a password refuse it at synth.
   */
  UNKNOWN = "unknown",
  /**
   * The engine that applies the stack runs with `PGOPTIONS` set to {@link SUPPRESSED_SESSION_PGOPTIONS}
   * (the provider's libpq-compatible driver reads it), so no statement of its sessions is logged or
   * tracked, whatever the parameter groups say. A server that does not allow the login to change
   * these settings refuses the connection before any statement is sent.
   */
  SUPPRESSED = "suppressed",
  /**
   * You accept that generated passwords are written in clear text to the server log (and wherever
   * it is exported) and to `pg_stat_statements`. Only for throwaway databases.
   */
  ACCEPT_PASSWORDS_IN_LOG = "accept-passwords-in-log",
}

/**
 * The session settings that keep the provider's statements out of the server log and
 * `pg_stat_statements`: `PGOPTIONS="${SUPPRESSED_SESSION_PGOPTIONS}"` in the environment of
 * `cdktf deploy` / `tofu apply` for the stacks whose connection says {@link SessionLogging.SUPPRESSED}.
 */
export const SUPPRESSED_SESSION_PGOPTIONS =
  "-c log_statement=none -c log_min_duration_statement=-1 -c log_min_error_statement=panic -c pg_stat_statements.track=none";
