// One line when each integration test file starts and ends (with its time and counts), and every
// minute the files still running, so that a long integration run shows it is alive. Lines start
// with "[tests mm:ss]", the time since the run started. Unit files (seconds each) get no lines.
"use strict";
const path = require("path");

const HEARTBEAT_MS = 60_000;

/** 75 s -> "1m15s" */
function duration(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

class ProgressReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.t0 = Date.now();
    this.running = new Map();
    this.total = 0;
    this.finished = 0;
  }

  say(msg) {
    const s = Math.floor((Date.now() - this.t0) / 1000);
    process.stderr.write(`[tests ${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}] ${msg}\n`);
  }

  name(test) {
    return path.relative(this.rootDir, test.path);
  }

  /** Whether a test file is one of the (long) integration files. */
  followed(test) {
    const project = test.context.config.displayName;
    return (typeof project === "string" ? project : project?.name) === "integration";
  }

  onRunStart(results) {
    this.t0 = Date.now();
    this.total = results.numTotalTestSuites;
    this.timer = setInterval(() => {
      if (this.running.size === 0) return;
      const now = Date.now();
      const list = [...this.running].map(([n, t]) => `${n} (${duration(now - t)})`).join(", ");
      this.say(`still running: ${list}`);
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  onTestFileStart(test) {
    if (!this.followed(test)) return;
    this.running.set(this.name(test), Date.now());
    this.say(`start ${this.name(test)}`);
  }

  onTestFileResult(test, result) {
    this.finished += 1;
    if (!this.followed(test)) return;
    const name = this.name(test);
    const took = duration(Date.now() - (this.running.get(name) ?? this.t0));
    this.running.delete(name);
    const failed = result.numFailingTests + (result.testExecError ? 1 : 0);
    const verdict = failed > 0 ? "FAILED" : "ok";
    this.say(
      `${verdict} ${name} in ${took}: ${result.numPassingTests} passed, ${failed} failed, ` +
        `${result.numPendingTests} skipped (${this.finished}/${this.total} files done)`,
    );
  }

  onRunComplete() {
    clearInterval(this.timer);
  }
}

module.exports = ProgressReporter;
