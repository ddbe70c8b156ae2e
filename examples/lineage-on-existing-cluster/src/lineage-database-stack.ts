import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { ILineageLogging, LineageDatabaseAccess, LineageHandover } from "@aurora-cdktf/lineage-logging";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ExampleStack, StackOptions } from "./common";
import { DatabaseTarget } from "./config";
import { ExistingCluster } from "./existing-cluster";

/** Props of {@link LineageDatabaseStack}. */
export interface LineageDatabaseStackProps extends StackOptions {
  /** The cluster, by attributes. */
  readonly existingCluster: ExistingCluster;
  /** Where to connect: the cluster (through the tunnel) or a local PostgreSQL. */
  readonly databaseTarget: DatabaseTarget;
  /** The AWS side (from the lineage AWS stack), for the hand-over; cluster mode only. */
  readonly logging?: ILineageLogging;
  /** Schemas Datafold reads. */
  readonly observedSchemas: string[];
  /** Roles that create tables there. */
  readonly tableOwners: string[];
}

/**
 * Lineage, database side: the `datafold` role, `datafold_tmp`, SELECT on the observed schemas
 * (existing and future tables). The postgresql provider connects as the cluster's master user
 * through the tunnel; in cluster mode the Datafold form's fields are one sensitive output.
 */
export class LineageDatabaseStack extends ExampleStack {
  /** The datafold role and its grants. */
  public readonly databaseAccess: LineageDatabaseAccess;
  /** The Datafold form's fields (cluster mode only). */
  public readonly handover?: LineageHandover;

  constructor(scope: Construct, id: string, props: LineageDatabaseStackProps) {
    const local = props.databaseTarget.mode === "local";
    super(scope, id, props, local ? "local" : props.existingCluster.clusterIdentifier);
    const cluster = AuroraPostgresCluster.fromClusterAttributes(
      this,
      "ExistingCluster",
      props.existingCluster,
    );
    const connection = this.addDatabaseProviders(props, props.databaseTarget, cluster);
    this.databaseAccess = new LineageDatabaseAccess(this, "LineageAccess", {
      connection,
      observedSchemas: props.observedSchemas,
      tableOwners: props.tableOwners,
    });
    if (!local && props.logging) {
      this.handover = new LineageHandover(this, "Datafold", {
        logging: props.logging,
        databaseAccess: this.databaseAccess,
        registerOutputs: true,
      });
    } else {
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
