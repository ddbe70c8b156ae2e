import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { SUPPRESSED_SESSION_PGOPTIONS } from "@aurora-cdktf/postgres-bootstrap";

const ROOT = path.resolve(__dirname, "..", "..");
const EXAMPLE_WORKFLOW = "examples/reference-architecture/ci/github-actions.yml";

/** Runs scripts/lint-workflows.sh (the `workflows` step of npm test) with `args`. */
function lintWorkflows(...args: string[]): { status: number | null; output: string } {
  const r = spawnSync("bash", [path.join(ROOT, "scripts/lint-workflows.sh"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** A workflow with one finding of each kind the step must catch. */
const BROKEN_WORKFLOW = `name: broken
on:
  push:
jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-asume: \${{ vars.AWS_PLAN_ROLE_ARN }}
      - run: echo "\${{ github.shaa }}"
      - run: cd $APP_DIR && ls
  apply:
    needs: plann
    runs-on: ubuntu-latest
    steps:
      - run: echo ok
`;

describe("scripts/lint-workflows.sh (actionlint in npm test)", () => {
  test("finds the example's workflow, so the step lints something", () => {
    // WHEN
    const r = lintWorkflows("--list");
    // THEN
    expect(r.status).toBe(0);
    expect(r.output.split("\n")).toContain(EXAMPLE_WORKFLOW);
  });

  test("passes on the repository's workflows", () => {
    // WHEN
    const r = lintWorkflows();
    // THEN
    expect(r.output).toContain(`on 1 workflows: ${EXAMPLE_WORKFLOW}`);
    expect(r.status).toBe(0);
  });

  test("fails on a broken workflow and names every finding, ShellCheck's on run: blocks too", () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lint-workflows-"));
    const file = path.join(dir, "broken.yml");
    fs.writeFileSync(file, BROKEN_WORKFLOW);
    // WHEN
    const r = lintWorkflows(file);
    // THEN
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/missing input "aws-region" which is required .*\[action\]/);
    expect(r.output).toMatch(/input "role-to-asume" is not defined .*\[action\]/);
    expect(r.output).toMatch(/property "shaa" is not defined in object type .*\[expression\]/);
    expect(r.output).toMatch(/SC2086.*\[shellcheck\]/);
    expect(r.output).toMatch(/job "apply" needs job "plann" which does not exist .*\[job-needs\]/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the example workflow sets PGOPTIONS to exactly SUPPRESSED_SESSION_PGOPTIONS in each database job", () => {
    // GIVEN
    const text = fs.readFileSync(path.join(ROOT, EXAMPLE_WORKFLOW), "utf8");
    // WHEN
    const values = [...text.matchAll(/^\s*PGOPTIONS: (.*)$/gm)].map((m) => m[1]);
    // THEN
    expect(values).toEqual([SUPPRESSED_SESSION_PGOPTIONS, SUPPRESSED_SESSION_PGOPTIONS]);
  });
});

describe("the reference example README's CI role policy", () => {
  test("is valid JSON granting the tunnel's and the secret reads' actions, each on named resources", () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(ROOT, "examples/reference-architecture/README.md"), "utf8");
    const ci = readme.slice(readme.indexOf("## CI"));
    const block = /```json\n([\s\S]*?)\n```/.exec(ci);
    // WHEN
    const policy = JSON.parse(block?.[1] ?? "null") as {
      Statement: { Action: string | string[]; Resource: string | string[] }[];
    };
    const grants = policy.Statement.flatMap((st) =>
      [st.Action].flat().flatMap((action) => [st.Resource].flat().map((resource) => `${action} ${resource}`)),
    );
    // THEN
    expect(grants).toEqual(
      expect.arrayContaining([
        "ssm:StartSession arn:aws:ec2:us-east-1:111122223333:instance/*",
        "ssm:StartSession arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSessionToRemoteHost",
        "ssm:TerminateSession arn:aws:ssm:us-east-1:111122223333:session/*",
        "ssm:DescribeInstanceInformation *",
        "secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-*",
        expect.stringMatching(/^kms:Decrypt arn:aws:kms:us-east-1:111122223333:key\//),
      ]),
    );
    // Nothing else gets "*": only the two describe calls, which take no resource.
    expect(grants.filter((g) => g.endsWith(" *"))).toEqual([
      "autoscaling:DescribeAutoScalingGroups *",
      "ssm:DescribeInstanceInformation *",
    ]);
  });
});
