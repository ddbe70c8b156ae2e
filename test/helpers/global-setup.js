// Jest globalSetup of the integration project: one throwaway PostgreSQL 15 and one moto server for
// the whole run. Their state files are named in the environment, which Jest's workers inherit.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const pg = require("../../scripts/lib/pg-server");
const moto = require("../../scripts/lib/moto-server");

module.exports = async function globalSetup() {
  for (const v of ["TF_CLI_CONFIG_FILE", "TERRAFORM_BINARY_NAME"]) {
    if (!process.env[v]) {
      throw new Error(
        `${v} is not set. Integration tests run the real OpenTofu from the project's toolchain: ` +
          `run "npm test" (scripts/test.sh), or "bash scripts/setup.sh" then "source $(bash scripts/toolchain.sh --env-file)".`,
      );
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aurora-cdktf-integ-"));
  const pgState = await pg.start({});
  fs.writeFileSync(path.join(dir, "pg.json"), JSON.stringify(pgState), { mode: 0o600 });
  process.env.AURORA_PG_STATE = path.join(dir, "pg.json");
  let motoState;
  try {
    motoState = await moto.start();
  } catch (err) {
    pg.stop(pgState);
    throw err;
  }
  fs.writeFileSync(path.join(dir, "moto.json"), JSON.stringify(motoState));
  process.env.AURORA_MOTO_STATE = path.join(dir, "moto.json");
  process.env.AURORA_INTEG_DIR = dir;
  globalThis.__AURORA_INTEG__ = { dir, pgState, motoState };
  // Stop both even if Jest is interrupted before globalTeardown.
  process.once("exit", () => {
    pg.stop(pgState);
    moto.stop(motoState);
  });
};
