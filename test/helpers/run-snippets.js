// Runs README snippets as a user's main file would run, in one Node process (test/unit/readme-snippets.test.ts):
// TypeScript compiled on the fly by swc (as Jest does), `@aurora-cdktf/<package>` resolved to the
// workspace package's source. Each snippet runs with its own working directory and CDKTF_OUTDIR,
// so `new App()` + `app.synth()` writes its own cdktf.out.
//
// Usage: node test/helpers/run-snippets.js RESULTS.json SNIPPET.ts:OUTDIR...
// RESULTS.json receives [{ file, outdir, error?, exitCode, stderr }] in argument order.
"use strict";
const fs = require("fs");
const Module = require("module");
const path = require("path");
const { transformSync } = require("@swc/core");

const ROOT = path.resolve(__dirname, "..", "..");
const WORKSPACE = /^@aurora-cdktf\/([^/]+)$/;

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = WORKSPACE.exec(request);
  if (m && fs.existsSync(path.join(ROOT, "packages", m[1], "src", "index.ts"))) {
    return path.join(ROOT, "packages", m[1], "src", "index.ts");
  }
  return resolve.call(this, request, ...rest);
};
require.extensions[".ts"] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { target: "es2022", parser: { syntax: "typescript", decorators: true } },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  });
  module._compile(code, filename);
};

const [resultsFile, ...jobs] = process.argv.slice(2);
const results = [];
const writeStderr = process.stderr.write.bind(process.stderr);
for (const job of jobs) {
  const sep = job.lastIndexOf(":");
  const file = job.slice(0, sep);
  const outdir = job.slice(sep + 1);
  fs.mkdirSync(outdir, { recursive: true });
  process.chdir(path.dirname(outdir));
  process.env.CDKTF_OUTDIR = outdir;
  process.exitCode = 0;
  let stderr = "";
  // runApp reports a validation error on stderr and through the exit code, not by throwing.
  process.stderr.write = (chunk, ...rest) => {
    stderr += String(chunk);
    return writeStderr(chunk, ...rest);
  };
  const result = { file, outdir };
  try {
    require(file);
  } catch (err) {
    result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    process.stderr.write = writeStderr;
  }
  result.exitCode = process.exitCode ?? 0;
  result.stderr = stderr;
  results.push(result);
}
process.exitCode = 0;
fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
