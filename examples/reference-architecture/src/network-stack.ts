import { NatGatewayMode, Vpc3Az } from "@aurora-cdktf/vpc-3az";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { APPLICATION, ExampleStack, StackOptions } from "./common";
import { createFlowLogKey } from "./flow-log-key";

/** Props of {@link NetworkStack}. */
export interface NetworkStackProps extends StackOptions {
  /** CIDRs admitted to the bastion on SSH (opened on the public NACL too); empty for SSM only. */
  readonly sshAllowedCidrs: string[];
  /** The three AZs, by name. */
  readonly availabilityZones: string[];
}

/**
 * The 3-AZ network (the reference's VPC stack, deployed once per region and stage). Dev and test
 * share one NAT gateway to save cost; pre-prod and prod get one per AZ, as the reference. The AZs
 * are named (a lookup would move when AWS adds an AZ), public subnets assign no public IP (the
 * SSH bastion asks for one itself), and the flow logs are encrypted with their own key.
 */
export class NetworkStack extends ExampleStack {
  /** The VPC; its `outputs` feed the bastion and database stacks. */
  public readonly vpc: Vpc3Az;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    this.addAwsProvider(props);
    const nonProd = props.stage === "dev" || props.stage === "test";
    const name = `${APPLICATION}-${props.stage}`;
    this.vpc = new Vpc3Az(this, "Network", {
      name,
      availabilityZones: props.availabilityZones,
      mapPublicIpOnLaunch: false,
      flowLogKmsKey: createFlowLogKey(this, props.region, name),
      natGateways: nonProd ? NatGatewayMode.SINGLE : NatGatewayMode.PER_AZ,
      publicNetworkAclIngress: props.sshAllowedCidrs.map((cidrBlock) => ({ cidrBlock, port: 22 })),
    });
    new TerraformOutput(this, "vpc_id", { value: this.vpc.vpcId, description: "The VPC id." });
    new TerraformOutput(this, "private_subnet_ids", {
      value: this.vpc.privateSubnetIds,
      description: "The private subnets (cluster, SSM-only bastion).",
    });
  }
}
