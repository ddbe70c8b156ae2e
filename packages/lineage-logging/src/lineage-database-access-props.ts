import { PostgresConnection } from "@aurora-cdktf/postgres-bootstrap";
import { ITerraformDependable } from "cdktf";

/** Props of {@link LineageDatabaseAccess}. */
export interface LineageDatabaseAccessProps {
  /** Where to create the role, schema and grants (provider + database). */
  readonly connection: PostgresConnection;
  /**
   * Schemas whose tables Datafold may read (USAGE + SELECT on existing and future tables, LIN-04).
   * At least one.
   */
  readonly observedSchemas: string[];
  /**
   * Roles that create tables in the observed schemas. Default privileges are set for each of them
   * in each observed schema, so tables they create later are readable too. At least one.
   */
  readonly tableOwners: string[];
  /**
   * Name of the login role Datafold uses (role names are cluster-wide).
   *
   * @default "datafold"
   */
  readonly roleName?: string;
  /**
   * Name of the schema for Datafold's temporary tables.
   *
   * @default "datafold_tmp"
   */
  readonly tempSchemaName?: string;
  /**
   * Bump to generate a new password (the role's `password_wo_version` follows).
   *
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * Resources that must be applied before the first statement here, e.g. your own grants on the
   * same schemas: concurrent GRANTs on one object fail with `tuple concurrently updated`.
   *
   * @default - no extra ordering
   */
  readonly dependsOn?: ITerraformDependable[];
}
