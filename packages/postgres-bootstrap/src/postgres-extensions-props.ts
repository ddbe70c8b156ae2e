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
   * Must be false (or left out): `true` fails at synth. An extension is dropped without CASCADE, so
   * destroy fails while objects depend on it (columns of its types, indexes, views); the provider
   * adopts an installed extension (`CREATE EXTENSION IF NOT EXISTS`), so a CASCADE drop could drop
   * data this construct never created (README "Destroy").
   *
   * @deprecated `true` is refused; drop the dependent objects yourself before destroying.
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
