/**
 * The ```ts snippets of the READMEs (README.md, packages/*\/README.md, examples/*\/README.md), for
 * the test that type-checks and synthesizes them (test/unit/readme-snippets.test.ts).
 *
 * A snippet is complete, imports included. One whose first line is `// file: <name>.ts` is a file of
 * the documented layout: it is written under that name, and other snippets import it as
 * `./<name>` (e.g. the cluster README's main.ts imports the network, bastion and cluster stacks of
 * the other READMEs). Every other snippet is a main file of its own.
 */
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** One ```ts block of a README. */
export interface Snippet {
  /** The README, relative to the repository root. */
  readonly readme: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** What follows "```ts" on the fence line (must be empty). */
  readonly info: string;
  readonly code: string;
  /** The file name it is written as in the snippet folder. */
  readonly fileName: string;
  /** True when the snippet names its file (`// file: <name>.ts`). */
  readonly named: boolean;
}

const FILE_HEADER = /^\/\/ file: ([a-z0-9][a-z0-9.-]*\.ts)\s*$/;

/** The READMEs whose snippets are checked, relative to the root. */
export function readmes(): string[] {
  const within = (dir: string) =>
    fs
      .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, dir, d.name, "README.md")))
      .map((d) => `${dir}/${d.name}/README.md`)
      .sort();
  return ["README.md", ...within("packages"), ...within("examples")];
}

/** Where a snippet is, for messages: `packages/x/README.md:12`. */
export function where(s: Pick<Snippet, "readme" | "line">, offset = 0): string {
  return `${s.readme}:${s.line + offset}`;
}

/** The ```ts (or ```typescript) blocks of one README, indented ones (in lists) included. */
export function snippetsOf(readme: string): Snippet[] {
  const lines = fs.readFileSync(path.join(ROOT, readme), "utf8").split("\n");
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, lang, info] = open;
    let end = i + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    if (lang === "ts" || lang === "typescript") {
      const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
      const header = FILE_HEADER.exec(body[0] ?? "");
      const slug = readme.replace(/\/?README\.md$/, "").replace(/[^a-z0-9]+/gi, "-") || "root";
      out.push({
        readme,
        line: i + 1,
        info: info.trim(),
        code: `${body.join("\n")}\n`,
        fileName: header ? header[1] : `snippet-${slug}-L${i + 1}.ts`,
        named: header !== null,
      });
    }
    i = end;
  }
  return out;
}

/** True when the snippet creates a cdktf App (a main file). */
export function buildsApp(s: Snippet): boolean {
  return /\bnew App\(/.test(s.code);
}

/** The stack ids a main file names (`new SomeStack(app, "id"`). */
export function stackIdsOf(s: Snippet): string[] {
  return [...s.code.matchAll(/\bnew \w+\(\s*app,\s*"([^"]+)"/g)].map((m) => m[1]);
}

/** The `./<name>` modules a snippet imports. */
export function localImportsOf(s: Snippet): string[] {
  return [...s.code.matchAll(/from "\.\/([^"]+)"/g)].map((m) => `${m[1]}.ts`);
}
