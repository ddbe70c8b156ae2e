import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { runApp, STACK_TRACE_VARIABLE, Validator } from "../src";

/** Runs `main` through runApp with captured stderr and exit code. */
function run(main: () => void, env: NodeJS.ProcessEnv = {}): { stderr: string; exitCode?: number } {
  const out: { stderr: string; exitCode?: number } = { stderr: "" };
  runApp(main, { env, writeError: (t) => (out.stderr += t), setExitCode: (c) => (out.exitCode = c) });
  return out;
}

function badConstruct(): void {
  const scope = new Construct(new TerraformStack(Testing.app(), "db"), "Cluster");
  new Validator(scope).integer("backupRetentionDays", 40, 1, 35, "Use 35 or less.").throwIfAny();
}

describe("runApp", () => {
  it("prints a ValidationError as its message alone, first, and sets exit code 1", () => {
    const { stderr, exitCode } = run(badConstruct);
    expect(exitCode).toBe(1);
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "ValidationError: [db/Cluster] invalid props: backupRetentionDays must be an integer between 1 and 35, got 40. Use 35 or less.",
    );
    expect(lines[1]).toBe(`(${STACK_TRACE_VARIABLE}=1 shows the stack trace)`);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it("recognises a ValidationError of another installed copy of core by name and construct path", () => {
    const foreign = Object.assign(new Error("[x/Y] invalid props: bad"), {
      name: "ValidationError",
      constructPath: "x/Y",
    });
    const { stderr, exitCode } = run(() => {
      throw foreign;
    });
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/^ValidationError: \[x\/Y\] invalid props: bad\n/);
  });

  it("rethrows every other error with its stack trace, and sets no exit code", () => {
    const out = { stderr: "", exitCode: undefined as number | undefined };
    expect(() =>
      runApp(
        () => {
          throw new TypeError("a bug");
        },
        { env: {}, writeError: (t) => (out.stderr += t), setExitCode: (c) => (out.exitCode = c) },
      ),
    ).toThrow(TypeError);
    expect(out).toEqual({ stderr: "", exitCode: undefined });
  });

  it(`rethrows validation errors too when ${STACK_TRACE_VARIABLE}=1`, () => {
    expect(() => run(badConstruct, { [STACK_TRACE_VARIABLE]: "1" })).toThrow(/backupRetentionDays/);
  });

  it("runs a main function that succeeds without writing anything", () => {
    expect(run(() => undefined)).toEqual({ stderr: "", exitCode: undefined });
  });
});
