import { IKmsKeyRef } from "@aurora-cdktf/core";
import { ITerraformDependable } from "cdktf";
import { PostgresConnection } from "./connection";

/**
 * Where a generated password goes when it must never enter the state: a Secrets Manager secret,
 * written write-only. See {@link PostgresRoleProps.passwordSecret}.
 */
export interface RolePasswordSecret {
  /** Name of the secret to create, e.g. `orders/app_rw`. Its value is JSON: `{"username", "password"}`. */
  readonly name: string;
  /**
   * KMS key of the secret.
   *
   * @default - the AWS-managed key `aws/secretsmanager`
   */
  readonly kmsKey?: IKmsKeyRef;
}

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
   * Deliver the generated password through a Secrets Manager secret instead of the state. The
   * password is then an **ephemeral** `random_password` (generated during the run, never stored),
   * sent write-only to the role (`password_wo`) and to the secret (`secret_string_wo`) in the same
   * run whenever `passwordVersion` changes: it is in no state, no plan and no JSON. Needs
   * OpenTofu >= 1.11 or Terraform >= 1.11, hashicorp/random >= 3.7 and an AWS provider in the
   * stack. Applications read the secret (`passwordSecretArn`); the stack cannot output the password.
   *
   * @default - the password is a `random_password` resource: in the state (sensitive) and readable
   *   as `password`, for a sensitive output
   */
  readonly passwordSecret?: RolePasswordSecret;
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
