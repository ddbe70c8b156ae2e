/**
 * What other constructs (the bastion, the cluster) need from a 3-AZ VPC. Implemented by `Vpc3Az`
 * and by `Vpc3Az.fromAttributes(...)` for a VPC created elsewhere (another stack, another tool).
 */
export interface IVpc3Az {
  /** The VPC id. */
  readonly vpcId: string;
  /** The VPC's primary IPv4 CIDR block. */
  readonly vpcCidrBlock: string;
  /** The three Availability Zone names, in the order of the subnet lists. */
  readonly availabilityZones: string[];
  /** Public subnet ids, one per AZ, in `availabilityZones` order. */
  readonly publicSubnetIds: string[];
  /** Private subnet ids, one per AZ, in `availabilityZones` order. */
  readonly privateSubnetIds: string[];
  /** Id of the route table shared by the public subnets (set when known). */
  readonly publicRouteTableId?: string;
  /** Private route table ids, one per AZ, in `availabilityZones` order (set when known). */
  readonly privateRouteTableIds?: string[];
  /** Id of the S3 gateway endpoint (set when the VPC has one and it is known). */
  readonly s3GatewayEndpointId?: string;
  /** Id of the Secrets Manager interface endpoint (set when the VPC has one and it is known). */
  readonly secretsManagerEndpointId?: string;
  /** Id of the security group of the interface endpoints (set when the VPC has one and it is known). */
  readonly endpointSecurityGroupId?: string;
  /** Name of the CloudWatch log group receiving the VPC flow logs (set when known). */
  readonly flowLogGroupName?: string;
  /** Database (isolated) subnet ids, one per AZ, in `availabilityZones` order (set when the VPC has the tier). */
  readonly databaseSubnetIds?: string[];
  /**
   * Name of the DB subnet group over the database subnets (set when the VPC has the tier).
   * `AuroraPostgresCluster` places the cluster in it when set.
   */
  readonly databaseSubnetGroupName?: string;
  /** The VPC's IPv6 CIDR block (set when the VPC is dual stack). */
  readonly ipv6CidrBlock?: string;
}

/**
 * Everything needed to use a VPC created elsewhere: the first five fields are required, the rest
 * are passed through to the matching optional attributes of {@link IVpc3Az}.
 * `Vpc3Az.outputs` returns this shape, so `Vpc3Az.fromAttributes(scope, id, vpc.outputs)` works
 * across stacks (cdktf turns the references into outputs and remote state).
 */
export interface Vpc3AzAttributes {
  /** The VPC id. */
  readonly vpcId: string;
  /** The VPC's primary IPv4 CIDR block. */
  readonly vpcCidrBlock: string;
  /** The three Availability Zone names, in the order of the subnet lists. */
  readonly availabilityZones: string[];
  /** Public subnet ids, one per AZ, in `availabilityZones` order. */
  readonly publicSubnetIds: string[];
  /** Private subnet ids, one per AZ, in `availabilityZones` order. */
  readonly privateSubnetIds: string[];
  /**
   * Id of the route table shared by the public subnets.
   *
   * @default - not known to the imported VPC
   */
  readonly publicRouteTableId?: string;
  /**
   * Private route table ids, one per AZ, in `availabilityZones` order.
   *
   * @default - not known to the imported VPC
   */
  readonly privateRouteTableIds?: string[];
  /**
   * Id of the S3 gateway endpoint.
   *
   * @default - not known to the imported VPC
   */
  readonly s3GatewayEndpointId?: string;
  /**
   * Id of the Secrets Manager interface endpoint.
   *
   * @default - not known to the imported VPC
   */
  readonly secretsManagerEndpointId?: string;
  /**
   * Id of the security group of the interface endpoints.
   *
   * @default - not known to the imported VPC
   */
  readonly endpointSecurityGroupId?: string;
  /**
   * Name of the CloudWatch log group receiving the VPC flow logs.
   *
   * @default - not known to the imported VPC
   */
  readonly flowLogGroupName?: string;
  /**
   * Database (isolated) subnet ids, one per AZ, in `availabilityZones` order.
   *
   * @default - the imported VPC has no database tier
   */
  readonly databaseSubnetIds?: string[];
  /**
   * Name of the DB subnet group over the database subnets; a cluster given this VPC uses it.
   *
   * @default - none: a cluster makes its own subnet group over the private subnets
   */
  readonly databaseSubnetGroupName?: string;
  /**
   * The VPC's IPv6 CIDR block.
   *
   * @default - not known to the imported VPC
   */
  readonly ipv6CidrBlock?: string;
}

/** The attributes of a `Vpc3Az`, as one struct (e.g. for `TerraformOutput`s in a stack, or `fromAttributes`). */
export type Vpc3AzOutputs = Vpc3AzAttributes;

/** The subnets, route table and NAT gateway of one Availability Zone of a `Vpc3Az`. */
export interface Vpc3AzZone {
  /**
   * The AZ's key: the letter that ends its name ("a" for us-east-1a), or its position ("a", "b",
   * "c") when the names are only known at plan time. It names the AZ's resources (`PublicSubnetA`).
   */
  readonly key: string;
  /** The AZ name (a token when the region's first three AZs are looked up at plan time). */
  readonly availabilityZone: string;
  /** Slot of the AZ in the CIDR layout: public subnet = netnum 2*slot, private = 2*slot+1. */
  readonly slot: number;
  /** The public subnet's id. */
  readonly publicSubnetId: string;
  /** The public subnet's CIDR block (a `cidrsubnet(...)` expression resolved by the engine). */
  readonly publicSubnetCidrBlock: string;
  /** The private subnet's id. */
  readonly privateSubnetId: string;
  /** The private subnet's CIDR block (a `cidrsubnet(...)` expression resolved by the engine). */
  readonly privateSubnetCidrBlock: string;
  /** The private route table's id. */
  readonly privateRouteTableId: string;
  /** Id of the NAT gateway the private route table sends 0.0.0.0/0 to (none when NAT mode is "none"). */
  readonly natGatewayId?: string;
  /** The database subnet's id (when the VPC has the database tier). */
  readonly databaseSubnetId?: string;
  /** The database subnet's CIDR block (when the VPC has the database tier). */
  readonly databaseSubnetCidrBlock?: string;
  /** The public subnet's IPv6 /64 (when the VPC is dual stack). */
  readonly publicSubnetIpv6CidrBlock?: string;
  /** The private subnet's IPv6 /64 (when the VPC is dual stack). */
  readonly privateSubnetIpv6CidrBlock?: string;
}
