// The main job's work, after scripts/main.sh has set up the machine and the toolchain environment:
// both examples end to end on this machine.
//   1. `tsc -b` (packages + examples)
//   2. per example: `cdktf synth`; OpenTofu init/validate/plan of every stack. The AWS stacks plan
//      against a throwaway moto server; each is applied to it (minus what moto cannot create) so
//      that the stacks depending on it can plan (cdktf cross-stack references read upstream state).
//      A stack starts as soon as the stacks it depends on (the synth's manifest.json) are done.
//   3. a throwaway PostgreSQL 15: `cdktf deploy` of the database stacks (local mode), a summary of
//      what was created, `cdktf destroy`, and a check that nothing is left.
// The three lanes (each example on moto, the PostgreSQL deploys) run side by side: they mostly wait
// on moto and the provider's polling. The build, moto and PostgreSQL start side by side too.
// OpenTofu, the AWS-provider check, moto and PostgreSQL are driven by the integration tests' own
// code (scripts/lib: tofu.js, aws.js, moto-server.js, pg-server.js). Each command's output goes to
// a log; the console gets one line per step, a progress line every 30 s and a failed step's log tail;
// at the end a table of what was planned, applied, deployed and destroyed per stack and one verdict
// line (with the engine and which providers were real, stand-in or the machine's).
// Exits non-zero on any failure (130 when interrupted); the first failure stops the other lanes;
// moto, PostgreSQL and the work folder are removed on exit.
//
// Usage (from scripts/main.sh): node scripts/main.js [--elapsed SECONDS] [--setup-seconds SECONDS]
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { awsProviderAvailable, mirroredAwsVersion } = require("./lib/aws");
const moto = require("./lib/moto-server");
const pgServer = require("./lib/pg-server");
const { ARGS, TofuWorkdir, describeCreates, plannedCreates } = require("./lib/tofu");
const { duration, standInNote, toolsLine } = require("./lib/verdict");

// No shared provider plugin cache: the steps below run `tofu init` side by side, and OpenTofu's
// plugin cache is not safe for concurrent installs (seen here: a provider binary missing for a
// moment while another init re-linked it). The toolchain's filesystem mirror is linked, not copied,
// so the cache saves nothing.
delete process.env.TF_PLUGIN_CACHE_DIR;

const ROOT = path.resolve(__dirname, "..");
const REF = "reference-architecture";
const EXISTING = "lineage-on-existing-cluster";
// Resource types moto cannot create (left out of the apply); see examples/*/README.md. What was
// applied to moto is not destroyed: moto is stopped at the end and its state goes with it.
const MOTO_EXCLUDE_TYPES = ["aws_autoscaling_notification"];
const PROGRESS_EVERY_MS = 30_000;
const TAIL_LINES = 40;

const argv = process.argv.slice(2);
const argValue = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : undefined;
};
const T0 = Date.now() - (argValue("--elapsed") ?? 0) * 1000;
const seconds = (since) => Math.floor((Date.now() - since) / 1000);
const log = (msg) => console.log(`main: [${seconds(T0)}s] ${msg}`);
const indent = (text, prefix) =>
  text
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => `${prefix}${l}`)
    .join("\n");

const TIMINGS = argValue("--setup-seconds") !== undefined ? [`setup: ${argValue("--setup-seconds")}s`] : [];
/** Times `fn` into the closing "Timings:" list. */
async function timed(label, fn) {
  const t = Date.now();
  const result = await fn();
  TIMINGS.push(`${label}: ${seconds(t)}s`);
  return result;
}

/** What cleanup() must undo, and the running commands. */
const state = {
  work: fs.mkdtempSync(path.join(os.tmpdir(), "aurora-cdktf-main.")),
  moto: undefined,
  pg: undefined,
  /** The libpq environment of the RDS-like master, plus DB_TARGET=local, for the local deploys. */
  pgEnv: undefined,
  /** { example, out, stacks } still deployed to PostgreSQL */
  localDeploys: [],
  children: new Set(),
  interrupted: undefined,
  /** Set when a step failed: the other lanes stop. */
  stopping: undefined,
};

/** One row per stack and place for the closing table: what was planned and what happened. */
const ROWS = [];
function row(example, stack, where, planned) {
  const r = { example, stack, where, planned, result: "started" };
  ROWS.push(r);
  return r;
}
const LOGS = path.join(state.work, "logs");
fs.mkdirSync(LOGS);

/** A step that failed and has already said so on the console. */
class StepFailed extends Error {}

/**
 * Runs a command ({ file, args, options }, as TofuWorkdir.command returns) with its output in
 * LOGS/NAME.log, a progress line every 30 s, and the log's tail on failure.
 */
function run(name, { file, args, options = {} }, { ok = [0], stdoutFile } = {}) {
  const stop = state.interrupted ?? state.stopping;
  if (stop) return Promise.reject(new StepFailed(`${name} not started (${stop})`));
  const logFile = path.join(LOGS, `${name}.log`);
  const t = Date.now();
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(logFile, "w");
    const out = stdoutFile ? fs.openSync(stdoutFile, "w") : fd;
    let child;
    try {
      // Its own process group, so that an interruption stops the whole tree (npx, cdktf, tofu).
      child = spawn(file, args, { ...options, stdio: ["ignore", out, fd], detached: true });
    } finally {
      fs.closeSync(fd);
      if (out !== fd) fs.closeSync(out);
    }
    state.children.add(child);
    const progress = setInterval(
      () => log(`  ... ${name} still running (${seconds(t)}s)`),
      PROGRESS_EVERY_MS,
    );
    const done = (code, error) => {
      clearInterval(progress);
      state.children.delete(child);
      if (!error && ok.includes(code)) return resolve();
      if (state.interrupted ?? state.stopping) {
        log(`  ${name} stopped after ${seconds(t)}s (${state.interrupted ?? state.stopping})`);
        return reject(new StepFailed(`${name} interrupted`));
      }
      log(
        `  ${name} FAILED after ${seconds(t)}s${error ? ` (${error.message})` : ""}; last lines of its output:`,
      );
      const lines = fs.readFileSync(logFile, "utf8").replace(/\n$/, "").split("\n");
      console.log(indent(lines.slice(-TAIL_LINES).join("\n"), "    | "));
      reject(new StepFailed(`${name} failed`));
    };
    child.once("error", (err) => done(undefined, err));
    child.once("close", (code) => done(code));
  });
}

/** Runs a quick in-process check (such as TofuWorkdir.validate); on failure prints why. */
function check(name, fn) {
  try {
    return fn();
  } catch (err) {
    log(`  ${name} FAILED:`);
    console.log(indent(err.message, "    | "));
    throw new StepFailed(`${name} failed`);
  }
}

/** `npx cdktf ARGS...` in an example's folder, as a command for run(). */
function cdktf(example, args, env = {}) {
  return {
    file: "npx",
    args: ["cdktf", ...args],
    options: { cwd: path.join(ROOT, "examples", example), env: { ...process.env, ...env } },
  };
}

/** `tofu ARGS` with its stdout (JSON) parsed; the log gets stderr. */
async function runJson(name, work, args, ok = [0]) {
  const stdoutFile = path.join(LOGS, `${name}.json`);
  await run(name, work.command(args), { ok, stdoutFile });
  return check(name, () => JSON.parse(fs.readFileSync(stdoutFile, "utf8")));
}

/** init and validate: what a stack needs before its plan, which waits on its upstream stacks. */
async function prepareStack(stacksDir, stack, name) {
  const work = new TofuWorkdir(path.join(stacksDir, stack));
  await run(`${name}-init`, work.command(ARGS.init));
  const validation = await runJson(`${name}-validate`, work, ARGS.validate, [0, 1]);
  if (!validation.valid) {
    log(`  ${name}-validate FAILED:`);
    console.log(indent(JSON.stringify(validation.diagnostics, null, 2), "    | "));
    throw new StepFailed(`${name}-validate failed`);
  }
  return work;
}

/**
 * plan (after prepareStack); with "apply", applies all but what moto lacks (one retry): the saved
 * plan when nothing is left out, else a fresh plan with -exclude.
 */
async function tofuStack(example, work, stack, name, mode) {
  const label = `${example}/${stack}`;
  log(`${label}: plan${mode === "apply" ? " and apply to moto" : ""}`);
  await run(`${name}-plan`, work.command(ARGS.plan), { ok: [0, 2] });
  const plan = await runJson(`${name}-show`, work, ARGS.show);
  log(`  ${label}: valid; plan: ${describeCreates(plan)}`);
  const r = row(example, stack, "moto", plannedCreates(plan).length);
  if (mode !== "apply") {
    r.result = "planned (not applied: it is deployed to PostgreSQL below)";
    return;
  }
  const excluded = MOTO_EXCLUDE_TYPES.flatMap((type) => plannedCreates(plan, type));
  const apply = work.command([...ARGS.apply, ...excluded.map((a) => `-exclude=${a}`)]);
  try {
    await run(`${name}-apply`, excluded.length > 0 ? apply : work.command([...ARGS.apply, "tfplan"]));
  } catch (err) {
    if (state.interrupted ?? state.stopping) throw err;
    // moto's EC2 is not safe under load (seen once: a new security group's default egress rule
    // "does not exist" when the provider revokes it): one retry.
    log(`  ${label}: retrying the apply once`);
    await run(`${name}-apply-retry`, apply);
  }
  const applied = check(`${name}-state`, () => work.stateList()).filter((a) => !a.startsWith("data."));
  const leftOut = excluded.length > 0 ? `; left out (moto cannot create them): ${excluded.join(" ")}` : "";
  log(`  ${label}: applied to moto (${applied.length} resources)${leftOut}`);
  const types = [...new Set(excluded.map((a) => a.split(".")[0]))];
  r.result = `applied: ${applied.length} resources${types.length > 0 ? ` (left out, moto cannot create: ${types.join(", ")})` : ""}`;
}

/**
 * Every stack of a synth output folder: all init and validate at once, then each plans (and
 * applies) as soon as the stacks it depends on (the manifest's dependencies) are done; `modes`
 * says which ones are applied.
 */
function stacksInOrder(example, out, prefix, modes) {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
  const stacks = Object.keys(manifest.stacks).sort();
  const prepared = {};
  for (const s of stacks) {
    prepared[s] = prepareStack(path.join(out, "stacks"), s, `${prefix}-${s}`);
    prepared[s].catch(() => {}); // awaited below; this only marks it handled until then
  }
  const done = {};
  const go = (s) =>
    (done[s] ??= Promise.all([prepared[s], ...(manifest.stacks[s].dependencies ?? []).map(go)]).then(
      ([work]) => tofuStack(example, work, s, `${prefix}-${s}`, modes[s] ?? "plan"),
    ));
  return Promise.all(stacks.map(go));
}

/** A cdktf output folder in the work folder (its parent made; cdktf makes only the last level). */
function outDir(name) {
  fs.mkdirSync(path.join(state.work, name), { recursive: true });
  return path.join(state.work, name, "cdktf.out");
}

/** The example's stacks in a synth output folder. */
function stacksIn(out) {
  return fs
    .readdirSync(path.join(out, "stacks"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

// --- local PostgreSQL ---------------------------------------------------------------------------

/** psql as the RDS-like master (the PG* environment); returns its output, passes its errors on. */
function psql(args, input) {
  const r = spawnSync(path.join(state.pg.binDir, "psql"), ["-X", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...state.pgEnv },
  });
  if (r.error) throw r.error;
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`psql ${args.join(" ")} exited ${r.status}`);
  return r.stdout;
}

const SUMMARY_SQL = String.raw`
\echo 'roles:'
SELECT rolname AS role, rolcanlogin AS login, rolsuper AS superuser FROM pg_roles
 WHERE rolname !~ '^pg_' AND rolname NOT IN ('postgres', 'rds_master') ORDER BY 1;
\echo 'schemas:'
SELECT nspname AS schema, pg_get_userbyid(nspowner) AS owner, array_to_string(nspacl, ' ') AS privileges
  FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY 1;
\echo 'extensions:'
SELECT extname AS extension, extversion AS version FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1;
\echo 'table privileges:'
SELECT table_schema || '.' || table_name AS "table", grantee, string_agg(privilege_type, ', ' ORDER BY privilege_type) AS privileges
  FROM information_schema.role_table_grants WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
  GROUP BY 1, 2 ORDER BY 1, 2;
\echo 'default privileges (future objects):'
SELECT pg_get_userbyid(defaclrole) AS "for role", defaclnamespace::regnamespace AS schema,
       CASE defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' ELSE defaclobjtype::text END AS objects,
       array_to_string(defaclacl, ' ') AS privileges FROM pg_default_acl ORDER BY 1, 2, 3;
`;

/** Prints the roles, schemas, extensions and privileges in the database. */
function printSummary() {
  log(`  created in database ${state.pgEnv.PGDATABASE}:`);
  console.log(indent(psql(["-q", "-P", "pager=off"], SUMMARY_SQL), "    "));
}

/** Roles and schemas beyond the server's own, and resources in the stacks' state, after a destroy. */
function leftovers(out, stacks) {
  const sql = `SELECT 'role ' || rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname NOT IN ('postgres', 'rds_master')
    UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname NOT IN ('public', 'information_schema')`;
  const left = psql(["-A", "-t", "-c", sql])
    .split("\n")
    .filter((l) => l.trim() !== "");
  for (const s of stacks) {
    for (const a of new TofuWorkdir(path.join(out, "stacks", s)).stateList()) left.push(`state ${s}: ${a}`);
  }
  return left;
}

const deployFlags = (out) => ["--skip-provider-lock", "--auto-approve", "--output", out];

async function deployLocal(example, out, stacks) {
  state.localDeploys.push({ example, out, stacks });
  await run(`${example}-deploy`, cdktf(example, ["deploy", ...stacks, ...deployFlags(out)], state.pgEnv));
  return stacks.map((s) => {
    const inState = new TofuWorkdir(path.join(out, "stacks", s))
      .stateList()
      .filter((a) => !a.startsWith("data."));
    const r = row(example, s, "PostgreSQL", "-");
    r.result = `deployed: ${inState.length} resources`;
    return r;
  });
}

async function destroyLocal(example, out, stacks, rows) {
  await run(`${example}-destroy`, cdktf(example, ["destroy", ...stacks, ...deployFlags(out)], state.pgEnv));
  state.localDeploys = [];
  const left = check(`${example}-leftovers`, () => leftovers(out, stacks));
  if (left.length > 0) {
    log("  destroy left something behind:");
    console.log(indent(left.join("\n"), "    "));
    for (const r of rows) r.result += "; destroy LEFT SOMETHING BEHIND";
    throw new StepFailed("destroy left something behind");
  }
  for (const r of rows) r.result += "; destroyed, nothing left";
  log(`  ${example}: destroyed: no role, schema or state entry left`);
}

/**
 * Runs the lanes side by side; the first failure stops the others (their running commands are
 * ended), and is what this rejects with once all have settled.
 */
async function sideBySide(lanes) {
  const results = await Promise.allSettled(
    lanes.map((lane) =>
      lane().catch((err) => {
        if (!state.stopping && !state.interrupted) {
          state.stopping = "another step failed";
          for (const child of state.children) killTree(child);
        }
        throw err;
      }),
    ),
  );
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

function killTree(child) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

// --- the job --------------------------------------------------------------------------------------

async function main() {
  if (!process.env.TF_CLI_CONFIG_FILE) {
    throw new Error('no toolchain environment: run "npm run main" (scripts/main.sh), which sources it');
  }
  Object.assign(process.env, { CHECKPOINT_DISABLE: "1", CI: "1" });
  const awsOk = awsProviderAvailable();
  if (!awsOk) {
    log("SKIPPED: every AWS stack's plan (no hashicorp/aws provider in the toolchain mirror; see README)");
  }
  process.env.EXAMPLE_AWS_PROVIDER_VERSION = mirroredAwsVersion() ?? "";
  for (const v of ["DB_TARGET", "STAGE", "PGDATABASE"]) delete process.env[v];

  // --- the build, moto and PostgreSQL, side by side
  await sideBySide([
    () =>
      timed("build", async () => {
        log("building the packages and the examples (tsc -b)");
        await run("build", {
          file: "npx",
          args: ["tsc", "-b", "tsconfig.build.json"],
          options: { cwd: ROOT },
        });
      }),
    async () => {
      if (!awsOk) return;
      await timed("moto start", async () => {
        log("starting moto (AWS fake)");
        state.moto = await moto.start();
        // Few SDK retries: an API moto lacks fails fast instead of being retried for minutes.
        Object.assign(process.env, moto.awsEnv(state.moto), { AWS_MAX_ATTEMPTS: "3" });
      });
    },
    () =>
      timed("PostgreSQL start", async () => {
        log("starting a throwaway PostgreSQL 15");
        state.pg = await pgServer.start({});
        log(`  PostgreSQL on ${state.pg.host}:${state.pg.port}, database ${state.pg.database}`);
      }),
  ]);
  // The libpq environment of the RDS-like master, which the examples' local mode connects as, with
  // the session settings the examples' database stacks declare (SessionLogging.SUPPRESSED): the
  // provider sends generated passwords in clear text, and this keeps them out of the log. Only the
  // local deploys get it: the synths above must stay in cluster mode.
  const { SUPPRESSED_SESSION_PGOPTIONS } = require(path.join(ROOT, "packages/postgres-bootstrap"));
  state.pgEnv = {
    ...pgServer.clientEnv(state.pg, "master"),
    DB_TARGET: "local",
    PGOPTIONS: SUPPRESSED_SESSION_PGOPTIONS,
  };

  await sideBySide([
    // --- reference architecture: synth; plan every stack, the AWS ones applied to moto
    () =>
      timed(`${REF} synth + plan`, async () => {
        const out = outDir("ref");
        log(`${REF}: cdktf synth (stage dev, database stacks through the tunnel)`);
        await run("ref-synth", cdktf(REF, ["synth", "--output", out]));
        log(`  ${REF} stacks: ${stacksIn(out).join(" ")}`);
        if (!awsOk) return;
        const apply = { network: "apply", bastion: "apply", database: "apply", "lineage-aws": "apply" };
        await stacksInOrder(REF, out, "ref", apply);
      }),

    // --- lineage on an existing cluster: synth and plan
    () =>
      timed(`${EXISTING} synth + plan`, async () => {
        const out = outDir("existing");
        let context = {};
        if (awsOk) {
          // The existing cluster's master secret, in moto (the database stack reads it at plan time).
          const arn = await moto.createSecret(
            state.moto,
            "main-existing-cluster-master",
            JSON.stringify({ username: "postgres", password: "plan-only" }),
          );
          const { SAMPLE_EXISTING_CLUSTER } = require(
            path.join(ROOT, "examples", EXISTING, "dist", "existing-cluster.js"),
          );
          context = { existingCluster: { ...SAMPLE_EXISTING_CLUSTER, masterUserSecretArn: arn } };
        }
        log(`${EXISTING}: cdktf synth (the sample cluster, by attributes)`);
        await run(
          "existing-synth",
          cdktf(EXISTING, ["synth", "--output", out], { CDKTF_CONTEXT_JSON: JSON.stringify(context) }),
        );
        if (!awsOk) return;
        await stacksInOrder(EXISTING, out, "existing", { "lineage-aws": "apply" });
      }),

    // --- local PostgreSQL: deploy the database stacks, one example after the other (one database)
    async () => {
      await timed(`${REF} deploy + destroy`, async () => {
        const out = outDir("ref-local");
        const stacks = ["database-bootstrap", "lineage-database"];
        log(
          `${REF}: cdktf deploy ${stacks.join(" ")} (DB_TARGET=local, as the RDS-like master ${state.pgEnv.PGUSER})`,
        );
        const rows = await deployLocal(REF, out, stacks);
        printSummary();
        log(`${REF}: cdktf destroy ${stacks.join(" ")}`);
        await destroyLocal(REF, out, stacks, rows);
      });
      await timed(`${EXISTING} deploy + destroy`, async () => {
        const out = outDir("existing-local");
        psql(["-q", "-c", "CREATE TABLE public.legacy_orders (id int PRIMARY KEY)"]);
        log(`${EXISTING}: cdktf deploy lineage-database (DB_TARGET=local; observes schema public)`);
        const rows = await deployLocal(EXISTING, out, ["lineage-database"]);
        printSummary();
        log(`${EXISTING}: cdktf destroy lineage-database`);
        await destroyLocal(EXISTING, out, ["lineage-database"], rows);
      });
    },
  ]);

  log("done. Timings:");
  for (const line of TIMINGS) console.log(`  ${line}`);
  console.log(`  total: ${seconds(T0)}s`);
  printTable();
  if (!awsOk) console.log("NOTE: the AWS stacks were not planned (no AWS provider in the toolchain mirror).");
  for (const line of standInNote("the database stacks")) console.log(line);
  const onMoto = ROWS.filter((r) => r.where === "moto");
  const local = ROWS.filter((r) => r.where === "PostgreSQL");
  console.log(
    `npm run main: PASSED in ${duration(seconds(T0))} — ${onMoto.length} stacks planned ` +
      `(${onMoto.filter((r) => r.result.startsWith("applied")).length} applied to moto), ` +
      `${local.length} deployed to PostgreSQL and destroyed with nothing left; ${toolsLine()}`,
  );
}

/** The rows as a table: example, stack, where, planned creates, what happened. */
function printTable() {
  const header = { example: "example", stack: "stack", where: "where", planned: "planned", result: "result" };
  const order = (r) => [REF, EXISTING].indexOf(r.example) * 2 + (r.where === "moto" ? 0 : 1);
  const all = [header, ...[...ROWS].sort((a, b) => order(a) - order(b))];
  const width = (k) => Math.max(...all.map((r) => String(r[k]).length));
  const keys = ["example", "stack", "where", "planned"];
  const line = (r) => `  ${keys.map((k) => String(r[k]).padEnd(width(k))).join("  ")}  ${r.result}`;
  console.log(
    "\nWhat the main job created (planned: resources to create in the plan; moto's state is dropped at the end):",
  );
  console.log(all.map(line).join("\n"));
}

/** Destroys what is still deployed, stops PostgreSQL and moto, removes the work folder. */
function cleanup() {
  for (const d of state.localDeploys.splice(0)) {
    log(`clean-up: cdktf destroy ${d.stacks.join(" ")} (${d.example})`);
    const c = cdktf(d.example, ["destroy", ...d.stacks, ...deployFlags(d.out)], state.pgEnv);
    const fd = fs.openSync(path.join(LOGS, "cleanup.log"), "a");
    spawnSync(c.file, c.args, { ...c.options, stdio: ["ignore", fd, fd] });
    fs.closeSync(fd);
  }
  if (state.pg) pgServer.stop(state.pg);
  if (state.moto) moto.stop(state.moto);
  fs.rmSync(state.work, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (state.interrupted) process.exit(130); // a second one: give up the clean-up
    state.interrupted = signal;
    log(`${signal}: stopping, then cleaning up`);
    for (const child of state.children) killTree(child);
  });
}

main().then(
  () => {
    cleanup();
    process.exit(0);
  },
  (err) => {
    // A failed step has said why; anything else is shown with its stack only when it is a bug.
    const bug = err instanceof TypeError || err instanceof ReferenceError || err instanceof SyntaxError;
    if (!(err instanceof StepFailed)) log(`ERROR: ${bug ? err.stack : err.message}`);
    const code = state.interrupted ? 130 : 1;
    try {
      cleanup();
    } finally {
      log(`FAILED (exit ${code})`);
      process.exit(code);
    }
  },
);
