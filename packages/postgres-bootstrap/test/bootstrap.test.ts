import "cdktf/lib/testing/adapters/jest";
import { TerraformStack, Testing } from "cdktf";
import { DefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
import { Extension } from "@cdktf/provider-postgresql/lib/extension";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import { Password } from "@cdktf/provider-random/lib/password";
import { ApplicationSchema, PostgresExtensions, PostgresRole } from "../src";
import { databaseStack } from "../../../test/helpers/unit";

type Synth = {
  resource: Record<string, Record<string, Record<string, unknown> & { depends_on?: string[] }>>;
};

function testStack() {
  return databaseStack();
}

function synth(stack: TerraformStack): Synth {
  return JSON.parse(Testing.synth(stack)) as Synth;
}

/** Every postgresql_* resource as "type.name" with its depends_on. */
function postgresResources(json: Synth): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [type, byName] of Object.entries(json.resource)) {
    if (!type.startsWith("postgresql_")) continue;
    for (const [name, body] of Object.entries(byName)) out.set(`${type}.${name}`, body.depends_on ?? []);
  }
  return out;
}

describe("ApplicationSchema", () => {
  describe("defaults", () => {
    test("creates the schema owned by the owner role, failing if it already exists (BOOT-06)", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(Schema, {
        name: "app",
        database: "orders",
        owner: "${postgresql_role.App_Owner_52D617F4.name}",
        if_not_exists: false,
        drop_cascade: false,
      });
    });

    test("creates three login roles named after the schema (BOOT-06)", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const app = new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const out = Testing.synth(stack);
      for (const name of ["app_owner", "app_rw", "app_ro"]) {
        expect(out).toHaveResourceWithProperties(Role, { name, login: true, password_wo_version: "1" });
      }
      expect(app.outputs).toEqual({
        schemaName: "app",
        ownerRoleName: "app_owner",
        readWriteRoleName: "app_rw",
        readOnlyRoleName: "app_ro",
      });
    });

    test("gives the read-write role DML and sequence use, existing and future, and no CREATE (BOOT-06)", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const out = Testing.synth(stack);
      const rw = "${postgresql_role.App_ReadWrite_C3551B4A.name}";
      const schema = "${postgresql_schema.App_Schema_B02A999A.name}";
      expect(out).toHaveResourceWithProperties(Grant, {
        role: rw,
        object_type: "schema",
        schema,
        privileges: ["USAGE"],
      });
      expect(out).toHaveResourceWithProperties(Grant, {
        role: rw,
        object_type: "table",
        schema,
        privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"],
      });
      expect(out).toHaveResourceWithProperties(Grant, {
        role: rw,
        object_type: "sequence",
        schema,
        privileges: ["USAGE", "SELECT", "UPDATE"],
      });
      expect(out).toHaveResourceWithProperties(DefaultPrivileges, {
        owner: "${postgresql_role.App_Owner_52D617F4.name}",
        role: rw,
        schema,
        object_type: "table",
        privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"],
      });
      expect(out).toHaveResourceWithProperties(DefaultPrivileges, {
        owner: "${postgresql_role.App_Owner_52D617F4.name}",
        role: rw,
        schema,
        object_type: "sequence",
        privileges: ["USAGE", "SELECT", "UPDATE"],
      });
      const json = synth(stack);
      const schemaGrants = Object.values(json.resource.postgresql_grant).filter(
        (g) => g.object_type === "schema",
      );
      // PUBLIC (nothing), read-write and read-only (USAGE): no CREATE for anyone but the owner.
      expect(schemaGrants.map((g) => [g.role, g.privileges]).sort()).toEqual([
        ["${postgresql_role.App_ReadOnly_E95C1FBB.name}", ["USAGE"]],
        [rw, ["USAGE"]],
        ["public", []],
      ]);
      // No `objects` list: the table and sequence grants cover every object of the schema.
      expect(Object.values(json.resource.postgresql_grant).filter((g) => "objects" in g)).toEqual([]);
    });

    test("gives the read-only role SELECT on existing and future tables only (BOOT-06)", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const json = synth(stack);
      const ro = "${postgresql_role.App_ReadOnly_E95C1FBB.name}";
      const grants = Object.values(json.resource.postgresql_grant).filter((g) => g.role === ro);
      expect(grants.map((g) => [g.object_type, g.privileges]).sort()).toEqual([
        ["database", ["CONNECT"]],
        ["schema", ["USAGE"]],
        ["table", ["SELECT"]],
      ]);
      const defaults = Object.values(json.resource.postgresql_default_privileges).filter(
        (d) => d.role === ro,
      );
      expect(defaults.map((d) => [d.object_type, d.privileges])).toEqual([["table", ["SELECT"]]]);
    });

    test("grants CONNECT on the database to each role explicitly, TEMPORARY to owner and read-write", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const json = synth(stack);
      const connects = Object.values(json.resource.postgresql_grant).filter(
        (g) => g.object_type === "database" && g.role !== "public",
      );
      expect(connects.map((g) => [g.role, g.privileges]).sort()).toEqual([
        ["${postgresql_role.App_Owner_52D617F4.name}", ["CONNECT", "TEMPORARY"]],
        ["${postgresql_role.App_ReadOnly_E95C1FBB.name}", ["CONNECT"]],
        ["${postgresql_role.App_ReadWrite_C3551B4A.name}", ["CONNECT", "TEMPORARY"]],
      ]);
      expect(connects.every((g) => g.database === "orders" && g.schema === undefined)).toBe(true);
    });

    test("revokes PUBLIC's CONNECT and TEMPORARY on the database by default: a grant to public of nothing", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const json = synth(stack);
      const publicOnDatabase = Object.values(json.resource.postgresql_grant).filter(
        (g) => g.role === "public" && g.object_type === "database",
      );
      expect(publicOnDatabase).toEqual([
        {
          provider: "postgresql",
          database: "orders",
          role: "public",
          object_type: "database",
          privileges: [],
          depends_on: ["postgresql_schema.App_Schema_B02A999A"],
        },
      ]);
    });

    test("keeps PUBLIC's database privileges with revokePublicDatabaseAccess: false, and still grants CONNECT", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", {
        connection,
        schemaName: "app",
        revokePublicDatabaseAccess: false,
      });
      // THEN
      const grants = Object.values(synth(stack).resource.postgresql_grant);
      expect(grants.filter((g) => g.object_type === "database").map((g) => g.role)).not.toContain("public");
      expect(grants.filter((g) => g.object_type === "database")).toHaveLength(3);
      // PUBLIC still has nothing on the schema
      expect(grants.filter((g) => g.role === "public").map((g) => [g.object_type, g.privileges])).toEqual([
        ["schema", []],
      ]);
    });

    test("gives the read-write role EXECUTE on the owner's future functions and PUBLIC none, database-wide for the owner", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const json = synth(stack);
      const functions = Object.values(json.resource.postgresql_default_privileges).filter(
        (d) => d.object_type === "function",
      );
      expect(functions.map((d) => [d.owner, d.role, d.schema ?? null, d.privileges]).sort()).toEqual([
        [
          "${postgresql_role.App_Owner_52D617F4.name}",
          "${postgresql_role.App_ReadWrite_C3551B4A.name}",
          "${postgresql_schema.App_Schema_B02A999A.name}",
          ["EXECUTE"],
        ],
        // No schema: PostgreSQL's EXECUTE for PUBLIC is a database-wide default, revocable only so.
        ["${postgresql_role.App_Owner_52D617F4.name}", "public", null, []],
      ]);
    });

    test("without a provider login and no objectCreators, covers the owner's objects only", () => {
      // GIVEN (the test provider sets no username)
      const { stack, connection } = testStack();
      // WHEN
      const app = new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const owners = new Set(
        Object.values(synth(stack).resource.postgresql_default_privileges).map((d) => d.owner),
      );
      expect([...owners]).toEqual(["${postgresql_role.App_Owner_52D617F4.name}"]);
      expect(app.objectOwners).toEqual(["app_owner"]);
    });
  });

  describe("object creators", () => {
    /** The default privileges and grants of one creator, as [type, object_type, role, schema?, privileges]. */
    function coverageOf(json: Synth, creator: string): unknown[] {
      const defaults = Object.values(json.resource.postgresql_default_privileges)
        .filter((d) => d.owner === creator)
        .map((d) => ["defaults", d.object_type, d.role, d.schema ?? null, d.privileges]);
      const grants = Object.values(json.resource.postgresql_grant)
        .filter((g) => g.role === creator)
        .map((g) => ["grant", g.object_type, g.role, g.schema ?? null, g.privileges]);
      return [...grants, ...defaults].sort();
    }

    test("covers what each listed creator makes in the schema: rw DML and EXECUTE, ro SELECT, PUBLIC nothing; it may CREATE", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const app = new ApplicationSchema(stack, "App", {
        connection,
        schemaName: "app",
        objectCreators: ["migrator", "postgres"],
      });
      // THEN
      const json = synth(stack);
      const rw = "${postgresql_role.App_ReadWrite_C3551B4A.name}";
      const ro = "${postgresql_role.App_ReadOnly_E95C1FBB.name}";
      const schema = "${postgresql_schema.App_Schema_B02A999A.name}";
      for (const creator of ["migrator", "postgres"]) {
        expect(coverageOf(json, creator)).toEqual(
          [
            ["grant", "schema", creator, schema, ["CREATE", "USAGE"]],
            ["defaults", "table", rw, schema, ["SELECT", "INSERT", "UPDATE", "DELETE"]],
            ["defaults", "sequence", rw, schema, ["USAGE", "SELECT", "UPDATE"]],
            ["defaults", "table", ro, schema, ["SELECT"]],
            ["defaults", "function", rw, schema, ["EXECUTE"]],
            ["defaults", "function", "public", null, []],
          ].sort(),
        );
      }
      // No database grant for a creator: it could be the database owner, whose own privileges a
      // postgresql_grant would revoke first.
      expect(
        Object.values(json.resource.postgresql_grant).filter(
          (g) => g.object_type === "database" && ["migrator", "postgres"].includes(g.role as string),
        ),
      ).toEqual([]);
      expect(app.objectOwners).toEqual(["app_owner", "migrator", "postgres"]);
      expect(app.node.findChild("Creator-migrator").node.children.map((c) => c.node.id)).toEqual([
        "Schema",
        "ReadWriteDefaultTables",
        "ReadWriteDefaultSequences",
        "ReadOnlyDefaultTables",
        "ReadWriteDefaultFunctions",
        "PublicDefaultFunctions",
      ]);
    });

    test("defaults to the login of the connection's provider, or of the stack's un-aliased provider", () => {
      // GIVEN: one stack passing the provider, one relying on the default provider
      const given = testStack();
      given.connection.provider.username = "master";
      const implicit = testStack();
      implicit.connection.provider.username = "admin";
      // WHEN
      const a = new ApplicationSchema(given.stack, "App", {
        connection: given.connection,
        schemaName: "app",
      });
      const b = new ApplicationSchema(implicit.stack, "App", {
        connection: { ...implicit.connection, provider: undefined },
        schemaName: "app",
      });
      // THEN
      expect(a.objectOwners).toEqual(["app_owner", "master"]);
      expect(b.objectOwners).toEqual(["app_owner", "admin"]);
      expect(coverageOf(synth(given.stack), "master")).toHaveLength(6);
      expect(coverageOf(synth(implicit.stack), "admin")).toHaveLength(6);
    });

    test("objectCreators: [] covers the owner only, even when the provider's login is known", () => {
      // GIVEN
      const { stack, connection } = testStack();
      connection.provider.username = "master";
      // WHEN
      const app = new ApplicationSchema(stack, "App", { connection, schemaName: "app", objectCreators: [] });
      // THEN
      expect(app.objectOwners).toEqual(["app_owner"]);
      expect(coverageOf(synth(stack), "master")).toEqual([]);
    });
  });

  describe("ordering", () => {
    test("chains every postgresql resource after the previous one, so none run in parallel (provider #178)", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN: one linear chain: one head without depends_on, every other resource depends on exactly
      // one, and no resource is depended on twice.
      const deps = postgresResources(synth(stack));
      expect(deps.size).toBe(19);
      const heads = [...deps].filter(([, d]) => d.length === 0).map(([a]) => a);
      expect(heads).toEqual(["postgresql_role.App_Owner_52D617F4"]);
      const targets = [...deps.values()].flat();
      expect(new Set(targets).size).toBe(targets.length);
      expect([...deps.values()].every((d) => d.length <= 1)).toBe(true);
      // Walk from the tail to the head: all 19 are on one path.
      const dependedOn = new Set(targets);
      const tails = [...deps.keys()].filter((a) => !dependedOn.has(a));
      expect(tails).toEqual(["postgresql_default_privileges.App_PublicDefaultFunctions_9D595C10"]);
      let steps = 1;
      for (let at = tails[0]; deps.get(at)!.length > 0; at = deps.get(at)![0]) steps++;
      expect(steps).toBe(19);
    });

    test("starts the chain after dependsOn and exposes its end as dependable", () => {
      // GIVEN
      const { stack, connection } = testStack();
      const ext = new PostgresExtensions(stack, "Extensions", { connection });
      // WHEN
      const app = new ApplicationSchema(stack, "App", {
        connection,
        schemaName: "app",
        dependsOn: [ext.dependable],
      });
      new Grant(stack, "Later", {
        provider: connection.provider,
        database: "orders",
        role: "lineage",
        objectType: "schema",
        schema: "app",
        privileges: ["USAGE"],
        dependsOn: [app.dependable],
      });
      // THEN
      const json = synth(stack);
      expect(json.resource.postgresql_role.App_Owner_52D617F4.depends_on).toEqual([
        "postgresql_extension.Extensions_pgaudit_F7054309",
      ]);
      expect(json.resource.postgresql_grant.Later.depends_on).toEqual([
        "postgresql_default_privileges.App_PublicDefaultFunctions_9D595C10",
      ]);
    });
  });

  describe("secrets", () => {
    test("passes generated passwords as write-only references, never as literals", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const app = new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const json = synth(stack);
      for (const role of Object.values(json.resource.postgresql_role)) {
        expect(role.password).toBeUndefined();
        expect(role.password_wo).toMatch(/^\$\{random_password\.App_\w+_Password_[0-9A-F]{8}\.result\}$/);
      }
      expect(Testing.synth(stack)).toHaveResourceWithProperties(Password, {
        length: 32,
        special: false,
        keepers: { password_version: "1" },
      });
      expect(app.ownerRole.password).toBeDefined();
      expect(Testing.synth(stack)).not.toMatch(/"password"\s*:/);
    });
  });

  describe("props", () => {
    test("uses given role names, group roles without login, and password versions", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const app = new ApplicationSchema(stack, "App", {
        connection,
        schemaName: "orders",
        owner: { name: "orders_admin", login: false },
        readWrite: { name: "orders_app", passwordVersion: 3, connectionLimit: 50 },
        readOnly: { name: "orders_report" },
        dropCascade: false,
      });
      // THEN
      const out = Testing.synth(stack);
      expect(out).toHaveResourceWithProperties(Role, { name: "orders_admin", login: false });
      expect(out).toHaveResourceWithProperties(Role, {
        name: "orders_app",
        login: true,
        password_wo_version: "3",
        connection_limit: 50,
      });
      expect(out).toHaveResourceWithProperties(Password, { keepers: { password_version: "3" } });
      expect(out).toHaveResourceWithProperties(Schema, { name: "orders", drop_cascade: false });
      expect(app.ownerRole.password).toBeUndefined();
      const json = synth(stack);
      expect(Object.keys(json.resource.random_password)).toHaveLength(2);
      expect(json.resource.postgresql_role.App_Owner_52D617F4.password_wo).toBeUndefined();
    });
  });

  describe("snapshots", () => {
    test("minimal", () => {
      const { stack, connection } = testStack();
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      expect(Testing.synth(stack)).toMatchSnapshot();
    });

    test("maximal", () => {
      const { stack, connection } = testStack();
      const ext = new PostgresExtensions(stack, "Extensions", {
        connection,
        extensions: ["pg_stat_statements", "pgaudit", "pgcrypto", "uuid-ossp"],
        schema: "public",
        dropCascade: false,
      });
      new ApplicationSchema(stack, "App", {
        connection,
        schemaName: "orders",
        owner: { name: "orders_admin", login: false },
        readWrite: { name: "orders_app", passwordVersion: 2, connectionLimit: 50 },
        readOnly: { name: "orders_report", connectionLimit: 5 },
        dropCascade: false,
        revokePublicDatabaseAccess: false,
        objectCreators: ["migrator"],
        dependsOn: [ext.dependable],
      });
      expect(Testing.synth(stack)).toMatchSnapshot();
    });
  });
});

describe("PostgresExtensions", () => {
  describe("defaults", () => {
    test("creates pg_stat_statements then pgaudit, as the reference's bootstrap (BOOT-04)", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const ext = new PostgresExtensions(stack, "Extensions", { connection });
      // THEN
      const json = synth(stack);
      expect(json.resource.postgresql_extension).toEqual({
        Extensions_pg_stat_statements_302BAE9D: {
          database: "orders",
          name: "pg_stat_statements",
          provider: "postgresql",
        },
        Extensions_pgaudit_F7054309: {
          database: "orders",
          name: "pgaudit",
          provider: "postgresql",
          depends_on: ["postgresql_extension.Extensions_pg_stat_statements_302BAE9D"],
        },
      });
      expect(ext.extensionNames).toEqual(["pg_stat_statements", "pgaudit"]);
    });
  });

  describe("props", () => {
    test("creates extensions by name in a schema, in order", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const ext = new PostgresExtensions(stack, "Extensions", {
        connection,
        extensions: ["citext", "uuid-ossp"],
        schema: "app",
        dropCascade: false,
      });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(Extension, {
        name: "uuid-ossp",
        schema: "app",
        drop_cascade: false,
        depends_on: ["postgresql_extension.Extensions_citext_9FA48D36"],
      });
      expect(Object.keys(ext.resources)).toEqual(["citext", "uuid-ossp"]);
    });
  });
});

describe("PostgresRole", () => {
  test("creates a login role with a generated write-only password by default", () => {
    // GIVEN
    const { stack, connection } = testStack();
    // WHEN
    const role = new PostgresRole(stack, "Reporter", { connection, roleName: "reporter" });
    // THEN
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Role, {
      name: "reporter",
      login: true,
      password_wo: "${random_password.Reporter_Password_C7C1BE9E.result}",
      password_wo_version: "1",
    });
    expect(role.passwordVersion).toBe(1);
  });

  test("creates no password for a role without login", () => {
    // GIVEN
    const { stack, connection } = testStack();
    // WHEN
    const role = new PostgresRole(stack, "Group", { connection, roleName: "readers", login: false });
    // THEN
    const json = synth(stack);
    expect(json.resource.random_password).toBeUndefined();
    expect(role.password).toBeUndefined();
    expect(role.passwordVersion).toBeUndefined();
  });
});
