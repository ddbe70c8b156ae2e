"use strict";
const fs = require("fs");

module.exports = async function globalTeardown() {
  const s = globalThis.__AURORA_INTEG__;
  if (!s) return;
  s.stopAll();
  fs.rmSync(s.dir, { recursive: true, force: true });
};
