import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";

/** A stack with an AWS provider, on a test app. */
export function testStack(id = "stack"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  return stack;
}

/** A VPC stand-in implementing IVpc3Az with literal ids (the Vpc3Az class is not needed). */
export function fakeVpc(): IVpc3Az {
  return {
    vpcId: "vpc-0123456789abcdef0",
    vpcCidrBlock: "10.0.0.0/16",
    availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
    publicSubnetIds: ["subnet-pub-a", "subnet-pub-b", "subnet-pub-c"],
    privateSubnetIds: ["subnet-priv-a", "subnet-priv-b", "subnet-priv-c"],
  };
}

/** The synthesized stack as an object. */
export function synthJson(stack: TerraformStack): {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data: Record<string, Record<string, Record<string, unknown>>>;
} {
  return JSON.parse(Testing.synth(stack));
}

/** The only resource of `type` (fails when there is not exactly one). */
export function only(stack: TerraformStack, type: string): Record<string, unknown> {
  const all = Object.values(synthJson(stack).resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}
