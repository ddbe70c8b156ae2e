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
}
