import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { DefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import {
  ApplicationSchemaProps,
  READ_ONLY_TABLE_PRIVILEGES,
  READ_WRITE_SEQUENCE_PRIVILEGES,
  READ_WRITE_TABLE_PRIVILEGES,
  SchemaRoleOptions,
} from "./application-schema-props";
import { ApplicationSchemaOutputs } from "./application-schema-ref";
import { PostgresRole } from "./postgres-role";
import { DependencyChain } from "./dependency-chain";
import { resolveApplicationSchemaSettings } from "./private/defaults";
import { validateApplicationSchemaProps } from "./validate";

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
    const s = resolveApplicationSchemaSettings(props);
    validateApplicationSchemaProps(this, props, s);
    const names = s.roleNames;

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
        passwordSecret:
          props.passwordSecrets && (opts?.login ?? true)
            ? { name: `${props.passwordSecrets.namePrefix}/${name}`, kmsKey: props.passwordSecrets.kmsKey }
            : undefined,
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
        dropCascade: s.dropCascade,
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
