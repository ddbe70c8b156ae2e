import { AwsContext, Connections, Port } from "@aurora-cdktf/core";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DbProxy } from "@cdktf/provider-aws/lib/db-proxy";
import { DbProxyDefaultTargetGroup } from "@cdktf/provider-aws/lib/db-proxy-default-target-group";
import { DbProxyEndpoint } from "@cdktf/provider-aws/lib/db-proxy-endpoint";
import { DbProxyTarget } from "@cdktf/provider-aws/lib/db-proxy-target";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { AuroraProxyProps } from "./aurora-proxy-props";
import { IAuroraProxy } from "./aurora-proxy-ref";
import { PROXY_PORT, resolveProxySettings } from "./private/defaults";
import { allowBetween } from "./private/rules";
import { validateProxyProps } from "./validate";

/**
 * An RDS Proxy in front of an Aurora PostgreSQL cluster: TLS required, one auth entry per secret
 * (the managed master secret and the bootstrap's role secrets) with IAM authentication per entry,
 * the default target group's pool settings, the cluster as its target, an optional READ_ONLY
 * endpoint, an IAM role that reads only those secrets, and a security group of its own
 * (`connections`) admitted on the cluster's port. The proxy follows writer failovers by itself:
 * its endpoint and its network interfaces stay, only the instance behind them changes.
 */
export class AuroraProxy extends Construct implements IAuroraProxy {
  public readonly proxyName: string;
  public readonly proxyArn: string;
  /** Host name of the default (read/write) endpoint. */
  public readonly endpoint: string;
  /**
   * Host name of the READ_ONLY endpoint.
   *
   * @default - undefined unless readerEndpoint
   */
  public readonly readerEndpoint?: string;
  /** 5432: RDS Proxy listens on PostgreSQL's default port. */
  public readonly port: number = PROXY_PORT;
  public readonly vpcId: string;
  public readonly subnetIds: string[];
  /** The proxy's resource id (`prx-…`), used in `rds-db:connect` ARNs. */
  public readonly resourceId: string;
  /** Ingress to the proxy's security group on 5432 (`allowDefaultPortFrom(app)`). */
  public readonly connections: Connections;
  /** Same as {@link endpoint}: where a reader of the database connects (see `LineageHandover`). */
  public readonly host: string;

  public readonly resource: DbProxy;
  public readonly securityGroup: SecurityGroup;
  public readonly role: IamRole;
  public readonly targetGroup: DbProxyDefaultTargetGroup;
  public readonly readerEndpointResource?: DbProxyEndpoint;

  private readonly aws: AwsContext;

  constructor(scope: Construct, id: string, props: AuroraProxyProps) {
    super(scope, id);
    const s = resolveProxySettings(props);
    validateProxyProps(this, props, s);
    const { cluster, vpc } = props;
    this.aws = new AwsContext(this);
    const tags = props.tags;

    this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
      name: s.proxyName,
      description: `RDS Proxy ${s.proxyName} of cluster ${cluster.clusterIdentifier}`,
      vpcId: vpc.vpcId,
      // No inline rules: egress to the cluster only (below), ingress through `connections`.
      egress: [],
      ingress: [],
      revokeRulesOnDelete: true,
      tags: { ...tags, Name: s.proxyName },
    });
    this.connections = new Connections({
      scope: this,
      securityGroupId: this.securityGroup.id,
      defaultPort: Port.tcp(PROXY_PORT),
    });
    // Both rules live here (not in the cluster's stack), so the proxy may be in a later stack.
    allowBetween(this, "Cluster", {
      from: this.securityGroup.id,
      to: cluster.connections.securityGroupId,
      port: cluster.port,
      description: `RDS Proxy ${s.proxyName}`,
    });

    this.role = this.createRole(s.roleName, s.auth, tags);

    this.resource = new DbProxy(this, "Proxy", {
      name: s.proxyName,
      engineFamily: "POSTGRESQL",
      requireTls: true,
      roleArn: this.role.arn,
      vpcSubnetIds: s.subnetIds,
      vpcSecurityGroupIds: [this.securityGroup.id],
      idleClientTimeout: s.idleClientTimeoutSeconds,
      debugLogging: false,
      auth: s.auth.map((a) => ({
        authScheme: "SECRETS",
        secretArn: a.secretArn,
        iamAuth: a.iamAuth,
        clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256",
        description: a.description,
      })),
      tags,
    });
    this.targetGroup = new DbProxyDefaultTargetGroup(this, "TargetGroup", {
      dbProxyName: this.resource.name,
      connectionPoolConfig: {
        maxConnectionsPercent: s.maxConnectionsPercent,
        maxIdleConnectionsPercent: s.maxIdleConnectionsPercent,
        connectionBorrowTimeout: s.connectionBorrowTimeoutSeconds,
        sessionPinningFilters: s.sessionPinningFilters.length > 0 ? [...s.sessionPinningFilters] : undefined,
        initQuery: s.initQuery,
      },
    });
    new DbProxyTarget(this, "Target", {
      dbProxyName: this.resource.name,
      targetGroupName: this.targetGroup.name,
      dbClusterIdentifier: cluster.clusterIdentifier,
    });
    if (s.readerEndpoint) {
      this.readerEndpointResource = new DbProxyEndpoint(this, "ReaderEndpoint", {
        dbProxyName: this.resource.name,
        dbProxyEndpointName: s.readerEndpointName,
        targetRole: "READ_ONLY",
        vpcSubnetIds: s.subnetIds,
        vpcSecurityGroupIds: [this.securityGroup.id],
        tags,
      });
      this.readerEndpoint = this.readerEndpointResource.endpoint;
    }

    // The literal name (the resource's own is a token): names and descriptions derived from it stay checkable.
    this.proxyName = s.proxyName;
    this.proxyArn = this.resource.arn;
    this.endpoint = this.resource.endpoint;
    this.host = this.endpoint;
    this.vpcId = vpc.vpcId;
    this.subnetIds = s.subnetIds;
    // arn:<partition>:rds:<region>:<account>:db-proxy:prx-<id>
    this.resourceId = Fn.element(Fn.split(":", this.resource.arn), 6);
  }

  /**
   * Allows the IAM role `roleName` to log in through the proxy as database user `dbUser` with an
   * IAM token (`rds-db:connect` on `dbuser:<proxy resource id>/<dbUser>`), for entries whose
   * `iamAuth` is REQUIRED. Returns the role's inline policy.
   */
  public grantConnect(roleName: string, dbUser: string): IamRolePolicy {
    const id = `Connect-${roleName}-${dbUser}`.replace(/[^A-Za-z0-9-]+/g, "_");
    return new IamRolePolicy(this, id, {
      name: `${this.node.id}-rds-db-connect-${dbUser}`.slice(0, 128),
      role: roleName,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "rds-db:connect",
            Resource: `arn:${this.aws.partition}:rds-db:${this.aws.region}:${this.aws.accountId}:dbuser:${this.resourceId}/${dbUser}`,
          },
        ],
      }),
    });
  }

  /** The role RDS Proxy assumes: read exactly the auth secrets, decrypt through Secrets Manager only. */
  private createRole(
    roleName: string,
    auth: ReturnType<typeof resolveProxySettings>["auth"],
    tags: Record<string, string> | undefined,
  ): IamRole {
    const assume = new DataAwsIamPolicyDocument(this, "AssumeRolePolicy", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["rds.amazonaws.com"] }],
          // Confused-deputy guard: only RDS acting for this account.
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [this.aws.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, "Role", {
      name: roleName,
      description: `RDS Proxy ${roleName.replace(/-secrets$/, "")}: reads its auth secrets`,
      assumeRolePolicy: assume.json,
      tags,
    });
    const keys = [...new Set(auth.flatMap((a) => (a.kmsKey ? [a.kmsKey.arn] : [])))];
    const secrets = new DataAwsIamPolicyDocument(this, "SecretsPolicyDocument", {
      statement: [
        {
          sid: "ReadAuthSecrets",
          actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
          resources: auth.map((a) => a.secretArn),
        },
        ...(keys.length > 0
          ? [
              {
                sid: "DecryptThroughSecretsManager",
                actions: ["kms:Decrypt"],
                resources: keys,
                condition: [
                  {
                    test: "StringEquals",
                    variable: "kms:ViaService",
                    values: [`secretsmanager.${this.aws.region}.${this.aws.dnsSuffix}`],
                  },
                ],
              },
            ]
          : []),
      ],
    });
    new IamRolePolicy(this, "SecretsPolicy", {
      name: "read-auth-secrets",
      role: role.id,
      policy: secrets.json,
    });
    return role;
  }
}
