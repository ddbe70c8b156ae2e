import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { DefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import { Password } from "@cdktf/provider-random/lib/password";
import { GENERATED_PASSWORD_LENGTH } from "@aurora-cdktf/postgres-bootstrap";
import { LineageDatabaseAccess } from "../src";
import { resolved, synthJson, testStack } from "./util";
import { SessionLogging } from "@aurora-cdktf/postgres-bootstrap";

const base = {
  connection: { database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
  observedSchemas: ["sales", "crm"],
  tableOwners: ["app_owner"],
};

/** Every postgresql_* resource address in the stack with its depends_on. */
function statements(stack: ReturnType<typeof testStack>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [type, byId] of Object.entries(synthJson(stack).resource ?? {})) {
    if (!type.startsWith("postgresql_")) continue;
    for (const [id, body] of Object.entries(byId))
      out.set(`${type}.${id}`, (body.depends_on as string[]) ?? []);
  }
  return out;
}

describe("LineageDatabaseAccess", () => {
  describe("defaults", () => {
    test("creates the datafold LOGIN role with a generated write-only password (LIN-02)", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageDatabaseAccess(stack, "Access", base);
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(Password, {
        length: GENERATED_PASSWORD_LENGTH,
        special: false,
        keepers: { password_version: "1" },
      });
      expect(synthed).toHaveResourceWithProperties(Role, {
        name: "datafold",
        login: true,
        password_wo: expect.stringMatching(/^\$\{random_password\.Access_Role_Password_\w+\.result\}$/),
        password_wo_version: "1",
      });
      const [role] = Object.values(synthJson(stack).resource?.postgresql_role ?? {});
      expect(Object.keys(role).sort()).toEqual(["login", "name", "password_wo", "password_wo_version"]);
    });

    test("never writes a password literal into the synthesized JSON", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageDatabaseAccess(stack, "Access", base);
      // THEN every password-ish value is a reference
      const json = Testing.synth(stack);
      const values = [...json.matchAll(/"(password\w*)":\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]);
      expect(values).toEqual([
        ["password_wo", expect.stringMatching(/^\$\{random_password\./)],
        ["password_wo_version", "1"],
        ["password_version", "1"],
      ]);
    });

    test("creates datafold_tmp with CREATE + USAGE (= ALL) for the role (LIN-01, LIN-03)", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageDatabaseAccess(stack, "Access", base);
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(Schema, {
        name: "datafold_tmp",
        database: "orders",
        drop_cascade: false,
      });
      expect(synthed).toHaveResourceWithProperties(Grant, {
        object_type: "schema",
        schema: expect.stringMatching(/postgresql_schema\.Access_TempSchema_\w+\.name/),
        privileges: ["CREATE", "USAGE"],
        role: expect.stringMatching(/postgresql_role\.Access_Role_\w+\.name/),
      });
    });

    test("grants USAGE and SELECT on existing and future tables of each observed schema (LIN-04)", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageDatabaseAccess(stack, "Access", { ...base, tableOwners: ["app_owner", "etl"] });
      // THEN
      const synthed = Testing.synth(stack);
      for (const schema of ["sales", "crm"]) {
        expect(synthed).toHaveResourceWithProperties(Grant, {
          schema,
          object_type: "schema",
          privileges: ["USAGE"],
        });
        expect(synthed).toHaveResourceWithProperties(Grant, {
          schema,
          object_type: "table",
          objects: [],
          privileges: ["SELECT"],
        });
        for (const owner of ["app_owner", "etl"]) {
          expect(synthed).toHaveResourceWithProperties(DefaultPrivileges, {
            schema,
            owner,
            object_type: "table",
            privileges: ["SELECT"],
            database: "orders",
          });
        }
      }
    });

    test("grants CONNECT on the database, and nothing else on it (PUBLIC may have lost CONNECT)", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageDatabaseAccess(stack, "Access", base);
      // THEN
      const grants = Object.values(synthJson(stack).resource?.postgresql_grant ?? {}) as Record<
        string,
        unknown
      >[];
      const onDatabase = grants.filter((g) => g.object_type === "database");
      expect(onDatabase).toEqual([
        expect.objectContaining({
          database: "orders",
          role: expect.stringMatching(/^\$\{postgresql_role\.Access_Role_\w+\.name\}$/),
          privileges: ["CONNECT"],
        }),
      ]);
      expect(onDatabase[0].schema).toBeUndefined();
    });

    test("creates nothing more than the role, the schema and those grants", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageDatabaseAccess(stack, "Access", { ...base, tableOwners: ["app_owner", "etl"] });
      // THEN
      const counts = Object.fromEntries(
        Object.entries(synthJson(stack).resource ?? {}).map(([type, byId]) => [
          type,
          Object.keys(byId).length,
        ]),
      );
      expect(counts).toEqual({
        random_password: 1,
        postgresql_role: 1,
        postgresql_schema: 1,
        postgresql_grant: 1 + 1 + 2 * 2, // CONNECT, the temp schema, 2 per observed schema
        postgresql_default_privileges: 2 * 2,
      });
    });
  });

  describe("ordering", () => {
    test("runs every statement after the previous one, in one chain", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageDatabaseAccess(stack, "Access", { ...base, tableOwners: ["app_owner", "etl"] });
      // THEN following depends_on from the last statement visits every statement exactly once
      const deps = statements(stack);
      const dependedOn = new Set([...deps.values()].flat());
      const heads = [...deps.keys()].filter((a) => !dependedOn.has(a));
      expect(heads).toHaveLength(1);
      const visited: string[] = [];
      let at: string | undefined = heads[0];
      while (at) {
        visited.push(at);
        const next: string[] = deps.get(at) ?? [];
        expect(next.length).toBeLessThanOrEqual(1);
        at = next[0];
      }
      expect([...visited].sort()).toEqual([...deps.keys()].sort());
      expect(visited[0]).toMatch(
        /^postgresql_default_privileges\.Access_Observed-crm_SelectFutureTables-etl_/,
      );
      expect(visited[visited.length - 1]).toMatch(/^postgresql_role\./);
    });

    test("orders the role after the given dependencies", () => {
      // GIVEN
      const stack = testStack();
      const other = new Schema(stack, "AppSchema", { name: "sales", database: "orders" });
      // WHEN
      new LineageDatabaseAccess(stack, "Access", { ...base, dependsOn: [other] });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(Role, {
        depends_on: ["postgresql_schema.AppSchema"],
      });
    });
  });

  describe("props", () => {
    test("uses the given provider, names and password version", () => {
      // GIVEN
      const stack = testStack();
      const provider = new PostgresqlProvider(stack, "bootstrap", { alias: "bootstrap", host: "127.0.0.1" });
      // WHEN
      const access = new LineageDatabaseAccess(stack, "Access", {
        ...base,
        connection: { provider, database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
        roleName: "lineage_reader",
        tempSchemaName: "lineage_tmp",
        passwordVersion: 3,
      });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(Role, {
        name: "lineage_reader",
        password_wo_version: "3",
        provider: "postgresql.bootstrap",
      });
      expect(synthed).toHaveResourceWithProperties(Password, { keepers: { password_version: "3" } });
      expect(synthed).toHaveResourceWithProperties(Schema, {
        name: "lineage_tmp",
        provider: "postgresql.bootstrap",
      });
      for (const byId of [
        synthJson(stack).resource?.postgresql_grant,
        synthJson(stack).resource?.postgresql_default_privileges,
      ]) {
        for (const body of Object.values(byId ?? {})) expect(body.provider).toBe("postgresql.bootstrap");
      }
      expect(resolved(stack, access.roleName)).toMatch(/postgresql_role\.Access_Role_\w+\.name/);
    });

    test("accepts schema names known only at apply time and keys them by position", () => {
      // GIVEN a schema created in the same stack
      const stack = testStack();
      const app = new Schema(stack, "AppSchema", { name: "sales", database: "orders" });
      // WHEN
      const access = new LineageDatabaseAccess(stack, "Access", { ...base, observedSchemas: [app.name] });
      // THEN
      expect(access.node.findChild("Observed0").node.findChild("Usage")).toBeDefined();
      expect(Testing.synth(stack)).toHaveResourceWithProperties(Grant, {
        schema: "${postgresql_schema.AppSchema.name}",
        privileges: ["USAGE"],
      });
    });
  });

  describe("attributes", () => {
    test("exposes the role, the password reference, the schema and the database", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const access = new LineageDatabaseAccess(stack, "Access", base);
      // THEN
      expect(access.database).toBe("orders");
      expect(access.observedSchemas).toEqual(["sales", "crm"]);
      expect(resolved(stack, access.password)).toMatch(
        /^\$\{random_password\.Access_Role_Password_\w+\.result\}$/,
      );
      expect(resolved(stack, access.tempSchemaName)).toMatch(
        /postgresql_schema\.Access_TempSchema_\w+\.name/,
      );
    });

    test("keeps its construct ids stable", () => {
      // GIVEN / WHEN
      const stack = testStack();
      const access = new LineageDatabaseAccess(stack, "Access", base);
      // THEN
      expect(access.node.children.map((c) => c.node.id)).toEqual([
        "Role",
        "Connect",
        "TempSchema",
        "TempSchemaGrant",
        "Observed-sales",
        "Observed-crm",
      ]);
      expect(access.node.findChild("Observed-sales").node.children.map((c) => c.node.id)).toEqual([
        "Usage",
        "SelectExistingTables",
        "SelectFutureTables-app_owner",
      ]);
      expect(access.node.findChild("Role").node.children.map((c) => c.node.id)).toEqual([
        "Password",
        "Resource",
      ]);
    });

    test("moves the 0.1.0 role address to the PostgresRole one, so upgrading never recreates the role", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new LineageDatabaseAccess(stack, "Access", base);
      // THEN: 0.1.0 had the role at Access/Role (logical id Access_Role_B85239E2, as in its snapshot)
      const json = JSON.parse(Testing.synth(stack)) as { moved?: { from: string; to: string }[] };
      expect(json.moved).toEqual([
        {
          from: "postgresql_role.Access_Role_B85239E2",
          to: "postgresql_role.Access_Role_E6825E38",
        },
      ]);
    });
  });

  describe("snapshots", () => {
    test("minimal", () => {
      const stack = testStack();
      new LineageDatabaseAccess(stack, "Access", { ...base, observedSchemas: ["sales"] });
      expect(Testing.synth(stack)).toMatchSnapshot();
    });

    test("maximal", () => {
      const stack = testStack();
      const provider = new PostgresqlProvider(stack, "bootstrap", { alias: "bootstrap", host: "127.0.0.1" });
      const other = new Schema(stack, "AppSchema", { name: "sales", database: "orders", provider });
      new LineageDatabaseAccess(stack, "Access", {
        connection: { provider, database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
        observedSchemas: ["sales", "crm", "finance"],
        tableOwners: ["app_owner", "etl"],
        roleName: "lineage",
        tempSchemaName: "lineage_tmp",
        passwordVersion: 2,
        dependsOn: [other],
      });
      expect(Testing.synth(stack)).toMatchSnapshot();
    });
  });
});
