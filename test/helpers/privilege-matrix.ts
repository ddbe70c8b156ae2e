/**
 * The SQL probe matrix of an application schema: for each login (the schema's roles, lineage's
 * role, the provider's login, a role with nothing but CONNECT, a role created after the bootstrap)
 * and each probe (connect, temporary table, DDL, DML and EXECUTE on objects made by the owner and
 * by the master), what the server allows. Run against a real PostgreSQL after the apply; printed
 * as a table a person can read, and compared with the expected matrix.
 */
import { asSuperuser, MasterKind, pgServer, RoleSession } from "./postgres";

/** One probe's outcome: allowed, refused (SQLSTATE 42501), or not tried (the login cannot connect). */
export type Cell = "yes" | "no" | "-";

/** The logins of the matrix, in row order. */
export type Login = "owner" | "rw" | "ro" | "datafold" | "master" | "other" | "new";

export const LOGIN_LABELS: Record<Login, string> = {
  owner: "owner",
  rw: "read-write",
  ro: "read-only",
  datafold: "datafold (lineage)",
  master: "provider login (master)",
  other: "other role, CONNECT granted by hand",
  new: "new role (PUBLIC only)",
};

interface ProbeContext {
  readonly schema: string;
  /** A name unique to the login, for objects it creates. */
  readonly tag: string;
}

interface Probe {
  readonly id: string;
  /** Column heading. */
  readonly label: string;
  /** Which database the probe needs a session in. */
  readonly database: "app" | "postgres";
  /** SQL to run; undefined for a probe that is the connection itself. */
  readonly sql?: (c: ProbeContext) => string[];
}

/** The objects the matrix reads, made before the probes by {@link createProbeObjects}. */
const OWNER_TABLE = "probe_by_owner";
const MASTER_TABLE = "probe_by_master";
const OWNER_FUNCTION = "probe_owner_fn";
const MASTER_FUNCTION = "probe_master_fn";

export const PROBES: readonly Probe[] = [
  { id: "connectApp", label: "connect app DB", database: "app" },
  { id: "connectPostgres", label: "connect postgres", database: "postgres" },
  { id: "temp", label: "TEMP table", database: "app", sql: (c) => [`CREATE TEMP TABLE t_${c.tag} (id int)`] },
  {
    id: "create",
    label: "CREATE in schema",
    database: "app",
    sql: (c) => [
      `CREATE TABLE ${c.schema}.made_by_${c.tag} (id int)`,
      `DROP TABLE ${c.schema}.made_by_${c.tag}`,
    ],
  },
  {
    id: "selectOwner",
    label: "SELECT owner's",
    database: "app",
    sql: (c) => [`SELECT * FROM ${c.schema}.${OWNER_TABLE}`],
  },
  {
    id: "insertOwner",
    label: "INSERT owner's",
    database: "app",
    sql: (c) => [`INSERT INTO ${c.schema}.${OWNER_TABLE} (name) VALUES ('${c.tag}')`],
  },
  {
    id: "selectMaster",
    label: "SELECT master's",
    database: "app",
    sql: (c) => [`SELECT * FROM ${c.schema}.${MASTER_TABLE}`],
  },
  {
    id: "insertMaster",
    label: "INSERT master's",
    database: "app",
    sql: (c) => [`INSERT INTO ${c.schema}.${MASTER_TABLE} (name) VALUES ('${c.tag}')`],
  },
  {
    id: "executeOwner",
    label: "EXECUTE owner's fn",
    database: "app",
    sql: (c) => [`SELECT ${c.schema}.${OWNER_FUNCTION}()`],
  },
  {
    id: "executeMaster",
    label: "EXECUTE master's fn",
    database: "app",
    sql: (c) => [`SELECT ${c.schema}.${MASTER_FUNCTION}()`],
  },
];

export type Matrix = Partial<Record<Login, Record<string, Cell>>>;

function row(cells: string): Record<string, Cell> {
  const values = cells.trim().split(/\s+/) as Cell[];
  if (values.length !== PROBES.length) throw new Error(`expected ${PROBES.length} cells, got "${cells}"`);
  return Object.fromEntries(PROBES.map((p, i) => [p.id, values[i]]));
}

/**
 * What the hardened bootstrap allows, per master kind. Columns as {@link PROBES}: connect app DB,
 * connect postgres, TEMP, CREATE in schema, SELECT/INSERT owner's table, SELECT/INSERT master's
 * table, EXECUTE owner's/master's function. `postgres` keeps PUBLIC's CONNECT: the constructs
 * manage the application database only.
 */
export function expectedMatrix(kind: MasterKind): Required<Matrix> {
  return {
    owner: row("yes yes yes yes  yes yes  no  no   yes no"),
    rw: row("yes yes yes no   yes yes  yes yes  yes yes"),
    ro: row("yes yes no  no   yes no   yes no   no  no"),
    datafold: row("yes yes no  no   yes no   yes no   no  no"),
    // The RDS-like master owns the database and creates in the schema (objectCreators), but is no
    // member of the owner role: it reads none of the owner's objects. A superuser passes every check.
    master:
      kind === "superuser"
        ? row("yes yes yes yes  yes yes  yes yes  yes yes")
        : row("yes yes yes yes  no  no   yes yes  no  yes"),
    other: row("yes yes no  no   no  no   no  no   no  no"),
    new: row("no  yes -   -    -   -    -   -    -   -"),
  };
}

/** The login the provider uses for `kind`, with its password. */
export function masterLogin(kind: MasterKind): { user: string; password: string } {
  return pgServer()[kind];
}

/**
 * Creates, as the owner and as the provider's login, one table (serial id, so DML needs the
 * sequence) and one function each in `schema`. Run after the apply.
 */
export async function createProbeObjects(
  database: string,
  schema: string,
  owner: { user: string; password: string },
  master: { user: string; password: string },
): Promise<void> {
  for (const [who, table, fn] of [
    [owner, OWNER_TABLE, OWNER_FUNCTION],
    [master, MASTER_TABLE, MASTER_FUNCTION],
  ] as const) {
    const s = await RoleSession.open(who.user, who.password, database);
    try {
      await s.mustSucceed(`CREATE TABLE ${schema}.${table} (id serial PRIMARY KEY, name text NOT NULL)`);
      await s.mustSucceed(`INSERT INTO ${schema}.${table} (name) VALUES ('seed')`);
      await s.mustSucceed(`CREATE FUNCTION ${schema}.${fn}() RETURNS int LANGUAGE sql AS 'SELECT 1'`);
    } finally {
      await s.close();
    }
  }
}

/** Drops what {@link createProbeObjects} made, so the schema can be dropped without CASCADE. */
export async function dropProbeObjects(database: string, schema: string): Promise<void> {
  await asSuperuser(async (c) => {
    for (const t of [OWNER_TABLE, MASTER_TABLE]) await c.query(`DROP TABLE IF EXISTS ${schema}.${t}`);
    for (const f of [OWNER_FUNCTION, MASTER_FUNCTION])
      await c.query(`DROP FUNCTION IF EXISTS ${schema}.${f}()`);
  }, database);
}

/** Connects, or returns undefined when the server refuses CONNECT (SQLSTATE 42501). */
async function connect(user: string, password: string, database: string): Promise<RoleSession | undefined> {
  try {
    return await RoleSession.open(user, password, database);
  } catch (err) {
    if ((err as { code?: string }).code === "42501") return undefined;
    throw err;
  }
}

/** Runs every probe as each login; an error other than 42501 fails (a broken probe is no "no"). */
export async function probeMatrix(
  database: string,
  schema: string,
  logins: Partial<Record<Login, { user: string; password: string }>>,
): Promise<Matrix> {
  const matrix: Matrix = {};
  for (const [login, cred] of Object.entries(logins) as [Login, { user: string; password: string }][]) {
    const cells: Record<string, Cell> = {};
    const app = await connect(cred.user, cred.password, database);
    try {
      for (const probe of PROBES) {
        if (!probe.sql) {
          const session =
            probe.database === "app" ? app : await connect(cred.user, cred.password, "postgres");
          cells[probe.id] = session ? "yes" : "no";
          if (session && session !== app) await session.close();
          continue;
        }
        if (!app) {
          cells[probe.id] = "-";
          continue;
        }
        let cell: Cell = "yes";
        for (const sql of probe.sql({ schema, tag: cred.user })) {
          const r = await app.try(sql);
          if (r.ok) continue;
          if (r.code !== "42501")
            throw new Error(`probe ${probe.id} as ${cred.user}: ${sql}\n  -> ${r.code}: ${r.error}`);
          cell = "no";
          break;
        }
        cells[probe.id] = cell;
      }
    } finally {
      await app?.close();
    }
    matrix[login] = cells;
  }
  return matrix;
}

/** The matrix as a Markdown table (rows: logins; columns: probes). */
export function formatMatrix(title: string, matrix: Matrix): string {
  const header = ["login", ...PROBES.map((p) => p.label)];
  const rows = (Object.keys(LOGIN_LABELS) as Login[])
    .filter((l) => matrix[l])
    .map((l) => [LOGIN_LABELS[l], ...PROBES.map((p) => matrix[l]![p.id])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    `${title}`,
    line(header),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.map(line),
    "(yes: allowed; no: refused with SQLSTATE 42501; -: not tried, the login cannot connect to the app DB)",
  ].join("\n");
}

/**
 * Two logins outside the bootstrap, made after the apply: `other` with CONNECT on the database
 * granted by hand (a co-tenant: what PUBLIC has inside the database), `new` with nothing (what PUBLIC
 * has). Drop them with {@link dropOutsiders}.
 */
export async function createOutsiders(
  prefix: string,
  database: string,
): Promise<Record<"other" | "new", { user: string; password: string }>> {
  const out = {
    other: { user: `${prefix}_other`, password: `other-${process.pid}-Pw` },
    new: { user: `${prefix}_new`, password: `new-${process.pid}-Pw` },
  };
  await asSuperuser(async (c) => {
    for (const r of Object.values(out)) {
      await c.query(`DROP ROLE IF EXISTS ${r.user}`);
      await c.query(`CREATE ROLE ${r.user} LOGIN PASSWORD '${r.password}'`);
    }
    await c.query(`GRANT CONNECT ON DATABASE "${database}" TO ${out.other.user}`);
  });
  return out;
}

/** Drops the logins {@link createOutsiders} made (their CONNECT on `database` first, if both exist). */
export async function dropOutsiders(prefix: string, database: string): Promise<void> {
  await asSuperuser(async (c) => {
    const other = `${prefix}_other`;
    const both = await c.query("SELECT 1 FROM pg_database, pg_roles WHERE datname = $1 AND rolname = $2", [
      database,
      other,
    ]);
    if (both.rows.length > 0) await c.query(`REVOKE ALL ON DATABASE "${database}" FROM ${other}`);
    for (const r of [other, `${prefix}_new`]) await c.query(`DROP ROLE IF EXISTS ${r}`);
  });
}
