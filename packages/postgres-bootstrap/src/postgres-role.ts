import { checkRoleName, Validator } from "@aurora-cdktf/core";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import { Password } from "@cdktf/provider-random/lib/password";
import { PostgresConnection } from "./connection";

/** Length of generated passwords: 32 letters and digits (about 190 bits). */
export const GENERATED_PASSWORD_LENGTH = 32;

/** Props of {@link PostgresRole}. */
export interface PostgresRoleProps {
  /** The server (provider) on which the role is created. Roles are cluster-wide, not per database. */
  readonly connection: PostgresConnection;
  /** Role name: a lowercase identifier, not `pg_*`/`rds_*`. */
  readonly roleName: string;
  /**
   * Whether the role may log in. A login role gets a generated password (`random_password`), set
   * through the write-only `password_wo` argument, so the role's state never holds it.
   *
   * @default true
   */
  readonly login?: boolean;
  /**
   * Version of the generated password. Increase it to generate a new password and set it on the
   * role (it feeds both the `random_password` keepers and `password_wo_version`).
   *
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * Maximum concurrent connections of the role; -1 for no limit.
   *
   * @default -1
   */
  readonly connectionLimit?: number;
  /**
   * Resources the role is created after (and destroyed before).
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * One PostgreSQL role (`postgresql_role`), a login role by default, with a generated password that
 * never appears in the synthesized configuration nor in the role's state: it is passed as the
 * write-only `password_wo`. The password itself is in `random_password`'s state (sensitive) and
 * reachable as {@link PostgresRole.password}, to output as sensitive or store in a secret.
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
  /** The `random_password` resource (undefined without login). */
  public readonly passwordResource?: Password;

  constructor(scope: Construct, id: string, props: PostgresRoleProps) {
    super(scope, id);
    const login = props.login ?? true;
    const version = props.passwordVersion ?? 1;
    const v = new Validator(this);
    checkRoleName(v, "roleName", props.roleName);
    v.integer(
      "passwordVersion",
      props.passwordVersion,
      1,
      1_000_000,
      "Fix: start at 1 and increase it by one per rotation.",
    )
      .check(
        !login && props.passwordVersion !== undefined,
        `passwordVersion applies to login roles only, got passwordVersion=${props.passwordVersion} with login=false. Fix: remove passwordVersion or set login to true.`,
      )
      .integer("connectionLimit", props.connectionLimit, -1, 100_000, "Fix: use -1 for no limit.")
      .throwIfAny();

    this.roleName = props.roleName;
    if (login) {
      this.passwordVersion = version;
      this.passwordResource = new Password(this, "Password", {
        length: GENERATED_PASSWORD_LENGTH,
        special: false,
        keepers: { password_version: String(version) },
      });
      this.password = this.passwordResource.result;
    }
    this.resource = new Role(this, "Resource", {
      provider: props.connection.provider,
      name: props.roleName,
      login,
      passwordWo: this.password,
      passwordWoVersion: login ? String(version) : undefined,
      connectionLimit: props.connectionLimit,
      dependsOn: props.dependsOn && props.dependsOn.length > 0 ? props.dependsOn : undefined,
    });
  }
}
