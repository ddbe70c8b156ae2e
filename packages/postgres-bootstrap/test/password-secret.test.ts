import "cdktf/lib/testing/adapters/jest";
import { ValidationError } from "@aurora-cdktf/core";
import { TerraformOutput, TerraformStack } from "cdktf";
import { ApplicationSchema, PostgresRole, SessionLogging } from "../src";
import { resolved, synthJson, testStack } from "../../../test/helpers/unit";

type Json = ReturnType<typeof synthJson> & {
  readonly ephemeral?: Record<string, Record<string, Record<string, unknown>>>;
};

function setup(): {
  stack: TerraformStack;
  connection: { database: string; sessionLogging: SessionLogging };
} {
  const stack = testStack("bootstrap", { database: true });
  return { stack, connection: { database: "orders", sessionLogging: SessionLogging.SUPPRESSED } };
}

describe("PostgresRole with passwordSecret", () => {
  test("generates the password ephemerally and writes it write-only to the role and to a secret", () => {
    // GIVEN
    const { stack, connection } = setup();
    // WHEN
    const role = new PostgresRole(stack, "Rw", {
      connection,
      roleName: "app_rw",
      passwordVersion: 3,
      passwordSecret: { name: "orders/app_rw" },
    });
    // THEN no random_password resource: an ephemeral one, never stored
    const json = synthJson(stack) as Json;
    expect(json.resource?.random_password).toBeUndefined();
    expect(json.ephemeral?.random_password).toEqual({ Rw_Password: { length: 32, special: false } });
    const [pgRole] = Object.values(json.resource?.postgresql_role ?? {});
    expect(pgRole).toMatchObject({
      name: "app_rw",
      login: true,
      password_wo: "${ephemeral.random_password.Rw_Password.result}",
      password_wo_version: "3",
    });
    // AND the secret gets {"username", "password"} write-only, re-sent when the version changes
    const [secret] = Object.values(json.resource?.aws_secretsmanager_secret ?? {});
    expect(secret).toMatchObject({ name: "orders/app_rw" });
    const [version] = Object.values(json.resource?.aws_secretsmanager_secret_version ?? {});
    expect(version).toEqual({
      secret_id: expect.stringMatching(/^\$\{aws_secretsmanager_secret\.Rw_PasswordSecret_\w+\.id\}$/),
      secret_string_wo:
        '${jsonencode({"username" = "app_rw", "password" = ephemeral.random_password.Rw_Password.result})}',
      secret_string_wo_version: 3,
    });
    expect(version.secret_string).toBeUndefined();
    // AND the role exposes the secret, not the password
    expect(role.password).toBeUndefined();
    expect(role.passwordResource).toBeUndefined();
    expect(resolved(stack, role.passwordSecretArn)).toMatch(
      /aws_secretsmanager_secret\.Rw_PasswordSecret_\w+\.arn/,
    );
  });

  test("uses the given KMS key for the secret", () => {
    const { stack, connection } = setup();
    new PostgresRole(stack, "Rw", {
      connection,
      roleName: "app_rw",
      passwordSecret: { name: "orders/app_rw", kmsKey: { arn: "arn:aws:kms:us-east-1:111122223333:key/k" } },
    });
    const [secret] = Object.values(synthJson(stack).resource?.aws_secretsmanager_secret ?? {});
    expect(secret.kms_key_id).toBe("arn:aws:kms:us-east-1:111122223333:key/k");
  });

  test.each([
    [
      "the role does not log in",
      { login: false, passwordSecret: { name: "orders/app" } },
      /passwordSecret applies to login roles only/,
    ],
    [
      "the secret name has a space",
      { passwordSecret: { name: "orders app" } },
      /passwordSecret.name must be a Secrets Manager secret name.*got "orders app"/,
    ],
  ])("fails when %s", (_case, extra, message) => {
    const { stack, connection } = setup();
    let err: unknown;
    try {
      new PostgresRole(stack, "Rw", { connection, roleName: "app_rw", ...extra });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(message);
  });
});

describe("ApplicationSchema with passwordSecrets", () => {
  test("gives each login role its own secret and no password in state or outputs", () => {
    // GIVEN
    const { stack, connection } = setup();
    // WHEN
    const app = new ApplicationSchema(stack, "App", {
      connection,
      schemaName: "app",
      readOnly: { login: false },
      passwordSecrets: { namePrefix: "orders" },
    });
    new TerraformOutput(stack, "secrets", {
      value: [app.ownerRole.passwordSecretArn, app.readWriteRole.passwordSecretArn],
    });
    // THEN
    const json = synthJson(stack) as Json;
    expect(
      Object.values(json.resource?.aws_secretsmanager_secret ?? {})
        .map((s) => s.name)
        .sort(),
    ).toEqual(["orders/app_owner", "orders/app_rw"]);
    expect(Object.keys(json.ephemeral?.random_password ?? {}).sort()).toEqual([
      expect.stringMatching(/^App_Owner_\w+_Password$/),
      expect.stringMatching(/^App_ReadWrite_\w+_Password$/),
    ]);
    expect(json.resource?.random_password).toBeUndefined();
    expect(app.readOnlyRole.passwordSecretArn).toBeUndefined();
  });
});
