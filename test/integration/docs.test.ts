/**
 * The API reference can be generated: TypeDoc (typedoc.json, `npm run docs`) converts and validates
 * every package without writing output (`--emit none`), with no error and no warning other than the
 * one a repository without a hosted `origin` remote gets (source links; see docs/README.md).
 */
import "cdktf/lib/testing/adapters/jest";
import { spawnSync } from "child_process";
import * as path from "path";

// Converting five packages takes ~20-40 s on two busy cores.
jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, "../..");
const PACKAGES = [
  "vpc-3az",
  "bastion-asg",
  "aurora-postgres-cluster",
  "postgres-bootstrap",
  "lineage-logging",
  "rds-proxy",
  "core",
];
const NO_REMOTE = /^The provided git remote "origin" was not valid\. Source links will be broken$/;

/**
 * Messages of one level (`warning`, `error`, `info`), without colours. A message about a source
 * location reads `<file>:<line>:<col> - [warning] <text>`; it is kept whole.
 */
function lines(output: string, level: string): string[] {
  const tag = `[${level}] `;
  return output
    .replace(/\x1b\[[0-9;]*m/g, "") // eslint-disable-line no-control-regex
    .split("\n")
    .filter((l) => l.includes(tag))
    .map((l) => (l.startsWith(tag) ? l.slice(tag.length) : l));
}

function hasOriginRemote(): boolean {
  return spawnSync("git", ["remote", "get-url", "origin"], { cwd: ROOT }).status === 0;
}

describe("API reference (TypeDoc)", () => {
  it("converts and validates every package without errors or unexpected warnings", () => {
    // WHEN typedoc runs with the repository's config, emitting nothing
    const res = spawnSync("npx", ["typedoc", "--emit", "none"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${res.stdout}\n${res.stderr}`;

    // THEN it succeeds
    expect({ status: res.status, errors: lines(output, "error") }).toEqual({ status: 0, errors: [] });
    // AND it converted each package
    const converted = lines(output, "info")
      .map((l) => /^Converting project at \.\/packages\/(.+)$/.exec(l)?.[1])
      .filter((p): p is string => p !== undefined);
    expect(converted.sort()).toEqual([...PACKAGES].sort());
    // AND the only warnings are the missing-remote ones (one per package, and only without a remote)
    const summary = /Found (\d+) errors and (\d+) warnings/.exec(output);
    const warnings = lines(output, "warning").filter((w) => !/^Found \d+ errors and \d+ warnings$/.test(w));
    const unexpected = warnings.filter((w) => !(NO_REMOTE.test(w) && !hasOriginRemote()));
    expect(unexpected).toEqual([]);
    // (TypeDoc's own count agrees: no warning escaped the parsing above; it prints no count line
    // when there is nothing to count)
    expect(summary ? summary.slice(1).map(Number) : [0, 0]).toEqual([0, warnings.length]);
  });
});
