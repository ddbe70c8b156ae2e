import { Construct } from "constructs";
import { validateVpc3AzAttributes } from "../validate";
import { IVpc3Az, Vpc3AzAttributes } from "../vpc-3az-ref";

/** A VPC created elsewhere, known by its attributes. */
export class ImportedVpc3Az extends Construct implements IVpc3Az {
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
  public readonly databaseSubnetIds?: string[];
  public readonly databaseSubnetGroupName?: string;
  public readonly ipv6CidrBlock?: string;

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
    this.databaseSubnetIds = attrs.databaseSubnetIds;
    this.databaseSubnetGroupName = attrs.databaseSubnetGroupName;
    this.ipv6CidrBlock = attrs.ipv6CidrBlock;
  }
}
