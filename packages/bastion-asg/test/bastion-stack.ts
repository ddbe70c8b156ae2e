import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Connections, IConnectable, Port } from "@aurora-cdktf/core";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { fakeVpc, testStack } from "../../../test/helpers/unit";
import { BastionAsgAttributes } from "../src";

/** The region of the bastion tests' stacks, as in the README. */
export const REGION = "eu-west-1";

/**
 * A shared test stack in {@link REGION}. Its id is part of the construct path, which names the
 * bastion's resources ("stack-Bastion") and prefixes its errors ("[stack/Bastion]"). Pass `app` to
 * put several stacks in one app (cross-stack references).
 */
export function bastionTestStack(id = "stack", app?: App): TerraformStack {
  return testStack(id, { region: REGION, app });
}

/** The shared fake VPC (literal ids, no `Vpc3Az` needed) in {@link REGION}. */
export function bastionTestVpc(): IVpc3Az {
  return fakeVpc(REGION);
}

/** A bastion created elsewhere, by literal values (e.g. another app's outputs). */
export const IMPORTED_BASTION: BastionAsgAttributes = {
  autoScalingGroupName: "ops-bastion",
  securityGroupId: "sg-0123456789abcdef0",
  roleName: "ops-bastion-role",
  roleArn: "arn:aws:iam::123456789012:role/ops-bastion-role",
  region: REGION,
};

/** A stand-in for the database cluster: owns the security group "sg-cluster" with default port 5432. */
export class FakeCluster extends Construct implements IConnectable {
  public readonly connections: Connections;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.connections = new Connections({
      scope: this,
      securityGroupId: "sg-cluster",
      defaultPort: Port.tcp(5432),
    });
  }
}
