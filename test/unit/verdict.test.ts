/**
 * The closing lines of `npm test` and `npm run main` (scripts/lib/verdict.js) and the order in
 * which the integration files start (test/helpers/sequencer.js).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const verdict = require("../../scripts/lib/verdict") as {
  duration: (s: number) => string;
  providersLine: () => string;
  testVerdict: (file: string, seconds: number, failedSteps: string[]) => { ok: boolean; lines: string[] };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sequencer = require("../helpers/sequencer") as new (o: unknown) => {
  sort: (tests: unknown[]) => { path: string }[];
};

const KINDS = [
  "AURORA_CDKTF_MIRROR",
  "AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND",
  "AURORA_CDKTF_RANDOM_PROVIDER_KIND",
  "AURORA_CDKTF_AWS_PROVIDER_KIND",
];
let saved: Record<string, string | undefined>;
let dir: string;

beforeEach(() => {
  saved = Object.fromEntries(KINDS.map((k) => [k, process.env[k]]));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-"));
  for (const [ns, type, v] of [
    ["cyrilgdn", "postgresql", "1.26.0"],
    ["hashicorp", "random", "3.7.2"],
    ["hashicorp", "aws", "5.100.0"],
  ]) {
    fs.mkdirSync(path.join(dir, "registry.opentofu.org", ns, type, v), { recursive: true });
  }
  process.env.AURORA_CDKTF_MIRROR = dir;
});

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("verdict lines", () => {
  it.each([
    [
      ["stand-in", "stand-in", "machine"],
      "postgresql 1.26.0 stand-in, random 3.7.2 stand-in, aws 5.100.0 (the machine's)",
    ],
    [["real", "real", "built"], "postgresql 1.26.0 real, random 3.7.2 real, aws 5.100.0 real"],
    [["real", "stand-in", "none"], "postgresql 1.26.0 real, random 3.7.2 stand-in, aws NONE"],
  ])("providers %j -> %s", (kinds, expected) => {
    [
      process.env.AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND,
      process.env.AURORA_CDKTF_RANDOM_PROVIDER_KIND,
      process.env.AURORA_CDKTF_AWS_PROVIDER_KIND,
    ] = kinds;
    expect(verdict.providersLine()).toBe(expected);
  });

  it.each([
    [
      [],
      { passed: 5, failed: 0, skipped: 0 },
      true,
      /^npm test: PASSED — 7 passed, 0 failed, 1 skipped in 14m02s; engine /,
    ],
    [
      [],
      { passed: 5, failed: 1, skipped: 0 },
      false,
      /^npm test: FAILED — 7 passed, 1 failed, 1 skipped in 14m02s;/,
    ],
    [
      ["lint"],
      { passed: 5, failed: 0, skipped: 0 },
      false,
      /^npm test: FAILED \(failed steps: lint\) — 7 passed/,
    ],
  ])("steps failed %j, counts %j: ok %s", (failedSteps, second, ok, line) => {
    process.env.AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND = "stand-in";
    process.env.AURORA_CDKTF_RANDOM_PROVIDER_KIND = "real";
    process.env.AURORA_CDKTF_AWS_PROVIDER_KIND = "machine";
    const file = path.join(dir, "summary.jsonl");
    fs.writeFileSync(
      file,
      `${JSON.stringify({ passed: 2, failed: 0, skipped: 1 })}\n${JSON.stringify(second)}\n`,
    );
    const v = verdict.testVerdict(file, 842, failedSteps);
    expect(v.ok).toBe(ok);
    expect(v.lines[v.lines.length - 1]).toMatch(line);
    expect(v.lines[v.lines.length - 1]).toMatch(
      /; providers: postgresql 1\.26\.0 stand-in, random 3\.7\.2 real, aws 5\.100\.0 \(the machine's\)$/,
    );
    // the stand-in is named loudly above the verdict
    expect(v.lines[0]).toMatch(/^NOTE: database tests ran with the project's STAND-IN/);
  });

  it.each([
    [5, "5s"],
    [60, "1m00s"],
    [842, "14m02s"],
  ])("%i s reads %s", (s, text) => expect(verdict.duration(s)).toBe(text));
});

describe("integration file order", () => {
  it("starts the long files first, longest first, then the rest", () => {
    const root = path.resolve(__dirname, "..", "..");
    const test = (rel: string) => ({ path: path.join(root, rel), context: { config: { rootDir: root } } });
    const sorted = new Sequencer({ contexts: [] }).sort(
      [
        "test/integration/docs.test.ts",
        "packages/vpc-3az/test/vpc-3az.integ.ts",
        "test/integration/examples.test.ts",
        "packages/aurora-postgres-cluster/test/cluster.integ.ts",
      ].map(test),
    );
    expect(sorted.map((t) => path.relative(root, t.path))).toEqual([
      "packages/aurora-postgres-cluster/test/cluster.integ.ts",
      "test/integration/examples.test.ts",
      "packages/vpc-3az/test/vpc-3az.integ.ts",
      "test/integration/docs.test.ts",
    ]);
  });
});
