// Diagnostic (`node bench/third-party-load.js LIST [--then MODULE]`): requires, in order, the
// third-party modules listed in LIST (one absolute path per line: every file the example loads from
// node_modules, that is cdktf, its dependencies, constructs and the provider bindings; written by
// bench/run.sh). Its wall time is what any CDKTF app that uses the same bindings pays before its
// first construct: the floor under the example's synth that the library's own code cannot lower.
// With `--then MODULE` it then requires MODULE (the example's stack module) and prints one JSON line
// with the in-process milliseconds of both parts, so that the library's own module loading is
// measured apart from the floor.
"use strict";
const fs = require("fs");
const path = require("path");

const [list, flag, then] = process.argv.slice(2);
if (!list || !fs.existsSync(list) || (flag !== undefined && (flag !== "--then" || !then))) {
  console.error("usage: node bench/third-party-load.js LIST [--then MODULE]");
  process.exit(2);
}
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const files = fs.readFileSync(list, "utf8").split("\n").filter(Boolean);
const t0 = process.hrtime.bigint();
for (const f of files) require(f);
const thirdPartyMs = ms(t0);
if (then === undefined) {
  console.log(`${files.length} third-party files loaded in ${thirdPartyMs.toFixed(0)} ms`);
} else {
  const before = Object.keys(require.cache).length;
  const t1 = process.hrtime.bigint();
  require(path.resolve(then));
  const ownMs = ms(t1);
  const ownFiles = Object.keys(require.cache).length - before;
  console.log(JSON.stringify({ thirdPartyFiles: files.length, thirdPartyMs, ownFiles, ownMs }));
}
