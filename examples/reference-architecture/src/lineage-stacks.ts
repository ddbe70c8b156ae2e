import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { LineageDatabaseAccess, LineageHandover, LineageLogging } from "@aurora-cdktf/lineage-logging";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ExampleStack, StackOptions } from "./common";
import { DatabaseTarget } from "./config";
import { stateKey } from "./database-bootstrap-stack";

/** Props of {@link LineageAwsStack}. */
export interface LineageAwsStackProps extends StackOptions {
  /** The cluster built by the database stack. */
  readonly cluster: AuroraPostgresCluster;
}

/**
 * Lineage, AWS side: the IAM user that reads the cluster's `postgresql` log group and its access
 * key in Secrets Manager. `log_statement = mod` goes onto the cluster's own instance parameter
 * group, so that setting is part of the database stack (deploy it after adding lineage).
 */
export class LineageAwsStack extends ExampleStack {
  /** The AWS side of lineage. */
  public readonly logging: LineageLogging;

  constructor(scope: Construct, id: string, props: LineageAwsStackProps) {
    super(scope, id, props);
    this.addAwsProvider(props);
    this.logging = new LineageLogging(this, "Lineage", {
      cluster: props.cluster,
      // The cluster's key (its policy lets Secrets Manager use it in this account), not aws/secretsmanager.
      accessKeySecretKmsKey: props.cluster.encryptionKey,
    });
    new TerraformOutput(this, "lineage", {
      value: this.logging.outputs,
      description: "Log group, IAM user and the secret holding its access key (no secret value).",
    });
  }
}

/** Props of {@link LineageDatabaseStack}. */
export interface LineageDatabaseStackProps extends StackOptions {
  /** Where to connect: the cluster (through the tunnel) or a local PostgreSQL. */
  readonly databaseTarget: DatabaseTarget;
  /** The cluster (from the database stack); used in cluster mode only. */
  readonly cluster?: AuroraPostgresCluster;
  /** The AWS side (from the lineage AWS stack); cluster mode only, for the Datafold hand-over. */
  readonly logging?: LineageLogging;
  /** Schemas Datafold reads. */
  readonly observedSchemas: string[];
  /** Roles that create tables in them (default privileges cover their future tables). */
  readonly tableOwners: string[];
  /** Version of the datafold role's generated password (raise it to rotate). */
  readonly passwordVersion: number;
}

/**
 * Lineage, database side: the `datafold` role, `datafold_tmp`, and SELECT on the application
 * schema including future tables. In cluster mode it also hands over every field of the Datafold
 * form as one sensitive output (`datafold_connection`).
 */
export class LineageDatabaseStack extends ExampleStack {
  /** The datafold role and its grants. */
  public readonly databaseAccess: LineageDatabaseAccess;
  /** The Datafold form's fields (cluster mode only). */
  public readonly handover?: LineageHandover;

  constructor(scope: Construct, id: string, props: LineageDatabaseStackProps) {
    super(scope, id, props, stateKey(props));
    const connection = this.addDatabaseProviders(props, props.databaseTarget, props.cluster);
    this.databaseAccess = new LineageDatabaseAccess(this, "LineageAccess", {
      connection,
      observedSchemas: props.observedSchemas,
      tableOwners: props.tableOwners,
      passwordVersion: props.passwordVersion,
    });
    if (props.databaseTarget.mode === "cluster" && props.logging) {
      this.handover = new LineageHandover(this, "Datafold", {
        logging: props.logging,
        databaseAccess: this.databaseAccess,
        registerOutputs: true,
      });
    } else {
      // A local server has no log group or IAM user: hand over the database fields only.
      const access = this.databaseAccess;
      new TerraformOutput(this, "datafold_database_access", {
        value: {
          user: access.roleName,
          password: access.password,
          databaseName: access.database,
          schemaForTemporaryTables: access.tempSchemaName,
        },
        sensitive: true,
        description: "The datafold role's login (local mode: no AWS side).",
      });
    }
  }
}
