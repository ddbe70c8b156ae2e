// Test order: the integration files known to be long first (their usual seconds below, on two
// cores), so that with two workers the longest file starts at once and the short ones fill the
// other worker; every other file after them in Jest's own order (cached durations, else size).
// `npm test` starts with an empty TMPDIR, so Jest's cache of durations is usually empty.
"use strict";
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

/** Usual seconds of the long integration files (repository-relative paths). */
const EXPECTED_SECONDS = {
  "test/integration/examples.test.ts": 420,
  "test/integration/examples-policy.test.ts": 200,
  "packages/aurora-postgres-cluster/test/cluster.integ.ts": 180,
  "packages/vpc-3az/test/vpc-3az.integ.ts": 160,
  "packages/bastion-asg/test/bastion-asg.integ.ts": 120,
  "test/integration/examples-deploy.test.ts": 110,
  "packages/lineage-logging/test/lineage.integ.ts": 100,
};

class LongFirstSequencer extends Sequencer {
  sort(tests) {
    const expected = (t) =>
      EXPECTED_SECONDS[path.relative(t.context.config.rootDir, t.path).split(path.sep).join("/")];
    const known = tests.filter((t) => expected(t) !== undefined).sort((a, b) => expected(b) - expected(a));
    const rest = super.sort(tests.filter((t) => expected(t) === undefined));
    return [...known, ...rest];
  }
}

module.exports = LongFirstSequencer;
