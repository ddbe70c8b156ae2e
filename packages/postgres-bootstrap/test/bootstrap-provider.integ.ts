/**
 * The provider helper end to end, in two phases as in a real deployment: a first stack stores the
 * master credentials in Secrets Manager (moto); the bootstrap stack reads that secret at plan time
 * through `clusterProviderConfig` and bootstraps the local PostgreSQL as the RDS-like master.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput, Testing } from "cdktf";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { awsEnv, itWithAwsProvider, MotoAwsStack, motoSecretString } from "../../../test/helpers/aws";
import {
  asRole,
  asSuperuser,
  createDatabase,
  pgServer,
  providerConfig,
} from "../../../test/helpers/postgres";
import { applyCycle, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import { ApplicationSchema, clusterProviderConfig, PostgresTunnel } from "../src";
import * as fs from "fs";
import * as path from "path";
import { SessionLogging, SUPPRESSED_SESSION_PGOPTIONS } from "../src";
import {
  countHits,
  pgStatStatements,
  serverLogOffset,
  serverLogSince,
} from "../../../test/helpers/secret-scan";

// The integration project's testTimeout is not applied per project by Jest: set it here.
jest.setTimeout(20 * 60 * 1000);

describe("clusterProviderConfig", () => {
  itWithAwsProvider(
    "configures the provider from the cluster's outputs and its master secret, read ephemerally at plan and apply time",
    async () => {
      // GIVEN: phase 1, the "cluster" stack: the master secret as RDS manages it (JSON username/password)
      const server = pgServer();
      const database = await createDatabase("boot_helper_ma");
      const prefix = "boot_helper_ma";
      const clusterStack = new MotoAwsStack(Testing.app(), "cluster");
      const secret = new SecretsmanagerSecret(clusterStack, "MasterSecret", {
        name: `rds-cluster-${prefix.replace(/_/g, "-")}`,
        recoveryWindowInDays: 0,
      });
      new SecretsmanagerSecretVersion(clusterStack, "MasterSecretValue", {
        secretId: secret.id,
        secretString: JSON.stringify({ username: server.master.user, password: server.master.password }),
      });
      new TerraformOutput(clusterStack, "secret_arn", { value: secret.arn });

      await applyCycle(clusterStack, awsEnv(), async (clusterWork) => {
        const secretArn = clusterWork.outputs().secret_arn.value as string;
        // WHEN: phase 2, the bootstrap stack, configured by the helper (tunnel = the local server)
        const stack = new MotoAwsStack(Testing.app(), "bootstrap");
        new RandomProvider(stack, "Random");
        const cluster = {
          clusterEndpoint: "cluster-that-is-not-dialled.example",
          port: 5432,
          databaseName: database,
          masterUsername: server.master.user,
          masterUserSecretArn: secretArn,
        };
        const provider = new PostgresqlProvider(
          stack,
          "Postgresql",
          clusterProviderConfig(stack, "Db", cluster, {
            tunnel: PostgresTunnel.localPortForward(server.port, server.host),
            sslMode: "disable", // the local test server has no TLS; a real cluster keeps "require"
          }),
        );
        new ApplicationSchema(stack, "App", {
          connection: { provider, database, sessionLogging: SessionLogging.SUPPRESSED },
          schemaName: "app",
          owner: { name: `${prefix}_owner` },
          readWrite: { name: `${prefix}_rw` },
          readOnly: { name: `${prefix}_ro` },
        });
        // THEN: it applies as the master, idempotently, and the roles exist; destroy removes them
        await applyCycle(stack, { ...awsEnv(), PGOPTIONS: SUPPRESSED_SESSION_PGOPTIONS }, async (work) => {
          // AND the master password, read by the ephemeral resource, is in neither state nor plan
          const state = fs.readFileSync(path.join(work.dir, "terraform.tfstate"), "utf8");
          const plan = JSON.stringify(work.plan());
          const hits = countHits(
            "bootstrap state and plan, master password",
            [server.master.password],
            [
              { place: "state", text: state },
              { place: "plan JSON", text: plan },
            ],
          );
          expect(hits.map((h) => h.hits)).toEqual([0, 0]);
          const stored = (JSON.parse(state) as { resources: { type: string }[] }).resources;
          expect(stored.filter((r) => r.type === "aws_secretsmanager_secret_version")).toEqual([]);
          const roles = await asSuperuser(
            async (c) =>
              (
                await c.query("SELECT rolname FROM pg_roles WHERE rolname LIKE $1 ORDER BY 1", [
                  `${prefix}\\_%`,
                ])
              ).rows,
          );
          expect(roles.map((r: { rolname: string }) => r.rolname)).toEqual([
            `${prefix}_owner`,
            `${prefix}_ro`,
            `${prefix}_rw`,
          ]);
        });
      });
      const left = await asSuperuser(
        async (c) =>
          (await c.query("SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE $1", [`${prefix}\\_%`]))
            .rows,
      );
      expect(left).toEqual([{ n: 0 }]);
    },
  );
});

describe("ApplicationSchema with passwordSecrets (ephemeral passwords)", () => {
  /** The bootstrap as the RDS-like master, passwords into moto's Secrets Manager, read-write role at `rwVersion`. */
  function secretsStack(database: string, prefix: string, rwVersion: number) {
    const stack = new MotoAwsStack(Testing.app(), "bootstrap-secrets");
    new RandomProvider(stack, "Random");
    const provider = new PostgresqlProvider(stack, "Postgresql", providerConfig("master", database));
    const app = new ApplicationSchema(stack, "App", {
      connection: { provider, database, sessionLogging: SessionLogging.SUPPRESSED },
      schemaName: "app",
      owner: { name: `${prefix}_owner` },
      readWrite: { name: `${prefix}_rw`, passwordVersion: rwVersion },
      readOnly: { name: `${prefix}_ro` },
      passwordSecrets: { namePrefix: `bootstrap-${prefix.replace(/_/g, "-")}` },
    });
    new TerraformOutput(stack, "rw_secret", { value: app.readWriteRole.passwordSecretArn });
    return stack;
  }

  itWithAwsProvider(
    "sets each password on its role and its secret in the same run, on create and on rotation, and stores it nowhere",
    async () => {
      // GIVEN statement logging on, as on a lineage cluster
      const prefix = "boot_eph";
      const database = await createDatabase(prefix);
      await asSuperuser((c) => c.query(`ALTER DATABASE "${database}" SET log_statement = 'mod'`));
      const logOffset = serverLogOffset();
      const env = { ...awsEnv(), PGOPTIONS: SUPPRESSED_SESSION_PGOPTIONS };
      const work = new TofuWorkdir(synthToDir(secretsStack(database, prefix, 1)), env);
      const seen: string[] = [];
      try {
        // WHEN applied
        work.init();
        work.validate();
        work.apply();
        // THEN the secret holds the role's login, which works
        const arn = work.outputs().rw_secret.value as string;
        const first = JSON.parse(await motoSecretString(arn)) as { username: string; password: string };
        expect(first.username).toBe(`${prefix}_rw`);
        expect(first.password).toMatch(/^[A-Za-z0-9]{32}$/);
        seen.push(first.password);
        await asRole(first.username, first.password, (s) => s.mustSucceed("SELECT 1"), database);
        // AND a second plan is empty (the ephemeral password changes every run, but is sent only
        // when its version changes)
        expect(work.plan().hasChanges).toBe(false);

        // WHEN the read-write password is rotated (passwordVersion 2)
        const next = synthToDir(secretsStack(database, prefix, 2));
        fs.copyFileSync(path.join(next, "cdk.tf.json"), path.join(work.dir, "cdk.tf.json"));
        work.apply();
        // THEN role and secret have the same new password; the old one is refused
        const second = JSON.parse(await motoSecretString(arn)) as { username: string; password: string };
        expect(second.password).not.toBe(first.password);
        seen.push(second.password);
        await asRole(second.username, second.password, (s) => s.mustSucceed("SELECT 1"), database);
        await expect(
          asRole(first.username, first.password, (s) => s.mustSucceed("SELECT 1"), database),
        ).rejects.toThrow(/password authentication failed/);
        // AND neither password is in the state, a plan, the JSON, the server log or pg_stat_statements
        const hits = countHits("ephemeral passwords (create + rotation)", seen, [
          { place: "state", text: fs.readFileSync(path.join(work.dir, "terraform.tfstate"), "utf8") },
          { place: "plan JSON", text: JSON.stringify(work.plan()) },
          { place: "synthesized JSON", text: fs.readFileSync(path.join(work.dir, "cdk.tf.json"), "utf8") },
          serverLogSince(logOffset),
          await pgStatStatements(),
        ]);
        expect(hits.map((h) => h.hits)).toEqual([0, 0, 0, 0, 0]);
      } finally {
        work.destroy();
      }
      expect(work.stateList()).toEqual([]);
    },
  );
});
