import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { Grant } from "@cdktf/provider-postgresql/lib/grant";
import { AWS_S3_EXTENSIONS, AwsS3ExtensionProps } from "./aws-s3-extension-props";
import { DependencyChain } from "./dependency-chain";
import { PostgresExtensions } from "./postgres-extensions";
import { validateAwsS3ExtensionProps } from "./validate";

/**
 * The database side of S3 import and export on Aurora PostgreSQL: the `aws_commons` and `aws_s3`
 * extensions, one after the other (no `CREATE EXTENSION ... CASCADE`, so both are in the state and
 * destroy drops both), and for each of `roles` USAGE on their schemas and EXECUTE on their
 * functions. Every resource depends on the previous one (README "Grant ordering").
 */
export class AwsS3Extension extends Construct {
  /** The two extensions (`aws_commons`, then `aws_s3`). */
  public readonly extensions: PostgresExtensions;
  /** The `postgresql_grant` resources, by role, then `<schema>-usage` / `<schema>-execute`. */
  public readonly grants: Readonly<Record<string, Readonly<Record<string, Grant>>>>;
  /** Depend on this to run after the extensions and every grant exist. */
  public readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: AwsS3ExtensionProps) {
    super(scope, id);
    const roles = props.roles ?? [];
    validateAwsS3ExtensionProps(this, props, roles);
    const connection = props.connection;
    this.extensions = new PostgresExtensions(this, "Extensions", {
      connection,
      extensions: [...AWS_S3_EXTENSIONS],
      dependsOn: props.dependsOn,
    });
    const chain = new DependencyChain([this.extensions.dependable]);
    const grants: Record<string, Record<string, Grant>> = {};
    for (const role of roles) {
      const byRole: Record<string, Grant> = {};
      for (const schema of AWS_S3_EXTENSIONS) {
        for (const [objectType, privilege, what] of [
          ["schema", "USAGE", "usage"],
          ["function", "EXECUTE", "execute"],
        ] as const) {
          byRole[`${schema}-${what}`] = chain.add(
            new Grant(this, `${role}-${schema}-${what}`, {
              provider: connection.provider,
              database: connection.database,
              role,
              schema,
              objectType,
              // No `objects`: EXECUTE on every function of the schema.
              privileges: [privilege],
              dependsOn: chain.next(),
            }),
          );
        }
      }
      grants[role] = byRole;
    }
    this.grants = grants;
    this.dependable = chain.tail[0];
  }
}
