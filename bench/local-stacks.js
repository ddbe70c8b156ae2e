#!/usr/bin/env node
// Lists, in dependency order, the stacks of a cdktf output folder that need only the postgresql
// and random providers (the database-bootstrap stacks, which apply against a local PostgreSQL),
// and points each one's local backend at a state file inside its own working directory so the
// benchmark writes nothing into the example's folder.
//
//   node bench/local-stacks.js <cdktf outdir>           prints one absolute stack folder a line
//   node bench/local-stacks.js <cdktf outdir> --count   prints the number of resources in them
"use strict";
const fs = require("fs");
const path = require("path");

const outdir = path.resolve(process.argv[2]);
const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
const LOCAL_PROVIDERS = new Set(["postgresql", "random"]);

const stacks = Object.values(manifest.stacks);
const local = new Map();
for (const s of stacks) {
  const file = path.join(outdir, s.synthesizedStackPath);
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  const providers = Object.keys(json.provider || {});
  const resources = Object.values(json.resource || {}).reduce(
    (n, byType) => n + Object.keys(byType).length,
    0,
  );
  const remoteState = Object.keys(json.data || {}).some((t) => t === "terraform_remote_state");
  if (providers.length === 0 || !providers.every((p) => LOCAL_PROVIDERS.has(p)) || remoteState) continue;
  local.set(s.name, { s, file, json, resources });
}

// Dependency order among the selected stacks (a stack's dependencies come first).
const ordered = [];
const seen = new Set();
function visit(name) {
  if (seen.has(name) || !local.has(name)) return;
  seen.add(name);
  for (const dep of local.get(name).s.dependencies || []) visit(dep);
  ordered.push(local.get(name));
}
for (const name of local.keys()) visit(name);

if (process.argv.includes("--count")) {
  console.log(ordered.reduce((n, x) => n + x.resources, 0));
} else {
  for (const { s, file, json } of ordered) {
    const dir = path.join(outdir, s.workingDirectory);
    if (!json.terraform?.backend || json.terraform.backend.local) {
      json.terraform = {
        ...json.terraform,
        backend: { local: { path: path.join(dir, "terraform.tfstate") } },
      };
      fs.writeFileSync(file, JSON.stringify(json, null, 2));
    }
    console.log(dir);
  }
}
