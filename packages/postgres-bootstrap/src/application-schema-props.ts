import { IKmsKeyRef } from "@aurora-cdktf/core";
import { ITerraformDependable } from "cdktf";
import { PostgresConnection } from "./connection";

/** Privileges of the read-write role on tables: DML, no DDL. */
export const READ_WRITE_TABLE_PRIVILEGES: readonly string[] = ["SELECT", "INSERT", "UPDATE", "DELETE"];
/** Privileges of the read-write role on sequences (`nextval`, `currval`, `setval`). */
export const READ_WRITE_SEQUENCE_PRIVILEGES: readonly string[] = ["USAGE", "SELECT", "UPDATE"];
/** Privileges of the read-only role on tables. */
export const READ_ONLY_TABLE_PRIVILEGES: readonly string[] = ["SELECT"];
/**
 * Privileges of the owner and read-write roles on the database: CONNECT, and TEMPORARY for
 * session-private temporary tables (bulk loads, staging). The read-only role gets CONNECT only.
 */
export const READ_WRITE_DATABASE_PRIVILEGES: readonly string[] = ["CONNECT", "TEMPORARY"];
/** Privileges of the read-write role on functions (and procedures) created in the schema later. */
export const READ_WRITE_FUNCTION_PRIVILEGES: readonly string[] = ["EXECUTE"];

/** One of the three roles of an {@link ApplicationSchema}. */
export interface SchemaRoleOptions {
  /**
   * Role name.
   *
   * @default - `<schemaName>_owner`, `<schemaName>_rw` or `<schemaName>_ro`
   */
  readonly name?: string;
  /**
   * Whether the role may log in (with a generated password). Set false for a group role that
   * login users are made members of.
   *
   * @default true
   */
  readonly login?: boolean;
  /**
   * Version of the generated password; increase it to rotate the password.
   *
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * Maximum concurrent connections of the role; -1 for no limit.
   *
   * @default -1
   */
  readonly connectionLimit?: number;
}

/** Props of {@link ApplicationSchema}. */
export interface ApplicationSchemaProps {
  /** The provider and database in which the schema is created. */
  readonly connection: PostgresConnection;
  /**
   * Schema name: a lowercase identifier, not `public`, `information_schema` nor `pg_*`. A schema of
   * that name that exists already is adopted (and handed to the owner role), not refused.
   */
  readonly schemaName: string;
  /**
   * The owner role: owns the schema, so it may create, alter and drop objects in it (migrations).
   *
   * @default - a login role `<schemaName>_owner`
   */
  readonly owner?: SchemaRoleOptions;
  /**
   * The read-write role: SELECT, INSERT, UPDATE, DELETE on the schema's tables and USAGE, SELECT,
   * UPDATE on its sequences, existing and future; no CREATE, so no DDL.
   *
   * @default - a login role `<schemaName>_rw`
   */
  readonly readWrite?: SchemaRoleOptions;
  /**
   * The read-only role: SELECT on the schema's tables, existing and future.
   *
   * @default - a login role `<schemaName>_ro`
   */
  readonly readOnly?: SchemaRoleOptions;
  /**
   * Deliver the login roles' generated passwords through Secrets Manager secrets named
   * `<namePrefix>/<role>` instead of the state: each password is then ephemeral and written
   * write-only to its role and its secret (see `PostgresRoleProps.passwordSecret`), so it is in no
   * state, plan or JSON. Needs an AWS provider in the stack; the roles' `password` is then undefined.
   *
   * @default - the passwords are `random_password` resources in the state, readable as `password`
   */
  readonly passwordSecrets?: {
    /** Prefix of the secret names, e.g. `orders` for `orders/app_rw`. */
    readonly namePrefix: string;
    /**
     * KMS key of the secrets.
     *
     * @default - the AWS-managed key `aws/secretsmanager`
     */
    readonly kmsKey?: IKmsKeyRef;
  };
  /**
   * Must be false (or left out): `true` fails at synth. The schema is dropped without CASCADE, so
   * destroy fails while tables remain and application data is never dropped by accident; the
   * provider adopts an existing schema of that name, so a CASCADE drop could drop data this
   * construct never created (README "Destroy").
   *
   * @deprecated `true` is refused; drop the schema's objects yourself before destroying.
   * @default false
   */
  readonly dropCascade?: boolean;
  /**
   * Whether PUBLIC loses its implicit CONNECT and TEMPORARY on the database (`postgresql_grant` to
   * `public` with no privileges: `REVOKE ALL ON DATABASE ... FROM PUBLIC`), so that only roles
   * granted CONNECT explicitly (the schema's roles, lineage's role, the database owner, superusers)
   * may connect. Set false when other users of the database rely on PUBLIC's CONNECT (a shared
   * database); a later switch to false does not give PUBLIC its CONNECT back (README "Database
   * access"). The provider's login must own the database (the RDS master does), else the REVOKE
   * is a no-op and every plan shows it again.
   *
   * @default true
   */
  readonly revokePublicDatabaseAccess?: boolean;
  /**
   * Roles besides the owner that create tables, sequences or functions in the schema, e.g. the
   * master user when migrations run as it. Each gets USAGE and CREATE on the schema and default
   * privileges (`ALTER DEFAULT PRIVILEGES FOR ROLE <creator> IN SCHEMA <schema>`), so what it
   * creates is readable by the read-only role, writable by the read-write role, and causes no
   * drift in the "all tables" grants; PUBLIC gets no EXECUTE on the functions it creates in the
   * database. They must exist and be able to connect (the master owns the database). Pass `[]`
   * to allow the owner only (then run migrations as the owner, or `SET ROLE` to it).
   *
   * @default - the login of the connection's provider (its `username`: the master user with
   *   `clusterProviderConfig`), when the provider configuration sets it; none otherwise
   */
  readonly objectCreators?: string[];
  /**
   * Resources the first role is created after (and destroyed before), e.g. the extensions.
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
}
