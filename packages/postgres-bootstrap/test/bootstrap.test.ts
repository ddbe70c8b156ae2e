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
      expect(schemaGrants.map((g) => g.privileges)).toEqual([["USAGE"], ["USAGE"]]);
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

    test("grants CONNECT on the database to each role explicitly", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      new ApplicationSchema(stack, "App", { connection, schemaName: "app" });
      // THEN
      const json = synth(stack);
      const connects = Object.values(json.resource.postgresql_grant).filter(
        (g) => g.object_type === "database",
      );
      expect(connects.map((g) => g.role).sort()).toEqual([
        "${postgresql_role.App_Owner_52D617F4.name}",
        "${postgresql_role.App_ReadOnly_E95C1FBB.name}",
        "${postgresql_role.App_ReadWrite_C3551B4A.name}",
      ]);
      expect(connects.every((g) => g.database === "orders" && g.schema === undefined)).toBe(true);
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
      expect(deps.size).toBe(15);
      const heads = [...deps].filter(([, d]) => d.length === 0).map(([a]) => a);
      expect(heads).toEqual(["postgresql_role.App_Owner_52D617F4"]);
      const targets = [...deps.values()].flat();
      expect(new Set(targets).size).toBe(targets.length);
      expect([...deps.values()].every((d) => d.length <= 1)).toBe(true);
      // Walk from the tail to the head: all 15 are on one path.
      const dependedOn = new Set(targets);
      const tails = [...deps.keys()].filter((a) => !dependedOn.has(a));
      expect(tails).toEqual(["postgresql_default_privileges.App_ReadOnlyDefaultTables_BC2493FE"]);
      let steps = 1;
      for (let at = tails[0]; deps.get(at)!.length > 0; at = deps.get(at)![0]) steps++;
      expect(steps).toBe(15);
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
        "postgresql_default_privileges.App_ReadOnlyDefaultTables_BC2493FE",
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
        dropCascade: true,
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
      expect(out).toHaveResourceWithProperties(Schema, { name: "orders", drop_cascade: true });
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
        dropCascade: true,
      });
      new ApplicationSchema(stack, "App", {
        connection,
        schemaName: "orders",
        owner: { name: "orders_admin", login: false },
        readWrite: { name: "orders_app", passwordVersion: 2, connectionLimit: 50 },
        readOnly: { name: "orders_report", connectionLimit: 5 },
        dropCascade: true,
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
        dropCascade: true,
      });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(Extension, {
        name: "uuid-ossp",
        schema: "app",
        drop_cascade: true,
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
