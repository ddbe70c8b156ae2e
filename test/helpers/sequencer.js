// Test order: the integration files known to be long first (their usual seconds below, measured on
// two cores with three workers), longest first, so that the longest files start at once and the
// short ones fill the workers that finish early; every other file after them in Jest's own order
// (cached durations, else size). `npm test` starts with an empty TMPDIR, so Jest's cache of durations
// is usually empty.
"use strict";
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

/** Usual seconds of the long integration files (repository-relative paths). */
const EXPECTED_SECONDS = {
  "packages/aurora-postgres-cluster/test/cluster.integ.ts": 480,
  "test/integration/examples.test.ts": 360,
  "packages/aurora-postgres-cluster/test/cluster-shapes.integ.ts": 210,
  "packages/vpc-3az/test/vpc-3az.integ.ts": 120,
  "packages/rds-proxy/test/proxy.integ.ts": 120,
  "packages/aurora-postgres-cluster/test/cluster-lifecycle.integ.ts": 80,
  "packages/bastion-asg/test/bastion-asg.integ.ts": 75,
  "packages/postgres-bootstrap/test/bootstrap.integ.ts": 62,
  "test/integration/examples-policy.test.ts": 60,
  "packages/postgres-bootstrap/test/bootstrap-provider.integ.ts": 51,
  "packages/lineage-logging/test/lineage.integ.ts": 47,
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
