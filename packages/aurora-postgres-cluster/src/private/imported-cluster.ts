import { Construct } from "constructs";
import { Connections, Port } from "@aurora-cdktf/core";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { AuroraPostgresClusterAttributes, IAuroraPostgresCluster } from "../aurora-postgres-cluster-ref";
import { resolveAttributes } from "./defaults";
import { ConnectGrants } from "./grant-connect";
import { validateClusterAttributes } from "../validate";

/** A cluster created elsewhere, known by its attributes. Creates no resources by itself. */
export class ImportedAuroraPostgresCluster extends Construct implements IAuroraPostgresCluster {
  public readonly clusterIdentifier: string;
  public readonly clusterArn: string;
  public readonly clusterResourceId: string;
  public readonly clusterEndpoint: string;
  public readonly readerEndpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly masterUsername: string;
  public readonly masterUserSecretArn?: string;
  public readonly postgresqlLogGroupName: string;
  public readonly connections: Connections;
  private readonly grants: ConnectGrants;

  constructor(scope: Construct, id: string, given: AuroraPostgresClusterAttributes) {
    super(scope, id);
    validateClusterAttributes(this, given);
    const attrs = resolveAttributes(given);
    this.clusterIdentifier = attrs.clusterIdentifier;
    this.clusterArn = attrs.clusterArn;
    this.clusterResourceId = attrs.clusterResourceId;
    this.clusterEndpoint = attrs.clusterEndpoint;
    this.readerEndpoint = attrs.readerEndpoint;
    this.port = attrs.port;
    this.databaseName = attrs.databaseName;
    this.masterUsername = attrs.masterUsername;
    this.masterUserSecretArn = attrs.masterUserSecretArn;
    this.postgresqlLogGroupName = attrs.postgresqlLogGroupName;
    this.connections = new Connections({
      scope: this,
      securityGroupId: attrs.securityGroupId,
      defaultPort: Port.tcp(this.port),
    });
    this.grants = new ConnectGrants(this, this);
  }

  /** Allows the IAM role `roleName` to connect as `dbUser` with IAM database authentication. */
  public grantConnect(roleName: string, dbUser: string): IamRolePolicy {
    return this.grants.grant(roleName, dbUser);
  }
}
