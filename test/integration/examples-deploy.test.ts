/**
 * Real deploys of the examples' database stacks: `cdktf deploy` (cdktf-cli 0.21, OpenTofu,
 * `--skip-provider-lock`) in local mode (`DB_TARGET=local`, the libpq environment of the test
 * PostgreSQL's RDS-like master), probed by SQL as each role, then `cdktf destroy`, after which no
 * role, schema or state entry may be left.
 */
import "cdktf/lib/testing/adapters/jest";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SUPPRESSED_SESSION_PGOPTIONS } from "@aurora-cdktf/postgres-bootstrap";
import { asRole, asSuperuser, createDatabase, providerConfig } from "../helpers/postgres";
import {
  countHits,
  filesBelow,
  hitsOf,
  pgStatStatements,
  ScanPlace,
  serverLogOffset,
  serverLogSince,
} from "../helpers/secret-scan";
import { TofuWorkdir } from "../helpers/tofu";

const ROOT = path.resolve(__dirname, "..", "..");

/** Runs the real cdktf CLI in an example folder; throws with its output on failure. */
function cdktf(example: string, args: string[], env: Record<string, string | undefined>): string {
  const res = spawnSync("npx", ["cdktf", ...args], {
    cwd: path.join(ROOT, "examples", example),
    encoding: "utf8",
    env: { ...process.env, CI: "1", CHECKPOINT_DISABLE: "1", TERRAFORM_BINARY_NAME: "tofu", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    throw new Error(
      `cdktf ${args.join(" ")} in examples/${example} exited ${res.status}:\n${res.stdout}\n${res.stderr}`,
    );
  }
  return res.stdout;
}

/**
 * DB_TARGET=local plus the master's libpq environment for a fresh database, with the session
 * settings the examples' database stacks declare (SessionLogging.SUPPRESSED) in PGOPTIONS.
 */
function localEnv(database: string): Record<string, string | undefined> {
  const c = providerConfig("master", database);
  return {
    DB_TARGET: "local",
    PGOPTIONS: SUPPRESSED_SESSION_PGOPTIONS,
    DB_PASSWORD_VERSION: undefined,
    PGHOST: c.host,
    PGPORT: String(c.port),
    PGUSER: c.username,
    PGPASSWORD: c.password,
    PGDATABASE: database,
    PGSSLMODE: "disable",
    PGSUPERUSER: "false",
    STAGE: undefined,
    APP_SCHEMA: undefined,
    DB_EXTENSIONS: undefined,
    LINEAGE_SCHEMAS: undefined,
    LINEAGE_TABLE_OWNERS: undefined,
  };
}

/** One example's deploy: folder, env, and the stacks given to deploy/destroy. */
class LocalDeploy {
  public readonly dir: string;
  private deployed = false;

  constructor(
    private readonly example: string,
    private readonly stacks: string[],
    private readonly env: Record<string, string | undefined>,
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `deploy-${example}-`));
  }

  private flags(): string[] {
    return ["--skip-provider-lock", "--auto-approve", "--output", path.join(this.dir, "cdktf.out")];
  }

  /** `cdktf deploy` (with `extraEnv`, e.g. a new password version); returns the outputs (sensitive ones included) by stack. */
  public deploy(extraEnv: Record<string, string> = {}): Record<string, Record<string, unknown>> {
    const outputs = path.join(this.dir, "outputs.json");
    this.deployed = true;
    cdktf(
      this.example,
      [
        "deploy",
        ...this.stacks,
        ...this.flags(),
        "--outputs-file",
        outputs,
        "--outputs-file-include-sensitive-outputs",
      ],
      { ...this.env, ...extraEnv },
    );
    const parsed = JSON.parse(fs.readFileSync(outputs, "utf8")) as Record<string, Record<string, unknown>>;
    fs.rmSync(outputs);
    return parsed;
  }

  /** `cdktf destroy` (only after a deploy was attempted). */
  public destroy(): void {
    if (!this.deployed) return;
    this.deployed = false;
    cdktf(this.example, ["destroy", ...this.stacks, ...this.flags()], this.env);
  }

  /** Each stack's plan now (`plan` + `show -json`) as a scan place, with `extraEnv`. */
  public plans(extraEnv: Record<string, string> = {}): ScanPlace[] {
    return this.stacks.map((s) => {
      const work = new TofuWorkdir(path.join(this.dir, "cdktf.out", "stacks", s), {
        ...this.env,
        ...extraEnv,
      });
      return { place: `plan JSON: ${s}`, text: JSON.stringify(work.plan()) };
    });
  }

  /** The addresses left in each stack's state. */
  public leftInState(): string[] {
    return this.stacks.flatMap((s) =>
      new TofuWorkdir(path.join(this.dir, "cdktf.out", "stacks", s)).stateList().map((a) => `${s}: ${a}`),
    );
  }
}

async function rolesPresent(names: string[]): Promise<string[]> {
  return asSuperuser(async (c) => {
    const r = await c.query<{ rolname: string }>(
      "SELECT rolname FROM pg_roles WHERE rolname = ANY($1) ORDER BY 1",
      [names],
    );
    return r.rows.map((x) => x.rolname);
  });
}

async function schemasPresent(database: string, names: string[]): Promise<string[]> {
  return asSuperuser(async (c) => {
    const r = await c.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname = ANY($1) ORDER BY 1",
      [names],
    );
    return r.rows.map((x) => x.nspname);
  }, database);
}

/** Best-effort destroy after a failure; reports its own error without hiding the test's. */
function cleanUp(d: LocalDeploy): void {
  try {
    d.destroy();
  } catch (err) {
    console.error(`clean-up destroy failed too: ${(err as Error).message}`);
  }
}

beforeAll(() => {
  const build = spawnSync(
    "npx",
    [
      "tsc",
      "-b",
      "examples/reference-architecture/tsconfig.json",
      "examples/lineage-on-existing-cluster/tsconfig.json",
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`building the examples failed:\n${build.stdout}\n${build.stderr}`);
});

describe("examples: cdktf deploy of the database stacks to a local PostgreSQL", () => {
  const APP_ROLES = ["app_owner", "app_ro", "app_rw"];

  it("reference architecture: bootstrap and lineage deploy, hold the privilege matrix, and destroy to nothing", async () => {
    // GIVEN a fresh database owned by the RDS-like master, and none of the example's roles
    const db = await createDatabase("examples_reference");
    expect(await rolesPresent([...APP_ROLES, "datafold"])).toEqual([]);
    // AND statement logging on before the database stacks run, as in the reference deploy order
    // (the database stack sets log_statement = mod for Datafold), pgaudit logging role changes
    await asSuperuser((c) => c.query(`ALTER DATABASE "${db}" SET log_statement = 'mod'`));
    const logOffset = serverLogOffset();
    const d = new LocalDeploy(
      "reference-architecture",
      ["database-bootstrap", "lineage-database"],
      localEnv(db),
    );
    let destroyed = false;
    try {
      // WHEN both database stacks are deployed by the real CLI
      const out = d.deploy();

      // THEN the roles, the schema and the extension exist
      expect(await rolesPresent([...APP_ROLES, "datafold"])).toEqual([...APP_ROLES, "datafold"].sort());
      expect(await schemasPresent(db, ["app", "datafold_tmp"])).toEqual(["app", "datafold_tmp"]);
      expect(out["database-bootstrap"].application_schema).toEqual({
        schemaName: "app",
        ownerRoleName: "app_owner",
        readWriteRoleName: "app_rw",
        readOnlyRoleName: "app_ro",
      });
      const pw = out["database-bootstrap"].application_role_passwords as Record<string, string>;
      const datafold = out["lineage-database"].datafold_database_access as { user: string; password: string };
      await asRole(
        "app_owner",
        pw.app_owner,
        async (s) => {
          await s.mustSucceed("CREATE TABLE app.orders (id int PRIMARY KEY, note text)");
          await s.mustSucceed("INSERT INTO app.orders VALUES (1, 'first')");
          const ext = await s.query<{ n: string }>(
            "SELECT count(*)::text AS n FROM pg_extension WHERE extname = 'pgcrypto'",
          );
          expect(ext[0].n).toBe("1");
        },
        db,
      );
      // AND the read-write role may change rows but not the schema
      await asRole(
        "app_rw",
        pw.app_rw,
        async (s) => {
          await s.mustSucceed("INSERT INTO app.orders VALUES (2, 'second')");
          await s.mustSucceed("UPDATE app.orders SET note = 'changed' WHERE id = 2");
          await s.mustSucceed("DELETE FROM app.orders WHERE id = 2");
          await s.mustBeDenied("CREATE TABLE app.not_allowed (id int)");
          await s.mustBeDenied("DROP TABLE app.orders");
        },
        db,
      );
      // AND the read-only role may only read
      await asRole(
        "app_ro",
        pw.app_ro,
        async (s) => {
          await s.mustSucceed("SELECT * FROM app.orders");
          await s.mustBeDenied("INSERT INTO app.orders VALUES (3, 'no')");
          await s.mustBeDenied("CREATE TABLE app.not_allowed (id int)");
        },
        db,
      );
      // AND datafold reads the table the owner created after its grants, and writes only to datafold_tmp
      expect(datafold.user).toBe("datafold");
      await asRole(
        "datafold",
        datafold.password,
        async (s) => {
          const rows = await s.query<{ n: string }>("SELECT count(*)::text AS n FROM app.orders");
          expect(rows[0].n).toBe("1");
          await s.mustBeDenied("INSERT INTO app.orders VALUES (4, 'no')");
          await s.mustBeDenied("CREATE TABLE app.not_allowed (id int)");
          await s.mustSucceed("CREATE TABLE datafold_tmp.scratch AS SELECT * FROM app.orders");
        },
        db,
      );
      await asRole("app_owner", pw.app_owner, (s) => s.mustSucceed("DROP TABLE app.orders"), db);

      // WHEN every password is rotated (DB_PASSWORD_VERSION=2: password_wo_version changes)
      const rotated = d.deploy({ DB_PASSWORD_VERSION: "2" });
      const pw2 = rotated["database-bootstrap"].application_role_passwords as Record<string, string>;
      const datafold2 = rotated["lineage-database"].datafold_database_access as { password: string };
      // THEN the roles log in with the new passwords only
      for (const role of APP_ROLES) expect(pw2[role]).not.toBe(pw[role]);
      await asRole("app_rw", pw2.app_rw, (s) => s.mustSucceed("SELECT 1"), db);
      await asRole("datafold", datafold2.password, (s) => s.mustSucceed("SELECT 1"), db);
      await expect(asRole("app_rw", pw.app_rw, (s) => s.mustSucceed("SELECT 1"), db)).rejects.toThrow(
        /password authentication failed/,
      );

      // AND no generated password, old or new, is in the server log, pg_stat_statements or the
      // synthesized JSON; the states and plans hold them (random_password results, sensitive
      // outputs: listed in the README as what stays in state)
      const secrets = [...Object.values(pw), ...Object.values(pw2), datafold.password, datafold2.password];
      const hits = countHits("reference architecture, local deploy + rotation", secrets, [
        serverLogSince(logOffset),
        await pgStatStatements(),
        ...filesBelow(path.join(d.dir, "cdktf.out"), /^cdk\.tf\.json$/, "synthesized JSON"),
        ...filesBelow(d.dir, /\.tfstate(\.backup)?$/, "state"),
        ...d.plans({ DB_PASSWORD_VERSION: "2" }),
      ]);
      expect(hitsOf(hits, "server log")).toBe(0);
      expect(hitsOf(hits, "pg_stat_statements")).toBe(0);
      expect(hitsOf(hits, "synthesized JSON")).toBe(0);
      expect(hitsOf(hits, "state")).toBeGreaterThan(0);
      // AND the role changes are still audited, by pgaudit, with the password redacted
      expect(serverLogSince(logOffset).text).toMatch(/AUDIT: SESSION,.*,ROLE,CREATE ROLE,.*<REDACTED>/);
      expect(serverLogSince(logOffset).text).toMatch(/AUDIT: SESSION,.*,ROLE,ALTER ROLE,.*<REDACTED>/);

      // WHEN destroyed by the real CLI, as the README says: Datafold's scratch tables dropped first
      // (the temporary schema is dropped without CASCADE)
      await asRole(
        "datafold",
        datafold2.password,
        (s) => s.mustSucceed("DROP TABLE datafold_tmp.scratch"),
        db,
      );
      d.destroy();
      destroyed = true;
      // THEN nothing is left
      expect(await rolesPresent([...APP_ROLES, "datafold"])).toEqual([]);
      expect(await schemasPresent(db, ["app", "datafold_tmp"])).toEqual([]);
      expect(d.leftInState()).toEqual([]);
    } finally {
      if (!destroyed) cleanUp(d);
    }
  });

  it("lineage on an existing cluster: the datafold role reads existing and future tables of public, and destroys to nothing", async () => {
    // GIVEN a database with a table the master created before lineage
    const db = await createDatabase("examples_existing");
    const master = providerConfig("master", db);
    await asRole(
      master.username,
      master.password,
      (s) => s.mustSucceed("CREATE TABLE legacy_orders (id int)"),
      db,
    );
    expect(await rolesPresent(["datafold"])).toEqual([]);
    // AND statement logging on, as lineage-aws sets it on the existing cluster
    await asSuperuser((c) => c.query(`ALTER DATABASE "${db}" SET log_statement = 'mod'`));
    const logOffset = serverLogOffset();
    const d = new LocalDeploy("lineage-on-existing-cluster", ["lineage-database"], localEnv(db));
    let destroyed = false;
    try {
      // WHEN
      const out = d.deploy();
      // THEN
      const datafold = out["lineage-database"].datafold_database_access as { user: string; password: string };
      await asRole(
        master.username,
        master.password,
        (s) => s.mustSucceed("CREATE TABLE new_orders (id int)"),
        db,
      );
      await asRole(
        "datafold",
        datafold.password,
        async (s) => {
          await s.mustSucceed("SELECT * FROM public.legacy_orders");
          await s.mustSucceed("SELECT * FROM public.new_orders");
          await s.mustBeDenied("INSERT INTO public.new_orders VALUES (1)");
          await s.mustSucceed("CREATE TABLE datafold_tmp.scratch (id int)");
        },
        db,
      );
      // AND the datafold password is in neither the server log, pg_stat_statements nor the JSON
      const hits = countHits(
        "lineage on an existing cluster, local deploy",
        [datafold.password],
        [
          serverLogSince(logOffset),
          await pgStatStatements(),
          ...filesBelow(path.join(d.dir, "cdktf.out"), /^cdk\.tf\.json$/, "synthesized JSON"),
          ...filesBelow(d.dir, /\.tfstate$/, "state"),
        ],
      );
      expect(hitsOf(hits, "server log")).toBe(0);
      expect(hitsOf(hits, "pg_stat_statements")).toBe(0);
      expect(hitsOf(hits, "synthesized JSON")).toBe(0);
      expect(hitsOf(hits, "state")).toBeGreaterThan(0);
      // WHEN destroyed after dropping Datafold's scratch table (no CASCADE on the temporary schema)
      await asRole(
        "datafold",
        datafold.password,
        (s) => s.mustSucceed("DROP TABLE datafold_tmp.scratch"),
        db,
      );
      d.destroy();
      destroyed = true;
      expect(await rolesPresent(["datafold"])).toEqual([]);
      expect(await schemasPresent(db, ["datafold_tmp"])).toEqual([]);
      expect(d.leftInState()).toEqual([]);
    } finally {
      if (!destroyed) cleanUp(d);
    }
  });
});
