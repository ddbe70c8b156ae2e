import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { SessionLogging } from "./session-logging";

/**
 * Where bootstrap constructs create their objects: a configured postgresql provider (created by
 * the stack, never by a construct) and a database. Works for Aurora, RDS or any PostgreSQL.
 */
export interface PostgresConnection {
  /**
   * The postgresql provider to use.
   *
   * @default - the stack's default (un-aliased) postgresql provider
   */
  readonly provider?: PostgresqlProvider;
  /** The database in which schemas, extensions and grants are created. */
  readonly database: string;
  /**
   * Whether the statements this connection sends may be logged. Constructs that generate a
   * password (a login `PostgresRole`, `ApplicationSchema`, lineage's `LineageDatabaseAccess`) are
   * refused unless it is `SUPPRESSED` (the engine runs with `PGOPTIONS` set to
   * `SUPPRESSED_SESSION_PGOPTIONS`) or, for a throwaway database, `ACCEPT_PASSWORDS_IN_LOG`. See
   * the README, "Passwords and logs".
   *
   * @default SessionLogging.UNKNOWN
   */
  readonly sessionLogging?: SessionLogging;
}
