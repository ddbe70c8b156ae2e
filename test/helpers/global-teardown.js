"use strict";
const fs = require("fs");
const pg = require("../../scripts/lib/pg-server");
const moto = require("../../scripts/lib/moto-server");

module.exports = async function globalTeardown() {
  const s = globalThis.__AURORA_INTEG__;
  if (!s) return;
  pg.stop(s.pgState);
  moto.stop(s.motoState);
  fs.rmSync(s.dir, { recursive: true, force: true });
};
