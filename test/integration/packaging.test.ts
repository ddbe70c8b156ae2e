/**
 * Packaging proven the way a user meets the library: `scripts/pack.sh` packs the five publishable
 * packages, a fresh CDKTF project OUTSIDE the workspace (a folder under /tmp, so npm cannot see the
 * workspace root) installs the tarballs and the peer dependencies from the npm cache, type-checks
 * test/fixtures/packaging/main.ts strictly against the installed .d.ts, synthesizes it with node,
 * and the real OpenTofu plans the AWS stack against moto and validates the database stack.
 */
import "cdktf/lib/testing/adapters/jest";
import { spawnSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import { plannedCreates, TofuWorkdir } from "../helpers/tofu";
import { awsEnv, itWithAwsProvider } from "../helpers/aws";

// The integration project's testTimeout does not reach hooks and async tests here; npm install of
// provider-aws alone takes ~30 s, the two tsc runs ~20 s each, the plan a minute or two.
jest.setTimeout(1_200_000);

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = path.join(ROOT, "test/fixtures/packaging");
const PACKAGES = [
  "core",
  "vpc-3az",
  "bastion-asg",
  "aurora-postgres-cluster",
  "postgres-bootstrap",
  "lineage-logging",
  "rds-proxy",
];
const PEERS: Record<string, string> = {
  cdktf: ">=0.21.0 <0.22.0",
  constructs: "^10.4.2",
  "@cdktf/provider-aws": ">=21.0.0 <22.0.0",
  "@cdktf/provider-postgresql": ">=12.0.0 <13.0.0",
  "@cdktf/provider-random": ">=12.0.0 <13.0.0",
};
const AWS_STACK = "network-and-database";
const DB_STACK = "database-bootstrap";

interface Manifest {
  name: string;
  version: string;
  main: string;
  types: string;
  exports: Record<string, unknown>;
  files: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  publishConfig?: { access?: string };
}

interface TfJson {
  terraform: { required_providers: Record<string, { version?: string }> };
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

const timings: [string, number][] = [];

/** The environment without npm's own `npm_*` variables (set when jest runs under `npm test`). */
function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

/** Runs a command, records its duration, and throws with its output unless it exits 0. */
function run(label: string, cmd: string, args: string[], cwd: string, env = cleanEnv()): string {
  const t = Date.now();
  const res = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  timings.push([label, (Date.now() - t) / 1000]);
  if (res.error) throw res.error;
  if (res.status !== 0) {
    const tail = (s: string) => s.split("\n").slice(-60).join("\n");
    throw new Error(
      `${label}: "${cmd} ${args.join(" ")}" exited ${res.status} in ${cwd}\n--- stdout ---\n${tail(res.stdout)}\n--- stderr ---\n${tail(res.stderr)}`,
    );
  }
  return res.stdout;
}

/** Every file under `dir`, relative to it. */
function walk(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(prefix, e.name);
    return e.isDirectory() ? walk(path.join(dir, e.name), rel) : [rel];
  });
}

/**
 * Bare package names (`@scope/name` or `name`, no node builtins) the built code needs: `require()`s
 * of the .js files and imports of the .d.ts files (a type-only import such as `constructs` in a
 * signature is elided from the JS but still needed by a consumer's compiler).
 */
function requiredPackages(pkgDir: string): string[] {
  const names = new Set<string>();
  const patterns: Record<string, RegExp> = {
    ".js": /require\("([^"]+)"\)/g,
    ".d.ts": /^(?:import|export)\s[^;]*?from "([^"]+)"|import\("([^"]+)"\)/gm,
  };
  for (const file of walk(path.join(pkgDir, "dist"))) {
    const ext = file.endsWith(".d.ts") ? ".d.ts" : path.extname(file);
    if (!patterns[ext]) continue;
    const code = fs.readFileSync(path.join(pkgDir, "dist", file), "utf8");
    for (const [, fromSpec, importSpec] of code.matchAll(patterns[ext])) {
      const spec = fromSpec ?? importSpec;
      if (spec.startsWith(".") || spec.startsWith("node:") || builtinModules.includes(spec)) continue;
      const parts = spec.split("/");
      names.add(spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
    }
  }
  return [...names].sort();
}

describe("packaging: the packed tarballs in a fresh CDKTF project outside the workspace", () => {
  let work: string;
  let tarballDir: string;
  let tarballs: string[];
  let app: string;
  let synthesized: { outdir: string } | undefined;

  beforeAll(() => {
    // GIVEN a temp folder outside the repository (npm would otherwise find the workspace root)
    work = fs.mkdtempSync(path.join("/tmp", "aurora-cdktf-consumer-"));
    expect(path.relative(ROOT, work).startsWith("..")).toBe(true);
    tarballDir = path.join(work, "tarballs");

    // WHEN scripts/pack.sh builds and packs every publishable package into it
    const out = run("scripts/pack.sh", "bash", ["scripts/pack.sh", tarballDir], ROOT);
    const packed = out.split("\n").find((l) => l.startsWith("PACKED "));
    if (!packed) throw new Error(`scripts/pack.sh printed no PACKED line:\n${out}`);
    tarballs = packed.split(" ").slice(2).sort();

    // AND a consumer project is created from the fixture and installs the tarballs and the peers
    app = path.join(work, "app");
    fs.mkdirSync(app);
    for (const f of ["package.json", "tsconfig.json", "cdktf.json", "main.ts"]) {
      fs.copyFileSync(path.join(FIXTURE, f), path.join(app, f));
    }
    run(
      "npm install (tarballs + peers)",
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        ...tarballs.map((t) => path.join(tarballDir, t)),
      ],
      app,
    );
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
    if (timings.length > 0) {
      console.log(`packaging timings:\n${timings.map(([l, s]) => `  ${l}: ${s.toFixed(1)} s`).join("\n")}`);
    }
  });

  /** Compiles main.ts with the consumer's own tsc and runs it with node (once, for every test that needs it). */
  function synth(): { outdir: string } {
    if (synthesized) return synthesized;
    run("tsc (compile main.ts)", "npx", ["tsc"], app);
    run(
      "node dist/main.js (synth)",
      "node",
      ["dist/main.js"],
      app,
      cleanEnv({
        CONSUMER_AWS_PROVIDER_VERSION: process.env.AURORA_CDKTF_AWS_PROVIDER_VERSION,
      }),
    );
    synthesized = { outdir: path.join(app, "cdktf.out", "stacks") };
    return synthesized;
  }

  function stackJson(stack: string): TfJson {
    return JSON.parse(fs.readFileSync(path.join(synth().outdir, stack, "cdk.tf.json"), "utf8")) as TfJson;
  }

  it("packs the five packages, each with only its built JS, .d.ts, README.md, LICENSE and package.json", () => {
    // THEN one tarball per package, named after it and the workspace version
    const version = (
      JSON.parse(fs.readFileSync(path.join(ROOT, "lerna.json"), "utf8")) as { version: string }
    ).version;
    expect(tarballs).toEqual(PACKAGES.map((p) => `aurora-cdktf-${p}-${version}.tgz`).sort());
    const withoutReadme: string[] = [];
    for (const t of tarballs) {
      const entries = run(`tar tzf ${t}`, "tar", ["tzf", path.join(tarballDir, t)], work)
        .split("\n")
        .filter((e) => e !== "");
      // AND nothing but the built output and the two metadata files (no src/, test/, fixtures, maps)
      const unexpected = entries.filter(
        (e) => !/^package\/(package\.json|README\.md|LICENSE|dist\/.+\.(js|d\.ts))$/.test(e),
      );
      expect({ tarball: t, unexpected }).toEqual({ tarball: t, unexpected: [] });
      expect(entries).toEqual(expect.arrayContaining(["package/dist/index.js", "package/dist/index.d.ts"]));
      if (!entries.includes("package/README.md") || !entries.includes("package/LICENSE"))
        withoutReadme.push(t);
    }
    // AND each carries its README (npm shows it as the package page) and its LICENSE
    expect({ withoutReadme }).toEqual({ withoutReadme: [] });
  });

  it("installs each package as a real folder (no workspace link) whose metadata matches what its code requires", () => {
    for (const p of PACKAGES) {
      const dir = path.join(app, "node_modules", "@aurora-cdktf", p);
      // THEN a real folder from the tarball, not a symlink into the workspace, and no sources
      expect({ p, symlink: fs.lstatSync(dir).isSymbolicLink() }).toEqual({ p, symlink: false });
      expect(fs.lstatSync(dir).isDirectory()).toBe(true);
      expect({ p, src: fs.existsSync(path.join(dir, "src")) }).toEqual({ p, src: false });
      expect({ p, test: fs.existsSync(path.join(dir, "test")) }).toEqual({ p, test: false });
      // AND internal dependencies resolved to the installed tarballs (no nested copy from a registry)
      expect({ p, nested: fs.existsSync(path.join(dir, "node_modules")) }).toEqual({ p, nested: false });

      const m = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
      expect(m.name).toBe(`@aurora-cdktf/${p}`);
      expect({ main: m.main, types: m.types, exports: m.exports }).toEqual({
        main: "dist/index.js",
        types: "dist/index.d.ts",
        exports: {
          ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
          "./package.json": "./package.json",
        },
      });
      expect(m.publishConfig).toEqual({ access: "public" });

      // AND every package the built code requires is declared, every declaration is required,
      // peers carry the supported ranges and internal packages the exact workspace version
      const required = requiredPackages(dir);
      const deps = m.dependencies ?? {};
      const peers = m.peerDependencies ?? {};
      expect({ p, declared: [...Object.keys(deps), ...Object.keys(peers)].sort() }).toEqual({
        p,
        declared: required,
      });
      for (const [name, range] of Object.entries(peers))
        expect({ p, name, range }).toEqual({ p, name, range: PEERS[name] });
      for (const [name, range] of Object.entries(deps)) {
        expect({ p, name, internal: name.startsWith("@aurora-cdktf/") }).toEqual({ p, name, internal: true });
        expect({ p, name, range }).toEqual({ p, name, range: m.version });
      }
    }

    // AND the consumer resolves each package inside its own node_modules, never in the workspace
    const resolved = run(
      "node require.resolve",
      "node",
      [
        "-e",
        `for (const p of ${JSON.stringify(PACKAGES)}) console.log(require.resolve("@aurora-cdktf/" + p))`,
      ],
      app,
    )
      .trim()
      .split("\n");
    expect(resolved).toEqual(
      PACKAGES.map((p) => path.join(fs.realpathSync(app), "node_modules/@aurora-cdktf", p, "dist/index.js")),
    );
  });

  it("type-checks main.ts strictly against the installed declarations with the installed TypeScript", () => {
    // WHEN the consumer's own tsc checks main.ts (strict, skipLibCheck off: the shipped .d.ts too)
    const version = run("tsc --version", "npx", ["tsc", "--version"], app);
    run("tsc --noEmit (strict)", "npx", ["tsc", "--noEmit"], app);

    // THEN it is the pinned TypeScript, and it passed (run throws with the diagnostics otherwise)
    expect(version.trim()).toBe("Version 5.9.3");
  });

  it("synthesizes both stacks with node, wiring all four packages", () => {
    // WHEN main.js runs
    const aws = stackJson(AWS_STACK);
    const db = stackJson(DB_STACK);

    // THEN the AWS stack has each package's core resources
    for (const type of ["aws_vpc", "aws_autoscaling_group", "aws_rds_cluster", "aws_iam_user"]) {
      expect({ type, count: Object.keys(aws.resource[type] ?? {}).length }).toEqual({ type, count: 1 });
    }
    // AND the bastion is admitted to the cluster's port
    const ingress = Object.values(aws.resource.aws_vpc_security_group_ingress_rule);
    expect(ingress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          from_port: 5432,
          to_port: 5432,
          ip_protocol: "tcp",
          referenced_security_group_id: expect.stringMatching(/^\$\{aws_security_group\.Bastion_/),
          security_group_id: expect.stringMatching(/^\$\{aws_security_group\.Database_/),
        }),
      ]),
    );
    // AND lineage's statement logging is on the cluster's instance parameter group
    const [pg] = Object.values(aws.resource.aws_db_parameter_group);
    expect(pg.parameter).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "log_statement", value: "mod" })]),
    );
    // AND the aws provider is pinned through the consumer's override when asked
    const pinned = process.env.AURORA_CDKTF_AWS_PROVIDER_VERSION;
    expect(aws.terraform.required_providers.aws.version).toEqual(pinned ?? expect.any(String));

    // AND the database stack has the bootstrap objects and the datafold role
    const names = (type: string) =>
      Object.values(db.resource[type] ?? {})
        .map((r) => r.name)
        .sort();
    expect(names("postgresql_extension")).toEqual(["pg_stat_statements", "pgaudit"]);
    expect(names("postgresql_schema")).toEqual(["datafold_tmp", "sales"]);
    expect(names("postgresql_role")).toEqual(["datafold", "sales_owner", "sales_ro", "sales_rw"]);
  });

  itWithAwsProvider("plans the AWS stack with OpenTofu against moto: every resource is created", () => {
    // GIVEN the synthesized AWS stack
    const dir = path.join(synth().outdir, AWS_STACK);
    const all = Object.entries(stackJson(AWS_STACK).resource).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => `${type}.${name}`),
    );

    // WHEN tofu initializes, validates and plans it
    const tofu = new TofuWorkdir(dir, awsEnv());
    const t = Date.now();
    tofu.init();
    tofu.validate();
    const plan = tofu.plan();
    timings.push(["tofu init/validate/plan (AWS stack)", (Date.now() - t) / 1000]);

    // THEN every synthesized resource is planned for creation, and nothing else
    expect(
      plannedCreates(plan)
        .map((a) => a.replace(/\[[^\]]*\]$/, ""))
        .sort(),
    ).toEqual([...new Set(all)].sort());
    expect(plannedCreates(plan, "aws_rds_cluster")).toHaveLength(1);
  });

  it("validates the database stack with OpenTofu and the postgresql and random providers", () => {
    // GIVEN the synthesized database stack
    const tofu = new TofuWorkdir(path.join(synth().outdir, DB_STACK));

    // WHEN tofu initializes and validates it (validate throws with the diagnostics otherwise)
    const t = Date.now();
    tofu.init();
    tofu.validate();
    timings.push(["tofu init/validate (database stack)", (Date.now() - t) / 1000]);

    // THEN both providers were installed for it
    const lock = fs.readFileSync(path.join(tofu.dir, ".terraform.lock.hcl"), "utf8");
    expect(lock).toMatch(/provider "registry\.opentofu\.org\/cyrilgdn\/postgresql"/);
    expect(lock).toMatch(/provider "registry\.opentofu\.org\/hashicorp\/random"/);
  });
});
