import {
  checkDatabaseName,
  checkDistinct,
  checkRoleName,
  checkSchemaName,
  Validator,
} from "@aurora-cdktf/core";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { DefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import { PostgresConnection } from "./connection";
import { PostgresRole } from "./postgres-role";
import { DependencyChain } from "./dependency-chain";

/** Privileges of the read-write role on tables: DML, no DDL. */
export const READ_WRITE_TABLE_PRIVILEGES: readonly string[] = ["SELECT", "INSERT", "UPDATE", "DELETE"];
/** Privileges of the read-write role on sequences (`nextval`, `currval`, `setval`). */
export const READ_WRITE_SEQUENCE_PRIVILEGES: readonly string[] = ["USAGE", "SELECT", "UPDATE"];
/** Privileges of the read-only role on tables. */
export const READ_ONLY_TABLE_PRIVILEGES: readonly string[] = ["SELECT"];

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
  /** Schema name: a lowercase identifier, not `public` nor `pg_*`. */
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
   * Whether destroying the schema also drops the objects in it (`DROP SCHEMA ... CASCADE`). When
   * false, destroy fails while tables remain, so application data is never dropped by accident.
   *
   * @default false
   */
  readonly dropCascade?: boolean;
  /**
   * Resources the first role is created after (and destroyed before), e.g. the extensions.
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** Names and roles of an {@link ApplicationSchema}, for outputs and other stacks. */
export interface ApplicationSchemaOutputs {
  /** The schema name. */
  readonly schemaName: string;
  /** Name of the owner role. */
  readonly ownerRoleName: string;
  /** Name of the read-write role. */
  readonly readWriteRoleName: string;
  /** Name of the read-only role. */
  readonly readOnlyRoleName: string;
}

/**
 * An application schema with the three roles the reference suggests (BOOT-06): an owner that may
 * create objects in the schema, a read-write role (DML, no DDL) and a read-only role (SELECT).
 * Grants cover existing tables and, through `ALTER DEFAULT PRIVILEGES FOR ROLE <owner> IN SCHEMA`,
 * every table and sequence the owner creates later. The master user stays for administration only.
 *
 * Every `postgresql_*` resource of the construct depends on the previous one, so that no two of
 * them ever run at the same time (they update the same catalog rows; running them in parallel is
 * what fails with `tuple concurrently updated`, cyrilgdn/terraform-provider-postgresql#178).
 */
export class ApplicationSchema extends Construct {
  /** The schema name. */
  public readonly schemaName: string;
  /** The owner role (creates the objects). */
  public readonly ownerRole: PostgresRole;
  /** The read-write role (DML). */
  public readonly readWriteRole: PostgresRole;
  /** The read-only role (SELECT). */
  public readonly readOnlyRole: PostgresRole;
  /** The `postgresql_schema` resource. */
  public readonly schema: Schema;
  /**
   * Depend on this to run after every role, grant and default privilege of the schema exists (and
   * to be destroyed before them), e.g. for other grants on the same schema.
   */
  public readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: ApplicationSchemaProps) {
    super(scope, id);
    const names = {
      owner: props.owner?.name ?? `${props.schemaName}_owner`,
      readWrite: props.readWrite?.name ?? `${props.schemaName}_rw`,
      readOnly: props.readOnly?.name ?? `${props.schemaName}_ro`,
    };
    const v = new Validator(this);
    checkSchemaName(v, "schemaName", props.schemaName);
    checkDatabaseName(v, "connection.database", props.connection.database);
    checkRoleName(v, roleField("owner", props.owner), names.owner);
    checkRoleName(v, roleField("readWrite", props.readWrite), names.readWrite);
    checkRoleName(v, roleField("readOnly", props.readOnly), names.readOnly);
    checkDistinct(v, "owner, readWrite and readOnly role names", [
      names.owner,
      names.readWrite,
      names.readOnly,
    ]);
    v.throwIfAny();

    const connection = props.connection;
    const database = connection.database;
    const chain = new DependencyChain(props.dependsOn);
    const role = (roleId: string, name: string, opts: SchemaRoleOptions | undefined): PostgresRole => {
      const r = new PostgresRole(this, roleId, {
        connection,
        roleName: name,
        login: opts?.login,
        passwordVersion: opts?.passwordVersion,
        connectionLimit: opts?.connectionLimit,
        dependsOn: chain.next(),
      });
      chain.add(r.resource);
      return r;
    };
    this.schemaName = props.schemaName;
    this.ownerRole = role("Owner", names.owner, props.owner);
    this.readWriteRole = role("ReadWrite", names.readWrite, props.readWrite);
    this.readOnlyRole = role("ReadOnly", names.readOnly, props.readOnly);
    const owner = this.ownerRole.resource.name;
    const rw = this.readWriteRole.resource.name;
    const ro = this.readOnlyRole.resource.name;

    this.schema = chain.add(
      new Schema(this, "Schema", {
        provider: connection.provider,
        database,
        name: props.schemaName,
        owner,
        ifNotExists: false,
        dropCascade: props.dropCascade ?? false,
        dependsOn: chain.next(),
      }),
    );
    const schemaName = this.schema.name;

    const grant = (
      grantId: string,
      role: string,
      objectType: string,
      privileges: readonly string[],
    ): void => {
      chain.add(
        new Grant(this, grantId, {
          provider: connection.provider,
          database,
          role,
          objectType,
          schema: objectType === "database" ? undefined : schemaName,
          privileges: [...privileges],
          // No `objects`: table and sequence grants cover every existing object of the schema.
          dependsOn: chain.next(),
        }),
      );
    };
    const defaults = (
      defaultsId: string,
      role: string,
      objectType: string,
      privileges: readonly string[],
    ): void => {
      chain.add(
        new DefaultPrivileges(this, defaultsId, {
          provider: connection.provider,
          database,
          owner,
          role,
          schema: schemaName,
          objectType,
          privileges: [...privileges],
          dependsOn: chain.next(),
        }),
      );
    };

    // CONNECT explicitly, so the roles work where CONNECT was revoked from PUBLIC (hardening).
    grant("OwnerConnect", owner, "database", ["CONNECT"]);
    grant("ReadWriteConnect", rw, "database", ["CONNECT"]);
    grant("ReadOnlyConnect", ro, "database", ["CONNECT"]);
    // The owner owns the schema (USAGE and CREATE implied); the others get USAGE only: no DDL.
    grant("ReadWriteUsage", rw, "schema", ["USAGE"]);
    grant("ReadOnlyUsage", ro, "schema", ["USAGE"]);
    // Existing objects (e.g. a schema that already held tables when restored).
    grant("ReadWriteTables", rw, "table", READ_WRITE_TABLE_PRIVILEGES);
    grant("ReadWriteSequences", rw, "sequence", READ_WRITE_SEQUENCE_PRIVILEGES);
    grant("ReadOnlyTables", ro, "table", READ_ONLY_TABLE_PRIVILEGES);
    // Future objects created by the owner.
    defaults("ReadWriteDefaultTables", rw, "table", READ_WRITE_TABLE_PRIVILEGES);
    defaults("ReadWriteDefaultSequences", rw, "sequence", READ_WRITE_SEQUENCE_PRIVILEGES);
    defaults("ReadOnlyDefaultTables", ro, "table", READ_ONLY_TABLE_PRIVILEGES);

    this.dependable = chain.tail[0];
  }

  /** The names of the schema and its roles. */
  public get outputs(): ApplicationSchemaOutputs {
    return {
      schemaName: this.schemaName,
      ownerRoleName: this.ownerRole.roleName,
      readWriteRoleName: this.readWriteRole.roleName,
      readOnlyRoleName: this.readOnlyRole.roleName,
    };
  }
}

/** Names the field in messages: the option itself, or the default derived from the schema name. */
function roleField(option: string, opts: SchemaRoleOptions | undefined): string {
  return opts?.name !== undefined ? `${option}.name` : `${option}.name (defaulted from schemaName)`;
}
