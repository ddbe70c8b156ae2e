import { ITerraformDependable } from "cdktf";
import { PostgresConnection } from "./connection";

/** The extensions the reference's bootstrap creates (BOOT-04). */
export const DEFAULT_EXTENSIONS: readonly string[] = ["pg_stat_statements", "pgaudit"];

/** Props of {@link PostgresExtensions}. */
export interface PostgresExtensionsProps {
  /** The provider and database in which the extensions are created. */
  readonly connection: PostgresConnection;
  /**
   * Extension names, created in this order. `pg_stat_statements` and `pgaudit` also need
   * `shared_preload_libraries` (the cluster's parameter group sets it). Untrusted extensions need
   * `rds_superuser` on RDS/Aurora (the master user has it) or SUPERUSER elsewhere.
   *
   * @default ["pg_stat_statements", "pgaudit"]
   */
  readonly extensions?: string[];
  /**
   * Schema that receives the extensions' objects.
   *
   * @default - the provider's default: the first schema of the search path (normally `public`)
   */
  readonly schema?: string;
  /**
   * Whether destroying an extension also drops the objects that depend on it (`DROP ... CASCADE`).
   *
   * @default false
   */
  readonly dropCascade?: boolean;
  /**
   * Resources the first extension is created after (and destroyed before).
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
}
