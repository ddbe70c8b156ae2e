/**
 * Proves the foundation: the real OpenTofu applies postgresql/random resources to the real local
 * PostgreSQL (as a true superuser and as an RDS-like master), a second plan is empty, SQL sessions
 * see the effects, and destroy leaves nothing. Also plans an AWS stack against moto.
 */
import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { Extension } from "@cdktf/provider-postgresql/lib/extension";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { Password } from "@cdktf/provider-random/lib/password";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { applyCycle, plannedCreates, synthAndPlan, synthToDir, TofuWorkdir } from "../helpers/tofu";
import { asRole, asSuperuser, createDatabase, MasterKind, providerConfig } from "../helpers/postgres";
import { applyOnMoto, awsEnv, itWithAwsProvider, MotoAwsStack } from "../helpers/aws";

class BootstrapProbeStack extends TerraformStack {
  constructor(scope: Construct, id: string, kind: MasterKind, database: string, prefix: string) {
    super(scope, id);
    new PostgresqlProvider(this, "pg", providerConfig(kind, database));
    new RandomProvider(this, "random");
    const pw = new Password(this, "AppPassword", { length: 32, special: false });
    const app = new Role(this, "App", {
      name: `${prefix}_app`,
      login: true,
      passwordWo: pw.result,
      passwordWoVersion: "1",
    });
    const schema = new Schema(this, "Schema", { name: `${prefix}_data`, database });
    new Grant(this, "Usage", {
      database,
      role: app.name,
      schema: schema.name,
      objectType: "schema",
      privileges: ["USAGE", "CREATE"],
    });
    new Extension(this, "Pgcrypto", { name: "pgcrypto", database, schema: "public" });
    // Expose the generated password to the probe only through state, never in the synthesized JSON.
    new TerraformOutput(this, "app_password", { value: pw.result, sensitive: true });
  }
}

describe("foundation harness", () => {
  describe.each<[MasterKind]>([["superuser"], ["master"]])("postgresql stack applied as %s", (kind) => {
    it("applies, is idempotent, is visible to SQL sessions, and destroys cleanly", async () => {
      // GIVEN a fresh database owned by the RDS-like master
      const db = await createDatabase(`harness_${kind}`);
      const prefix = `h_${kind}`;
      const stack = new BootstrapProbeStack(Testing.app(), `harness-${kind}`, kind, db, prefix);

      // THEN the synthesized JSON carries no password
      expect(JSON.stringify(Testing.synth(stack))).not.toMatch(/"password_wo":\s*"[^$]/);

      await applyCycle(stack, {}, async (work) => {
        const password = work.outputs().app_password.value as string;
        expect(password).toHaveLength(32);
        // the write-only password is not kept in the role's state
        const state = JSON.parse(work.must(["show", "-json"]).stdout);
        const role = state.values.root_module.resources.find(
          (r: { address: string }) => r.address === "postgresql_role.App",
        );
        expect(role.values.password_wo ?? null).toBeNull();

        await asRole(
          `${prefix}_app`,
          password,
          async (s) => {
            await s.mustSucceed(`CREATE TABLE ${prefix}_data.t (id int)`);
            await s.mustSucceed(`SELECT count(*) FROM ${prefix}_data.t`);
            await s.mustBeDenied("CREATE TABLE public.not_allowed (id int)");
            const ext = await s.query<{ n: string }>(
              "SELECT count(*)::text AS n FROM pg_extension WHERE extname = 'pgcrypto'",
            );
            expect(ext[0].n).toBe("1");
          },
          db,
        );
        // drop what the probe created so destroy can drop the schema
        await asSuperuser((c) => c.query(`DROP TABLE ${prefix}_data.t`), db);
      });

      // AND nothing is left in the server
      await asSuperuser(async (c) => {
        const roles = await c.query("SELECT rolname FROM pg_roles WHERE rolname LIKE $1", [`${prefix}%`]);
        expect(roles.rows).toEqual([]);
        const ext = await c.query("SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'");
        expect(ext.rows).toEqual([]);
      }, db);
    });
  });

  describe("AWS stack", () => {
    itWithAwsProvider(
      "validates and plans a VPC and security group against moto with fake credentials",
      () => {
        const stack = new MotoAwsStack(Testing.app(), "harness-aws");
        const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.0.0.0/16" });
        new SecurityGroup(stack, "Sg", { vpcId: vpc.id, name: "harness", description: "harness" });
        const { plan } = synthAndPlan(stack, awsEnv());
        expect(plannedCreates(plan, "aws_vpc")).toEqual(["aws_vpc.Vpc"]);
        expect(plannedCreates(plan, "aws_security_group")).toEqual(["aws_security_group.Sg"]);
      },
    );
  });

  describe("applyOnMoto", () => {
    itWithAwsProvider(
      "deletes a secret that CreateSecret met as already existing but no state holds, and applies again",
      async () => {
        // GIVEN a secret left in moto outside any state (what an SDK retry of a carried-out CreateSecret leaves)
        const stack = new MotoAwsStack(Testing.app(), "harness-orphan");
        new SecretsmanagerSecret(stack, "Secret", { name: "harness/orphan", recoveryWindowInDays: 0 });
        const work = new TofuWorkdir(synthToDir(stack), awsEnv());
        work.init();
        work.apply();
        work.run(["state", "rm", "aws_secretsmanager_secret.Secret"]);
        expect(work.run(["apply", "-input=false", "-auto-approve", "-no-color"]).stderr).toContain(
          "ResourceExistsException",
        );
        const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
        try {
          // WHEN
          await applyOnMoto(work);
          // THEN it said so, and the secret is created and in the state
          expect(warn).toHaveBeenCalledWith(expect.stringContaining("harness/orphan"));
          expect(work.stateList()).toEqual(["aws_secretsmanager_secret.Secret"]);
        } finally {
          warn.mockRestore();
          work.destroy();
        }
        expect(work.stateList()).toEqual([]);
      },
    );
  });
});
