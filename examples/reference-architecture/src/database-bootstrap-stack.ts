import { IKmsKeyRef } from "@aurora-cdktf/core";
import {
  ApplicationSchema,
  PostgresClusterEndpoint,
  PostgresConnection,
  PostgresExtensions,
} from "@aurora-cdktf/postgres-bootstrap";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { APPLICATION, ExampleStack, StackOptions } from "./common";
import { DatabaseTarget } from "./config";

/** Props of {@link DatabaseBootstrapStack}. */
export interface DatabaseBootstrapStackProps extends StackOptions {
  /** Where to connect: the cluster (through the tunnel) or a local PostgreSQL. */
  readonly databaseTarget: DatabaseTarget;
  /** The cluster (from the database stack); used in cluster mode only. */
  readonly cluster?: PostgresClusterEndpoint;
  /** Extensions to create. */
  readonly extensions: string[];
  /** The application schema. */
  readonly schemaName: string;
  /** Version of the three roles' generated passwords (raise it to rotate). */
  readonly passwordVersion: number;
  /** KMS key of the password secrets (cluster mode): the cluster's key. */
  readonly secretKmsKey?: IKmsKeyRef;
}

/**
 * Phase two of the database (instead of the reference's bootstrap Lambda): extensions, then the
 * application schema with its owner, read-write and read-only roles, through the postgresql
 * provider. Deployed after the database stack, with the tunnel open.
 */
export class DatabaseBootstrapStack extends ExampleStack {
  /** Where the objects are created. */
  public readonly connection: PostgresConnection;
  /** The extensions. */
  public readonly extensions: PostgresExtensions;
  /** The schema and its roles. */
  public readonly application: ApplicationSchema;

  constructor(scope: Construct, id: string, props: DatabaseBootstrapStackProps) {
    super(scope, id, props, stateKey(props));
    this.connection = this.addDatabaseProviders(props, props.databaseTarget, props.cluster);
    this.extensions = new PostgresExtensions(this, "Extensions", {
      connection: this.connection,
      extensions: props.extensions,
    });
    this.application = new ApplicationSchema(this, "App", {
      connection: this.connection,
      schemaName: props.schemaName,
      owner: { passwordVersion: props.passwordVersion },
      readWrite: { passwordVersion: props.passwordVersion },
      readOnly: { passwordVersion: props.passwordVersion },
      // Cluster mode has an AWS provider: the passwords are ephemeral and go write-only into Secrets
      // Manager (`<application>-<stage>/<role>`), so no state holds them. Local mode has no AWS side:
      // they are random_password results in the state, handed over by a sensitive output.
      passwordSecrets:
        props.databaseTarget.mode === "cluster"
          ? { namePrefix: `${APPLICATION}-${props.stage}`, kmsKey: props.secretKmsKey }
          : undefined,
      dependsOn: [this.extensions.dependable],
    });
    const app = this.application;
    new TerraformOutput(this, "application_schema", {
      value: app.outputs,
      description: "The schema and the names of its roles.",
    });
    const roles = [app.ownerRole, app.readWriteRole, app.readOnlyRole];
    if (props.databaseTarget.mode === "cluster") {
      new TerraformOutput(this, "application_role_secrets", {
        value: Object.fromEntries(roles.map((r) => [r.roleName, r.passwordSecretArn])),
        description: "Secrets Manager secrets with each login role's username and password.",
      });
    } else {
      new TerraformOutput(this, "application_role_passwords", {
        value: Object.fromEntries(roles.map((r) => [r.roleName, r.password])),
        sensitive: true,
        description: "Generated passwords of the login roles (tofu output -json application_role_passwords).",
      });
    }
  }
}

/** Local-mode state never mixes with the cluster's: `terraform.local-<stage>.<stack>.tfstate`. */
export function stateKey(props: StackOptions & { readonly databaseTarget: DatabaseTarget }): string {
  return props.databaseTarget.mode === "local" ? `local-${props.stage}` : props.stage;
}
