import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";

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
}
