#!/usr/bin/env node
// Summarizes a V8 CPU profile (`node --cpu-prof`) of a cdktf synth as Markdown: where the time goes
// by phase (module loading, building the construct tree, app.synth(), GC), which packages the
// loading time is spent in, and the functions and packages with the most self time.
//
//   node bench/profile.js <file.cpuprofile> [title] [label of the main script's own code]
"use strict";
const fs = require("fs");
const path = require("path");

const file = process.argv[2];
const title = process.argv[3] || path.basename(file);
const mainLabel = process.argv[4] || "building the construct tree";
const profile = JSON.parse(fs.readFileSync(file, "utf8"));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);

// Sample weights (microseconds): the time until the next sample.
const weight = new Map();
const { samples, timeDeltas } = profile;
for (let i = 0; i < samples.length; i++) {
  const dt = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
  weight.set(samples[i], (weight.get(samples[i]) || 0) + Math.max(0, dt));
}
const total = [...weight.values()].reduce((a, b) => a + b, 0);

/** "@cdktf/provider-aws", "cdktf", "packages/vpc-3az", "node:internal", "(gc)"... for a call frame. */
function owner(cf) {
  const url = cf.url || "";
  if (!url) return cf.functionName.startsWith("(") ? cf.functionName : "(native)";
  if (/^[0-9a-f]{8}$/.test(url) || cf.functionName.startsWith("wasm-function")) return "WebAssembly";
  if (url.startsWith("node:")) return "node internals";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    return pkg.startsWith("@aurora-cdktf/") ? `${pkg} (workspace)` : pkg;
  }
  const m = url.match(/\/packages\/([^/]+)\//);
  if (m) return `@aurora-cdktf/${m[1]}`;
  const e = url.match(/\/examples\/([^/]+)\//);
  if (e) return `examples/${e[1]}`;
  return path.basename(url);
}

const isRequire = (cf) =>
  (cf.url === "node:internal/modules/cjs/loader" || cf.url === "") &&
  ["Module._load", "Module.require", "require", "Module._compile", "wrapSafe", "compileFunction"].includes(
    cf.functionName,
  );
const isModuleWrapper = (cf) =>
  cf.functionName === "" && cf.lineNumber === 0 && cf.url && !cf.url.startsWith("node:");
const isSynth = (cf) => cf.functionName === "synth" && /cdktf\/lib\/app\.js$/.test(cf.url);

// Classify every node once by phase.
const memo = new Map();
function classify(id) {
  if (memo.has(id)) return memo.get(id);
  const chain = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(byId.get(cur).callFrame);
  chain.reverse(); // root first
  let phase = "other (event-loop callbacks, async code)";
  const leaf = chain[chain.length - 1];
  if (leaf.functionName === "(garbage collector)") phase = "garbage collection";
  else if (leaf.functionName === "(idle)") phase = "idle (waiting for I/O or child processes)";
  else if (leaf.functionName === "(program)") phase = "V8/native (program)";
  else {
    // Frames before the main script's module body belong to node's start-up (runMain loads it).
    let sawMain = false;
    let underRequire = false;
    for (let i = 0; i < chain.length; i++) {
      const cf = chain[i];
      if (!sawMain) {
        if (isModuleWrapper(cf)) sawMain = true;
        continue;
      }
      if (isSynth(cf)) {
        phase = "app.synth()";
        break;
      }
      if (isRequire(cf)) underRequire = true;
      if (underRequire && isModuleWrapper(cf)) {
        phase = "module loading (require)";
        break;
      }
    }
    if (phase.startsWith("other") && sawMain) {
      phase = underRequire ? "module loading (require)" : mainLabel;
    }
  }
  const r = { phase };
  memo.set(id, r);
  return r;
}

const phases = new Map();
const selfByPkg = new Map();
const selfByFn = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) || 0) + v);
for (const [id, w] of weight) {
  const { phase } = classify(id);
  add(phases, phase, w);
  const cf = byId.get(id).callFrame;
  add(selfByPkg, owner(cf), w);
  const where = cf.url ? `${owner(cf)} ${path.basename(cf.url)}:${cf.lineNumber + 1}` : owner(cf);
  add(selfByFn, `${cf.functionName || "(anonymous)"} — ${where}`, w);
}

const ms = (us) => (us / 1000).toFixed(0);
const pct = (us) => ((100 * us) / (total || 1)).toFixed(0);
const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
const out = [];
out.push(`#### Profile: ${title}`, "");
out.push(`Sampled CPU time ${ms(total)} ms (${samples.length} samples).`, "");
out.push("| phase | ms | % |", "| --- | ---: | ---: |");
for (const [k, v] of top(phases, 10)) out.push(`| ${k} | ${ms(v)} | ${pct(v)} |`);
out.push("", "Self time by package:", "");
out.push("| package | ms | % |", "| --- | ---: | ---: |");
for (const [k, v] of top(selfByPkg, 8)) out.push(`| ${k} | ${ms(v)} | ${pct(v)} |`);
const own = [...selfByPkg.entries()]
  .filter(([k]) => k.startsWith("@aurora-cdktf/") || k.startsWith("examples/"))
  .reduce((sum, [, v]) => sum + v, 0);
if (own > 0)
  out.push(
    "",
    `The library's and the example's own code (every \`@aurora-cdktf/*\` package and \`examples/*\`, self time): ${ms(own)} ms (${pct(own)}%).`,
  );
out.push("", "Top functions by self time:", "");
out.push("| function | ms | % |", "| --- | ---: | ---: |");
for (const [k, v] of top(selfByFn, 10)) out.push(`| \`${k.replace(/\|/g, "\\|")}\` | ${ms(v)} | ${pct(v)} |`);
out.push("");
process.stdout.write(out.join("\n"));
