/**
 * Every ```ts snippet of the READMEs compiles and synthesizes as written: the snippets are written
 * into one folder under the repository's .tmp (`// file: <name>.ts` snippets under their names, so
 * that the layout spread over several READMEs is imported as users copy it), type-checked by the
 * project's TypeScript with tsconfig.base.json's strict settings (`@aurora-cdktf/*` resolved to the
 * workspace packages), and each snippet that creates an App is run (test/helpers/run-snippets.js):
 * its synth must succeed and write every stack it names.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { addNetwork } from "../../packages/vpc-3az/test/fixtures/readme-usage";
import { BastionStack } from "../../packages/bastion-asg/test/fixtures/readme-usage";
import { ClusterStack } from "../../packages/aurora-postgres-cluster/test/fixtures/readme-usage";
import {
  ROOT,
  Snippet,
  buildsApp,
  localImportsOf,
  readmes,
  snippetsOf,
  stackIdsOf,
  where,
} from "../helpers/readme-snippets";

// tsc over the snippets and the packages' sources, then one Node process synthesizing every app.
jest.setTimeout(180_000);

const SNIPPETS: Snippet[] = readmes().flatMap(snippetsOf);
const DIR = path.join(ROOT, ".tmp", `readme-snippets-${process.pid}`);
const byFile = new Map(SNIPPETS.map((s) => [s.fileName, s]));

beforeAll(() => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  for (const s of SNIPPETS) fs.writeFileSync(path.join(DIR, s.fileName), s.code);
  const rel = path.relative(DIR, ROOT).split(path.sep).join("/");
  const tsconfig = {
    extends: `${rel}/tsconfig.base.json`,
    compilerOptions: {
      noEmit: true,
      declaration: false,
      declarationMap: false,
      baseUrl: rel,
      paths: { "@aurora-cdktf/*": ["packages/*/src"] },
      types: ["node"],
    },
    include: ["*.ts"],
  };
  fs.writeFileSync(path.join(DIR, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
});

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

/** A tsc diagnostic as `<README>:<line>: TSxxxx message` when it is in a snippet. */
function located(diagnostic: string): string {
  const m = /^(.+?)\((\d+),(\d+)\): (error TS\d+: .*)$/.exec(diagnostic);
  if (!m) return diagnostic;
  const s = byFile.get(path.basename(m[1]));
  if (!s || path.resolve(DIR, m[1]) !== path.join(DIR, s.fileName)) return diagnostic;
  return `${where(s, Number(m[2]))} (snippet at line ${s.line}, col ${m[3]}): ${m[4]}`;
}

/** The stack ids a snippet names, and those of the snippets it imports (transitively). */
function stackIdsWithImports(s: Snippet, seen = new Set<string>()): string[] {
  if (seen.has(s.fileName)) return [];
  seen.add(s.fileName);
  const imported = localImportsOf(s).flatMap((f) => {
    const dep = byFile.get(f);
    return dep ? stackIdsWithImports(dep, seen) : [];
  });
  return [...stackIdsOf(s), ...imported];
}

describe("README snippets", () => {
  it("are complete TypeScript snippets: none opted out, each a main file or a file a main file imports", () => {
    // GIVEN every ```ts block of every README
    const perReadme = readmes()
      .map((r) => `${r}: ${SNIPPETS.filter((s) => s.readme === r).length}`)
      .join(", ");
    console.log(`README snippets: ${SNIPPETS.length} (${perReadme})`);
    // THEN there are some, none carries a marker after "ts" (such as "nocompile")
    expect(SNIPPETS.length).toBeGreaterThan(0);
    expect(SNIPPETS.filter((s) => s.info !== "").map((s) => `${where(s)}: \`\`\`ts ${s.info}`)).toEqual([]);
    // AND file names are unique over all READMEs
    const names = SNIPPETS.map((s) => s.fileName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    // AND a snippet that creates no App is a named file some other snippet imports
    const imported = new Set(SNIPPETS.flatMap(localImportsOf));
    const orphans = SNIPPETS.filter((s) => !buildsApp(s) && !(s.named && imported.has(s.fileName)));
    expect(orphans.map((s) => `${where(s)}: creates no App and no snippet imports it`)).toEqual([]);
    // AND every local import is a snippet
    const missing = SNIPPETS.flatMap((s) =>
      localImportsOf(s)
        .filter((f) => !byFile.has(f))
        .map((f) => `${where(s)}: imports ./${f.replace(/\.ts$/, "")}, which no snippet is`),
    );
    expect(missing).toEqual([]);
  });

  it("type-check with the project's TypeScript and strict settings", () => {
    // WHEN tsc checks the snippet folder
    const res = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", DIR, "--pretty", "false"],
      { cwd: DIR, encoding: "utf8" },
    );
    // THEN it reports nothing (each diagnostic names the README line)
    const diagnostics = `${res.stdout}${res.stderr}`
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map(located);
    expect(diagnostics).toEqual([]);
    expect(res.status).toBe(0);
  });

  it("synthesize: every snippet that creates an App synthesizes the stacks it names", () => {
    // GIVEN the main files
    const mains = SNIPPETS.filter(buildsApp);
    expect(mains.length).toBeGreaterThan(0);
    const results = path.join(DIR, "results.json");
    // WHEN each runs, in one process, with its own output folder
    const jobs = mains.map(
      (s) => `${path.join(DIR, s.fileName)}:${path.join(DIR, "out", s.fileName, "cdktf.out")}`,
    );
    const res = spawnSync(
      process.execPath,
      [path.join(ROOT, "test", "helpers", "run-snippets.js"), results, ...jobs],
      { cwd: DIR, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    expect({ status: res.status, stderr: res.status === 0 ? "" : res.stderr }).toEqual({
      status: 0,
      stderr: "",
    });
    const ran = JSON.parse(fs.readFileSync(results, "utf8")) as {
      outdir: string;
      error?: string;
      exitCode: number;
      stderr: string;
    }[];
    // THEN each ran without error, and its manifest lists every stack id the snippet names
    const failures = mains.flatMap((s, i) => {
      const r = ran[i];
      if (r.error || r.exitCode !== 0) {
        return [`${where(s)}: the snippet failed (exit ${r.exitCode}): ${r.error ?? r.stderr}`];
      }
      const manifest = path.join(r.outdir, "manifest.json");
      if (!fs.existsSync(manifest)) return [`${where(s)}: no synth (no app.synth()?): ${manifest} missing`];
      const stacks = Object.keys(
        (JSON.parse(fs.readFileSync(manifest, "utf8")) as { stacks: object }).stacks,
      );
      const named = stackIdsWithImports(s);
      if (stacks.length === 0) return [`${where(s)}: synthesized no stack`];
      return named
        .filter((id) => !stacks.includes(id))
        .map((id) => `${where(s)}: stack "${id}" not synthesized`);
    });
    expect(failures).toEqual([]);
    console.log(
      `README snippets synthesized: ${mains.length} apps (${mains.map((s) => where(s)).join(", ")})`,
    );
  });

  it("place the tunnel output in the database stack: in the bastion's stack it would be a circular dependency", () => {
    // GIVEN the usage snippets' network, bastion and database stacks (the database admits the bastion)
    const layout = () => {
      const app = Testing.app();
      const network = new TerraformStack(app, "network");
      new AwsProvider(network, "Aws", { region: "eu-west-1" });
      const vpc = addNetwork(network);
      const { bastion } = new BastionStack(app, "bastion", vpc);
      const database = new ClusterStack(app, "database", vpc, bastion);
      const tunnel = bastion.ssmPortForwardCommand(
        database.cluster.clusterEndpoint,
        database.cluster.port,
        15432,
      );
      return { app, bastion, database, tunnel };
    };
    // WHEN the tunnel command is an output of the bastion's stack (its scope: the bastion)
    const wrong = layout();
    new TerraformOutput(wrong.bastion, "tunnel", { value: wrong.tunnel });
    // THEN synth fails: bastion -> database (endpoint) and database -> bastion (security group)
    expect(() => wrong.app.synth()).toThrow(/circular dependency/);
    // AND as an output of the database stack (the READMEs' placement) it synthesizes
    const right = layout();
    new TerraformOutput(right.database, "tunnel", { value: right.tunnel });
    expect(() => right.app.synth()).not.toThrow();
  });
});
