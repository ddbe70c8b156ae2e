import { Connections, IConnectable, IPeer, Peer, Port } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcEndpointRouteTableAssociation } from "@cdktf/provider-aws/lib/vpc-endpoint-route-table-association";

export interface Vpc3AzEndpointsProps {
  readonly vpcId: string;
  readonly vpcCidrBlock: string;
  readonly region: string;
  readonly s3GatewayEndpoint: boolean;
  /** Private route table ids by AZ key. */
  readonly privateRouteTables: Map<string, string>;
  /** Interface endpoint services, short ("ssm") or full ("com.amazonaws.us-east-1.ssm"). */
  readonly interfaceServices: string[];
  readonly privateSubnetIds: string[];
  readonly allowedPeers?: (IPeer | IConnectable)[];
  readonly namePrefix: string;
  readonly tags: { [key: string]: string };
}

/**
 * The VPC endpoints, created directly in the VPC construct's scope (ids `S3GatewayEndpoint`,
 * `S3GatewayEndpointRouteTable<K>`, `EndpointSecurityGroup`, `SecretsManagerEndpoint`,
 * `InterfaceEndpoint<Service>`).
 */
export class Vpc3AzEndpoints {
  public readonly s3GatewayEndpointId?: string;
  public readonly interfaceEndpointIds: { [service: string]: string } = {};
  public readonly connections?: Connections;

  constructor(scope: Construct, props: Vpc3AzEndpointsProps) {
    const tags = (name: string) => ({ ...props.tags, Name: name });
    if (props.s3GatewayEndpoint) {
      // Gateway endpoint (no hourly cost) with the AWS default policy (full access), as the reference.
      const s3 = new VpcEndpoint(scope, "S3GatewayEndpoint", {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.s3`,
        vpcEndpointType: "Gateway",
        tags: tags(`${props.namePrefix}_S3Endpoint`),
      });
      // One association per route table, keyed by AZ: changing the AZ set touches only that AZ's.
      for (const [key, routeTableId] of props.privateRouteTables) {
        new VpcEndpointRouteTableAssociation(scope, `S3GatewayEndpointRouteTable${key.toUpperCase()}`, {
          vpcEndpointId: s3.id,
          routeTableId,
        });
      }
      this.s3GatewayEndpointId = s3.id;
    }
    if (props.interfaceServices.length === 0) return;

    const sgScope = new Construct(scope, "EndpointSecurityGroup");
    const sg = new SecurityGroup(sgScope, "Resource", {
      vpcId: props.vpcId,
      description: "Interface VPC endpoints: HTTPS from allowed peers",
      tags: tags(`${props.namePrefix}_EndpointSecurityGroup`),
    });
    this.connections = new Connections({
      scope: sgScope,
      securityGroupId: sg.id,
      defaultPort: Port.tcp(443),
    });
    if (props.allowedPeers === undefined) {
      this.connections.allowDefaultPortFrom(Peer.ipv4(props.vpcCidrBlock), "HTTPS from the VPC");
    } else {
      // The reference's self reference (VPC-13), narrowed to HTTPS: a client can also join this group.
      this.connections.allowFrom(
        Peer.securityGroupId(sg.id, "Self"),
        Port.tcp(443),
        "HTTPS from members of this group",
      );
      for (const peer of props.allowedPeers) {
        this.connections.allowDefaultPortFrom(peer, "HTTPS to the interface endpoints");
      }
    }

    for (const service of props.interfaceServices) {
      const short = service.replace(/^com\.amazonaws\.[a-z0-9-]+\./, "");
      const label = short === "secretsmanager" ? "SecretsManager" : pascal(short);
      const id = short === "secretsmanager" ? "SecretsManagerEndpoint" : `InterfaceEndpoint${label}`;
      const endpoint = new VpcEndpoint(scope, id, {
        vpcId: props.vpcId,
        serviceName: service === short ? `com.amazonaws.${props.region}.${short}` : service,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: props.privateSubnetIds,
        securityGroupIds: [sg.id],
        tags: tags(`${props.namePrefix}_${label}Endpoint`),
      });
      this.interfaceEndpointIds[short] = endpoint.id;
    }
  }
}

/** "ssmmessages" -> "Ssmmessages", "ecr.api" -> "EcrApi". */
function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== "")
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join("");
}
