import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { DataAwsNetworkInterface } from "@cdktf/provider-aws/lib/data-aws-network-interface";
import { DataAwsNetworkInterfaces } from "@cdktf/provider-aws/lib/data-aws-network-interfaces";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { LbTargetGroupAttachment } from "@cdktf/provider-aws/lib/lb-target-group-attachment";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpointService } from "@cdktf/provider-aws/lib/vpc-endpoint-service";
import { ProxyEndpointServiceProps } from "./proxy-endpoint-service-props";
import { resolveEndpointServiceSettings } from "./private/defaults";
import { allowBetween } from "./private/rules";
import { validateEndpointServiceProps } from "./validate";

/** How RDS describes a proxy's network interfaces (`<name>` is the proxy's name). */
export function proxyInterfaceDescription(proxyName: string): string {
  return `Network interface for DBProxy ${proxyName}`;
}

/**
 * AWS PrivateLink to a proxy, for a reader in another account (Datafold's private option): an
 * internal Network Load Balancer in the proxy's subnets whose IP targets are the proxy's network
 * interfaces (read by `aws_network_interfaces`, filtered by their description and the VPC), and a
 * VPC endpoint service on it that only `allowedPrincipals` may connect to, each connection to be
 * accepted. The load balancer's security group reaches only the proxy, on 5432; PrivateLink
 * traffic is not filtered by it (access is the endpoint service's allowed principals and acceptance).
 *
 * A writer failover changes nothing here: the proxy's interfaces stay and the proxy moves to the
 * new writer. If the proxy's interfaces are replaced (AWS maintenance, scaling), the next plan of
 * this construct's stack reads the new ones and re-registers the targets.
 */
export class ProxyEndpointService extends Construct {
  /** Service name to send to the reader (`com.amazonaws.vpce.<region>.vpce-svc-…`). */
  public readonly serviceName: string;
  /** The endpoint service's id (`vpce-svc-…`). */
  public readonly serviceId: string;
  /**
   * Your private DNS name, when `privateDnsName` is set: the host the reader connects to.
   *
   * @default - undefined: the reader connects to the DNS name of the endpoint it created
   */
  public readonly host?: string;
  /** 5432, the proxy's port (the listener's). */
  public readonly port: number;
  /** Name and value of the TXT record that verifies `privateDnsName`, when set. */
  public readonly privateDnsNameVerification?: { readonly name: string; readonly value: string };

  public readonly loadBalancer: Lb;
  public readonly targetGroup: LbTargetGroup;
  public readonly securityGroup: SecurityGroup;
  public readonly resource: VpcEndpointService;
  /** The data source listing the proxy's network interfaces. */
  public readonly proxyInterfaces: DataAwsNetworkInterfaces;

  constructor(scope: Construct, id: string, props: ProxyEndpointServiceProps) {
    super(scope, id);
    const { proxy } = props;
    const s = resolveEndpointServiceSettings(proxy, props);
    validateEndpointServiceProps(this, props, s);
    const tags = props.tags;
    this.port = proxy.port;

    this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
      name: s.name,
      description: `PrivateLink load balancer of RDS Proxy ${proxy.proxyName}`,
      vpcId: proxy.vpcId,
      egress: [],
      ingress: [],
      revokeRulesOnDelete: true,
      tags: { ...tags, Name: s.name },
    });
    allowBetween(this, "Proxy", {
      from: this.securityGroup.id,
      to: proxy.connections.securityGroupId,
      port: proxy.port,
      description: `PrivateLink load balancer ${s.name}`,
    });

    this.loadBalancer = new Lb(this, "LoadBalancer", {
      name: s.name,
      internal: true,
      loadBalancerType: "network",
      subnets: s.subnetIds,
      securityGroups: [this.securityGroup.id],
      // The endpoint service's allowed principals and acceptance decide who gets in.
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: "off",
      enableCrossZoneLoadBalancing: s.crossZoneLoadBalancing,
      ipAddressType: "ipv4",
      tags,
    });
    this.targetGroup = new LbTargetGroup(this, "TargetGroup", {
      name: s.name,
      port: proxy.port,
      protocol: "TCP",
      targetType: "ip",
      vpcId: proxy.vpcId,
      healthCheck: { enabled: true, protocol: "TCP", port: "traffic-port" },
      tags,
    });
    new LbListener(this, "Listener", {
      loadBalancerArn: this.loadBalancer.arn,
      port: proxy.port,
      protocol: "TCP",
      defaultAction: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
      tags,
    });

    // The provider exports no address of a proxy: read its interfaces (known once it exists).
    this.proxyInterfaces = new DataAwsNetworkInterfaces(this, "ProxyInterfaces", {
      filter: [
        { name: "description", values: [proxyInterfaceDescription(proxy.proxyName)] },
        { name: "vpc-id", values: [proxy.vpcId] },
      ],
      lifecycle: {
        postcondition: [
          {
            condition: "${length(self.ids) > 0}",
            errorMessage: `RDS Proxy ${proxy.proxyName} has no network interfaces in the VPC (yet). Fix: deploy the proxy's stack first; this stack reads the proxy's addresses at plan time.`,
          },
        ],
      },
    });
    const ids = TerraformIterator.fromList(this.proxyInterfaces.ids);
    const interfaces = new DataAwsNetworkInterface(this, "ProxyInterface", { forEach: ids, id: ids.value });
    const each = TerraformIterator.fromDataSources(interfaces);
    new LbTargetGroupAttachment(this, "ProxyTarget", {
      forEach: each,
      targetGroupArn: this.targetGroup.arn,
      targetId: each.getString("private_ip"),
      port: proxy.port,
    });

    this.resource = new VpcEndpointService(this, "Service", {
      acceptanceRequired: s.acceptanceRequired,
      allowedPrincipals: s.allowedPrincipals,
      networkLoadBalancerArns: [this.loadBalancer.arn],
      privateDnsName: s.privateDnsName,
      supportedIpAddressTypes: ["ipv4"],
      tags: { ...tags, Name: s.name },
    });
    this.serviceName = this.resource.serviceName;
    this.serviceId = this.resource.id;
    this.host = s.privateDnsName;
    if (s.privateDnsName !== undefined) {
      const config = this.resource.privateDnsNameConfiguration.get(0);
      this.privateDnsNameVerification = { name: config.name, value: config.value };
    }
  }
}
