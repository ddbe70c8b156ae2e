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
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { asSuperuser, createDatabase, pgServer } from "../../../test/helpers/postgres";
import { applyCycle } from "../../../test/helpers/tofu";
import { ApplicationSchema, clusterProviderConfig, PostgresTunnel } from "../src";
import * as fs from "fs";
import * as path from "path";
import { SessionLogging, SUPPRESSED_SESSION_PGOPTIONS } from "../src";
import { countHits } from "../../../test/helpers/secret-scan";

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
