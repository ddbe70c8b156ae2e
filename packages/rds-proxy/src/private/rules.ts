import { Construct } from "constructs";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";

/** One TCP port between two security groups. */
export interface SecurityGroupLink {
  /** The client side's security group. */
  readonly from: string;
  /** The server side's security group. */
  readonly to: string;
  readonly port: number;
  readonly description: string;
}

/**
 * Egress from `from` to `to` and the matching ingress on `to`, both created in `scope` (`<id>Egress`,
 * `<id>Ingress`). Unlike `to`'s `connections.allowFrom`, which creates the ingress in the owner's
 * construct (its stack), this keeps both rules in the client's stack, so the client may be in a
 * stack deployed after the server's without a dependency cycle.
 */
export function allowBetween(scope: Construct, id: string, link: SecurityGroupLink): void {
  new VpcSecurityGroupEgressRule(scope, `${id}Egress`, {
    securityGroupId: link.from,
    referencedSecurityGroupId: link.to,
    ipProtocol: "tcp",
    fromPort: link.port,
    toPort: link.port,
    description: link.description,
  });
  new VpcSecurityGroupIngressRule(scope, `${id}Ingress`, {
    securityGroupId: link.to,
    referencedSecurityGroupId: link.from,
    ipProtocol: "tcp",
    fromPort: link.port,
    toPort: link.port,
    description: link.description,
  });
}
