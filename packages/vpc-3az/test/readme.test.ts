import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import * as publicApi from "../src";
import { addDualStackNetwork } from "./fixtures/readme-database-ipv6";
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

describe("README database tier and dual stack", () => {
  test('has a "Database tier and dual stack" snippet identical to test/fixtures/readme-database-ipv6.ts', () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(pkg, "README.md"), "utf8");
    const fixture = fs.readFileSync(path.join(pkg, "test", "fixtures", "readme-database-ipv6.ts"), "utf8");
    // WHEN
    const section = readme.slice(readme.indexOf("\n## Database tier and dual stack\n"));
    const snippet = /```ts\n([\s\S]*?)```/.exec(section);
    // THEN
    expect(snippet?.[1]).toBe(fixture);
  });

  test("the snippet synthesizes the isolated tier, its subnet group and the dual-stack pieces", () => {
    // GIVEN
    const stack = testStack("network", { region: "eu-west-1" });
    // WHEN
    const vpc = addDualStackNetwork(stack);
    // THEN
    expect(resourceCounts(stack)).toMatchObject({
      aws_subnet: 9,
      aws_db_subnet_group: 1,
      aws_egress_only_internet_gateway: 1,
      aws_network_acl: 3,
      aws_route: 8,
    });
    expect(vpc.databaseSubnetIds).toHaveLength(3);
    expect(vpc.databaseSubnetGroupName).toBeDefined();
    expect(vpc.ipv6CidrBlock).toBeDefined();
  });
});

describeReadmeApi(pkg, publicApi, ["FlowLogTrafficType", "NatGatewayMode", "NetworkAclMode", "Vpc3Az"]);
