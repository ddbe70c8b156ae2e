import { AwsContext, Connections } from "@aurora-cdktf/core";
import { Fn, Op, Token } from "cdktf";
import { Construct } from "constructs";
import { DataAwsAvailabilityZones } from "@cdktf/provider-aws/lib/data-aws-availability-zones";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { EgressOnlyInternetGateway } from "@cdktf/provider-aws/lib/egress-only-internet-gateway";
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
import { subnetNewBits } from "./private/cidr";
import { ResolvedVpc3AzSettings, resolveSettings } from "./private/defaults";
import { Vpc3AzEndpoints } from "./private/endpoints";
import { VpcFlowLog } from "./private/flow-log";
import { ImportedVpc3Az } from "./private/imported-vpc-3az";
import { databaseNetworkAclEntries, NaclRuleSet, networkAclEntries } from "./private/network-acl";
import { namesAreLiteral, planZones, ZonePlan } from "./private/zones";
import { validateVpc3AzProps } from "./validate";
import { NatGatewayMode, Vpc3AzProps } from "./vpc-3az-props";
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
  /** Database (isolated) subnet ids, in `availabilityZones` order (with `databaseSubnets`). */
  public readonly databaseSubnetIds?: string[];
  /** The DB subnet group over the database subnets (with `databaseSubnets`). */
  public readonly databaseSubnetGroupName?: string;
  /** The database tier's route table: the VPC's local route only (with `databaseSubnets`). */
  public readonly databaseRouteTableId?: string;
  /** The database tier's network ACL (with `databaseSubnets`). */
  public readonly databaseNetworkAclId?: string;
  /** The VPC's Amazon-provided IPv6 /56 (with `ipv6`). */
  public readonly ipv6CidrBlock?: string;
  /** The egress-only internet gateway the private route tables send `::/0` to (with `ipv6`). */
  public readonly egressOnlyInternetGatewayId?: string;

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
      databaseSubnetIds: this.databaseSubnetIds,
      databaseSubnetGroupName: this.databaseSubnetGroupName,
      ipv6CidrBlock: this.ipv6CidrBlock,
    };
  }

  constructor(scope: Construct, id: string, props: Vpc3AzProps = {}) {
    super(scope, id);
    const s = resolveSettings(this, props);
    validateVpc3AzProps(this, props, s);
    const cidrBlock = s.cidrBlock;
    const natMode = s.natGateways;
    const prefix = s.namePrefix;
    const tags = (name: string, extra: { [k: string]: string } = {}) => ({
      ...s.tags,
      Name: name,
      ...extra,
    });

    const vpc = new Vpc(this, "Resource", {
      cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      instanceTenancy: "default",
      assignGeneratedIpv6CidrBlock: s.ipv6 ? true : undefined,
      tags: tags(s.vpcName),
    });
    const ipv6Cidr = s.ipv6 ? vpc.ipv6CidrBlock : undefined;
    this.ipv6CidrBlock = ipv6Cidr;
    /** The /64 of IPv4 netnum `netnum` (the same netnum, so keyed by AZ too), with `ipv6`. */
    const ipv6Subnet = (netnum: number) =>
      ipv6Cidr === undefined
        ? {}
        : {
            ipv6CidrBlock: Fn.cidrsubnet(ipv6Cidr, 8, netnum),
            assignIpv6AddressOnCreation: s.ipv6AssignAddressOnCreation,
          };
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
    const eigw = s.ipv6
      ? new EgressOnlyInternetGateway(this, "EgressOnlyInternetGateway", {
          vpcId: vpc.id,
          tags: tags(`${prefix}_EIGW`),
        })
      : undefined;
    if (eigw) {
      new Route(this, "PublicDefaultRouteIpv6", {
        routeTableId: publicRt.id,
        destinationIpv6CidrBlock: "::/0",
        gatewayId: igw.id,
      });
    }
    this.egressOnlyInternetGatewayId = eigw?.id;

    const zonePlans = this.planZones(s.availabilityZones, s.subnetSlots);
    const newBits = subnetNewBits(cidrBlock, s.vpcPrefixLength, s.subnetPrefixLength);
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
        mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
        ...ipv6Subnet(2 * z.slot),
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
        ...ipv6Subnet(2 * z.slot + 1),
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
      if (eigw) {
        new Route(this, `PrivateDefaultRouteIpv6${K}`, {
          routeTableId: rt.id,
          destinationIpv6CidrBlock: "::/0",
          egressOnlyGatewayId: eigw.id,
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
        publicSubnetIpv6CidrBlock: ipv6Subnet(2 * z.slot).ipv6CidrBlock,
        privateSubnetIpv6CidrBlock: ipv6Subnet(2 * z.slot + 1).ipv6CidrBlock,
      });
    }
    this.zones = zones;
    this.availabilityZones = zones.map((z) => z.availabilityZone);
    this.publicSubnetIds = zones.map((z) => z.publicSubnetId);
    this.privateSubnetIds = zones.map((z) => z.privateSubnetId);
    this.privateRouteTableIds = zones.map((z) => z.privateRouteTableId);
    this.natGatewayIds = natGateways.map((n) => n.id);
    this.natGatewayPublicIps = natEips.map((e) => e.publicIp);

    const acl = (
      tier: "Public" | "Private" | "Database",
      subnetIds: Map<string, string>,
      rules: NaclRuleSet = networkAclEntries(
        s.networkAcls,
        cidrBlock,
        tier === "Public" ? s.publicNetworkAclIngress : s.privateNetworkAclIngress,
        ipv6Cidr,
      ),
    ) => {
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
    if (s.databaseSubnets) {
      const database = this.createDatabaseTier(vpc.id, zonePlans, s, newBits, tags);
      this.zones = zones.map((z, i) => ({ ...z, ...database.zones[i] }));
      this.databaseSubnetIds = database.zones.map((z) => z.databaseSubnetId);
      this.databaseRouteTableId = database.routeTableId;
      this.databaseSubnetGroupName = database.subnetGroupName;
      this.databaseNetworkAclId = acl(
        "Database",
        new Map(database.zones.map((z, i) => [zonePlans[i].key, z.databaseSubnetId])),
        databaseNetworkAclEntries(
          s.networkAcls,
          zones.map((z) => z.privateSubnetCidrBlock),
          s.databasePort,
          s.databaseNetworkAclIngress,
        ),
      );
    }

    const interfaceServices = [
      ...(s.secretsManagerEndpoint ? ["secretsmanager"] : []),
      ...s.interfaceEndpoints,
    ];
    // The region data source ("Region") exists only when something needs the region.
    const region =
      s.s3GatewayEndpoint || interfaceServices.length > 0 || s.flowLogs ? new AwsContext(this).region : "";

    const endpoints = new Vpc3AzEndpoints(this, {
      vpcId: vpc.id,
      vpcCidrBlock: cidrBlock,
      region,
      s3GatewayEndpoint: s.s3GatewayEndpoint,
      privateRouteTables: new Map([...privateRts].map(([k, rt]) => [k, rt.id])),
      interfaceServices,
      privateSubnetIds: this.privateSubnetIds,
      allowedPeers: s.endpointAllowedPeers,
      namePrefix: prefix,
      tags: s.tags,
    });
    this.s3GatewayEndpointId = endpoints.s3GatewayEndpointId;
    this.interfaceEndpointIds = endpoints.interfaceEndpointIds;
    this.secretsManagerEndpointId = endpoints.interfaceEndpointIds.secretsmanager;
    this.endpointSecurityGroupId = endpoints.connections?.securityGroupId;
    this.endpointConnections = endpoints.connections;

    if (s.flowLogs) {
      const flowLog = new VpcFlowLog(this, "FlowLog", {
        vpcId: vpc.id,
        region,
        logGroupName: s.flowLogGroupName(vpc.id),
        retentionDays: s.flowLogRetentionDays,
        kmsKey: s.flowLogKmsKey,
        trafficType: s.flowLogTrafficType,
        vpcName: prefix,
        tags: tags(`${prefix}_FlowLog`),
      });
      this.flowLogGroupName = flowLog.logGroup.name;
      this.flowLogId = flowLog.flowLog.id;
    }
  }

  /**
   * The isolated tier: a subnet per AZ at `cidrsubnet(<tier block>, dbNewBits, slot)`, one route
   * table with the local route only (no IGW, NAT or egress-only gateway), and the DB subnet group.
   */
  private createDatabaseTier(
    vpcId: string,
    zonePlans: ZonePlan[],
    s: ResolvedVpc3AzSettings,
    newBits: number,
    tags: (name: string, extra?: { [k: string]: string }) => { [k: string]: string },
  ): {
    zones: { databaseSubnetId: string; databaseSubnetCidrBlock: string }[];
    routeTableId: string;
    subnetGroupName: string;
  } {
    const prefix = s.namePrefix;
    const block = Fn.cidrsubnet(
      s.cidrBlock,
      newBits,
      s.databaseSubnetBlock ?? Token.asNumber(Op.sub(Fn.pow(2, newBits), 1)),
    );
    const dbPrefix = s.databaseSubnetPrefixLength as number;
    const subnetPrefix = s.subnetPrefixLength as number;
    const dbNewBits =
      Token.isUnresolved(dbPrefix) || Token.isUnresolved(subnetPrefix)
        ? Token.asNumber(Op.sub(dbPrefix, subnetPrefix))
        : dbPrefix - subnetPrefix;
    const rt = new RouteTable(this, "DatabaseRouteTable", {
      vpcId,
      tags: tags(`${prefix}_Database`),
    });
    const zones = zonePlans.map((z) => {
      const cidr = Fn.cidrsubnet(block, dbNewBits, z.slot);
      const subnet = new Subnet(this, `DatabaseSubnet${z.idSuffix}`, {
        vpcId,
        availabilityZone: z.name,
        cidrBlock: cidr,
        tags: tags(`${prefix}_${z.name}_Database`, { Reach: "isolated" }),
      });
      new RouteTableAssociation(this, `DatabaseRouteTableAssociation${z.idSuffix}`, {
        subnetId: subnet.id,
        routeTableId: rt.id,
      });
      return { databaseSubnetId: subnet.id, databaseSubnetCidrBlock: cidr };
    });
    const group = new DbSubnetGroup(this, "DatabaseSubnetGroup", {
      name: s.databaseSubnetGroupName,
      description: `Isolated database subnets of ${prefix}`,
      subnetIds: zones.map((z) => z.databaseSubnetId),
      tags: tags(`${prefix}_Database`),
    });
    return { zones, routeTableId: rt.id, subnetGroupName: group.name };
  }

  /** The three zones: given names keyed by letter, or the region's first three keyed by position. */
  private planZones(given: string[] | undefined, slots: { [azKey: string]: number }): ZonePlan[] {
    if (namesAreLiteral(given)) return planZones(given, true, slots);
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
    return planZones(list, false, slots);
  }
}
