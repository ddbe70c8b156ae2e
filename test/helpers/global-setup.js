// Jest globalSetup of the integration project: a throwaway PostgreSQL 15 and a moto server for
// each Jest worker (one with --runInBand), so that test files running side by side share no
// cluster-wide role, server log or AWS name. Their state files (pg-<worker>.json, moto-<worker>.json)
// are in AURORA_INTEG_DIR, which Jest's workers inherit; test/setup-integration.js points each
// test file at its worker's pair (AURORA_PG_STATE, AURORA_MOTO_STATE).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const pg = require("../../scripts/lib/pg-server");
const moto = require("../../scripts/lib/moto-server");

module.exports = async function globalSetup(globalConfig) {
  // No shared provider plugin cache: the workers run `tofu init` side by side, and OpenTofu's plugin
  // cache is not safe for concurrent installs. The toolchain's mirror is linked, not copied.
  delete process.env.TF_PLUGIN_CACHE_DIR;
  for (const v of ["TF_CLI_CONFIG_FILE", "TERRAFORM_BINARY_NAME"]) {
    if (!process.env[v]) {
      throw new Error(
        `${v} is not set. Integration tests run the real OpenTofu from the project's toolchain: ` +
          `run "npm test" (scripts/test.sh), or "bash scripts/setup.sh" then "source $(bash scripts/toolchain.sh --env-file)".`,
      );
    }
  }
  const workers = Math.max(1, Number(globalConfig?.maxWorkers) || 1);
  if (workers > 1) {
    // Test files build the examples (`tsc -b`) before they synthesize them: built once here, those
    // builds find nothing to do instead of writing the same files side by side.
    const build = spawnSync("npx", ["tsc", "-b", "tsconfig.build.json"], {
      cwd: path.resolve(__dirname, "..", ".."),
      encoding: "utf8",
    });
    if (build.status !== 0)
      throw new Error(`tsc -b tsconfig.build.json failed:\n${build.stdout}\n${build.stderr}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aurora-cdktf-integ-"));
  const servers = [];
  const stopAll = () => {
    for (const s of servers.splice(0)) {
      pg.stop(s.pgState);
      moto.stop(s.motoState);
    }
  };
  // Stop them even if Jest is interrupted before globalTeardown.
  process.once("exit", stopAll);
  try {
    // One worker's pair at a time: each picks a free port just before it binds it.
    for (let worker = 1; worker <= workers; worker++) {
      const server = { pgState: await pg.start({}) };
      servers.push(server);
      server.motoState = await moto.start();
      fs.writeFileSync(path.join(dir, `pg-${worker}.json`), JSON.stringify(server.pgState), { mode: 0o600 });
      fs.writeFileSync(path.join(dir, `moto-${worker}.json`), JSON.stringify(server.motoState));
    }
  } catch (err) {
    stopAll();
    throw err;
  }
  // The first worker's pair for code that runs outside a test file.
  process.env.AURORA_PG_STATE = path.join(dir, "pg-1.json");
  process.env.AURORA_MOTO_STATE = path.join(dir, "moto-1.json");
  process.env.AURORA_INTEG_DIR = dir;
  globalThis.__AURORA_INTEG__ = { dir, servers, stopAll };
};
