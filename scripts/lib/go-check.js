// `go vet` and `go test` of a Go module (the stand-in providers in tools/compat-providers by
// default), with the build settings scripts/toolchain.sh builds them with.
//
// `test` runs `go test -json ./...`, prints it like plain `go test` (one line per package, the
// output of failed tests in full) and appends its counts to $AURORA_TEST_SUMMARY like the Jest
// projects do (scripts/test.sh adds the lines up). Top-level tests are counted; a package that
// fails without a failing test (it did not build, or it failed outside a test) counts as one
// failed test.
//
// CLI: node scripts/lib/go-check.js vet|test [module-dir] [extra go flags...]
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const readline = require("readline");

const ROOT = path.resolve(__dirname, "..", "..");

/** The environment the stand-ins are built with (scripts/toolchain.sh): no cgo, go.mod as is. */
function goEnv() {
  return { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=readonly", GOTOOLCHAIN: "local" };
}

/** Runs `go test -json` in `dir`; resolves to { code, passed, failed, skipped }. */
function goTest(dir, flags = []) {
  return new Promise((resolve, reject) => {
    const child = spawn("go", ["test", "-json", ...flags, "./..."], {
      cwd: dir,
      env: goEnv(),
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.on("error", reject);
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const pkgs = new Map(); // package -> { tests: n, failedTests: n, output: Map(test -> lines) }
    const pkg = (name) => {
      if (!pkgs.has(name)) pkgs.set(name, { tests: 0, failedTests: 0, output: new Map() });
      return pkgs.get(name);
    };
    const lines = readline.createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      let e;
      try {
        e = JSON.parse(line);
      } catch {
        console.log(line);
        return;
      }
      if (e.Action === "build-output") {
        process.stdout.write(e.Output);
        return;
      }
      if (!e.Package) return;
      const p = pkg(e.Package);
      if (e.Action === "output") {
        const key = e.Test || "";
        if (!p.output.has(key)) p.output.set(key, []);
        p.output.get(key).push(e.Output);
        return;
      }
      if (e.Test) {
        if (e.Test.includes("/")) return; // subtests are counted by their parent
        if (e.Action === "pass" || e.Action === "skip") {
          counts[e.Action === "pass" ? "passed" : "skipped"]++;
          p.tests++;
        }
        if (e.Action === "fail") {
          counts.failed++;
          p.tests++;
          p.failedTests++;
          process.stdout.write((p.output.get(e.Test) || []).join(""));
        }
        return;
      }
      const cached = (p.output.get("") || []).some((l) => l.includes("(cached)"));
      const took = cached ? "(cached)" : e.Elapsed !== undefined ? `${e.Elapsed.toFixed(3)}s` : "";
      if (e.Action === "pass")
        console.log(`ok  \t${e.Package}\t${took}\t(${p.tests} test${p.tests === 1 ? "" : "s"})`);
      if (e.Action === "skip") console.log(`?   \t${e.Package}\t[no test files]`);
      if (e.Action === "fail") {
        if (p.failedTests === 0) {
          // Nothing failed inside a test: show what the package printed outside them (but not
          // go's own closing FAIL line, printed below).
          const own = (l) => l.trim() === "FAIL" || l.startsWith(`FAIL\t${e.Package}`);
          process.stdout.write((p.output.get("") || []).filter((l) => !own(l)).join(""));
          counts.failed++;
        }
        console.log(`FAIL\t${e.Package}\t${took}`);
      }
    });
    child.on("close", (code, signal) => {
      lines.close();
      resolve({ code: code ?? (signal ? 1 : 0), ...counts });
    });
  });
}

/** Runs `go vet ./...` in `dir` with its output on ours; resolves to the exit code. */
function goVet(dir, flags = []) {
  return new Promise((resolve, reject) => {
    const child = spawn("go", ["vet", ...flags, "./..."], { cwd: dir, env: goEnv(), stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

function appendSummary(line) {
  if (process.env.AURORA_TEST_SUMMARY) {
    fs.appendFileSync(process.env.AURORA_TEST_SUMMARY, `${JSON.stringify({ ...line, source: "go test" })}\n`);
  }
}

module.exports = { goEnv, goTest, goVet };

if (require.main === module) {
  const [cmd, dir = path.join(ROOT, "tools", "compat-providers"), ...flags] = process.argv.slice(2);
  const fail = (err) => {
    console.error(`go-check: could not run go: ${err.message}`);
    if (cmd === "test") appendSummary({ passed: 0, failed: 1, skipped: 0 });
    process.exit(1);
  };
  if (cmd === "vet") {
    goVet(path.resolve(dir), flags).then((code) => process.exit(code), fail);
  } else if (cmd === "test") {
    goTest(path.resolve(dir), flags).then((r) => {
      const line = { passed: r.passed, failed: r.failed, skipped: r.skipped };
      if (r.code !== 0 && r.failed === 0) line.failed = 1; // go itself failed
      appendSummary(line);
      process.exit(r.code === 0 && line.failed === 0 ? 0 : 1);
    }, fail);
  } else {
    console.error("usage: go-check.js vet|test [module-dir] [extra go flags...]");
    process.exit(2);
  }
}
