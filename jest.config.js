// Two projects: fast unit tests (synth only, in parallel) and integration tests that run the real
// OpenTofu against a local PostgreSQL and moto (one pair per worker: test/helpers/global-setup.js;
// `npm test` runs them on three workers, as they mostly wait on moto and the provider's polling).
const path = require("path");

const transform = {
  "^.+\\.ts$": [
    "@swc/jest",
    { jsc: { target: "es2022", parser: { syntax: "typescript", decorators: true } } },
  ],
};
const moduleNameMapper = { "^@aurora-cdktf/([^/]+)$": "<rootDir>/packages/$1/src" };
const common = {
  rootDir: __dirname,
  testEnvironment: "node",
  transform,
  moduleNameMapper,
  setupFilesAfterEnv: [path.join(__dirname, "test/setup-jest.js")],
  // Synthesized stacks in snapshots: canonical JSON, the bindings' own provider pins as placeholders
  // (the same snapshots on cdktf and CDK Terrain: jest.cdktn.config.js).
  snapshotSerializers: [path.join(__dirname, "test/helpers/synth-serializer.js")],
  modulePathIgnorePatterns: ["<rootDir>/.tmp/", "/dist/", "/cdktf.out/", "<rootDir>/bench/work/"],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: [
        "<rootDir>/packages/*/test/**/*.test.ts",
        "<rootDir>/examples/*/test/**/*.test.ts",
        "<rootDir>/test/unit/**/*.test.ts",
      ],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: [
        "<rootDir>/test/integration/**/*.test.ts",
        "<rootDir>/packages/*/test/**/*.integ.ts",
        "<rootDir>/examples/*/test/**/*.integ.ts",
      ],
      globalSetup: "<rootDir>/test/helpers/global-setup.js",
      globalTeardown: "<rootDir>/test/helpers/global-teardown.js",
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, path.join(__dirname, "test/setup-integration.js")],
    },
  ],
  // Long integration files first (three workers in `npm test`), and a line per file start/end.
  testSequencer: "<rootDir>/test/helpers/sequencer.js",
  reporters: [
    "default",
    "<rootDir>/test/helpers/progress-reporter.js",
    "<rootDir>/test/helpers/summary-reporter.js",
  ],
};
