import { IConnectable, IKmsKeyRef, IPeer } from "@aurora-cdktf/core";

/** How private subnets reach the internet. */
export enum NatGatewayMode {
  /** One NAT gateway (and Elastic IP) per AZ; each private route table uses its own AZ's (reference). */
  PER_AZ = "per-az",
  /** One NAT gateway in the first AZ for all private subnets: cheaper, but one AZ's outage cuts egress. */
  SINGLE = "single",
  /** No NAT gateway: private subnets have no default route (use VPC endpoints). */
  NONE = "none",
}

/** The network ACLs of the two tiers. */
export enum NetworkAclMode {
  /** Rule 99 allows all traffic in and out on both NACLs, as the reference (VPC-11). */
  ALLOW_ALL = "allow-all",
  /**
   * Rules generated from the tiers: traffic from the VPC CIDR, return traffic on ephemeral ports
   * (1024-65535) and ICMP "fragmentation needed" from anywhere, all egress; plus the ingress you
   * add with `publicNetworkAclIngress` / `privateNetworkAclIngress` (e.g. SSH to a bastion).
   */
  LEAST_PRIVILEGE = "least-privilege",
}

/** Which flows the VPC flow log records. */
export enum FlowLogTrafficType {
  /** Accepted and rejected flows. */
  ALL = "ALL",
  /** Accepted flows only. */
  ACCEPT = "ACCEPT",
  /** Rejected flows only (cheapest; shows what security groups and NACLs block). */
  REJECT = "REJECT",
}

/** One extra ingress rule of a network ACL (least-privilege mode). */
export interface NetworkAclIngress {
  /** Source IPv4 CIDR block, e.g. "203.0.113.0/24". */
  readonly cidrBlock: string;
  /** First port of the range (or the only port). */
  readonly port: number;
  /**
   * Last port of the range.
   *
   * @default - same as `port`
   */
  readonly toPort?: number;
  /**
   * "tcp" or "udp".
   *
   * @default "tcp"
   */
  readonly protocol?: string;
}

/** Props of `Vpc3Az`. */
export interface Vpc3AzProps {
  /**
   * The VPC's IPv4 CIDR block (prefix /16 to /28).
   *
   * @default "10.0.0.0/16" (or `10.<classB>.0.0/16` when `classB` is set)
   */
  readonly cidrBlock?: string;
  /**
   * The reference's "ClassB 2nd octet" convenience (VPC-01): the VPC CIDR becomes `10.<classB>.0.0/16`.
   * Give either this or `cidrBlock`.
   *
   * @default - not used; `cidrBlock` applies
   */
  readonly classB?: number;
  /**
   * Exactly three Availability Zone names, e.g. ["us-east-1a", "us-east-1b", "us-east-1c"]. Each AZ's
   * resources and CIDRs are keyed by the letter ending its name, so replacing one AZ leaves the
   * other two untouched.
   *
   * @default - the region's first three available AZs, looked up at plan time; they are keyed by
   * position ("a", "b", "c"), so a change in the region's AZ list would move them (see README)
   */
  readonly availabilityZones?: string[];
  /**
   * Prefix length of every subnet.
   *
   * @default - the VPC prefix length + 4: /20 for a /16, as the reference (16 slots: AZ letters a-h)
   */
  readonly subnetPrefixLength?: number;
  /**
   * Overrides the CIDR slot of AZs, by AZ key (the letter ending the AZ name): public subnet =
   * netnum 2*slot, private subnet = 2*slot+1 of `cidrsubnet(cidrBlock, newbits, netnum)`.
   * Use it for AZ letters beyond the layout's capacity or to match an existing layout.
   *
   * @default - slot = position of the AZ letter in the alphabet (a=0, b=1, ...)
   */
  readonly subnetSlots?: { [azKey: string]: number };
  /**
   * Whether instances launched in public subnets get a public IPv4 address (reference: true). Off
   * by default: an instance that needs one asks for it (the SSH bastion's launch template does);
   * NAT gateways have their Elastic IPs either way.
   *
   * @default false
   */
  readonly mapPublicIpOnLaunch?: boolean;
  /**
   * NAT gateways for the private subnets.
   *
   * @default NatGatewayMode.PER_AZ
   */
  readonly natGateways?: NatGatewayMode;
  /**
   * Rules of the public and private network ACLs.
   *
   * @default NetworkAclMode.LEAST_PRIVILEGE
   */
  readonly networkAcls?: NetworkAclMode;
  /**
   * Extra ingress rules of the public tier's NACL (least-privilege mode only), e.g. SSH (22) to a
   * bastion from the admins' CIDRs, or 443 to a public load balancer.
   *
   * @default - none beyond the generated rules
   */
  readonly publicNetworkAclIngress?: NetworkAclIngress[];
  /**
   * Extra ingress rules of the private tier's NACL (least-privilege mode only), e.g. from a peered
   * network on a port below 1024.
   *
   * @default - none beyond the generated rules
   */
  readonly privateNetworkAclIngress?: NetworkAclIngress[];
  /**
   * An isolated database tier: one subnet per AZ with no route to the internet (no NAT gateway, no
   * internet gateway, only the VPC's local route), its own network ACL, and a DB subnet group over
   * the three subnets (`databaseSubnetGroupName`), which `AuroraPostgresCluster` uses when the VPC
   * has one. The subnets are `cidrsubnet(<tier block>, databaseSubnetPrefixLength - subnetPrefixLength,
   * slot)`: keyed by the AZ's slot inside a block of the layout that no AZ uses, so turning the tier
   * on creates only new resources and renumbers nothing.
   *
   * @default false
   */
  readonly databaseSubnets?: boolean;
  /**
   * Prefix length of each database subnet (database tier only). Longer than `subnetPrefixLength`: the
   * tier's subnets share one subnet-sized block.
   *
   * @default - `subnetPrefixLength` + 4: /24 database subnets in a /20 block (16 AZ slots)
   */
  readonly databaseSubnetPrefixLength?: number;
  /**
   * Netnum of the subnet-sized block that holds the database tier: `cidrsubnet(cidrBlock, newbits,
   * databaseSubnetBlock)`. It must not be a netnum of an AZ's public (2*slot) or private (2*slot+1)
   * subnet (database tier only).
   *
   * @default - the last block of the layout: 10.X.240.0/20 in a /16 with /20 subnets (the netnum of
   *   AZ slot 7's private subnet, free unless an AZ uses slot 7, i.e. letter "h")
   */
  readonly databaseSubnetBlock?: number;
  /**
   * TCP port the database tier's NACL admits from the private subnets (least-privilege mode).
   *
   * @default 5432
   */
  readonly databasePort?: number;
  /**
   * Extra ingress rules of the database tier's NACL (least-privilege mode only), e.g. the database
   * port from the public subnets for a bastion that takes SSH. Each also opens egress to its
   * `cidrBlock` on the ephemeral ports (1024-65535) of its protocol, for the replies.
   *
   * @default - none beyond the database port from the private subnets
   */
  readonly databaseNetworkAclIngress?: NetworkAclIngress[];
  /**
   * Name of the DB subnet group over the database subnets: lowercase letters, digits, spaces and
   * . _ -, at most 255 characters, not "default".
   *
   * @default - `<name>-database`, or `<construct path>-database` without `name` (lowercased, other
   *   characters as "-"), e.g. "test-vpc-database"
   */
  readonly databaseSubnetGroupName?: string;
  /**
   * Dual stack: an Amazon-provided IPv6 /56 on the VPC and a /64 per public and private subnet,
   * `cidrsubnet(<VPC /56>, 8, netnum)` with the IPv4 layout's netnums (public 2*slot, private
   * 2*slot+1), so every subnet's IPv6 block is keyed by its AZ too. Public subnets route `::/0` to
   * the internet gateway, private subnets to an egress-only internet gateway (outbound only); the
   * NACLs get the IPv6 counterparts of their IPv4 rules. The database tier stays IPv4-only.
   * Turning it on updates the VPC and subnets in place.
   *
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * Whether instances launched in the public and private subnets get an IPv6 address (the subnets'
   * `assign_ipv6_address_on_creation`; `ipv6` only). Off, an instance gets one only when it asks
   * (launch template `ipv6_address_count`). On, every instance gets one: Amazon's IPv6 addresses
   * are public, so in the public subnets an instance is reachable from the internet as far as its
   * security group and the NACL admit (there is no NAT for IPv6); in the private subnets the
   * egress-only gateway lets it open connections out only.
   *
   * @default false
   */
  readonly ipv6AssignAddressOnCreation?: boolean;
  /**
   * Whether to create the S3 gateway endpoint, associated with every private route table.
   *
   * @default true
   */
  readonly s3GatewayEndpoint?: boolean;
  /**
   * Whether to create the Secrets Manager interface endpoint (private DNS on, in the private subnets).
   *
   * @default true
   */
  readonly secretsManagerEndpoint?: boolean;
  /**
   * More interface endpoints, by service name: short ("ssm", "ssmmessages", "ec2messages", "logs")
   * or full ("com.amazonaws.us-east-1.ssm"). They share the endpoint security group and subnets.
   *
   * @default - none
   */
  readonly interfaceEndpoints?: string[];
  /**
   * Who may reach the interface endpoints on 443. When set, members of the endpoint security group
   * are admitted too (the reference's self reference, VPC-13), so a client may also join that group.
   * Use `Peer.securityGroupId(id, "Name")` or any `IConnectable` (e.g. a bastion) to admit only them.
   *
   * @default - the VPC CIDR block
   */
  readonly endpointAllowedPeers?: (IPeer | IConnectable)[];
  /**
   * Whether to send VPC flow logs to a CloudWatch log group.
   *
   * @default true
   */
  readonly flowLogs?: boolean;
  /**
   * Days CloudWatch keeps the flow logs; one of the values CloudWatch accepts (0 = never expire).
   *
   * @default 365
   */
  readonly flowLogRetentionDays?: number;
  /**
   * KMS key encrypting the flow log group. Its key policy must allow `logs.<region>.amazonaws.com`.
   *
   * @default - a new customer managed key (rotation on) that the account administers and that
   * CloudWatch Logs may use for the flow log group only
   */
  readonly flowLogKmsKey?: IKmsKeyRef;
  /**
   * Which flows the flow log records.
   *
   * @default FlowLogTrafficType.ALL
   */
  readonly flowLogTrafficType?: FlowLogTrafficType;
  /**
   * Name of the flow log group.
   *
   * @default - `/aws/vpc/flow-logs/<vpc id>`
   */
  readonly flowLogGroupName?: string;
  /**
   * Prefix of the `Name` tags (`<name>_us-east-1a_Public`); the VPC itself is tagged `<name>`.
   *
   * @default - the VPC CIDR block, as the reference (`10.0.0.0/16_us-east-1a_Public`); the VPC is
   * tagged `<stack id>-VPC`
   */
  readonly name?: string;
  /**
   * Tags added to every taggable resource. `Name` and `Reach` are the construct's own (set from
   * `name` and the subnet tier) and are refused here.
   *
   * @default - no extra tags
   */
  readonly tags?: { [key: string]: string };
}
