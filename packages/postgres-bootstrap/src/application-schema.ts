import { ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { DefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import {
  ApplicationSchemaProps,
  READ_ONLY_TABLE_PRIVILEGES,
  READ_WRITE_DATABASE_PRIVILEGES,
  READ_WRITE_FUNCTION_PRIVILEGES,
  READ_WRITE_SEQUENCE_PRIVILEGES,
  READ_WRITE_TABLE_PRIVILEGES,
  SchemaRoleOptions,
} from "./application-schema-props";
import { ApplicationSchemaOutputs } from "./application-schema-ref";
import { PostgresRole } from "./postgres-role";
import { DependencyChain } from "./dependency-chain";
import { connectionLogin, resolveApplicationSchemaSettings } from "./private/defaults";
import { validateApplicationSchemaProps } from "./validate";

/** The postgresql provider's name for PUBLIC (all roles) in grants and default privileges. */
const PUBLIC = "public";

/**
 * An application schema with the three roles the reference suggests (BOOT-06): an owner that may
 * create objects in the schema, a read-write role (DML, no DDL) and a read-only role (SELECT).
 * Grants cover existing tables and, through `ALTER DEFAULT PRIVILEGES FOR ROLE <owner> IN SCHEMA`,
 * every table, sequence and function the owner (or one of `objectCreators`) creates later. Hardened
 * by default: PUBLIC loses CONNECT and TEMPORARY on the database and has nothing on the schema nor
 * EXECUTE on the functions created there; each role gets CONNECT explicitly (README "Roles and
 * privileges").
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
  /**
   * The roles whose future tables in the schema are covered by default privileges: the owner and
   * `objectCreators`. Pass them as lineage's `tableOwners`.
   */
  public readonly objectOwners: string[];
  /** The `postgresql_schema` resource. */
  public readonly schema: Schema;
  /**
   * Depend on this to run after every role, grant and default privilege of the schema exists (and
   * to be destroyed before them), e.g. for other grants on the same schema.
   */
  public readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: ApplicationSchemaProps) {
    super(scope, id);
    const s = resolveApplicationSchemaSettings(props, connectionLogin(this, props.connection));
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
      grantScope: Construct,
      grantId: string,
      role: string,
      objectType: string,
      privileges: readonly string[],
    ): void => {
      chain.add(
        new Grant(grantScope, grantId, {
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
    /** Default privileges for what `creator` creates: in the schema, or (no schema) anywhere in the database. */
    const defaults = (
      defaultsScope: Construct,
      defaultsId: string,
      creator: string,
      role: string,
      objectType: string,
      privileges: readonly string[],
      inSchema: boolean = true,
    ): void => {
      chain.add(
        new DefaultPrivileges(defaultsScope, defaultsId, {
          provider: connection.provider,
          database,
          owner: creator,
          role,
          schema: inSchema ? schemaName : undefined,
          objectType,
          privileges: [...privileges],
          dependsOn: chain.next(),
        }),
      );
    };
    /**
     * What `creator` creates in the schema: DML for the read-write role, SELECT for the read-only
     * one, EXECUTE on functions for the read-write role only, and none for PUBLIC. PostgreSQL's
     * built-in EXECUTE for PUBLIC is a database-wide default, so it can only be revoked for
     * everything the creator makes in the database, not per schema.
     */
    const coverCreator = (scope: Construct, creator: string): void => {
      defaults(scope, "ReadWriteDefaultTables", creator, rw, "table", READ_WRITE_TABLE_PRIVILEGES);
      defaults(scope, "ReadWriteDefaultSequences", creator, rw, "sequence", READ_WRITE_SEQUENCE_PRIVILEGES);
      defaults(scope, "ReadOnlyDefaultTables", creator, ro, "table", READ_ONLY_TABLE_PRIVILEGES);
      defaults(scope, "ReadWriteDefaultFunctions", creator, rw, "function", READ_WRITE_FUNCTION_PRIVILEGES);
      defaults(scope, "PublicDefaultFunctions", creator, PUBLIC, "function", [], false);
    };
    const creators = s.objectCreators.map((creator, i) => ({
      creator,
      scope: new Construct(this, Token.isUnresolved(creator) ? `Creator${i}` : `Creator-${creator}`),
    }));

    // PUBLIC loses CONNECT and TEMPORARY on the database (a grant of nothing revokes all), and the
    // roles get CONNECT explicitly; owner and read-write also TEMPORARY.
    if (s.revokePublicDatabaseAccess) grant(this, "PublicDatabase", PUBLIC, "database", []);
    grant(this, "OwnerConnect", owner, "database", READ_WRITE_DATABASE_PRIVILEGES);
    grant(this, "ReadWriteConnect", rw, "database", READ_WRITE_DATABASE_PRIVILEGES);
    grant(this, "ReadOnlyConnect", ro, "database", ["CONNECT"]);
    // The owner owns the schema (USAGE and CREATE implied); PUBLIC gets nothing (a grant to PUBLIC
    // made by hand is drift the next apply revokes); the others USAGE only: no DDL. Creators may create.
    grant(this, "PublicSchema", PUBLIC, "schema", []);
    grant(this, "ReadWriteUsage", rw, "schema", ["USAGE"]);
    grant(this, "ReadOnlyUsage", ro, "schema", ["USAGE"]);
    for (const c of creators) grant(c.scope, "Schema", c.creator, "schema", ["CREATE", "USAGE"]);
    // Existing objects (e.g. a schema that already held tables when restored).
    grant(this, "ReadWriteTables", rw, "table", READ_WRITE_TABLE_PRIVILEGES);
    grant(this, "ReadWriteSequences", rw, "sequence", READ_WRITE_SEQUENCE_PRIVILEGES);
    grant(this, "ReadOnlyTables", ro, "table", READ_ONLY_TABLE_PRIVILEGES);
    // Future objects created by the owner, then by each creator.
    coverCreator(this, owner);
    for (const c of creators) coverCreator(c.scope, c.creator);

    this.objectOwners = [this.ownerRole.roleName, ...s.objectCreators];
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
