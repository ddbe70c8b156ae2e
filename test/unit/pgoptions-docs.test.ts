import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { SUPPRESSED_SESSION_PGOPTIONS } from "@aurora-cdktf/postgres-bootstrap";

const ROOT = path.resolve(__dirname, "..", "..");

/** Every `PGOPTIONS="..."` a tracked Markdown file or script tells a user (or the main job) to set. */
function documentedPgOptions(): { file: string; value: string }[] {
  const files = execFileSync("git", ["ls-files", "*.md", "*.sh", "scripts/*.js"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  return files.flatMap((file) =>
    [...fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/PGOPTIONS="([^"]*)"/g)].map((m) => ({
      file,
      value: m[1],
    })),
  );
}

describe("PGOPTIONS in the documentation", () => {
  test("every place that sets it uses exactly SUPPRESSED_SESSION_PGOPTIONS", () => {
    // GIVEN
    const found = documentedPgOptions();
    // THEN: the example READMEs at least tell users to set it
    expect(found.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        "examples/reference-architecture/README.md",
        "examples/lineage-on-existing-cluster/README.md",
      ]),
    );
    expect(found.filter((f) => f.value !== SUPPRESSED_SESSION_PGOPTIONS)).toEqual([]);
  });
});
