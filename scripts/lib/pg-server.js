// A throwaway PostgreSQL 15 for tests and the main job: initdb in a temp folder, loopback only, a free
// port, pg_stat_statements and pgaudit preloaded, run as an unprivileged user (the server refuses
// root). Creates a superuser and an RDS-like master (LOGIN CREATEDB CREATEROLE, no SUPERUSER) that
// owns the test database and its public schema.
//
// CLI:  node scripts/lib/pg-server.js start <state-file> [--log-statement mod]
//       node scripts/lib/pg-server.js stop <state-file>
// `start` writes a JSON state file (port, users, passwords, data dir, log file) and prints
// `export PG...` lines for a shell.
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const { randomBytes } = require("crypto");
const fs = require("fs");
const net = require("net");
const path = require("path");

const PG_MAJOR = 15;
const DEFAULT_DATABASE = "appdb";
const SUPERUSER = "postgres";
const MASTER = "rds_master";
/** The parameters the bootstrap's PGOPTIONS sets (SessionLogging.SUPPRESSED). */
const SESSION_LOGGING_PARAMETERS = [
  "log_statement",
  "log_min_duration_statement",
  "log_min_error_statement",
  "pg_stat_statements.track",
];

function pgBinDir() {
  const candidates = [process.env.PG_BINDIR, `/usr/lib/postgresql/${PG_MAJOR}/bin`].filter(Boolean);
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, "postgres"))) return dir;
  }
  throw new Error(
    `PostgreSQL ${PG_MAJOR} server binaries not found (looked in ${candidates.join(", ")}). ` +
      `Install them with: apt-get install -y postgresql-${PG_MAJOR} postgresql-${PG_MAJOR}-pgaudit (scripts/setup.sh does this).`,
  );
}

function assertPgaudit(binDir) {
  const libDir = execFileSync(path.join(binDir, "pg_config"), ["--pkglibdir"], { encoding: "utf8" }).trim();
  if (!fs.existsSync(path.join(libDir, "pgaudit.so"))) {
    throw new Error(
      `pgaudit is not installed for PostgreSQL ${PG_MAJOR} (${libDir}/pgaudit.so missing). ` +
        `Install it with: apt-get install -y postgresql-${PG_MAJOR}-pgaudit (scripts/setup.sh does this).`,
    );
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** uid/gid to run the server as: the current user, or "nobody" when we are root. */
function serverIdentity() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "nobody"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

function run(binDir, cmd, args, ident, opts = {}) {
  const res = spawnSync(path.join(binDir, cmd), args, { encoding: "utf8", ...ident, ...opts });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return res.stdout;
}

const password = () => randomBytes(18).toString("base64url");

/**
 * Starts a server. Options: { logStatement?: "none"|"ddl"|"mod"|"all", database?: string }.
 * Resolves to the state object (also what `stop` takes).
 */
async function start(options = {}) {
  const binDir = pgBinDir();
  assertPgaudit(binDir);
  const ident = serverIdentity();
  // A world-traversable parent: the unprivileged server user must reach its data directory, and a
  // checkout under a 0700 folder would not allow that.
  const parent = process.env.PG_HARNESS_TMPDIR || "/tmp";
  const base = fs.mkdtempSync(path.join(parent, "aurora-cdktf-pg-"));
  fs.chmodSync(base, 0o755);
  const dataDir = path.join(base, "data");
  const logFile = path.join(base, "server.log");
  const pwFile = path.join(base, "pwfile");
  const state = {
    base,
    dataDir,
    logFile,
    binDir,
    host: "127.0.0.1",
    port: await freePort(),
    database: options.database || DEFAULT_DATABASE,
    superuser: { user: SUPERUSER, password: password() },
    master: { user: MASTER, password: password() },
    pid: undefined,
  };
  fs.writeFileSync(pwFile, `${state.superuser.password}\n`, { mode: 0o600 });
  fs.writeFileSync(logFile, "");
  if (ident.uid !== undefined) {
    for (const p of [base, pwFile, logFile]) fs.chownSync(p, ident.uid, ident.gid);
  }
  try {
    run(
      binDir,
      "initdb",
      [
        "-D",
        dataDir,
        "-U",
        SUPERUSER,
        "--pwfile",
        pwFile,
        "--auth=scram-sha-256",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-instructions",
      ],
      ident,
    );
    fs.rmSync(pwFile);
    const conf = [
      "listen_addresses = '127.0.0.1'",
      `port = ${state.port}`,
      `unix_socket_directories = '${base}'`,
      "shared_preload_libraries = 'pg_stat_statements,pgaudit'",
      "max_connections = 100",
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "log_destination = 'stderr'",
      "logging_collector = off",
      "log_line_prefix = '%m [%p] %q%u@%d '",
      `log_statement = '${options.logStatement || "none"}'`,
      "pgaudit.log = 'role,ddl'",
      "pgaudit.log_parameter = off",
    ];
    fs.appendFileSync(
      path.join(dataDir, "postgresql.conf"),
      `\n# aurora-cdktf test harness\n${conf.join("\n")}\n`,
    );
    run(binDir, "pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "start"], ident);
    state.pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const sql = [
      `CREATE ROLE ${MASTER} LOGIN CREATEDB CREATEROLE NOSUPERUSER PASSWORD '${state.master.password}'`,
      `CREATE DATABASE ${state.database} OWNER ${MASTER}`,
      // RDS grants its master rds_superuser, which carries these predefined roles.
      `GRANT pg_monitor, pg_signal_backend TO ${MASTER}`,
      // ASSUMPTION, not proven here: rds_superuser may set these logging parameters for its own
      // sessions (RDS documents it for pgaudit.log). The bootstrap's PGOPTIONS needs them; where a
      // server refuses, the connection fails before any statement is sent.
      `GRANT SET ON PARAMETER ${SESSION_LOGGING_PARAMETERS.join(", ")} TO ${MASTER}`,
    ];
    psql(state, "postgres", sql);
    psql(state, state.database, [`ALTER SCHEMA public OWNER TO ${MASTER}`]);
    psql(state, "template1", [`ALTER SCHEMA public OWNER TO ${MASTER}`]);
  } catch (err) {
    stop(state);
    throw err;
  }
  return state;
}

/** Runs statements as the superuser through psql (no shell, password via environment). */
function psql(state, database, statements) {
  const res = spawnSync(
    path.join(state.binDir, "psql"),
    [
      "-X",
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      "-h",
      state.host,
      "-p",
      String(state.port),
      "-U",
      state.superuser.user,
      "-d",
      database,
    ],
    {
      input: statements.map((s) => `${s};`).join("\n"),
      encoding: "utf8",
      env: { ...process.env, PGPASSWORD: state.superuser.password, PGSSLMODE: "disable" },
    },
  );
  if (res.status !== 0) throw new Error(`psql on ${database} failed: ${res.stderr}`);
  return res.stdout;
}

/** Stops the server (immediate mode) and removes its folder. Safe to call twice. */
function stop(state) {
  if (!state || !state.base || !fs.existsSync(state.base)) return;
  if (fs.existsSync(path.join(state.dataDir, "postmaster.pid"))) {
    spawnSync(path.join(state.binDir, "pg_ctl"), ["-D", state.dataDir, "-m", "immediate", "-w", "stop"], {
      ...serverIdentity(),
      encoding: "utf8",
    });
    if (state.pid) {
      try {
        process.kill(state.pid, 0);
        process.kill(state.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }
  fs.rmSync(state.base, { recursive: true, force: true });
}

/** Environment for libpq clients and the postgresql provider, for one of the two users. */
function clientEnv(state, who = "superuser") {
  const u = state[who];
  return {
    PGHOST: state.host,
    PGPORT: String(state.port),
    PGUSER: u.user,
    PGPASSWORD: u.password,
    PGDATABASE: state.database,
    PGSSLMODE: "disable",
    PGSUPERUSER: who === "superuser" ? "true" : "false",
  };
}

module.exports = { start, stop, psql, clientEnv, SUPERUSER, MASTER };

if (require.main === module) {
  const [cmd, stateFile, ...rest] = process.argv.slice(2);
  if (!["start", "stop"].includes(cmd) || !stateFile) {
    console.error("usage: pg-server.js start|stop <state-file> [--log-statement mod]");
    process.exit(2);
  }
  if (cmd === "start") {
    const i = rest.indexOf("--log-statement");
    start({ logStatement: i >= 0 ? rest[i + 1] : undefined })
      .then((state) => {
        fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
        for (const [k, v] of Object.entries(clientEnv(state, "master"))) console.log(`export ${k}=${v}`);
        console.error(
          `pg-server: PostgreSQL ${PG_MAJOR} on ${state.host}:${state.port} (data ${state.dataDir})`,
        );
      })
      .catch((err) => {
        console.error(`pg-server: ${err.message}`);
        process.exit(1);
      });
  } else {
    const state = fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, "utf8")) : undefined;
    stop(state);
    if (state) fs.rmSync(stateFile, { force: true });
  }
}
