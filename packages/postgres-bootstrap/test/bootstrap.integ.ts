/**
 * The bootstrap against a real PostgreSQL 15 (the integration harness's server), applied by the real
 * OpenTofu through the postgresql and random providers, as a true superuser and as an RDS-like
 * master (CREATEROLE CREATEDB, no SUPERUSER, provider `superuser = false`).
 */
import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { applyCycle, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import {
  asRole,
  asSuperuser,
  createDatabase,
  MasterKind,
  pgServer,
  providerConfig,
  RoleSession,
  withSession,
} from "../../../test/helpers/postgres";
import {
  ApplicationSchema,
  PostgresExtensions,
  PostgresRole,
  SessionLogging,
  SUPPRESSED_SESSION_PGOPTIONS,
} from "../src";
import {
  createOutsiders,
  createProbeObjects,
  dropOutsiders,
  dropProbeObjects,
  expectedMatrix,
  formatMatrix,
  masterLogin,
  probeMatrix,
} from "../../../test/helpers/privilege-matrix";
import {
  countHits,
  pgStatStatements,
  serverLogOffset,
  serverLogSince,
} from "../../../test/helpers/secret-scan";

/** The session settings the connections declare (SessionLogging.SUPPRESSED), for every engine run. */
const SESSION_ENV = { PGOPTIONS: SUPPRESSED_SESSION_PGOPTIONS };

// The integration project's testTimeout is not applied per project by Jest: set it here.
jest.setTimeout(20 * 60 * 1000);

const KINDS: MasterKind[] = ["superuser", "master"];
const SCHEMA = "app";

interface RoleNames {
  readonly owner: string;
  readonly rw: string;
  readonly ro: string;
}

/** Role names are cluster-wide and the server is shared by every test file: prefix them per case. */
function roleNames(prefix: string): RoleNames {
  return { owner: `${prefix}_owner`, rw: `${prefix}_rw`, ro: `${prefix}_ro` };
}

function shortKind(kind: MasterKind): string {
  return kind === "superuser" ? "su" : "ma";
}

/** Extensions each login can create: untrusted ones need SUPERUSER (rds_superuser on RDS). */
function extensionsFor(kind: MasterKind): string[] {
  return kind === "superuser" ? ["pg_stat_statements", "pgaudit"] : ["pgcrypto", "citext"];
}

/** A bootstrap stack: extensions, then the application schema and its roles; passwords as sensitive outputs. */
function bootstrapStack(
  kind: MasterKind,
  database: string,
  names: RoleNames,
  options: { extensions?: string[]; dropCascade?: boolean } = {},
): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "bootstrap");
  const provider = new PostgresqlProvider(stack, "Postgresql", providerConfig(kind, database));
  new RandomProvider(stack, "Random");
  const connection = { provider, database, sessionLogging: SessionLogging.SUPPRESSED };
  const extensions = new PostgresExtensions(stack, "Extensions", {
    connection,
    extensions: options.extensions ?? extensionsFor(kind),
  });
  const app = new ApplicationSchema(stack, "App", {
    connection,
    schemaName: SCHEMA,
    owner: { name: names.owner },
    readWrite: { name: names.rw },
    readOnly: { name: names.ro },
    dropCascade: options.dropCascade,
    dependsOn: [extensions.dependable],
  });
  new TerraformOutput(stack, "owner_password", { value: app.ownerRole.password, sensitive: true });
  new TerraformOutput(stack, "rw_password", { value: app.readWriteRole.password, sensitive: true });
  new TerraformOutput(stack, "ro_password", { value: app.readOnlyRole.password, sensitive: true });
  return stack;
}

function passwords(work: TofuWorkdir): { owner: string; rw: string; ro: string } {
  const out = work.outputs();
  const value = (name: string): string => {
    const v = out[name]?.value;
    if (typeof v !== "string" || v.length !== 32)
      throw new Error(`output ${name} is not a generated password`);
    return v;
  };
  return { owner: value("owner_password"), rw: value("rw_password"), ro: value("ro_password") };
}

/** The state (`show -json`) of every resource except random_password, as text. */
function stateOutsideRandom(work: TofuWorkdir): string {
  const state = JSON.parse(work.must(["show", "-json", "-no-color"]).stdout) as {
    values: { root_module: { resources: { type: string; values: Record<string, unknown> }[] } };
  };
  const resources = state.values.root_module.resources.filter((r) => r.type !== "random_password");
  const roles = resources.filter((r) => r.type === "postgresql_role");
  expect(roles).toHaveLength(3);
  for (const role of roles) expect(role.values.password_wo ?? null).toBeNull();
  return JSON.stringify(resources);
}

async function leftovers(database: string, prefix: string): Promise<{ roles: string[]; schemas: string[] }> {
  const roles = await asSuperuser(async (c) =>
    (
      await c.query("SELECT rolname FROM pg_roles WHERE rolname LIKE $1 ORDER BY 1", [`${prefix}\\_%`])
    ).rows.map((r: { rolname: string }) => r.rolname),
  );
  const schemas = await asSuperuser(
    async (c) =>
      (await c.query("SELECT nspname FROM pg_namespace WHERE nspname = $1", [SCHEMA])).rows.map(
        (r: { nspname: string }) => r.nspname,
      ),
    database,
  );
  return { roles, schemas };
}

/** What PUBLIC (grantee 0) holds on the database and on the application schema. */
async function publicPrivileges(database: string): Promise<{ database: string[]; schema: string[] }> {
  return asSuperuser(async (c) => {
    const of = async (sql: string, name: string): Promise<string[]> =>
      (
        await c.query(`SELECT privilege_type AS p FROM (${sql}) a WHERE grantee = 0 ORDER BY 1`, [name])
      ).rows.map((r: { p: string }) => r.p);
    return {
      // A NULL ACL means the built-in defaults (PUBLIC has CONNECT and TEMPORARY on a database).
      database: await of(
        "SELECT (aclexplode(coalesce(datacl, acldefault('d', datdba)))).* FROM pg_database WHERE datname = $1",
        database,
      ),
      schema: await of(
        "SELECT (aclexplode(coalesce(nspacl, acldefault('n', nspowner)))).* FROM pg_namespace WHERE nspname = $1",
        SCHEMA,
      ),
    };
  }, database);
}

/** The schema `app` made before any stack, as the provider's login, with a table holding one row. */
async function createSchemaWithData(kind: MasterKind, database: string): Promise<void> {
  await withSession({ ...pgServer()[kind], database }, async (c) => {
    await c.query(`CREATE SCHEMA ${SCHEMA}`);
    await c.query(`CREATE TABLE ${SCHEMA}.kept (id int, note text)`);
    await c.query(`INSERT INTO ${SCHEMA}.kept VALUES (1, 'kept')`);
  });
}

async function keptRows(database: string): Promise<{ id: number; note: string }[]> {
  return asSuperuser(async (c) => (await c.query(`SELECT id, note FROM ${SCHEMA}.kept`)).rows, database);
}

async function schemaOwner(database: string): Promise<string | undefined> {
  return asSuperuser(
    async (c) =>
      (
        await c.query("SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1", [
          SCHEMA,
        ])
      ).rows[0]?.owner,
    database,
  );
}

async function extensionsIn(database: string): Promise<string[]> {
  return asSuperuser(
    async (c) =>
      (await c.query("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1")).rows.map(
        (r: { extname: string }) => r.extname,
      ),
    database,
  );
}

/** The privilege matrix on one table: owner all, read-write DML only, read-only SELECT only. */
async function assertMatrix(
  database: string,
  names: RoleNames,
  pw: { owner: string; rw: string; ro: string },
  table: string,
): Promise<void> {
  const t = `${SCHEMA}.${table}`;
  await asRole(
    names.owner,
    pw.owner,
    async (s) => {
      await s.mustSucceed(`CREATE TABLE ${t} (id serial PRIMARY KEY, name text NOT NULL)`);
      await s.mustSucceed(`INSERT INTO ${t} (name) VALUES ('by owner')`);
      await s.mustSucceed(`CREATE TABLE ${SCHEMA}.${table}_scratch (id int)`);
      await s.mustSucceed(`DROP TABLE ${SCHEMA}.${table}_scratch`);
    },
    database,
  );
  await asRole(
    names.rw,
    pw.rw,
    async (s) => {
      await s.mustSucceed(`SELECT * FROM ${t}`);
      await s.mustSucceed(`INSERT INTO ${t} (name) VALUES ('by rw')`); // serial: needs the sequence
      await s.mustSucceed(`UPDATE ${t} SET name = 'updated by rw' WHERE name = 'by rw'`);
      await s.mustSucceed(`DELETE FROM ${t} WHERE name = 'updated by rw'`);
      await s.mustBeDenied(`CREATE TABLE ${SCHEMA}.rw_table (id int)`);
      await s.mustBeDenied(`DROP TABLE ${t}`);
      await s.mustBeDenied(`ALTER TABLE ${t} ADD COLUMN extra int`);
      await s.mustBeDenied(`TRUNCATE ${t}`);
    },
    database,
  );
  await asRole(
    names.ro,
    pw.ro,
    async (s: RoleSession) => {
      const rows = await s.query<{ name: string }>(`SELECT name FROM ${t}`);
      expect(rows.map((r) => r.name)).toEqual(["by owner"]);
      await s.mustBeDenied(`INSERT INTO ${t} (name) VALUES ('by ro')`);
      await s.mustBeDenied(`UPDATE ${t} SET name = 'x'`);
      await s.mustBeDenied(`DELETE FROM ${t}`);
      await s.mustBeDenied(`SELECT nextval('${t}_id_seq')`);
      await s.mustBeDenied(`CREATE TABLE ${SCHEMA}.ro_table (id int)`);
      await s.mustBeDenied(`DROP TABLE ${t}`);
    },
    database,
  );
}

describe("ApplicationSchema and PostgresExtensions on PostgreSQL 15", () => {
  describe.each(KINDS)("as %s", (kind) => {
    test("creates extensions, schema and roles whose privilege matrix holds on tables created after the apply, and destroys them all", async () => {
      // GIVEN
      const prefix = `boot_matrix_${shortKind(kind)}`;
      const names = roleNames(prefix);
      const database = await createDatabase(prefix);
      const stack = bootstrapStack(kind, database, names);
      // WHEN / THEN (applyCycle: apply, second plan empty, probe, destroy, state empty)
      await applyCycle(stack, SESSION_ENV, async (work) => {
        expect(await extensionsIn(database)).toEqual([...extensionsFor(kind)].sort());
        expect(await publicPrivileges(database)).toEqual({ database: [], schema: [] });
        const pw = passwords(work);
        // The passwords are in random_password's state only: not in the roles' state (write-only).
        expect(stateOutsideRandom(work)).not.toMatch(new RegExp(`${pw.owner}|${pw.rw}|${pw.ro}`));
        // Tables the owner creates after the apply are covered by the default privileges.
        await assertMatrix(database, names, pw, "items");
        // ...and their existence causes no drift in the "all tables" grants.
        expect(work.plan().hasChanges).toBe(false);
        // Hardened defaults: tables and functions made by the owner and by the provider's login
        // (objectCreators' default) after the apply, probed as every login; still no drift.
        await createProbeObjects(
          database,
          SCHEMA,
          { user: names.owner, password: pw.owner },
          masterLogin(kind),
        );
        expect(work.plan().hasChanges).toBe(false);
        const outsiders = await createOutsiders(`${prefix}_x`, database);
        try {
          const matrix = await probeMatrix(database, SCHEMA, {
            owner: { user: names.owner, password: pw.owner },
            rw: { user: names.rw, password: pw.rw },
            ro: { user: names.ro, password: pw.ro },
            master: masterLogin(kind),
            ...outsiders,
          });
          console.log(formatMatrix(`[bootstrap as ${kind}] SQL probe matrix`, matrix));
          // Every row but lineage's (lineage.integ.ts probes the datafold role).
          const { owner, rw, ro, master, other, new: fresh } = expectedMatrix(kind);
          expect(matrix).toEqual({ owner, rw, ro, master, other, new: fresh });
        } finally {
          await dropOutsiders(`${prefix}_x`, database);
        }
        await dropProbeObjects(database, SCHEMA);
        // A privilege revoked by hand is drift that the next apply repairs (grants on existing tables),
        // and so are PUBLIC's CONNECT on the database and USAGE on the schema granted by hand.
        await asRole(
          names.owner,
          pw.owner,
          (s) => s.mustSucceed(`REVOKE INSERT ON ${SCHEMA}.items FROM ${names.rw}`),
          database,
        );
        await asSuperuser(async (c) => {
          await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${database}" TO PUBLIC`);
          await c.query(`GRANT USAGE, CREATE ON SCHEMA ${SCHEMA} TO PUBLIC`);
        }, database);
        await asRole(
          names.rw,
          pw.rw,
          (s) => s.mustBeDenied(`INSERT INTO ${SCHEMA}.items (name) VALUES ('x')`),
          database,
        );
        expect(work.plan().hasChanges).toBe(true);
        work.apply();
        await asRole(
          names.rw,
          pw.rw,
          (s) => s.mustSucceed(`INSERT INTO ${SCHEMA}.items (name) VALUES ('x')`),
          database,
        );
        expect(await publicPrivileges(database)).toEqual({ database: [], schema: [] });
        expect(work.plan().hasChanges).toBe(false);
        // The schema is dropped without CASCADE: the application's tables go first.
        await asSuperuser((c) => c.query(`DROP TABLE ${SCHEMA}.items`), database);
      });
      // THEN: nothing is left behind
      expect(await leftovers(database, prefix)).toEqual({ roles: [], schemas: [] });
      expect(await extensionsIn(database)).toEqual([]);
    });

    test("ten consecutive apply/destroy cycles at the engine's default parallelism all succeed", async () => {
      // GIVEN
      const prefix = `boot_cycles_${shortKind(kind)}`;
      const names = roleNames(prefix);
      const database = await createDatabase(prefix);
      const work = new TofuWorkdir(synthToDir(bootstrapStack(kind, database, names)), SESSION_ENV);
      work.init();
      work.validate();
      // WHEN
      const seconds: number[] = [];
      for (let i = 0; i < 10; i++) {
        // The last cycle starts with the schema already there, holding a table of data.
        const adopting = i === 9;
        if (adopting) await createSchemaWithData(kind, database);
        const start = process.hrtime.bigint();
        work.apply(); // no -parallelism flag: the default (10)
        seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
        // THEN (each cycle)
        expect(work.plan().hasChanges).toBe(false);
        const roles = await asSuperuser(
          async (c) =>
            (
              await c.query("SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ANY($1)", [
                Object.values(names),
              ])
            ).rows,
        );
        expect(roles).toEqual([{ n: 3 }]);
        if (adopting) {
          // The provider adopted the existing schema (if_not_exists = false does not stop it) and
          // handed it to the owner role; destroy drops no schema with CASCADE, so it fails on the
          // schema that still holds the table, and the data is still there.
          expect(await schemaOwner(database)).toBe(names.owner);
          const failed = work.run(["destroy", "-input=false", "-auto-approve", "-no-color"]);
          expect(failed.code).not.toBe(0);
          expect(failed.stderr).toMatch(
            /cannot\s+drop\s+schema\s+app\s+because\s+other\s+objects\s+depend\s+on\s+it/,
          );
          expect(await keptRows(database)).toEqual([{ id: 1, note: "kept" }]);
          // Once the application has emptied the schema, destroy finishes (and drops the empty schema).
          await asSuperuser((c) => c.query(`DROP TABLE ${SCHEMA}.kept`), database);
        }
        work.destroy();
        expect(work.stateList()).toEqual([]);
        expect(await leftovers(database, prefix)).toEqual({ roles: [], schemas: [] });
      }
      const sorted = [...seconds].sort((a, b) => a - b);
      const median = (sorted[4] + sorted[5]) / 2;
      console.log(
        `[bootstrap as ${kind}] apply times (s): ${seconds.map((s) => s.toFixed(2)).join(", ")}; median ${median.toFixed(2)} s`,
      );
      expect(seconds).toHaveLength(10);
    });
  });

  test("creating an untrusted extension as the RDS-like master fails the apply with the engine's error", async () => {
    // GIVEN: pgaudit is untrusted; on RDS the master has rds_superuser and may create it, the local
    // RDS-like master has no such role.
    const prefix = "boot_untrusted_ma";
    const database = await createDatabase(prefix);
    const stack = new TerraformStack(Testing.app(), "bootstrap");
    const provider = new PostgresqlProvider(stack, "Postgresql", providerConfig("master", database));
    new PostgresExtensions(stack, "Extensions", {
      connection: { provider, database, sessionLogging: SessionLogging.SUPPRESSED },
      extensions: ["pgaudit"],
    });
    const work = new TofuWorkdir(synthToDir(stack), SESSION_ENV);
    work.init();
    // WHEN
    const result = work.run(["apply", "-input=false", "-auto-approve", "-no-color"]);
    // THEN: the apply fails loudly (unlike the reference's Lambda, BOOT-05) with the server's reason
    try {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/permission denied to create extension "pgaudit"/);
      expect(await extensionsIn(database)).toEqual([]);
    } finally {
      work.destroy();
    }
  });
});

describe("PostgresRole password rotation with statement logging on", () => {
  /** One login role at `version`, its password as a sensitive output. */
  function roleStack(kind: MasterKind, database: string, roleName: string, version: number): TerraformStack {
    const stack = new TerraformStack(Testing.app(), "rotation");
    const provider = new PostgresqlProvider(stack, "Postgresql", providerConfig(kind, database));
    new RandomProvider(stack, "Random");
    const role = new PostgresRole(stack, "Role", {
      connection: { provider, database, sessionLogging: SessionLogging.SUPPRESSED },
      roleName,
      passwordVersion: version,
    });
    new TerraformOutput(stack, "password", { value: role.password, sensitive: true });
    return stack;
  }

  test.each(KINDS)(
    "as %s: the new password replaces the old one, and neither reaches the log or pg_stat_statements",
    async (kind) => {
      // GIVEN logging on for the database first (log_statement = mod, as for Datafold)
      const database = await createDatabase(`boot_rot_${shortKind(kind)}`);
      const roleName = `boot_rot_${shortKind(kind)}_app`;
      await asSuperuser((c) => c.query(`ALTER DATABASE "${database}" SET log_statement = 'mod'`));
      const logOffset = serverLogOffset();
      const work = new TofuWorkdir(synthToDir(roleStack(kind, database, roleName, 1)), SESSION_ENV);
      try {
        work.init();
        work.apply();
        const first = work.outputs().password.value as string;
        // WHEN the version is raised
        const next = synthToDir(roleStack(kind, database, roleName, 2));
        fs.copyFileSync(path.join(next, "cdk.tf.json"), path.join(work.dir, "cdk.tf.json"));
        work.apply();
        const second = work.outputs().password.value as string;
        // THEN only the new password logs in
        expect(second).not.toBe(first);
        await asRole(roleName, second, (s) => s.mustSucceed("SELECT 1"), database);
        await expect(asRole(roleName, first, (s) => s.mustSucceed("SELECT 1"), database)).rejects.toThrow(
          /password authentication failed/,
        );
        // AND the ALTER ROLE of the rotation was audited by pgaudit, redacted
        expect(serverLogSince(logOffset).text).toMatch(/AUDIT: SESSION,.*,ROLE,ALTER ROLE,.*<REDACTED>/);
        const hits = countHits(
          `PostgresRole rotation as ${kind}`,
          [first, second],
          [serverLogSince(logOffset), await pgStatStatements()],
        );
        expect(hits.map((h) => h.hits)).toEqual([0, 0]);
      } finally {
        work.destroy();
      }
    },
  );
});
