import { ITerraformDependable } from "cdktf";
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
