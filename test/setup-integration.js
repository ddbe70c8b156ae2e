/* global jest */
// Integration tests run the real engine against PostgreSQL and moto: allow them ten minutes each.
// (testTimeout in a Jest project entry is not applied; jest.setTimeout in a setup file is.)
jest.setTimeout(600000);
// This worker's PostgreSQL and moto (test/helpers/global-setup.js starts a pair per worker).
{
  const path = require("path");
  const fs = require("fs");
  const dir = process.env.AURORA_INTEG_DIR;
  const worker = process.env.JEST_WORKER_ID || "1";
  if (dir && fs.existsSync(path.join(dir, `pg-${worker}.json`))) {
    process.env.AURORA_PG_STATE = path.join(dir, `pg-${worker}.json`);
    process.env.AURORA_MOTO_STATE = path.join(dir, `moto-${worker}.json`);
  }
}
