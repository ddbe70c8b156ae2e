// Preloaded with `node -r bench/require-probe.js app.js`: measures module loading per package
// (reading, compiling and running each file's top level, its own nested requires excluded, plus
// path resolution) and, at exit, writes a Markdown table to the file named by REQUIRE_PROBE_OUT
// (or stderr). The probe adds some overhead of its own: compare packages, not totals with runs
// without it.
"use strict";
const Module = require("module");
const fs = require("fs");

const selfByPkg = new Map();
const filesByPkg = new Map();
let resolveNs = 0n;
let loadNs = 0n;
let mainResolveNs = 0n;

function owner(file) {
  const nm = file.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = file.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = file.match(/\/packages\/([^/]+)\//);
  if (m) return `@aurora-cdktf/${m[1]}`;
  const e = file.match(/\/examples\/([^/]+)\//);
  if (e) return `examples/${e[1]}`;
  return file.startsWith("node:") || !file.includes("/") ? "node built-ins" : "(app)";
}

const stack = []; // child time accumulated per open load()
const origLoad = Module.prototype.load;
Module.prototype.load = function load(filename) {
  stack.push(0n);
  const t0 = process.hrtime.bigint();
  try {
    return origLoad.call(this, filename);
  } finally {
    const total = process.hrtime.bigint() - t0;
    const children = stack.pop();
    if (stack.length) {
      stack[stack.length - 1] += total;
      const pkg = owner(filename);
      selfByPkg.set(pkg, (selfByPkg.get(pkg) || 0n) + (total - children));
      filesByPkg.set(pkg, (filesByPkg.get(pkg) || 0) + 1);
    } else {
      // The main script: its own top level is the app (constructs and synth), not loading.
      loadNs += children;
    }
  }
};
const origResolve = Module._resolveFilename;
Module._resolveFilename = function resolveFilename(...args) {
  const t0 = process.hrtime.bigint();
  try {
    return origResolve.apply(this, args);
  } finally {
    const dt = process.hrtime.bigint() - t0;
    resolveNs += dt;
    // Resolution inside a module's load is part of that module's self time: take it out there.
    if (stack.length > 1) stack[stack.length - 1] += dt;
    else if (stack.length === 1) mainResolveNs += dt;
  }
};

process.on("exit", () => {
  const ms = (ns) => (Number(ns) / 1e6).toFixed(0);
  const rows = [...selfByPkg.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0));
  const files = [...filesByPkg.values()].reduce((a, b) => a + b, 0);
  const out = [
    `Module loading: ${files} files in ${ms(loadNs + mainResolveNs)} ms (with the probe's overhead); ` +
      `path resolution, included in that, took ${ms(resolveNs)} ms.`,
    "",
    "| package | files loaded | ms (read + compile + top level, own files only) |",
    "| --- | ---: | ---: |",
    ...rows.slice(0, 10).map(([pkg, ns]) => `| ${pkg} | ${filesByPkg.get(pkg)} | ${ms(ns)} |`),
    "",
  ].join("\n");
  if (process.env.REQUIRE_PROBE_OUT) fs.writeFileSync(process.env.REQUIRE_PROBE_OUT, out);
  else process.stderr.write(out);
});
