/**
 * The stand-in providers (tools/compat-providers) must behave as the REAL cyrilgdn/postgresql
 * 1.26.0 and hashicorp/random 3.7.2 visibly do for what the constructs use, never better: the
 * schema flags (`providers schema -json`) and the SQL the postgresql provider sends, on create, on a
 * `password_wo_version` change and on destroy, as a true superuser and as an RDS-like master.
 *
 * The expected flags and statements are written down here, derived from the real providers' schema
 * and from every DDL/DCL statement the real provider sent on the project's stacks (observed with
 * `log_statement = all`). A test that passes with the stand-in must pass with the real provider:
 * none of this depends on which one is installed, except the check that the stand-in binary was
 * built from this checkout's sources.
 */
import "cdktf/lib/testing/adapters/jest";
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { DefaultPrivileges } from "@cdktf/provider-postgresql/lib/default-privileges";
import { Extension } from "@cdktf/provider-postgresql/lib/extension";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { ARGS, synthToDir, TofuWorkdir } from "../helpers/tofu";
import {
  asRole,
  asSuperuser,
  createDatabase,
  MasterKind,
  pgServer,
  providerConfig,
} from "../helpers/postgres";

// The integration project's testTimeout does not reach async tests (Jest reads it from the global
// config), so set it for this file.
jest.setTimeout(600_000);

const REPO_ROOT = path.resolve(__dirname, "../..");

// ---------------------------------------------------------------------------------------------
// (a) Schema flags
// ---------------------------------------------------------------------------------------------

/**
 * Attribute → [type, flags] of the real providers' schemas, for the provider configuration and
 * every resource the constructs use. Flags: R required, O optional, C computed, S sensitive,
 * W write-only, D deprecated. (The real postgresql_schema also has the deprecated `policy` block,
 * which no construct uses and the stand-in does not implement; blocks are not compared.)
 */
type Flags = readonly [unknown, string];
const REAL_POSTGRESQL_PROVIDER: Record<string, Flags> = {
  aws_rds_iam_auth: ["bool", "O"],
  aws_rds_iam_profile: ["string", "O"],
  aws_rds_iam_provider_role_arn: ["string", "O"],
  aws_rds_iam_region: ["string", "O"],
  azure_identity_auth: ["bool", "O"],
  azure_tenant_id: ["string", "O"],
  connect_timeout: ["number", "O"],
  database: ["string", "O"],
  database_username: ["string", "O"],
  expected_version: ["string", "O"],
  gcp_iam_impersonate_service_account: ["string", "O"],
  host: ["string", "O"],
  max_connections: ["number", "O"],
  password: ["string", "OS"],
  port: ["number", "O"],
  scheme: ["string", "O"],
  ssl_mode: ["string", "OD"],
  sslmode: ["string", "O"],
  sslrootcert: ["string", "O"],
  superuser: ["bool", "O"],
  username: ["string", "O"],
};

const REAL_RESOURCES: Record<string, { version: number; attributes: Record<string, Flags> }> = {
  postgresql_role: {
    version: 0,
    attributes: {
      assume_role: ["string", "O"],
      bypass_row_level_security: ["bool", "O"],
      connection_limit: ["number", "O"],
      create_database: ["bool", "O"],
      create_role: ["bool", "O"],
      encrypted: ["string", "OD"],
      encrypted_password: ["bool", "O"],
      id: ["string", "OC"],
      idle_in_transaction_session_timeout: ["number", "O"],
      inherit: ["bool", "O"],
      login: ["bool", "O"],
      name: ["string", "R"],
      password: ["string", "OS"],
      password_wo: ["string", "OSW"],
      password_wo_version: ["string", "O"],
      replication: ["bool", "O"],
      roles: [["set", "string"], "O"],
      search_path: [["list", "string"], "O"],
      skip_drop_role: ["bool", "O"],
      skip_reassign_owned: ["bool", "O"],
      statement_timeout: ["number", "O"],
      superuser: ["bool", "O"],
      valid_until: ["string", "O"],
    },
  },
  postgresql_schema: {
    version: 0,
    attributes: {
      database: ["string", "OC"],
      drop_cascade: ["bool", "O"],
      id: ["string", "OC"],
      if_not_exists: ["bool", "O"],
      name: ["string", "R"],
      owner: ["string", "OC"],
    },
  },
  postgresql_grant: {
    version: 0,
    attributes: {
      columns: [["set", "string"], "O"],
      database: ["string", "R"],
      id: ["string", "OC"],
      object_type: ["string", "R"],
      objects: [["set", "string"], "O"],
      privileges: [["set", "string"], "R"],
      role: ["string", "R"],
      schema: ["string", "O"],
      with_grant_option: ["bool", "O"],
    },
  },
  postgresql_default_privileges: {
    version: 0,
    attributes: {
      database: ["string", "R"],
      id: ["string", "OC"],
      object_type: ["string", "R"],
      owner: ["string", "R"],
      privileges: [["set", "string"], "R"],
      role: ["string", "R"],
      schema: ["string", "O"],
      with_grant_option: ["bool", "O"],
    },
  },
  postgresql_extension: {
    version: 0,
    attributes: {
      create_cascade: ["bool", "O"],
      database: ["string", "OC"],
      drop_cascade: ["bool", "O"],
      id: ["string", "OC"],
      name: ["string", "R"],
      schema: ["string", "OC"],
      version: ["string", "OC"],
    },
  },
  random_password: {
    version: 3,
    attributes: {
      bcrypt_hash: ["string", "CS"],
      id: ["string", "C"],
      keepers: [["map", "string"], "O"],
      length: ["number", "R"],
      lower: ["bool", "OC"],
      min_lower: ["number", "OC"],
      min_numeric: ["number", "OC"],
      min_special: ["number", "OC"],
      min_upper: ["number", "OC"],
      number: ["bool", "OCD"],
      numeric: ["bool", "OC"],
      override_special: ["string", "O"],
      result: ["string", "CS"],
      special: ["bool", "OC"],
      upper: ["bool", "OC"],
    },
  },
};

/** The real random provider's ephemeral random_password (for write-only arguments). */
const REAL_EPHEMERAL_RANDOM_PASSWORD: Record<string, Flags> = {
  bcrypt_hash: ["string", "CS"],
  length: ["number", "R"],
  lower: ["bool", "OC"],
  min_lower: ["number", "OC"],
  min_numeric: ["number", "OC"],
  min_special: ["number", "OC"],
  min_upper: ["number", "OC"],
  numeric: ["bool", "OC"],
  override_special: ["string", "O"],
  result: ["string", "CS"],
  special: ["bool", "OC"],
  upper: ["bool", "OC"],
};

interface SchemaAttribute {
  type: unknown;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  write_only?: boolean;
  deprecated?: boolean;
}
interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
}
interface ProviderSchema {
  provider: { block: SchemaBlock };
  resource_schemas?: Record<string, { version: number; block: SchemaBlock }>;
  ephemeral_resource_schemas?: Record<string, { version: number; block: SchemaBlock }>;
}

/** The flags of each attribute of a block, in the notation above. */
function flagsOf(block: SchemaBlock): Record<string, Flags> {
  const letters: [keyof SchemaAttribute, string][] = [
    ["required", "R"],
    ["optional", "O"],
    ["computed", "C"],
    ["sensitive", "S"],
    ["write_only", "W"],
    ["deprecated", "D"],
  ];
  const out: Record<string, Flags> = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    out[name] = [a.type, letters.map(([k, l]) => (a[k] ? l : "")).join("")];
  }
  return out;
}

/** The provider's schema out of `providers schema -json`, by source without the registry host. */
function providerSchema(all: Record<string, ProviderSchema>, source: string): ProviderSchema {
  const key = Object.keys(all).find((k) => k.endsWith(`/${source}`));
  if (!key) throw new Error(`no schema for ${source} in: ${Object.keys(all).join(", ")}`);
  return all[key];
}

/**
 * SHA-256 over the stand-ins' sources, as scripts/toolchain.sh computes it (`find . -name '*.go'
 * -o -name go.mod -o -name go.sum | LC_ALL=C sort | xargs sha256sum | sha256sum`).
 */
function standinSourceHash(): string {
  const root = path.join(REPO_ROOT, "tools/compat-providers");
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (e.name.endsWith(".go") || e.name === "go.mod" || e.name === "go.sum")) {
        files.push(`./${path.relative(root, p).split(path.sep).join("/")}`);
      }
    }
  };
  walk(root);
  files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const sha = (b: Buffer | string): string => createHash("sha256").update(b).digest("hex");
  return sha(files.map((f) => `${sha(fs.readFileSync(path.join(root, f)))}  ${f}\n`).join(""));
}

/** Provider binaries that `tofu init` installed in a working folder, by provider type. */
function installedProviders(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const m = /^terraform-provider-([a-z]+)_v/.exec(e.name);
      if (m) found[m[1]] = fs.realpathSync(p);
      else if (fs.statSync(p).isDirectory()) walk(p); // tofu links a mirror's package folder
    }
  };
  walk(path.join(dir, ".terraform", "providers"));
  return found;
}

class ProvidersOnlyStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new PostgresqlProvider(this, "pg", providerConfig("superuser"));
    new RandomProvider(this, "random");
  }
}

describe("stand-in providers conform to the real ones", () => {
  describe("providers schema -json", () => {
    let schemas: Record<string, ProviderSchema>;
    let work: TofuWorkdir;

    beforeAll(() => {
      work = new TofuWorkdir(synthToDir(new ProvidersOnlyStack(Testing.app(), "standin-schema")));
      work.init();
      schemas = JSON.parse(work.must(["providers", "schema", "-json"]).stdout).provider_schemas;
    });

    it("runs stand-in binaries built from this checkout's sources (never a stale build)", () => {
      const binaries = installedProviders(work.dir);
      const standins = (["postgresql", "random"] as const).filter(
        (type) => process.env[`AURORA_CDKTF_${type.toUpperCase()}_PROVIDER_KIND`] === "stand-in",
      );
      const want = standinSourceHash();
      for (const type of standins) {
        expect(binaries[type]).toBeDefined();
        const out = spawnSync(binaries[type], ["-version"], { encoding: "utf8" }).stdout;
        expect(out).toMatch(/STAND-IN/);
        // scripts/toolchain.sh rebuilds when the hash of the sources changes and puts it into
        // the binary; a mismatch means the toolchain did not run after a source change.
        const got = /source sha256 (\S+)/.exec(out)?.[1];
        if (got !== want) {
          throw new Error(
            `the ${type} stand-in (${binaries[type]}) was built from other sources (${got}, checkout ${want}): run "bash scripts/toolchain.sh"`,
          );
        }
      }
    });

    it("has the real postgresql provider's configuration flags", () => {
      expect(flagsOf(providerSchema(schemas, "cyrilgdn/postgresql").provider.block)).toEqual(
        REAL_POSTGRESQL_PROVIDER,
      );
    });

    it.each(Object.keys(REAL_RESOURCES))("has the real flags of every %s attribute", (type) => {
      const source = type.startsWith("random_") ? "hashicorp/random" : "cyrilgdn/postgresql";
      const got = providerSchema(schemas, source).resource_schemas?.[type];
      expect(got).toBeDefined();
      expect({ version: got?.version, attributes: flagsOf(got?.block ?? {}) }).toEqual(REAL_RESOURCES[type]);
    });

    it("has the real ephemeral random_password", () => {
      const got = providerSchema(schemas, "hashicorp/random").ephemeral_resource_schemas?.random_password;
      expect(got).toBeDefined();
      expect(flagsOf(got?.block ?? {})).toEqual(REAL_EPHEMERAL_RANDOM_PASSWORD);
    });
  });

  // -------------------------------------------------------------------------------------------
  // (b) The SQL the postgresql provider sends
  // -------------------------------------------------------------------------------------------

  describe.each<[MasterKind]>([["superuser"], ["master"]])("SQL sent as %s", (kind) => {
    const p = `conf_${kind}`;
    const n = {
      database: `${p}_db`,
      owner: `${p}_owner`,
      app: `${p}_app`,
      ephemeral: `${p}_eph`,
      schema: `${p}_data`,
      password1: `First-Pw_${process.pid}_${kind}`,
      password2: `Second-Pw_${process.pid}_${kind}`,
    };
    const login = providerConfig(kind).username;

    beforeAll(async () => {
      await createDatabase(n.database);
      // Every statement of every session in this database goes to the server log.
      await asSuperuser((c) => c.query(`ALTER DATABASE "${n.database}" SET log_statement = 'all'`));
    });
    afterAll(async () => {
      await asSuperuser(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${n.database}" WITH (FORCE)`);
        for (const r of [n.app, n.ephemeral, n.owner]) await c.query(`DROP ROLE IF EXISTS "${r}"`);
      });
    });

    it("creates, rotates and destroys with the real provider's statements", async () => {
      const env = {
        TF_VAR_app_password: n.password1,
        TF_VAR_password_version: "1",
        // No session settings: the server's logging applies as configured above.
        PGOPTIONS: "",
      };
      const work = new TofuWorkdir(
        synthToDir(new SqlProbeStack(Testing.app(), `standin-sql-${kind}`, kind, n)),
        env,
      );
      work.init();
      work.validate();

      // The statements of each step, in order: one resource at a time, so the order is the
      // dependency order and can be compared statement by statement with the real provider's.
      const step = (run: () => void): string[] => {
        const offset = fs.statSync(pgServer().logFile).size;
        run();
        return ddlStatements(
          fs.readFileSync(pgServer().logFile).subarray(offset).toString("utf8"),
          n.database,
        );
      };
      const e = expectedStatements(n, kind === "master" ? login : undefined, login);
      let destroyed = false;
      try {
        // WHEN created
        const created = step(() => work.apply(["-parallelism=1"]));
        // THEN the real statements, the password in clear text as the real provider sends it
        expect(created).toEqual(matched(created, e.create));
        expect(work.plan().hasChanges).toBe(false);
        await asRole(n.app, n.password1, (s) => s.mustSucceed("SELECT 1"), n.database);
        // AND the ephemeral random_password reached the role without entering the state
        const ephemeralCreate = createWithAnyPassword(n.ephemeral);
        const ephemeralPassword = created
          .map((s) => ephemeralCreate.exec(s)?.[1])
          .find((pw) => pw !== undefined);
        expect(ephemeralPassword).toMatch(/^[A-Za-z0-9]{24}$/);
        await asRole(n.ephemeral, ephemeralPassword as string, (s) => s.mustSucceed("SELECT 1"), n.database);
        const state = fs.readFileSync(path.join(work.dir, "terraform.tfstate"), "utf8");
        expect(state).not.toContain(ephemeralPassword);
        expect(state).not.toContain(n.password1);

        // WHEN password_wo_version changes
        const rotated = new TofuWorkdir(work.dir, {
          ...env,
          TF_VAR_app_password: n.password2,
          TF_VAR_password_version: "2",
        });
        const rotation = step(() => rotated.apply(["-parallelism=1"]));
        // THEN ALTER ROLE ... PASSWORD '<clear text>', and the search_path reset every update sends
        expect(rotation).toEqual(matched(rotation, e.rotate));
        expect(rotated.plan().hasChanges).toBe(false);
        await asRole(n.app, n.password2, (s) => s.mustSucceed("SELECT 1"), n.database);

        // WHEN destroyed
        const destruction = step(() => rotated.must([...ARGS.destroy, "-parallelism=1"]));
        destroyed = true;
        // THEN REASSIGN OWNED BY ... TO the login role, DROP EXTENSION ... RESTRICT, and only the
        // temporary memberships the real provider takes
        expect(destruction).toEqual(matched(destruction, e.destroy));
        expect(rotated.stateList()).toEqual([]);
      } finally {
        if (!destroyed) work.run([...ARGS.destroy, "-parallelism=1"]);
      }
    });
  });
});

interface Names {
  readonly database: string;
  readonly owner: string;
  readonly app: string;
  readonly ephemeral: string;
  readonly schema: string;
}

/**
 * What the constructs create, one resource of each kind, in a dependency chain: an extension, a
 * NOLOGIN owner, a login role with password_wo (from a variable, so the test knows it), a login
 * role with an ephemeral random_password, the owner's schema, database/schema/table grants and
 * default privileges.
 */
class SqlProbeStack extends TerraformStack {
  constructor(scope: Construct, id: string, kind: MasterKind, n: Names) {
    super(scope, id);
    new PostgresqlProvider(this, "pg", providerConfig(kind, n.database));
    new RandomProvider(this, "random");
    const password = new TerraformVariable(this, "app_password", { type: "string", sensitive: true });
    const version = new TerraformVariable(this, "password_version", { type: "string" });
    // cdktf 0.21 has no ephemeral-resource class: the block is added as an override.
    this.addOverride("ephemeral.random_password.eph", { length: 24, special: false });

    const database = n.database;
    const ext = new Extension(this, "Pgcrypto", { name: "pgcrypto", database });
    const owner = new Role(this, "Owner", { name: n.owner, dependsOn: [ext] });
    const app = new Role(this, "App", {
      name: n.app,
      login: true,
      passwordWo: password.stringValue,
      passwordWoVersion: version.stringValue,
      dependsOn: [owner],
    });
    const eph = new Role(this, "Ephemeral", {
      name: n.ephemeral,
      login: true,
      passwordWo: "${ephemeral.random_password.eph.result}",
      passwordWoVersion: "1",
      dependsOn: [app],
    });
    const schema = new Schema(this, "Schema", {
      name: n.schema,
      database,
      owner: owner.name,
      ifNotExists: false,
      dependsOn: [eph],
    });
    const connect = new Grant(this, "Connect", {
      database,
      role: app.name,
      objectType: "database",
      privileges: ["CONNECT"],
      dependsOn: [schema],
    });
    const usage = new Grant(this, "Usage", {
      database,
      role: app.name,
      schema: schema.name,
      objectType: "schema",
      privileges: ["USAGE"],
      dependsOn: [connect],
    });
    const tables = new Grant(this, "Tables", {
      database,
      role: app.name,
      schema: schema.name,
      objectType: "table",
      objects: [],
      privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"],
      dependsOn: [usage],
    });
    new DefaultPrivileges(this, "FutureTables", {
      database,
      role: app.name,
      owner: owner.name,
      schema: schema.name,
      objectType: "table",
      privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"],
      dependsOn: [tables],
    });
  }
}

const LOCK_ROLE = "SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = $1";
const LOCK_MEMBERS =
  "SELECT pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = $1";
const LOCK_DATABASE = "SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_database WHERE datname = $1";
const FLAGS = "VALID UNTIL 'infinity' CONNECTION LIMIT -1 NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT";
/** CREATE ROLE of a login role whose password the test does not know (captured as group 1). */
function createWithAnyPassword(role: string): RegExp {
  return new RegExp(
    `^CREATE ROLE "${role}" WITH ENCRYPTED PASSWORD '([^']*)' ${FLAGS} LOGIN NOBYPASSRLS NOREPLICATION$`,
  );
}

/**
 * The statements the real provider sends for SqlProbeStack (ddl-real-*.txt): `master` is the
 * login role when it is not a superuser (it then takes temporary memberships), `login` the
 * provider's user name.
 */
function expectedStatements(
  n: Names & { password1: string; password2: string },
  master: string | undefined,
  login: string,
): Record<"create" | "rotate" | "destroy", (string | RegExp)[]> {
  const as = (role: string, statements: string[]): string[] =>
    master
      ? [`GRANT "${role}" TO "${master}"`, ...statements, `REVOKE "${role}" FROM "${master}"`]
      : statements;
  const lock = [LOCK_ROLE, LOCK_MEMBERS];
  const inSchema = `IN SCHEMA "${n.schema}"`;
  const privileges = "UPDATE,SELECT,DELETE,INSERT"; // SDKv2's set order, as the real provider sends them
  const drop = (role: string): string[] => [
    ...lock,
    ...as(role, [`REASSIGN OWNED BY "${role}" TO "${login}"`, `DROP OWNED BY "${role}"`]),
    `DROP ROLE "${role}"`,
  ];
  return {
    create: [
      `CREATE EXTENSION IF NOT EXISTS "pgcrypto"`,
      `CREATE ROLE "${n.owner}" WITH ${FLAGS} NOLOGIN NOBYPASSRLS NOREPLICATION`,
      `ALTER ROLE "${n.owner}" SET search_path TO DEFAULT`,
      `CREATE ROLE "${n.app}" WITH ENCRYPTED PASSWORD '${n.password1}' ${FLAGS} LOGIN NOBYPASSRLS NOREPLICATION`,
      `ALTER ROLE "${n.app}" SET search_path TO DEFAULT`,
      createWithAnyPassword(n.ephemeral),
      `ALTER ROLE "${n.ephemeral}" SET search_path TO DEFAULT`,
      ...as(n.owner, [`CREATE SCHEMA "${n.schema}" AUTHORIZATION "${n.owner}"`]),
      ...lock,
      LOCK_DATABASE,
      `REVOKE ALL PRIVILEGES ON DATABASE "${n.database}" FROM "${n.app}"`,
      `GRANT CONNECT ON DATABASE "${n.database}" TO "${n.app}"`,
      ...lock,
      ...as(n.owner, [
        `REVOKE ALL PRIVILEGES ON SCHEMA "${n.schema}" FROM "${n.app}"`,
        `GRANT USAGE ON SCHEMA "${n.schema}" TO "${n.app}"`,
      ]),
      ...lock,
      ...as(n.owner, [
        `REVOKE ALL PRIVILEGES ON ALL TABLES IN SCHEMA "${n.schema}" FROM "${n.app}"`,
        `GRANT ${privileges} ON ALL TABLES IN SCHEMA "${n.schema}" TO "${n.app}"`,
      ]),
      ...lock,
      ...as(n.owner, [
        `ALTER DEFAULT PRIVILEGES FOR ROLE "${n.owner}" ${inSchema} REVOKE ALL ON TABLES FROM "${n.app}"`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE "${n.owner}" ${inSchema} GRANT ${privileges} ON TABLES TO "${n.app}"`,
      ]),
      ...lock, // the refresh after the default privileges takes the owner's locks again
    ],
    rotate: [
      ...lock, // refresh of the default privileges
      ...lock,
      `ALTER ROLE "${n.app}" PASSWORD '${n.password2}'`,
      `ALTER ROLE "${n.app}" SET search_path TO DEFAULT`,
    ],
    destroy: [
      ...lock, // refresh of the default privileges
      ...lock,
      ...as(n.owner, [
        `ALTER DEFAULT PRIVILEGES FOR ROLE "${n.owner}" ${inSchema} REVOKE ALL ON TABLES FROM "${n.app}"`,
      ]),
      ...lock,
      ...as(n.owner, [`REVOKE ALL PRIVILEGES ON ALL TABLES IN SCHEMA "${n.schema}" FROM "${n.app}"`]),
      ...lock,
      ...as(n.owner, [`REVOKE ALL PRIVILEGES ON SCHEMA "${n.schema}" FROM "${n.app}"`]),
      ...lock,
      LOCK_DATABASE,
      `REVOKE ALL PRIVILEGES ON DATABASE "${n.database}" FROM "${n.app}"`,
      ...as(n.owner, [`DROP SCHEMA "${n.schema}" RESTRICT`]),
      ...drop(n.ephemeral),
      ...drop(n.app),
      ...drop(n.owner),
      `DROP EXTENSION "pgcrypto" RESTRICT `, // the real provider's trailing space included
    ],
  };
}

/**
 * The DDL/DCL statements and advisory locks that sessions of `database` sent, in log order (the
 * same selection as the real provider's traces). Reads the server log's `log_statement` lines
 * (prefix `%m [%p] %q%u@%d `); continuation lines of multi-line statements are joined.
 */
function ddlStatements(log: string, database: string): string[] {
  const entry = /^\S+ \S+ \S+ \[\d+\] (\S*)@(\S*) LOG: {2}(?:statement|execute [^:]+): (.*)$/;
  const statements: string[] = [];
  let current: { db: string; text: string } | undefined;
  const flush = (): void => {
    if (current && current.db === database) statements.push(current.text);
    current = undefined;
  };
  for (const line of log.split("\n")) {
    if (line.startsWith("\t") && current) {
      current.text += `\n${line.slice(1)}`;
      continue;
    }
    flush();
    const m = entry.exec(line);
    if (m) current = { db: m[2], text: m[3] };
  }
  flush();
  return statements.filter((s) =>
    /^(CREATE|ALTER|DROP|GRANT|REVOKE|REASSIGN|SELECT pg_advisory_xact_lock)\b/.test(s),
  );
}

/** `expected` with each pattern replaced by the actual statement it matches, for a readable diff. */
function matched(actual: string[], expected: (string | RegExp)[]): string[] {
  return expected.map((e, i) => {
    if (typeof e === "string") return e;
    return actual[i] !== undefined && e.test(actual[i]) ? actual[i] : `<a statement matching ${e}>`;
  });
}
