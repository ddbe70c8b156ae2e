import { Connections } from "@aurora-cdktf/core";
import { Fn, Op, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { DataAwsAvailabilityZones } from "@cdktf/provider-aws/lib/data-aws-availability-zones";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclAssociation } from "@cdktf/provider-aws/lib/network-acl-association";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { parseIpv4Cidr } from "./private/cidr";
import { Vpc3AzEndpoints } from "./private/endpoints";
import { VpcFlowLog } from "./private/flow-log";
import { naclRules } from "./private/network-acl";
import { namesAreLiteral, planZones, ZonePlan } from "./private/zones";
import { validateVpc3AzAttributes, validateVpc3AzProps } from "./validate";
import { FlowLogTrafficType, NatGatewayMode, NetworkAclMode, Vpc3AzProps } from "./vpc-3az-props";
import { IVpc3Az, Vpc3AzAttributes, Vpc3AzOutputs, Vpc3AzZone } from "./vpc-3az-ref";

/**
 * The reference's 3-AZ network (VPC-01..21): one VPC, a public and a private subnet per AZ, an
 * internet gateway, NAT gateways, network ACLs per tier, an S3 gateway endpoint and a Secrets
 * Manager interface endpoint; plus a locked-down default security group and VPC flow logs.
 *
 * Every AZ's resources and CIDRs are keyed by the AZ (its letter), never by list position, so
 * replacing one AZ leaves the subnets and NAT gateways of the other two untouched.
 */
export class Vpc3Az extends Construct implements IVpc3Az {
  /** Uses a VPC created elsewhere (another stack or tool). Creates no resources. */
  public static fromAttributes(scope: Construct, id: string, attrs: Vpc3AzAttributes): IVpc3Az {
    return new ImportedVpc3Az(scope, id, attrs);
  }

  /** The VPC id. */
  public readonly vpcId: string;
  /** The VPC's IPv4 CIDR block (the input, so it is known at synth time when given literally). */
  public readonly vpcCidrBlock: string;
  /** The three AZ names (tokens when looked up), in the order of the subnet lists. */
  public readonly availabilityZones: string[];
  /** Public subnet ids, in `availabilityZones` order. */
  public readonly publicSubnetIds: string[];
  /** Private subnet ids, in `availabilityZones` order. */
  public readonly privateSubnetIds: string[];
  /** The route table shared by the public subnets. */
  public readonly publicRouteTableId: string;
  /** Private route table ids, in `availabilityZones` order. */
  public readonly privateRouteTableIds: string[];
  /** Per-AZ subnets, route table and NAT gateway, in `availabilityZones` order. */
  public readonly zones: Vpc3AzZone[];
  /** The internet gateway id. */
  public readonly internetGatewayId: string;
  /** NAT gateway ids (3, 1 or none, by NAT mode). */
  public readonly natGatewayIds: string[];
  /** Public IPs of the NAT gateways: the VPC's egress addresses (e.g. for allow-lists). */
  public readonly natGatewayPublicIps: string[];
  /**
   * The public tier's network ACL. Its rules are inline: add ingress with `publicNetworkAclIngress`,
   * not with `aws_network_acl_rule` resources (the next apply would remove them).
   */
  public readonly publicNetworkAclId: string;
  /** The private tier's network ACL. */
  public readonly privateNetworkAclId: string;
  /** The VPC's default security group, stripped of all rules. */
  public readonly defaultSecurityGroupId: string;
  /** The S3 gateway endpoint (unless `s3GatewayEndpoint` is false). */
  public readonly s3GatewayEndpointId?: string;
  /** The Secrets Manager interface endpoint (unless `secretsManagerEndpoint` is false). */
  public readonly secretsManagerEndpointId?: string;
  /** Ids of the interface endpoints by service short name ("secretsmanager", "ssm", ...). */
  public readonly interfaceEndpointIds: { [service: string]: string };
  /** The interface endpoints' security group (when there is at least one interface endpoint). */
  public readonly endpointSecurityGroupId?: string;
  /** Ingress (443) to the interface endpoints: `vpc.endpointConnections?.allowFrom(...)` admits more. */
  public readonly endpointConnections?: Connections;
  /** The flow log group's name (unless `flowLogs` is false). */
  public readonly flowLogGroupName?: string;
  /** The flow log id (unless `flowLogs` is false). */
  public readonly flowLogId?: string;

  /** The attributes as one struct; `Vpc3Az.fromAttributes(scope, id, vpc.outputs)` imports it elsewhere. */
  public get outputs(): Vpc3AzOutputs {
    return {
      vpcId: this.vpcId,
      vpcCidrBlock: this.vpcCidrBlock,
      availabilityZones: this.availabilityZones,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      publicRouteTableId: this.publicRouteTableId,
      privateRouteTableIds: this.privateRouteTableIds,
      s3GatewayEndpointId: this.s3GatewayEndpointId,
      secretsManagerEndpointId: this.secretsManagerEndpointId,
      endpointSecurityGroupId: this.endpointSecurityGroupId,
      flowLogGroupName: this.flowLogGroupName,
    };
  }

  constructor(scope: Construct, id: string, props: Vpc3AzProps = {}) {
    super(scope, id);
    const cidrBlock =
      props.cidrBlock ?? (props.classB !== undefined ? classBCidr(props.classB) : "10.0.0.0/16");
    validateVpc3AzProps(this, props, cidrBlock);
    const natMode = props.natGateways ?? NatGatewayMode.PER_AZ;
    const naclMode = props.networkAcls ?? NetworkAclMode.LEAST_PRIVILEGE;
    const prefix = props.name ?? cidrBlock;
    const tags = (name: string, extra: { [k: string]: string } = {}) => ({
      ...props.tags,
      Name: name,
      ...extra,
    });

    const vpc = new Vpc(this, "Resource", {
      cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      instanceTenancy: "default",
      tags: tags(props.name ?? `${TerraformStack.of(this).node.id}-VPC`),
    });
    this.vpcId = vpc.id;
    this.vpcCidrBlock = cidrBlock;
    this.defaultSecurityGroupId = new DefaultSecurityGroup(this, "DefaultSecurityGroup", {
      vpcId: vpc.id,
      tags: tags(`${prefix}_Default_LockedDown`),
    }).id;

    const igw = new InternetGateway(this, "InternetGateway", { vpcId: vpc.id, tags: tags(prefix) });
    this.internetGatewayId = igw.id;
    const publicRt = new RouteTable(this, "PublicRouteTable", {
      vpcId: vpc.id,
      tags: tags(`${prefix}_Public`),
    });
    new Route(this, "PublicDefaultRoute", {
      routeTableId: publicRt.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: igw.id,
    });
    this.publicRouteTableId = publicRt.id;

    const zonePlans = this.planZones(props);
    const newBits = subnetNewBits(
      cidrBlock,
      props.subnetPrefixLength,
      props.classB !== undefined ? 16 : undefined,
    );
    const privateRts = new Map<string, RouteTable>();
    const natGateways: NatGateway[] = [];
    const natEips: Eip[] = [];
    const zones: Vpc3AzZone[] = [];
    for (const z of zonePlans) {
      const K = z.idSuffix;
      const publicCidr = Fn.cidrsubnet(cidrBlock, newBits, 2 * z.slot);
      const privateCidr = Fn.cidrsubnet(cidrBlock, newBits, 2 * z.slot + 1);
      const pub = new Subnet(this, `PublicSubnet${K}`, {
        vpcId: vpc.id,
        availabilityZone: z.name,
        cidrBlock: publicCidr,
        mapPublicIpOnLaunch: props.mapPublicIpOnLaunch ?? true,
        tags: tags(`${prefix}_${z.name}_Public`, { Reach: "public" }),
      });
      new RouteTableAssociation(this, `PublicRouteTableAssociation${K}`, {
        subnetId: pub.id,
        routeTableId: publicRt.id,
      });
      const priv = new Subnet(this, `PrivateSubnet${K}`, {
        vpcId: vpc.id,
        availabilityZone: z.name,
        cidrBlock: privateCidr,
        tags: tags(`${prefix}_${z.name}_Private`, { Reach: "private" }),
      });
      const rt = new RouteTable(this, `PrivateRouteTable${K}`, {
        vpcId: vpc.id,
        tags: tags(`${prefix}_${z.name}_Private`),
      });
      new RouteTableAssociation(this, `PrivateRouteTableAssociation${K}`, {
        subnetId: priv.id,
        routeTableId: rt.id,
      });
      privateRts.set(z.key, rt);
      if (
        natMode === NatGatewayMode.PER_AZ ||
        (natMode === NatGatewayMode.SINGLE && natGateways.length === 0)
      ) {
        const eip = new Eip(this, `NatEip${K}`, {
          domain: "vpc",
          tags: tags(`${prefix}_${z.name}_NGW`),
          dependsOn: [igw],
        });
        natEips.push(eip);
        natGateways.push(
          new NatGateway(this, `NatGateway${K}`, {
            allocationId: eip.allocationId,
            subnetId: pub.id,
            tags: tags(`${prefix}_${z.name}_NGW`),
            dependsOn: [igw],
          }),
        );
      }
      const nat = natMode === NatGatewayMode.PER_AZ ? natGateways[natGateways.length - 1] : natGateways[0];
      if (nat) {
        new Route(this, `PrivateDefaultRoute${K}`, {
          routeTableId: rt.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: nat.id,
        });
      }
      zones.push({
        key: z.key,
        availabilityZone: z.name,
        slot: z.slot,
        publicSubnetId: pub.id,
        publicSubnetCidrBlock: publicCidr,
        privateSubnetId: priv.id,
        privateSubnetCidrBlock: privateCidr,
        privateRouteTableId: rt.id,
        natGatewayId: nat?.id,
      });
    }
    this.zones = zones;
    this.availabilityZones = zones.map((z) => z.availabilityZone);
    this.publicSubnetIds = zones.map((z) => z.publicSubnetId);
    this.privateSubnetIds = zones.map((z) => z.privateSubnetId);
    this.privateRouteTableIds = zones.map((z) => z.privateRouteTableId);
    this.natGatewayIds = natGateways.map((n) => n.id);
    this.natGatewayPublicIps = natEips.map((e) => e.publicIp);

    const acl = (tier: "Public" | "Private", subnetIds: Map<string, string>) => {
      const extra = tier === "Public" ? props.publicNetworkAclIngress : props.privateNetworkAclIngress;
      const rules = naclRules(naclMode, cidrBlock, extra);
      const nacl = new NetworkAcl(this, `${tier}NetworkAcl`, {
        vpcId: vpc.id,
        ingress: rules.ingress,
        egress: rules.egress,
        tags: tags(`${prefix}_NACL_${tier}`),
      });
      for (const [key, subnetId] of subnetIds) {
        new NetworkAclAssociation(this, `${tier}NetworkAclAssociation${key.toUpperCase()}`, {
          networkAclId: nacl.id,
          subnetId,
        });
      }
      return nacl.id;
    };
    this.publicNetworkAclId = acl("Public", new Map(zones.map((z) => [z.key, z.publicSubnetId])));
    this.privateNetworkAclId = acl("Private", new Map(zones.map((z) => [z.key, z.privateSubnetId])));

    const s3 = props.s3GatewayEndpoint ?? true;
    const secretsManager = props.secretsManagerEndpoint ?? true;
    const interfaceServices = [
      ...(secretsManager ? ["secretsmanager"] : []),
      ...(props.interfaceEndpoints ?? []),
    ];
    const flowLogs = props.flowLogs ?? true;
    const region =
      s3 || interfaceServices.length > 0 || flowLogs ? new DataAwsRegion(this, "Region").name : "";

    const endpoints = new Vpc3AzEndpoints(this, {
      vpcId: vpc.id,
      vpcCidrBlock: cidrBlock,
      region,
      s3GatewayEndpoint: s3,
      privateRouteTables: new Map([...privateRts].map(([k, rt]) => [k, rt.id])),
      interfaceServices,
      privateSubnetIds: this.privateSubnetIds,
      allowedPeers: props.endpointAllowedPeers,
      namePrefix: prefix,
      tags: props.tags ?? {},
    });
    this.s3GatewayEndpointId = endpoints.s3GatewayEndpointId;
    this.interfaceEndpointIds = endpoints.interfaceEndpointIds;
    this.secretsManagerEndpointId = endpoints.interfaceEndpointIds.secretsmanager;
    this.endpointSecurityGroupId = endpoints.connections?.securityGroupId;
    this.endpointConnections = endpoints.connections;

    if (flowLogs) {
      const flowLog = new VpcFlowLog(this, "FlowLog", {
        vpcId: vpc.id,
        region,
        logGroupName: props.flowLogGroupName ?? `/aws/vpc/flow-logs/${vpc.id}`,
        retentionDays: props.flowLogRetentionDays ?? 365,
        kmsKey: props.flowLogKmsKey,
        trafficType: props.flowLogTrafficType ?? FlowLogTrafficType.ALL,
        tags: tags(`${prefix}_FlowLog`),
      });
      this.flowLogGroupName = flowLog.logGroup.name;
      this.flowLogId = flowLog.flowLog.id;
    }
  }

  /** The three zones: given names keyed by letter, or the region's first three keyed by position. */
  private planZones(props: Vpc3AzProps): ZonePlan[] {
    const given = props.availabilityZones;
    if (namesAreLiteral(given)) return planZones(given, true, props.subnetSlots);
    let list: string[];
    if (given !== undefined && !Token.isUnresolved(given)) {
      list = given;
    } else {
      const source =
        given ??
        new DataAwsAvailabilityZones(this, "AvailabilityZones", {
          state: "available",
          filter: [{ name: "zone-type", values: ["availability-zone"] }],
          lifecycle: {
            postcondition: [
              {
                condition: "${length(self.names) >= 3}",
                errorMessage: "Vpc3Az needs a region with at least 3 available Availability Zones.",
              },
            ],
          },
        }).names;
      list = [0, 1, 2].map((i) => Token.asString(Fn.element(source, i)));
    }
    return planZones(list, false, props.subnetSlots);
  }
}

/**
 * `newbits` of `cidrsubnet`: subnet prefix minus VPC prefix. The VPC prefix comes from the literal
 * CIDR, from `classB` (/16), or else from the engine (`split("/", cidr)`) for a token CIDR.
 */
function subnetNewBits(
  cidrBlock: string,
  subnetPrefixLength: number | undefined,
  knownPrefix?: number,
): number {
  const parsed = Token.isUnresolved(cidrBlock) ? undefined : parseIpv4Cidr(cidrBlock);
  const vpcPrefix = parsed?.prefixLength ?? knownPrefix;
  if (vpcPrefix !== undefined) return (subnetPrefixLength ?? vpcPrefix + 4) - vpcPrefix;
  // validate() requires subnetPrefixLength for a token CIDR of unknown prefix.
  return Op.sub(subnetPrefixLength as number, Fn.tonumber(Fn.element(Fn.split("/", cidrBlock), 1)));
}

/** The reference's `10.<classB>.0.0/16` (a token CIDR when `classB` is a token). */
function classBCidr(classB: number): string {
  return `10.${Token.isUnresolved(classB) ? Token.asString(classB) : String(classB)}.0.0/16`;
}

/** A VPC created elsewhere, known by its attributes. */
class ImportedVpc3Az extends Construct implements IVpc3Az {
  public readonly vpcId: string;
  public readonly vpcCidrBlock: string;
  public readonly availabilityZones: string[];
  public readonly publicSubnetIds: string[];
  public readonly privateSubnetIds: string[];
  public readonly publicRouteTableId?: string;
  public readonly privateRouteTableIds?: string[];
  public readonly s3GatewayEndpointId?: string;
  public readonly secretsManagerEndpointId?: string;
  public readonly endpointSecurityGroupId?: string;
  public readonly flowLogGroupName?: string;

  constructor(scope: Construct, id: string, attrs: Vpc3AzAttributes) {
    super(scope, id);
    validateVpc3AzAttributes(this, attrs);
    this.vpcId = attrs.vpcId;
    this.vpcCidrBlock = attrs.vpcCidrBlock;
    this.availabilityZones = attrs.availabilityZones;
    this.publicSubnetIds = attrs.publicSubnetIds;
    this.privateSubnetIds = attrs.privateSubnetIds;
    this.publicRouteTableId = attrs.publicRouteTableId;
    this.privateRouteTableIds = attrs.privateRouteTableIds;
    this.s3GatewayEndpointId = attrs.s3GatewayEndpointId;
    this.secretsManagerEndpointId = attrs.secretsManagerEndpointId;
    this.endpointSecurityGroupId = attrs.endpointSecurityGroupId;
    this.flowLogGroupName = attrs.flowLogGroupName;
  }
}
