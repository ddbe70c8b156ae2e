/**
 * The one module of unit-test helpers every package's tests use: a stack with the providers a
 * user's stack would have, the synthesized JSON, resources by type, references and token rendering.
 */
import * as fs from "fs";
import * as path from "path";
import {
  App,
  DefaultTokenResolver,
  StringConcat,
  Testing,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  Tokenization,
} from "cdktf";
import { IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { SessionLogging } from "@aurora-cdktf/postgres-bootstrap";

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

/** A synthesized stack as an object. */
export interface SynthJson {
  readonly terraform?: Record<string, unknown>;
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly resource?: Blocks;
  readonly data?: Blocks;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly moved?: Record<string, unknown>[];
}

/** Options of {@link testStack}. */
export interface TestStackOptions {
  /** @default "us-east-1" */
  readonly region?: string;
  /** Add a postgresql and a random provider (bootstrap and lineage stacks). @default false */
  readonly database?: boolean;
  /** @default Testing.app() */
  readonly app?: App;
}

/** A stack with an AWS provider (and the database providers on request), as a user's stack would have. */
export function testStack(id = "test", options: TestStackOptions = {}): TerraformStack {
  const stack = new TerraformStack(options.app ?? Testing.app(), id);
  new AwsProvider(stack, "aws", { region: options.region ?? "us-east-1" });
  if (options.database) {
    new PostgresqlProvider(stack, "pg", { host: "127.0.0.1", superuser: false });
    new RandomProvider(stack, "random");
  }
  return stack;
}

/** The synthesized stack as an object. */
export function synthJson(stack: TerraformStack): SynthJson {
  return JSON.parse(Testing.synth(stack)) as SynthJson;
}

/** The resources of one type, by logical id. */
export function resources(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  return synthJson(stack).resource?.[type] ?? {};
}

/** The data sources of one type, by logical id. */
export function dataSources(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  return synthJson(stack).data?.[type] ?? {};
}

/** The only resource of `type` (fails when there is not exactly one). */
export function onlyResource(stack: TerraformStack, type: string): Record<string, unknown> {
  const all = Object.values(resources(stack, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** How many resources of each type the stack has. */
export function resourceCounts(stack: TerraformStack): Record<string, number> {
  const all = synthJson(stack).resource ?? {};
  return Object.fromEntries(Object.entries(all).map(([type, byId]) => [type, Object.keys(byId).length]));
}

let probe = 0;
/** What `value` renders as in the synthesized JSON (through a throwaway output). */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `resolved_probe_${probe++}`;
  new TerraformOutput(stack, id, { value });
  return synthJson(stack).output?.[id]?.value;
}

/** The `${...}` reference to a resource's attribute, e.g. ref("aws_vpc", "Vpc_8378EB38", "id"). */
export function ref(type: string, logicalId: string, attr: string): string {
  return `\${${type}.${logicalId}.${attr}}`;
}

/** The logical id of the only resource of `type` whose id starts with `prefix`. */
export function idOf(stack: TerraformStack, type: string, prefix: string): string {
  const ids = Object.keys(resources(stack, type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1)
    throw new Error(`expected one ${type} starting with ${prefix}, got ${JSON.stringify(ids)}`);
  return ids[0];
}

type Element = TerraformElement & { terraformResourceType: string };

/** `<type>.<logical id>` of the child `id` of `scope` (as in `depends_on`). */
export function fqnOf(scope: IConstruct, id: string): string {
  const child = scope.node.findChild(id) as Element;
  return `${child.terraformResourceType}.${child.friendlyUniqueId}`;
}

/** `${<type>.<logical id>.<attr>}` of the child `id` of `scope`. */
export function refOf(scope: IConstruct, id: string, attr = "id"): string {
  return `\${${fqnOf(scope, id)}.${attr}}`;
}

/** The logical id of the child `id` of `scope` (its key in the synthesized JSON). */
export function logicalIdOf(scope: IConstruct, id: string): string {
  return (scope.node.findChild(id) as TerraformElement).friendlyUniqueId;
}

/** `value` with its tokens rendered as in the synthesized JSON. */
export function resolve<T>(scope: IConstruct, value: T): T {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}

/** A 3-AZ VPC given as an object literal (structurally an `IVpc3Az`), for constructs that take one. */
export function fakeVpc(region = "us-east-1") {
  return {
    vpcId: "vpc-0123456789abcdef0",
    vpcCidrBlock: "10.0.0.0/16",
    availabilityZones: [`${region}a`, `${region}b`, `${region}c`],
    publicSubnetIds: ["subnet-pub-a", "subnet-pub-b", "subnet-pub-c"],
    privateSubnetIds: ["subnet-priv-a", "subnet-priv-b", "subnet-priv-c"],
  };
}

/** Where bootstrap constructs create their objects: a postgresql provider and a database name. */
export interface TestDatabase {
  readonly stack: TerraformStack;
  readonly connection: {
    readonly provider: PostgresqlProvider;
    readonly database: string;
    readonly sessionLogging: SessionLogging;
  };
}

/**
 * A stack with only a postgresql provider (an RDS-like master: `superuser = false`) and a random
 * provider, as a bootstrap stack has, and the connection to pass to the bootstrap constructs: its
 * statements are suppressed from the log (`SessionLogging.SUPPRESSED`), as the README requires.
 */
export function databaseStack(
  id = "bootstrap",
  database = "orders",
  sessionLogging: SessionLogging = SessionLogging.SUPPRESSED,
): TestDatabase {
  const stack = new TerraformStack(Testing.app(), id);
  const provider = new PostgresqlProvider(stack, "Postgresql", { host: "db.example", superuser: false });
  new RandomProvider(stack, "Random");
  return { stack, connection: { provider, database, sessionLogging } };
}

/** A package's public surface as its README's "## API" section and its src/index.ts state it. */
export interface PackageApi {
  /** The names the API section lists, one bullet each (`- \`Name\`: ...`), sorted. */
  readonly documented: string[];
  /** The names src/index.ts exports (`export { ... }` and `export type { ... }`), sorted. */
  readonly exported: string[];
  /** The names of its `export { ... }` lines only: what the package has at run time, sorted. */
  readonly runtime: string[];
  /** Whether src/index.ts uses `export *` (which would export names no list mentions). */
  readonly exportsAll: boolean;
}

/**
 * Reads `packageDir`'s README "## API" section and src/index.ts, so that a test can check that the
 * two list the same names and that the package's run-time exports are those of index.ts.
 */
export function packageApi(packageDir: string): PackageApi {
  const readme = fs.readFileSync(path.join(packageDir, "README.md"), "utf8");
  const index = fs.readFileSync(path.join(packageDir, "src", "index.ts"), "utf8");
  const start = readme.indexOf("\n## API\n");
  if (start < 0) throw new Error(`${packageDir}/README.md has no "## API" section`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const names = (block: string): string[] =>
    block
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "");
  const lines = [...index.matchAll(/^export (type )?\{([^}]*)\}/gm)];
  return {
    documented: [...section.matchAll(/^- `(\w+)`/gm)].map((m) => m[1]).sort(),
    exported: lines.flatMap((m) => names(m[2])).sort(),
    runtime: lines
      .filter((m) => m[1] === undefined)
      .flatMap((m) => names(m[2]))
      .sort(),
    exportsAll: /^export \*/m.test(index),
  };
}

/**
 * The README "API" tests every package has: the README lists exactly what `src/index.ts` exports,
 * without `export *`; the run-time exports are its value exports, and exactly `runtime` (no
 * validator, pattern, default or helper leaks out).
 */
export function describeReadmeApi(
  packageDir: string,
  publicApi: Record<string, unknown>,
  runtime: readonly string[],
): void {
  describe("README API section", () => {
    const api = packageApi(packageDir);

    test("lists exactly the names src/index.ts exports, and index.ts has no export *", () => {
      expect(api.documented).toEqual(api.exported);
      expect(api.exportsAll).toBe(false);
    });

    test("the run-time exports are the value exports of src/index.ts", () => {
      expect(Object.keys(publicApi).sort()).toEqual(api.runtime);
    });

    test("exports no validators, patterns, defaults or helpers at run time", () => {
      expect(Object.keys(publicApi).sort()).toEqual([...runtime].sort());
    });
  });
}

/** The error `act` throws (fails the test when it throws nothing), e.g. a ValidationError to inspect. */
export function thrownBy(act: () => unknown): Error & { constructPath?: string } {
  try {
    act();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error, nothing was thrown");
}

/** `n` distinct tags `k0: "v"`, `k1: "v"`, ... (for the 50-tags-per-resource rule). */
export function manyTags(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
}
