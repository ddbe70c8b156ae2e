/**
 * Real runs: the database side applied by OpenTofu to the test PostgreSQL (as a true superuser and
 * as an RDS-like master), probed as the datafold role, with statement logging on; and the AWS side
 * validated, planned and applied against moto for a cluster imported by attributes.
 */
import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import {
  DatafoldConnectionFields,
  LineageDatabaseAccess,
  LineageHandover,
  LineageLogAccess,
  LineageLogging,
} from "../src";
import { FakeImportedCluster } from "./fake-cluster";
import {
  applyCycle,
  plannedCreates,
  synthAndPlan,
  synthToDir,
  TofuWorkdir,
} from "../../../test/helpers/tofu";
import {
  asRole,
  asSuperuser,
  createDatabase,
  MasterKind,
  pgServer,
  providerConfig,
  withSession,
} from "../../../test/helpers/postgres";
import {
  applyOnMoto,
  awsEnv,
  itWithAwsProvider,
  MotoAwsStack,
  motoSecretString,
} from "../../../test/helpers/aws";
import {
  countHits,
  hitsOf,
  pgStatStatements,
  serverLogOffset,
  serverLogSince,
} from "../../../test/helpers/secret-scan";
import {
  ApplicationSchema,
  SessionLogging,
  SUPPRESSED_SESSION_PGOPTIONS,
} from "@aurora-cdktf/postgres-bootstrap";
import { TerraformOutput } from "cdktf";
import {
  createOutsiders,
  createProbeObjects,
  dropOutsiders,
  dropProbeObjects,
  expectedMatrix,
  formatMatrix,
  masterLogin,
  probeMatrix,
} from "../../../test/helpers/privilege-matrix";

// The integration project's testTimeout is not applied to async tests here (Jest reads testTimeout
// from the global config, not per project), so set it for this file.
jest.setTimeout(600_000);

/** Names of one case; role names are cluster-wide and the server is shared, so all carry the prefix. */
function names(kind: MasterKind) {
  const p = `lin_${kind}`;
  return {
    database: `${p}_db`,
    owner: `${p}_owner`,
    ownerPassword: `owner-${kind}-Pw-${process.pid}`,
    datafold: `${p}_datafold`,
    observed: [`${p}_sales`, `${p}_crm`],
    hidden: `${p}_hidden`,
    /** The hardened application schema applied with the lineage access (its roles: `${p}_app_*`). */
    app: "app",
    appRoles: { owner: `${p}_app_owner`, rw: `${p}_app_rw`, ro: `${p}_app_ro` },
    marker: `lineage-marker-${kind}-${process.pid}`,
  };
}

class DatabaseSideStack extends TerraformStack {
  constructor(
    scope: Construct,
    id: string,
    kind: MasterKind,
    sessionLogging: SessionLogging = SessionLogging.SUPPRESSED,
    withApplicationSchema = false,
  ) {
    super(scope, id);
    const n = names(kind);
    new PostgresqlProvider(this, "pg", providerConfig(kind, n.database));
    new RandomProvider(this, "random");
    const connection = { database: n.database, sessionLogging };
    // A hardened ApplicationSchema in the same database (PUBLIC loses CONNECT), observed by lineage
    // with its object owners (the owner and the provider's login), for the probe matrix.
    const app = withApplicationSchema
      ? new ApplicationSchema(this, "App", {
          connection,
          schemaName: n.app,
          owner: { name: n.appRoles.owner },
          readWrite: { name: n.appRoles.rw },
          readOnly: { name: n.appRoles.ro },
        })
      : undefined;
    if (app) {
      new TerraformOutput(this, "owner_password", { value: app.ownerRole.password, sensitive: true });
      new TerraformOutput(this, "rw_password", { value: app.readWriteRole.password, sensitive: true });
      new TerraformOutput(this, "ro_password", { value: app.readOnlyRole.password, sensitive: true });
    }
    const access = new LineageDatabaseAccess(this, "LineageAccess", {
      connection,
      observedSchemas: app ? [...n.observed, n.app] : n.observed,
      tableOwners: [n.owner, ...(app?.objectOwners ?? [])],
      roleName: n.datafold,
      dependsOn: app ? [app.dependable] : undefined,
    });
    // The hand-over's sensitive output is how the probe (like a person) gets the credentials.
    const server = pgServer();
    new LineageHandover(this, "Datafold", {
      logging: {
        clusterIdentifier: "orders-integ",
        clusterEndpoint: server.host,
        clusterPort: server.port,
        logGroupName: "/aws/rds/cluster/orders-integ/postgresql",
        accessKeyId: "AKIAEXAMPLEEXAMPLE00",
        accessKeySecretArn:
          "arn:aws:secretsmanager:us-east-1:123456789012:secret:datafold/orders-integ/aws-access-key",
      },
      databaseAccess: access,
      registerOutputs: true,
    });
  }
}

/** Set-up as superuser: the owner role, observed and hidden schemas with one table each, log_statement = mod. */
async function seed(kind: MasterKind): Promise<void> {
  const n = names(kind);
  await createDatabase(n.database);
  await asSuperuser(async (c) => {
    await c.query(`DROP ROLE IF EXISTS ${n.owner}`);
    await c.query(`CREATE ROLE ${n.owner} LOGIN PASSWORD '${n.ownerPassword}'`);
    await c.query(`ALTER DATABASE ${n.database} SET log_statement = 'mod'`);
    // The application schema of the main case revokes PUBLIC's CONNECT: other users of the
    // database get it explicitly, as the bootstrap README says.
    await c.query(`GRANT CONNECT ON DATABASE ${n.database} TO ${n.owner}`);
  });
  await asSuperuser(async (c) => {
    for (const s of [...n.observed, n.hidden]) {
      await c.query(`CREATE SCHEMA ${s} AUTHORIZATION ${n.owner}`);
      await c.query(`SET ROLE ${n.owner}`);
      await c.query(`CREATE TABLE ${s}.existing (id int, note text)`);
      await c.query(`INSERT INTO ${s}.existing VALUES (1, 'seed')`);
      await c.query("RESET ROLE");
    }
  }, n.database);
}

/** A sensitive output that must be a generated password. */
function generatedPassword(work: TofuWorkdir, name: string): string {
  const v = work.outputs()[name]?.value;
  if (typeof v !== "string" || !/^[A-Za-z0-9]{32}$/.test(v))
    throw new Error(`output ${name} is not a generated password`);
  return v;
}

/**
 * A `datafold_tmp` that exists before the stack, made by the provider's login, with a table of data:
 * the provider adopts it (postgresql_schema creates nothing when the schema exists).
 */
async function seedExistingTempSchema(kind: MasterKind): Promise<void> {
  await withSession({ ...pgServer()[kind], database: names(kind).database }, async (c) => {
    await c.query("CREATE SCHEMA datafold_tmp");
    await c.query("CREATE TABLE datafold_tmp.kept (id int, note text)");
    await c.query("INSERT INTO datafold_tmp.kept VALUES (1, 'kept')");
  });
}

async function tempSchemaTables(kind: MasterKind): Promise<string[]> {
  return asSuperuser(
    async (c) =>
      (
        await c.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'datafold_tmp' ORDER BY 1",
        )
      ).rows.map((r: { table_name: string }) => r.table_name),
    names(kind).database,
  );
}

async function cleanUp(kind: MasterKind): Promise<void> {
  const n = names(kind);
  await asSuperuser(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${n.database} WITH (FORCE)`);
    await c.query(`DROP ROLE IF EXISTS ${n.owner}`);
  });
}

describe("LineageDatabaseAccess against PostgreSQL", () => {
  describe.each<[MasterKind]>([["superuser"], ["master"]])("applied as %s", (kind) => {
    const n = names(kind);
    beforeAll(async () => {
      await seed(kind);
      await seedExistingTempSchema(kind);
    });
    afterAll(() => cleanUp(kind));

    it("gives datafold exactly its access, keeps the password out of the log, and destroys cleanly", async () => {
      // GIVEN
      const stack = new DatabaseSideStack(
        Testing.app(),
        `lineage-db-${kind}`,
        kind,
        SessionLogging.SUPPRESSED,
        true,
      );
      const logFile = pgServer().logFile;
      const logOffset = serverLogOffset();
      let password = "";

      // WHEN applied with the session settings the connection declares (applyCycle also asserts
      // the second plan is empty and destroy empties the state)
      await applyCycle(stack, { PGOPTIONS: SUPPRESSED_SESSION_PGOPTIONS }, async (work) => {
        const out = work.outputs().datafold_connection;
        expect(out.sensitive).toBe(true);
        const fields = out.value as DatafoldConnectionFields;
        expect({ ...fields, password: "<checked below>" }).toEqual({
          name: "orders-integ",
          host: pgServer().host,
          port: pgServer().port,
          user: n.datafold,
          password: "<checked below>",
          databaseName: n.database,
          awsAccessKey: "AKIAEXAMPLEEXAMPLE00",
          awsSecretReference:
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:datafold/orders-integ/aws-access-key",
          cloudwatchPostgresLogGroup: "/aws/rds/cluster/orders-integ/postgresql",
          schemaForTemporaryTables: "datafold_tmp",
        });
        password = fields.password;
        expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
        const state = JSON.parse(work.must(["show", "-json"]).stdout);
        const roles = state.values.root_module.resources.filter(
          (r: { type: string }) => r.type === "postgresql_role",
        );
        expect(roles).toHaveLength(4); // datafold and the application schema's three
        for (const role of roles) expect(role.values.password_wo ?? null).toBeNull();
        const appPasswords = {
          owner: generatedPassword(work, "owner_password"),
          rw: generatedPassword(work, "rw_password"),
          ro: generatedPassword(work, "ro_password"),
        };

        // THEN datafold reads existing tables of the observed schemas
        await asRole(
          n.datafold,
          password,
          async (s) => {
            for (const schema of n.observed) {
              const rows = await s.query<{ note: string }>(`SELECT note FROM ${schema}.existing`);
              expect(rows).toEqual([{ note: "seed" }]);
            }
          },
          n.database,
        );

        // AND tables the owner creates later
        await asRole(
          n.owner,
          n.ownerPassword,
          async (s) => {
            for (const schema of n.observed) {
              await s.mustSucceed(`CREATE TABLE ${schema}.later (id int)`);
              await s.mustSucceed(`INSERT INTO ${schema}.later VALUES (42)`);
            }
          },
          n.database,
        );
        await asRole(
          n.datafold,
          password,
          async (s) => {
            for (const schema of n.observed) {
              expect(await s.query(`SELECT id FROM ${schema}.later`)).toEqual([{ id: 42 }]);
            }
            // AND it works in datafold_tmp
            await s.mustSucceed("CREATE TABLE datafold_tmp.scratch (note text)");
            await s.mustSucceed(`INSERT INTO datafold_tmp.scratch VALUES ('${n.marker}')`);
            expect(await s.query("SELECT note FROM datafold_tmp.scratch")).toEqual([{ note: n.marker }]);
            // AND it cannot write in the observed schemas
            const [sales] = n.observed;
            await s.mustBeDenied(`INSERT INTO ${sales}.existing VALUES (2, 'x')`);
            await s.mustBeDenied(`UPDATE ${sales}.existing SET note = 'x'`);
            await s.mustBeDenied(`DELETE FROM ${sales}.later`);
            await s.mustBeDenied(`CREATE TABLE ${sales}.intruder (id int)`);
            await s.mustBeDenied(`DROP TABLE ${sales}.existing`);
            // AND it sees nothing in an unobserved schema
            await s.mustBeDenied(`SELECT * FROM ${n.hidden}.existing`);
            const visible = await s.query(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
              [n.hidden],
            );
            expect(visible).toEqual([]);
            const usage = await s.query<{ ok: boolean }>("SELECT has_schema_privilege($1, 'USAGE') AS ok", [
              n.hidden,
            ]);
            expect(usage).toEqual([{ ok: false }]);
            // AND it may not create schemas
            await s.mustBeDenied(`CREATE SCHEMA ${n.datafold}_own`);
          },
          n.database,
        );

        // AND the statement log has datafold's DML (log_statement = mod for the database) but
        // none of the provider's statements: its sessions ran with log_statement = none
        const log = serverLogSince(logOffset).text;
        expect(log).toContain(`INSERT INTO datafold_tmp.scratch VALUES ('${n.marker}')`);
        expect(log).not.toMatch(/statement: CREATE ROLE/);
        // AND pgaudit still records the role's creation, with the password redacted
        expect(log).toMatch(/AUDIT: SESSION,.*,ROLE,CREATE ROLE,.*<REDACTED>/);
        // AND the password is neither in the log nor in pg_stat_statements
        const hits = countHits(
          `lineage database access as ${kind}`,
          [password],
          [serverLogSince(logOffset), await pgStatStatements()],
        );
        expect(hits.map((h) => h.hits)).toEqual([0, 0]);

        // AND the probe matrix of the hardened application schema, with datafold's row: objects
        // made by the app owner and by the provider's login after the apply are covered, and cause
        // no drift (PUBLIC has no CONNECT on the database: datafold connects by its own grant)
        await createProbeObjects(
          n.database,
          n.app,
          { user: n.appRoles.owner, password: appPasswords.owner },
          masterLogin(kind),
        );
        expect(work.plan().hasChanges).toBe(false);
        const outsiders = await createOutsiders(`lin_${kind}_x`, n.database);
        try {
          const matrix = await probeMatrix(n.database, n.app, {
            owner: { user: n.appRoles.owner, password: appPasswords.owner },
            rw: { user: n.appRoles.rw, password: appPasswords.rw },
            ro: { user: n.appRoles.ro, password: appPasswords.ro },
            datafold: { user: n.datafold, password },
            master: masterLogin(kind),
            ...outsiders,
          });
          console.log(formatMatrix(`[lineage + bootstrap as ${kind}] SQL probe matrix`, matrix));
          expect(matrix).toEqual(expectedMatrix(kind));
        } finally {
          await dropOutsiders(`lin_${kind}_x`, n.database);
        }
        // AND the application passwords are in neither the log nor pg_stat_statements either
        const appHits = countHits(`application schema with lineage as ${kind}`, Object.values(appPasswords), [
          serverLogSince(logOffset),
          await pgStatStatements(),
        ]);
        expect(appHits.map((h) => h.hits)).toEqual([0, 0]);

        // the probe tables go before destroy (schemas are dropped without CASCADE), as an
        // application would drop its own
        await dropProbeObjects(n.database, n.app);
        await asSuperuser(async (c) => {
          for (const schema of n.observed) await c.query(`DROP TABLE ${schema}.later`);
          await c.query("DROP TABLE IF EXISTS datafold_tmp.scratch");
        }, n.database);

        // AND the datafold_tmp that existed before was adopted, not created: destroy drops no
        // schema with CASCADE, so it fails on the schema while a table remains, and the data stays
        const failed = work.run(["destroy", "-input=false", "-auto-approve", "-no-color"]);
        expect(failed.code).not.toBe(0);
        expect(failed.stderr).toMatch(
          /cannot\s+drop\s+schema\s+datafold_tmp\s+because\s+other\s+objects\s+depend\s+on\s+it/,
        );
        expect(await tempSchemaTables(kind)).toEqual(["kept"]);
        expect(
          await asSuperuser(
            async (c) => (await c.query("SELECT id, note FROM datafold_tmp.kept")).rows,
            n.database,
          ),
        ).toEqual([{ id: 1, note: "kept" }]);
        // once the table is gone, destroy (applyCycle's) finishes and drops the now empty schema
        await asSuperuser((c) => c.query("DROP TABLE datafold_tmp.kept"), n.database);
      });

      // AND nothing is left: no role, no schema, no default privileges for it
      expect(fs.readFileSync(logFile, "utf8")).not.toContain(password);
      await asSuperuser(async (c) => {
        expect((await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [n.datafold])).rows).toEqual([]);
        expect((await c.query("SELECT 1 FROM pg_namespace WHERE nspname = 'datafold_tmp'")).rows).toEqual([]);
        const acl = await c.query("SELECT defaclacl::text AS acl FROM pg_default_acl");
        expect(acl.rows.filter((r: { acl: string }) => r.acl.includes(n.datafold))).toEqual([]);
        // the observed schemas and their tables are untouched
        const tables = await c.query(
          "SELECT table_schema FROM information_schema.tables WHERE table_name = 'existing' ORDER BY 1",
        );
        expect(tables.rows.map((r: { table_schema: string }) => r.table_schema)).toEqual(
          [...n.observed, n.hidden].sort(),
        );
      }, n.database);
    });
  });
});

describe("LineageDatabaseAccess without the session settings (what the faithful provider does)", () => {
  const n = names("superuser");
  beforeAll(() => seed("superuser"));
  afterAll(() => cleanUp("superuser"));

  it("writes the clear-text password to the server log and pg_stat_statements, which is why the connection must say SUPPRESSED", async () => {
    // GIVEN a connection that accepts logged passwords, applied WITHOUT PGOPTIONS, logging on
    const stack = new DatabaseSideStack(
      Testing.app(),
      "lineage-db-unprotected",
      "superuser",
      SessionLogging.ACCEPT_PASSWORDS_IN_LOG,
    );
    const logOffset = serverLogOffset();
    let password = "";
    // WHEN
    await applyCycle(stack, { PGOPTIONS: undefined }, async (work) => {
      password = (work.outputs().datafold_connection.value as DatafoldConnectionFields).password;
    });
    // THEN the scan finds it in both places (the control that proves the scan and the lever)
    const hits = countHits(
      "lineage database access, unprotected control",
      [password],
      [serverLogSince(logOffset), await pgStatStatements()],
    );
    expect(hitsOf(hits, "server log")).toBeGreaterThan(0);
    expect(hitsOf(hits, "pg_stat_statements")).toBeGreaterThan(0);
    expect(serverLogSince(logOffset).text).toMatch(
      new RegExp(`statement: CREATE ROLE "${n.datafold}" WITH ENCRYPTED PASSWORD '${password}'`),
    );
  });
});

describe("LineageLogging against moto", () => {
  /** `parity` adds a second cluster with CloudWatchLogsReadOnlyAccess, which moto does not know (plan only). */
  function awsStack(id: string, parity: boolean): TerraformStack {
    const stack = new MotoAwsStack(Testing.app(), id);
    const key = new KmsKey(stack, "Key", { description: "lineage test", deletionWindowInDays: 7 });
    new LineageLogging(stack, "Lineage", {
      cluster: new FakeImportedCluster(stack, "Orders", {
        clusterIdentifier: "orders-integ",
        clusterArn: "arn:aws:rds:us-east-1:123456789012:cluster:orders-integ",
      }),
      parameterGroupFamily: "aurora-postgresql16",
      instanceParameters: { "pgaudit.log": "ddl" },
      logRetentionDays: 14,
      accessKeySecretKmsKey: key,
    });
    if (!parity) return stack;
    new LineageLogging(stack, "ParityLineage", {
      cluster: new FakeImportedCluster(stack, "Billing", {
        clusterIdentifier: "billing-integ",
        clusterArn: "arn:aws:rds:us-east-1:123456789012:cluster:billing-integ",
      }),
      parameterGroupFamily: "aurora-postgresql15",
      logAccess: LineageLogAccess.CLOUDWATCH_LOGS_READ_ONLY,
    });
    return stack;
  }

  itWithAwsProvider("validates and plans the AWS side of an existing cluster given by attributes", () => {
    // GIVEN / WHEN
    const { plan } = synthAndPlan(awsStack("lineage-aws-plan", true), awsEnv());
    // THEN
    expect(plannedCreates(plan, "aws_db_parameter_group").sort()).toEqual([
      expect.stringMatching(/^aws_db_parameter_group\.Lineage_InstanceParameterGroup_/),
      expect.stringMatching(/^aws_db_parameter_group\.ParityLineage_InstanceParameterGroup_/),
    ]);
    expect(plannedCreates(plan, "aws_rds_cluster_parameter_group")).toHaveLength(2);
    expect(plannedCreates(plan, "aws_cloudwatch_log_group")).toHaveLength(2);
    expect(plannedCreates(plan, "aws_iam_user")).toHaveLength(2);
    expect(plannedCreates(plan, "aws_iam_group_policy")).toHaveLength(1);
    expect(plannedCreates(plan, "aws_iam_group_policy_attachment")).toHaveLength(1);
    expect(plannedCreates(plan, "aws_iam_access_key")).toHaveLength(2);
    expect(plannedCreates(plan, "aws_secretsmanager_secret_version")).toHaveLength(2);
    const logGroup = plan.resource_changes?.find((c) =>
      c.address.startsWith("aws_cloudwatch_log_group.Lineage_"),
    );
    expect(logGroup?.change.after).toMatchObject({
      name: "/aws/rds/cluster/orders-integ/postgresql",
      retention_in_days: 14,
    });
  });

  itWithAwsProvider("applies to moto, stores the key only in the secret, and destroys", async () => {
    // GIVEN
    const work = new TofuWorkdir(synthToDir(awsStack("lineage-aws-apply", false)), awsEnv());
    work.init();
    work.validate();
    try {
      // WHEN
      await applyOnMoto(work);
      // THEN a second plan changes nothing but the instance parameter group: moto's
      // DescribeDBParameters answers without `Source`, and the provider's aws_db_parameter_group read
      // then drops the parameters (the cluster parameter group, read the same way, has no diff)
      const second = work.plan();
      const changed = (second.resource_changes ?? []).filter((c) => !c.change.actions.includes("no-op"));
      expect(changed.map((c) => [c.type, c.change.actions])).toEqual([
        ["aws_db_parameter_group", ["update"]],
      ]);
      expect((changed[0].change.after as { parameter: unknown[] }).parameter).toEqual([
        { apply_method: "immediate", name: "log_statement", value: "mod" },
        { apply_method: "pending-reboot", name: "pgaudit.log", value: "ddl" },
      ]);
      // AND no output; the secret holds both halves of the key
      expect(work.outputs()).toEqual({});
      const state = JSON.parse(work.must(["show", "-json"]).stdout);
      const all = state.values.root_module.resources as {
        address: string;
        type: string;
        values: Record<string, unknown>;
      }[];
      const key = all.find((r) => r.type === "aws_iam_access_key");
      const version = all.find((r) => r.type === "aws_secretsmanager_secret_version");
      // write-only: the secret version's state holds no value; the secret in AWS holds both halves
      expect(version?.values.secret_string).toBe("");
      expect(version?.values.secret_string_wo ?? null).toBeNull();
      expect(JSON.stringify(version?.values)).not.toContain(key?.values.secret as string);
      expect(JSON.parse(await motoSecretString(version?.values.secret_id as string))).toEqual({
        accessKeyId: key?.values.id,
        secretAccessKey: key?.values.secret,
      });
      expect(key?.values.secret).toMatch(/^\S{20,}$/);
      // AND the inline policy names the log group as AWS reports it
      const logGroup = all.find((r) => r.type === "aws_cloudwatch_log_group");
      const policy = all.find((r) => r.type === "aws_iam_group_policy");
      expect([...JSON.parse(policy?.values.policy as string).Statement[0].Resource].sort()).toEqual([
        logGroup?.values.arn,
        `${logGroup?.values.arn}:*`,
      ]);
      expect(logGroup?.values.arn).toBe(
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/rds/cluster/orders-integ/postgresql",
      );
    } finally {
      work.destroy();
    }
    expect(work.stateList()).toEqual([]);
  });
});
