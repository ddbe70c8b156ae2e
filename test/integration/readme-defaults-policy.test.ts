/**
 * The packages' defaults are policy-clean: the stacks of each package README's usage snippet (the
 * cluster in the prod stage) are scanned by Checkov with every check and no suppression
 * (scripts/policy-scan.js), and the failed checks must be exactly those the READMEs list, each with
 * its reason, in their "Policy checks" tables, which this test reads (so the two cannot drift).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { addNetwork } from "../../packages/vpc-3az/test/fixtures/readme-usage";
import { BastionStack } from "../../packages/bastion-asg/test/fixtures/readme-usage";
import { ClusterStack } from "../../packages/aurora-postgres-cluster/test/fixtures/readme-usage";
import { addDatafoldLineage } from "../../packages/lineage-logging/test/fixtures/readme-usage";
import { BootstrapStack } from "../../packages/postgres-bootstrap/test/fixtures/bootstrap-usage";

const ROOT = path.resolve(__dirname, "..", "..");
const PACKAGES = ["vpc-3az", "bastion-asg", "aurora-postgres-cluster", "lineage-logging"];

interface Finding {
  readonly id: string;
  readonly address: string;
  readonly stack: string;
}
interface ScanResult {
  passed: number;
  passedChecks: Finding[];
  failed: Finding[];
  suppressed: Finding[];
  unusedSuppressions: unknown[];
  unchecked: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scan } = require(path.join(ROOT, "scripts", "policy-scan.js")) as {
  scan: (targets: { dir: string; stage?: string }[], options: { suppressions: boolean }) => ScanResult;
};

/** The rows of a README's "## Policy checks" table as `<check id> <address>`. */
function documentedFindings(pkg: string): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "packages", pkg, "README.md"), "utf8");
  const start = readme.indexOf("\n## Policy checks\n");
  if (start < 0) throw new Error(`packages/${pkg}/README.md has no "## Policy checks" section`);
  const section = readme.slice(start + 1, readme.indexOf("\n## ", start + 1));
  const rows = [...section.matchAll(/^\| `(CKV2?_AWS_\d+)` +\| `([^`]+)` +\| (.+?) +\|$/gm)];
  for (const row of rows) {
    if (row[3].trim().length < 40) throw new Error(`packages/${pkg}/README.md: ${row[1]} needs a reason`);
  }
  return rows.map((r) => `${r[1]} ${r[2]}`);
}

/** The package a finding belongs to: lineage's resources sit in the cluster stack (as in its snippet). */
function packageOf(f: Finding): string {
  if (/\.Lineage_/.test(f.address)) return "lineage-logging";
  return (
    { network: "vpc-3az", bastion: "bastion-asg", cluster: "aurora-postgres-cluster" }[f.stack] ?? f.stack
  );
}

/** Synthesizes the README snippets' stacks (cluster: prod) into `outdir`; returns the stack folders. */
function synthReadmeStacks(outdir: string): string[] {
  const app = new App({ outdir });
  const network = new TerraformStack(app, "network");
  new AwsProvider(network, "Aws", { region: "eu-west-1" });
  const vpc = addNetwork(network);
  const bastion = new BastionStack(app, "bastion", vpc);
  const cluster = new ClusterStack(app, "cluster", vpc, bastion.bastion);
  // The bootstrap README's stack (the postgresql provider from the cluster's outputs, schema app),
  // with the lineage snippet's database side in it.
  const bootstrap = new BootstrapStack(app, "lineage-database", cluster.cluster);
  addDatafoldLineage(cluster, bootstrap, cluster.cluster, bootstrap.connection, bootstrap.schema);
  app.synth();
  const stacks = path.join(outdir, "stacks");
  return fs.readdirSync(stacks).map((s) => path.join(stacks, s));
}

describe("README defaults: policy scan", () => {
  it("Checkov without suppressions fails exactly the checks the package READMEs accept, with reasons", () => {
    // GIVEN the README snippets' stacks, the cluster in the prod stage
    const dirs = synthReadmeStacks(fs.mkdtempSync(path.join(os.tmpdir(), "readme-policy-")));
    // WHEN every check runs, nothing suppressed
    const result = scan(
      dirs.map((dir) => ({ dir, stage: "prod" })),
      { suppressions: false },
    );
    // THEN
    const perPackage = PACKAGES.map((pkg) => {
      const failed = result.failed.filter((f) => packageOf(f) === pkg);
      const passed = result.passedChecks.filter((f) => packageOf(f) === pkg).length;
      const ids = [...new Set(failed.map((f) => f.id))].sort().join(", ");
      return `  ${pkg}: ${passed} passed, ${failed.length} failed (${ids})`;
    });
    console.log(`checkov on the README stacks (prod), no suppressions:\n${perPackage.join("\n")}`);
    expect(result.suppressed).toEqual([]);
    const found = result.failed.map((f) => `${packageOf(f)}: ${f.id} ${f.address}`).sort();
    const documented = PACKAGES.flatMap((pkg) => documentedFindings(pkg).map((d) => `${pkg}: ${d}`)).sort();
    expect(found).toEqual(documented);
    expect(result.passed).toBeGreaterThan(200);
    // AND the only stack without anything to check is the lineage bootstrap (postgresql_* only)
    expect(result.unchecked.map((d) => path.basename(d))).toEqual(["lineage-database"]);
  });
});
