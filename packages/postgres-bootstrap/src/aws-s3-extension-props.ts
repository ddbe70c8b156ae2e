import { ITerraformDependable } from "cdktf";
import { PostgresConnection } from "./connection";

/** The extensions `AwsS3Extension` creates, in this order: `aws_s3` needs `aws_commons`. */
export const AWS_S3_EXTENSIONS: readonly string[] = ["aws_commons", "aws_s3"];

/** Props of {@link AwsS3Extension}. */
export interface AwsS3ExtensionProps {
  /**
   * The provider and database in which the extensions are created (as the master user, who has
   * `rds_superuser`: both extensions need it). Aurora and RDS only: other PostgreSQL servers do not
   * have them.
   */
  readonly connection: PostgresConnection;
  /**
   * PostgreSQL roles that may call the extensions' functions (`aws_s3.table_import_from_s3`,
   * `aws_s3.query_export_to_s3`, `aws_commons.create_s3_uri`): each gets USAGE on the schemas
   * `aws_commons` and `aws_s3` and EXECUTE on every function in them. They must exist, e.g.
   * `ApplicationSchema`'s roles (pass its `dependable` as `dependsOn`). What a call may read or write
   * is decided by the cluster's `s3Import`/`s3Export` IAM roles (`ClusterS3Access` of
   * `@aurora-cdktf/aurora-postgres-cluster`).
   *
   * @default - no grant (only the master user may call them)
   */
  readonly roles?: string[];
  /**
   * Resources the first extension is created after (and destroyed before).
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
}
