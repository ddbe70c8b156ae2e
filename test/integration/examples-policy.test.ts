/**
 * Checkov (scripts/policy-scan.js) on every AWS stack of both examples as the real `cdktf synth`
 * (cdktf-cli 0.21) writes them: no unsuppressed failure, every suppression used. Apart from
 * examples.test.ts (plans and moto applies of the same examples), so the two run side by side.
 */
import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { itWithAwsProvider } from "../helpers/aws";
import { buildExamples, EXISTING, REF, ROOT, synth, synthEnv } from "../helpers/examples";

let work: string;

beforeAll(() => {
  buildExamples();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "examples-policy-"));
});

describe("examples: policy scan", () => {
  itWithAwsProvider(
    "Checkov finds no unsuppressed failure in any synthesized AWS stack, and every suppression is used",
    () => {
      // GIVEN every stack of both examples: the reference architecture as dev (its default) and as
      // prod, each scanned with its stage (stage-scoped suppressions apply to that stage only); the
      // lineage example has no stage
      const stacksOf = (stacks: string, stage?: string) =>
        fs.readdirSync(stacks).map((s) => ({ dir: path.join(stacks, s), stage }));
      const targets = [
        ...stacksOf(synth(REF, path.join(work, "scan-ref"), synthEnv()), "dev"),
        ...stacksOf(synth(REF, path.join(work, "scan-ref-prod"), synthEnv({ STAGE: "prod" })), "prod"),
        ...stacksOf(synth(EXISTING, path.join(work, "scan-existing"), synthEnv())),
      ];
      // WHEN
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { scan } = require(path.join(ROOT, "scripts", "policy-scan.js")) as {
        scan: (targets: { dir: string; stage?: string }[]) => {
          passed: number;
          failed: { id: string; stack: string; stage?: string; address: string; name: string }[];
          suppressed: { id: string; stage?: string }[];
          unusedSuppressions: { id: string; resource: string }[];
          unchecked: string[];
        };
      };
      const result = scan(targets);
      // THEN
      const count = (stage?: string) => result.suppressed.filter((s) => s.stage === stage).length;
      console.log(
        `checkov on ${targets.length} example stacks: ${result.passed} passed, ${result.failed.length} failed, ` +
          `${result.suppressed.length} suppressed (reference dev ${count("dev")}, reference prod ${count("prod")}, ` +
          `lineage on an existing cluster ${count(undefined)})`,
      );
      expect(result.failed.map((f) => `${f.id} ${f.stack} (${f.stage}):${f.address} - ${f.name}`)).toEqual(
        [],
      );
      expect(result.unusedSuppressions.map((s) => `${s.id} ${s.resource}`)).toEqual([]);
      expect(result.passed).toBeGreaterThan(200);
      // AND the only stacks Checkov cannot check are the lineage database sides: postgresql_* and
      // random_password only, the master secret read ephemerally (no AWS resource or data source)
      expect(result.unchecked.map((d) => path.relative(work, d)).sort()).toEqual(
        ["scan-existing", "scan-ref", "scan-ref-prod"]
          .map((s) => path.join(s, "cdktf.out", "stacks", "lineage-database"))
          .sort(),
      );
    },
  );
});
