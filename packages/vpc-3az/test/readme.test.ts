import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import * as publicApi from "../src";
import { addNetwork } from "./fixtures/readme-usage";
import { describeReadmeApi, resourceCounts, testStack } from "../../../test/helpers/unit";

const pkg = path.join(__dirname, "..");

describe("README", () => {
  test("starts with the usage snippet that the fixture type-checks", () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(pkg, "README.md"), "utf8");
    const fixture = fs.readFileSync(path.join(pkg, "test", "fixtures", "readme-usage.ts"), "utf8");
    // WHEN
    const first = /```ts\n([\s\S]*?)```/.exec(readme);
    // THEN
    expect(first?.[1]).toBe(fixture);
  });

  test("the usage snippet synthesizes the reference network", () => {
    // GIVEN
    const stack = testStack();
    // WHEN
    const vpc = addNetwork(stack);
    // THEN
    expect(Testing.synth(stack)).toHaveResource(NatGateway);
    expect(resourceCounts(stack)).toMatchObject({ aws_subnet: 6, aws_nat_gateway: 3, aws_flow_log: 1 });
    expect(vpc.privateSubnetIds).toHaveLength(3);
  });
});

describeReadmeApi(pkg, publicApi, ["FlowLogTrafficType", "NatGatewayMode", "NetworkAclMode", "Vpc3Az"]);
