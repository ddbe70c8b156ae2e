import { Connections, Peer, Port } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import { Ec2InstanceConnectEndpoint } from "@cdktf/provider-aws/lib/ec2-instance-connect-endpoint";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";

export interface InstanceConnectEndpointOptions {
  readonly name: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly preserveClientIp: boolean;
  /** Sources admitted to SSH when the client IP is preserved. */
  readonly clientCidrs: readonly string[];
  /** The bastion's ingress (its security group is the endpoint's only destination). */
  readonly bastion: Connections;
}

/**
 * An EC2 Instance Connect Endpoint in one subnet, with a security group of its own: its only rule
 * is SSH out to the bastion's group (inbound to the endpoint comes from the service and needs no
 * rule). The bastion admits SSH from that group, or, when the client IP is preserved (the source is
 * then the client, not the endpoint), from the client CIDRs.
 */
export function createInstanceConnectEndpoint(
  scope: Construct,
  o: InstanceConnectEndpointOptions,
): Ec2InstanceConnectEndpoint {
  const sg = new SecurityGroup(scope, "InstanceConnectEndpointSecurityGroup", {
    name: `${o.name}-eice`,
    description: `EC2 Instance Connect Endpoint of bastion ${o.name}: SSH to the bastion only`,
    vpcId: o.vpcId,
    tags: { Name: `${o.name}-eice` },
  });
  new VpcSecurityGroupEgressRule(scope, "InstanceConnectEndpointSshOut", {
    securityGroupId: sg.id,
    description: "SSH to the bastion",
    ipProtocol: "tcp",
    fromPort: 22,
    toPort: 22,
    referencedSecurityGroupId: o.bastion.securityGroupId,
  });
  if (o.preserveClientIp) {
    for (const cidr of o.clientCidrs) {
      o.bastion.allowFrom(
        Peer.ipv4(cidr),
        Port.tcp(22),
        `SSH from ${cidr} through the Instance Connect Endpoint`,
      );
    }
  } else {
    o.bastion.allowFrom(
      Peer.securityGroupId(sg.id, "InstanceConnectEndpoint"),
      Port.tcp(22),
      "SSH from the EC2 Instance Connect Endpoint",
    );
  }
  return new Ec2InstanceConnectEndpoint(scope, "InstanceConnectEndpoint", {
    subnetId: o.subnetId,
    securityGroupIds: [sg.id],
    preserveClientIp: o.preserveClientIp,
    tags: { Name: `${o.name}-eice` },
  });
}
