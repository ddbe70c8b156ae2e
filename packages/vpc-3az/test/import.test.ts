import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformVariable } from "cdktf";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { IVpc3Az, Vpc3Az, Vpc3AzAttributes } from "../src";
import { synthJson, testStack } from "../../../test/helpers/unit";

const ATTRS: Vpc3AzAttributes = {
  vpcId: "vpc-0123456789abcdef0",
  vpcCidrBlock: "10.0.0.0/16",
  availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  publicSubnetIds: ["subnet-000000000000000a1", "subnet-000000000000000a2", "subnet-000000000000000a3"],
  privateSubnetIds: ["subnet-000000000000000b1", "subnet-000000000000000b2", "subnet-000000000000000b3"],
};

describe("Vpc3Az", () => {
  describe("import", () => {
    test("fromAttributes returns the attributes and creates no resources", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const vpc: IVpc3Az = Vpc3Az.fromAttributes(stack, "Vpc", {
        ...ATTRS,
        privateRouteTableIds: ["rtb-000000000000000c1", "rtb-000000000000000c2", "rtb-000000000000000c3"],
        endpointSecurityGroupId: "sg-000000000000000e0",
      });
      // THEN
      expect(vpc).toMatchObject({
        ...ATTRS,
        privateRouteTableIds: ["rtb-000000000000000c1", "rtb-000000000000000c2", "rtb-000000000000000c3"],
      });
      expect(vpc.endpointSecurityGroupId).toBe("sg-000000000000000e0");
      expect(vpc.flowLogGroupName).toBeUndefined();
      expect(synthJson(stack).resource).toBeUndefined();
      expect(synthJson(stack).data).toBeUndefined();
    });

    test("an imported VPC places resources like a created one", () => {
      // GIVEN
      const stack = testStack();
      const vpc = Vpc3Az.fromAttributes(stack, "Vpc", ATTRS);
      // WHEN a consumer uses it
      new SecurityGroup(stack, "Sg", { vpcId: vpc.vpcId, description: "x" });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(SecurityGroup, {
        vpc_id: "vpc-0123456789abcdef0",
      });
    });

    test("outputs of a VPC in one stack import into another through cross-stack references", () => {
      // GIVEN a network stack and an application stack in one app
      const app = Testing.app();
      const network = testStack("network", { app });
      const created = new Vpc3Az(network, "Vpc", {
        availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
      });
      const appStack = testStack("app", { app });
      // WHEN the app stack imports the VPC from its outputs
      const imported = Vpc3Az.fromAttributes(appStack, "Vpc", created.outputs);
      new SecurityGroup(appStack, "Sg", { vpcId: imported.vpcId, description: "x" });
      app.synth();
      // THEN the app stack reads the VPC id from the network stack's remote state
      const read = (id: string) =>
        JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8"));
      const sg = Object.values(read("app").resource.aws_security_group)[0] as { vpc_id: string };
      expect(sg.vpc_id).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-network\.outputs\./,
      );
      expect(Object.keys(read("network").output ?? {}).length).toBeGreaterThan(0);
    });

    test.each<[string, Partial<Vpc3AzAttributes>, RegExp]>([
      [
        "fails when fewer than 3 AZs are given",
        { availabilityZones: ["eu-west-1a"] },
        /availabilityZones must have exactly 3 entries .*got 1/,
      ],
      [
        "fails when a subnet list is not 3 long",
        { privateSubnetIds: ["subnet-000000000000000b1", "subnet-000000000000000b2"] },
        /privateSubnetIds must have exactly 3 entries .*got 2/,
      ],
      [
        "fails when route tables are not 3",
        { privateRouteTableIds: ["rtb-000000000000000c1"] },
        /privateRouteTableIds must have exactly 3 entries .*got 1/,
      ],
      [
        "fails when AZs repeat",
        { availabilityZones: ["eu-west-1a", "eu-west-1a", "eu-west-1b"] },
        /availabilityZones must be distinct/,
      ],
      [
        "fails when the CIDR is invalid",
        { vpcCidrBlock: "10.0.0.0/33" },
        /vpcCidrBlock must be an IPv4 CIDR block .*got "10.0.0.0\/33"/,
      ],
    ])("%s", (_name, attrs, message) => {
      // GIVEN / WHEN / THEN
      expect(() => Vpc3Az.fromAttributes(testStack(), "Imported", { ...ATTRS, ...attrs })).toThrow(
        new RegExp(`^\\[test/Imported\\] invalid props: .*${message.source}`),
      );
    });

    test("accepts token lists it cannot count", () => {
      // GIVEN lists only known at plan time
      const stack = testStack();
      const ids = new TerraformVariable(stack, "ids", { type: "list(string)" }).listValue;
      // WHEN / THEN
      expect(() =>
        Vpc3Az.fromAttributes(stack, "Vpc", { ...ATTRS, publicSubnetIds: ids, privateSubnetIds: ids }),
      ).not.toThrow();
    });
  });
});
