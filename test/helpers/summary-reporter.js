// Prints loud, counted notices for tests that could not run (e.g. "[NO AWS PROVIDER] ..."), and
// appends this run's counts to $AURORA_TEST_SUMMARY (scripts/test.sh adds them up into the
// closing "N passed, N failed, N skipped" line).
"use strict";
const fs = require("fs");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        if (t.status === "pending" || t.status === "skipped") skipped.push(t.fullName);
      }
    }
    if (skipped.length > 0) {
      console.log(`\n!!! ${skipped.length} test(s) SKIPPED — they did not run and are counted as skipped:`);
      for (const s of skipped) console.log(`!!!   - ${s}`);
    }
    const line = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    if (process.env.AURORA_TEST_SUMMARY)
      fs.appendFileSync(process.env.AURORA_TEST_SUMMARY, `${JSON.stringify(line)}\n`);
  }
}
module.exports = SummaryReporter;
