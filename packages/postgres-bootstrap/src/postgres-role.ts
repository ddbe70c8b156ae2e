import { Fn } from "cdktf";
import { Construct } from "constructs";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import { Password } from "@cdktf/provider-random/lib/password";
import { GENERATED_PASSWORD_LENGTH, PostgresRoleProps } from "./postgres-role-props";
import { resolveRoleSettings } from "./private/defaults";
import { ephemeralAttribute } from "./private/ephemeral";
import { validateRoleProps } from "./validate";

/**
 * One PostgreSQL role (`postgresql_role`), a login role by default, with a generated password that
 * never appears in the synthesized configuration nor in the role's state: it is passed as the
 * write-only `password_wo`. By default the password itself is in `random_password`'s state
 * (sensitive) and reachable as {@link PostgresRole.password}, to output as sensitive; with
 * `passwordSecret` it is ephemeral and goes write-only into a Secrets Manager secret instead, so it
 * is in no state at all.
 */
export class PostgresRole extends Construct {
  /** The role name. */
  public readonly roleName: string;
  /**
   * The generated password (a sensitive token), for a sensitive output or a secret.
   * Undefined for a role without login.
   */
  public readonly password?: string;
  /** The password version currently set on the role (undefined without login). */
  public readonly passwordVersion?: number;
  /** The `postgresql_role` resource. */
  public readonly resource: Role;
  /** The `random_password` resource (undefined without login, or with `passwordSecret`). */
  public readonly passwordResource?: Password;
  /**
   * ARN of the secret holding `{"username", "password"}` (with `passwordSecret` only).
   *
   * @default - undefined: no password secret
   */
  public readonly passwordSecretArn?: string;

  constructor(scope: Construct, id: string, props: PostgresRoleProps) {
    super(scope, id);
    const s = resolveRoleSettings(props);
    validateRoleProps(this, props, s);
    const { login, passwordVersion: version } = s;

    this.roleName = props.roleName;
    let passwordWo: string | undefined;
    if (login && props.passwordSecret) {
      this.passwordVersion = version;
      passwordWo = ephemeralAttribute(
        this,
        "random_password",
        "Password",
        { length: GENERATED_PASSWORD_LENGTH, special: false },
        "result",
      ).value;
      const secret = new SecretsmanagerSecret(this, "PasswordSecret", {
        name: props.passwordSecret.name,
        description: `Login of the PostgreSQL role ${props.roleName}`,
        kmsKeyId: props.passwordSecret.kmsKey?.arn,
      });
      new SecretsmanagerSecretVersion(this, "PasswordSecretValue", {
        secretId: secret.id,
        secretStringWo: Fn.jsonencode({ username: props.roleName, password: passwordWo }),
        secretStringWoVersion: version,
      });
      this.passwordSecretArn = secret.arn;
    } else if (login) {
      this.passwordVersion = version;
      this.passwordResource = new Password(this, "Password", {
        length: GENERATED_PASSWORD_LENGTH,
        special: false,
        keepers: { password_version: String(version) },
      });
      this.password = this.passwordResource.result;
      passwordWo = this.password;
    }
    this.resource = new Role(this, "Resource", {
      provider: props.connection.provider,
      name: props.roleName,
      login,
      passwordWo,
      passwordWoVersion: login ? String(version) : undefined,
      connectionLimit: props.connectionLimit,
      dependsOn: props.dependsOn && props.dependsOn.length > 0 ? props.dependsOn : undefined,
    });
  }
}
