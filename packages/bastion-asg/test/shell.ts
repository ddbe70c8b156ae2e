/** Test helpers that run real tools (shellcheck, bash, jq) on rendered scripts. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const SHELLCHECK = "/usr/bin/shellcheck";

/** A fresh temp folder under TMPDIR. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Runs shellcheck on `script` (written to a temp file). Throws when shellcheck is missing, so a
 * machine without it fails loudly instead of passing silently.
 */
export function shellcheck(script: string): { code: number; output: string } {
  if (!fs.existsSync(SHELLCHECK)) {
    throw new Error(`${SHELLCHECK} is missing: install the Debian package "shellcheck" to run this test.`);
  }
  const file = path.join(tempDir("bastion-shellcheck-"), "user-data.sh");
  fs.writeFileSync(file, script, { mode: 0o755 });
  const res = spawnSync(SHELLCHECK, ["--severity=style", "--format=gcc", file], { encoding: "utf8" });
  if (res.error) throw res.error;
  return { code: res.status ?? -1, output: `${res.stdout}${res.stderr}` };
}

/**
 * Runs `commands` in an interactive bash that sources `profileScript`, with a stub `logger` that
 * appends its message (last argument) to a file; returns the logged messages, one per line.
 * Requires jq (the profile script's formatter).
 */
export function runInteractiveShell(
  profileScript: string,
  commands: string[],
  env: Record<string, string> = {},
): string[] {
  for (const tool of ["bash", "jq"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
      throw new Error(`${tool} is missing: it is needed to run the command-logging profile script.`);
    }
  }
  const dir = tempDir("bastion-profile-");
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin);
  const logged = path.join(dir, "logged.txt");
  fs.writeFileSync(
    path.join(bin, "logger"),
    `#!/bin/bash\nfor last in "$@"; do :; done\nprintf '%s\\n' "$last" >> "${logged}"\n`,
    { mode: 0o755 },
  );
  // --rcfile: the profile is read before the first prompt, as /etc/profile.d is at login.
  const profile = path.join(dir, "profile.sh");
  fs.writeFileSync(profile, profileScript);
  const input = [...commands, "exit 0", ""].join("\n");
  const res = spawnSync("bash", ["--rcfile", profile, "-i"], {
    input,
    encoding: "utf8",
    cwd: dir,
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      HISTFILE: path.join(dir, ".bash_history"),
      PS1: "$ ",
      ...env,
    },
  });
  if (res.error) throw res.error;
  return fs.existsSync(logged)
    ? fs
        .readFileSync(logged, "utf8")
        .split("\n")
        .filter((l) => l !== "")
    : [];
}
