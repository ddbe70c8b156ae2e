import { DependencyChain, PostgresRole } from "@aurora-cdktf/postgres-bootstrap";
import { TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { DefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import { LineageDatabaseAccessProps } from "./lineage-database-access-props";
import { ILineageDatabaseAccess } from "./lineage-logging-ref";
import { resolveAccessSettings } from "./private/defaults";
import { validateAccessProps } from "./validate";

/**
 * Datafold's database access (LIN-01..04), as postgresql provider resources: a LOGIN role (a
 * `PostgresRole`, so the same name rules and password generator as the bootstrap's roles), CONNECT
 * on the database, a scratch schema with ALL for it, and USAGE + SELECT on each observed schema
 * covering tables created later (default privileges). Nothing more (no TEMPORARY, no EXECUTE). All statements
 * run one after the other (explicit `depends_on` chain), so the provider's parallel apply never
 * hits `tuple concurrently updated`.
 */
export class LineageDatabaseAccess extends Construct implements ILineageDatabaseAccess {
  /** The database the role reads. */
  public readonly database: string;
  /** The login role. */
  public readonly roleName: string;
  /** The version of the generated password (raise `passwordVersion` to rotate). */
  public readonly passwordVersion: number;
  /** The generated password (sensitive; in the state of `random_password`, never in the JSON). */
  public readonly password: string;
  /** The schema for temporary tables. */
  public readonly tempSchemaName: string;
  /** The observed schemas. */
  public readonly observedSchemas: string[];

  /** The role resource, e.g. to depend on it. */
  public readonly role: Role;

  constructor(scope: Construct, id: string, props: LineageDatabaseAccessProps) {
    super(scope, id);
    const s = resolveAccessSettings(props);
    validateAccessProps(this, props, s);
    const { connection } = props;
    const { provider, database } = connection;
    const chain = new DependencyChain(s.dependsOn);

    const login = new PostgresRole(this, "Role", {
      connection,
      roleName: s.roleName,
      passwordVersion: props.passwordVersion,
      dependsOn: chain.next(),
    });
    this.role = chain.add(login.resource);
    // 0.1.0 kept the role at <this>/Role itself; PostgresRole puts it at <this>/Role/Resource.
    this.role.moveFromId(`postgresql_role.${TerraformStack.of(this).getLogicalId(login.node)}`);

    // CONNECT explicitly: an ApplicationSchema revokes PUBLIC's CONNECT on its database by default.
    chain.add(
      new Grant(this, "Connect", {
        provider,
        database,
        role: this.role.name,
        objectType: "database",
        privileges: ["CONNECT"],
        dependsOn: chain.next(),
      }),
    );
    const tempSchema = chain.add(
      new Schema(this, "TempSchema", {
        provider,
        database,
        name: s.tempSchemaName,
        // Never CASCADE: the provider adopts a schema of that name that exists already, so destroy
        // must fail while tables remain rather than drop data this construct did not create.
        dropCascade: false,
        dependsOn: chain.next(),
      }),
    );
    // GRANT ALL ON SCHEMA = CREATE + USAGE (LIN-03).
    chain.add(
      new Grant(this, "TempSchemaGrant", {
        provider,
        database,
        role: this.role.name,
        schema: tempSchema.name,
        objectType: "schema",
        privileges: ["CREATE", "USAGE"],
        dependsOn: chain.next(),
      }),
    );

    s.observedSchemas.forEach((schema, i) => {
      const scope = new Construct(this, Token.isUnresolved(schema) ? `Observed${i}` : `Observed-${schema}`);
      chain.add(
        new Grant(scope, "Usage", {
          provider,
          database,
          role: this.role.name,
          schema,
          objectType: "schema",
          privileges: ["USAGE"],
          dependsOn: chain.next(),
        }),
      );
      chain.add(
        new Grant(scope, "SelectExistingTables", {
          provider,
          database,
          role: this.role.name,
          schema,
          objectType: "table",
          objects: [],
          privileges: ["SELECT"],
          dependsOn: chain.next(),
        }),
      );
      s.tableOwners.forEach((owner, j) => {
        chain.add(
          new DefaultPrivileges(
            scope,
            Token.isUnresolved(owner) ? `SelectFutureTables${j}` : `SelectFutureTables-${owner}`,
            {
              provider,
              database,
              role: this.role.name,
              owner,
              schema,
              objectType: "table",
              privileges: ["SELECT"],
              dependsOn: chain.next(),
            },
          ),
        );
      });
    });

    this.database = database;
    this.roleName = this.role.name;
    this.password = login.password as string;
    this.passwordVersion = login.passwordVersion as number;
    this.tempSchemaName = tempSchema.name;
    this.observedSchemas = [...s.observedSchemas];
  }
}
