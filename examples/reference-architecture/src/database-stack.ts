import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { BastionAsg } from "@aurora-cdktf/bastion-asg";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { APPLICATION, ExampleStack, StackOptions } from "./common";
import { DEFAULT_TUNNEL_PORT } from "./config";

/** Props of {@link DatabaseStack}. */
export interface DatabaseStackProps extends StackOptions {
  /** The network (from the network stack). */
  readonly vpc: IVpc3Az;
  /** The bastion (from the bastion stack), admitted on the cluster's port. */
  readonly bastion: BastionAsg;
}

/**
 * The Aurora PostgreSQL cluster (the reference's Aurora stack, deployable many times against one
 * network and bastion): the stage preset, the bastion admitted on 5432, and the outputs the
 * tunnel and the database stacks need.
 */
export class DatabaseStack extends ExampleStack {
  /** The cluster; the bootstrap and lineage stacks use its outputs. */
  public readonly cluster: AuroraPostgresCluster;

  constructor(scope: Construct, id: string, props: DatabaseStackProps) {
    super(scope, id, props);
    this.addAwsProvider(props);
    this.cluster = new AuroraPostgresCluster(this, "Cluster", {
      vpc: props.vpc,
      clusterIdentifier: `${APPLICATION}-${props.stage}`,
      databaseName: APPLICATION,
      stage: props.stage,
      mandatoryTags: {
        application: "Orders",
        projectCostCenter: "CC1234",
        serviceOwnersEmailContact: "orders-team@example.com",
        confidentiality: "confidential",
        compliance: "none",
      },
      allowConnectionsFrom: [props.bastion],
      // The statement log (lineage's log_statement = mod) kept a year, encrypted with the cluster key.
      postgresqlLogRetentionDays: 365,
      encryptPostgresqlLogs: true,
      // The cluster group logs like the instance group, so an instance without its own group does too.
      clusterParameters: { log_statement: "mod", log_min_duration_statement: "5000" },
    });
    const c = this.cluster;
    new TerraformOutput(this, "cluster_endpoint", {
      value: c.clusterEndpoint,
      description: "Writer endpoint.",
    });
    new TerraformOutput(this, "psql_command", {
      value: c.psqlCommand,
      description: "psql to the writer (through the tunnel: --host=127.0.0.1 --port=15432).",
    });
    new TerraformOutput(this, "master_user_secret_arn", {
      value: c.masterUserSecretArn,
      description: "The RDS-managed master secret (JSON with username and password).",
    });
    new TerraformOutput(this, "tunnel_command", {
      value: props.bastion.ssmPortForwardCommand(c.clusterEndpoint, c.port, DEFAULT_TUNNEL_PORT),
      description: `Opens the tunnel of the database stacks: 127.0.0.1:${DEFAULT_TUNNEL_PORT} -> the writer, through the bastion (SSM).`,
    });
  }
}
