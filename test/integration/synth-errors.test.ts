/**
 * An input error through the real `cdktf synth` (cdktf-cli 0.21) of the reference example, whose
 * main file uses core's `runApp`: the validation message is the first thing printed, with no
 * source excerpt and no stack trace, and the CLI exits non-zero.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { mirroredAwsVersion } from "../helpers/aws";

const ROOT = path.resolve(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "reference-architecture");
const MESSAGE =
  "ValidationError: [database-bootstrap/Extensions] invalid props: extensions[0] must be an extension name";

/** Output without ANSI colours, spinner frames and blank lines. */
function readable(text: string): string[] {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*[A-Za-z]/g, "")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]\s/.test(l))
  );
}

function synthWithBadExtension(extraEnv: Record<string, string> = {}): {
  status: number | null;
  lines: string[];
} {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "synth-error-"));
  const res = spawnSync("npx", ["cdktf", "synth", "--output", out], {
    cwd: EXAMPLE,
    encoding: "utf8",
    env: {
      ...process.env,
      CI: "1",
      CHECKPOINT_DISABLE: "1",
      DB_TARGET: "",
      STAGE: "",
      AWS_REGION: "us-east-1",
      EXAMPLE_AWS_PROVIDER_VERSION: mirroredAwsVersion(),
      DB_EXTENSIONS: "bad ext",
      ...extraEnv,
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  return { status: res.status, lines: readable(`${res.stdout}\n${res.stderr}`) };
}

describe("cdktf synth with bad input (reference example)", () => {
  beforeAll(() => {
    const build = spawnSync("npx", ["tsc", "-b", "examples/reference-architecture/tsconfig.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`building the example failed:\n${build.stdout}\n${build.stderr}`);
  });

  it("prints the validation message first, with no source excerpt or stack trace, and fails", () => {
    const { status, lines } = synthWithBadExtension();
    expect(status).not.toBe(0);
    // THEN the first line that is not the CLI's progress is the message (after the CLI's log prefix)
    const first = lines.find((l) => !/^(Starting|Synthesizing)$/.test(l));
    expect(first).toContain(MESSAGE);
    expect(lines.join("\n")).toContain('got "bad ext". Fix:');
    expect(lines.filter((l) => /^at .+:\d+:\d+\)?$/.test(l))).toEqual([]);
    expect(lines.filter((l) => l.includes("throw new ValidationError"))).toEqual([]);
  });

  it("gives the stack trace back with AURORA_CDKTF_STACK_TRACE=1", () => {
    const { status, lines } = synthWithBadExtension({ AURORA_CDKTF_STACK_TRACE: "1" });
    expect(status).not.toBe(0);
    expect(lines.some((l) => /^at .*validateExtensionsProps/.test(l))).toBe(true);
  });
});
