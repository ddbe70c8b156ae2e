import { Construct } from "constructs";
import { Connections, IConnectable, IPeer, Peer, Port } from "@aurora-cdktf/core";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";

export interface NetworkOptions {
  readonly vpc: IVpc3Az;
  readonly clusterIdentifier: string;
  readonly port: number;
  readonly allowAllOutbound: boolean;
  readonly peers: readonly (IPeer | IConnectable)[];
  /** `publicReader`: the subnet group goes over the public subnets, these CIDRs are admitted. */
  readonly publicCidrs?: readonly string[];
  readonly tags?: Record<string, string>;
}

export interface ClusterNetwork {
  /** The cluster's own DB subnet group, or the VPC's database subnet group when it has one. */
  readonly subnetGroup: { readonly name: string };
  readonly securityGroup: SecurityGroup;
  readonly connections: Connections;
}

/**
 * The DB subnet group (APG-26): the VPC's isolated database tier's group when the VPC has one
 * (`vpc.databaseSubnetGroupName`), else one of the cluster's own over the private subnets; and the
 * cluster's own security group
 * (APG-27): the database port from the named peers only, the reference's all-protocol
 * self-reference, and (by default) the default egress rule. Rules are separate
 * `aws_vpc_security_group_*_rule` resources, so adding a peer never rewrites the others. With
 * `publicCidrs` (`publicReader`), the cluster's own group over the public subnets instead, and one
 * rule per CIDR on the database port.
 */
export function createNetwork(scope: Construct, o: NetworkOptions): ClusterNetwork {
  const databaseGroup = o.vpc.databaseSubnetGroupName;
  const subnetGroup = o.publicCidrs
    ? new DbSubnetGroup(scope, "PublicSubnetGroup", {
        name: `${o.clusterIdentifier}-public`,
        description: `Public subnets of Aurora PostgreSQL cluster ${o.clusterIdentifier} (one publicly accessible reader)`,
        subnetIds: o.vpc.publicSubnetIds,
        tags: o.tags,
      })
    : databaseGroup !== undefined
      ? { name: databaseGroup }
      : new DbSubnetGroup(scope, "SubnetGroup", {
          name: o.clusterIdentifier,
          description: `Private subnets of Aurora PostgreSQL cluster ${o.clusterIdentifier}`,
          subnetIds: o.vpc.privateSubnetIds,
          tags: o.tags,
        });
  const securityGroup = new SecurityGroup(scope, "SecurityGroup", {
    name: `${o.clusterIdentifier}-aurora`,
    description: `Aurora PostgreSQL cluster ${o.clusterIdentifier}: database port from named peers only`,
    vpcId: o.vpc.vpcId,
    tags: { ...o.tags, Name: `${o.clusterIdentifier}-AuroraClusterSecurityGroup` },
  });
  new VpcSecurityGroupIngressRule(scope, "IngressSelfReference", {
    securityGroupId: securityGroup.id,
    description: "Self Reference",
    ipProtocol: "-1",
    referencedSecurityGroupId: securityGroup.id,
  });
  if (o.allowAllOutbound) {
    new VpcSecurityGroupEgressRule(scope, "EgressAll", {
      securityGroupId: securityGroup.id,
      description: "Default egress (all IPv4 traffic)",
      ipProtocol: "-1",
      cidrIpv4: "0.0.0.0/0",
    });
  }
  const connections = new Connections({
    scope,
    securityGroupId: securityGroup.id,
    defaultPort: Port.tcp(o.port),
  });
  for (const peer of o.peers) {
    connections.allowDefaultPortFrom(peer);
  }
  for (const cidr of o.publicCidrs ?? []) {
    connections.allowDefaultPortFrom(
      Peer.ipv4(cidr),
      `public reader: from ${cidr} on tcp/${o.port} (TLS required)`,
    );
  }
  return { subnetGroup, securityGroup, connections };
}
