import "cdktf/lib/testing/adapters/jest";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Peer, ValidationError } from "@aurora-cdktf/core";
import { NetworkAclIngress, Vpc3Az, Vpc3AzAttributes, Vpc3AzProps } from "../src";
import { manyTags, testStack, thrownBy } from "../../../test/helpers/unit";
import { propRuleTests } from "./vpc-stack";

/** A stack whose AWS provider's region is a token: the region is unknown at synth time. */
function tokenRegionStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  const region = new TerraformVariable(stack, "region", { type: "string" }).stringValue;
  new AwsProvider(stack, "aws", { region });
  return stack;
}

const ssh = (n: number): NetworkAclIngress[] =>
  Array.from({ length: n }, (_, i) => ({ cidrBlock: `203.0.113.${i}/32`, port: 22 }));
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** Props AWS would reject at apply time, or that silently do nothing, in a us-east-1 stack. */
const BAD: [string, Vpc3AzProps, string][] = [
  [
    "a tag key starting with aws:",
    { tags: { "aws:team": "data" } },
    'tags key "aws:team" starts with "aws:", a prefix AWS reserves for its own tags (reserved here: aws:). Fix:',
  ],
  [
    "a tag key with '!'",
    { tags: { "team!": "data" } },
    'tags key "team!" has characters AWS rejects in tags; allowed: letters, digits, spaces and _ . : / = + - @.',
  ],
  [
    "a 257-character tag value",
    { tags: { team: "v".repeat(257) } },
    'tags["team"] must be at most 256 characters',
  ],
  [
    "a user Name tag, which the construct sets from name",
    { tags: { Name: "mine" } },
    'tags sets "Name", which the construct (Name from `name`, Reach from the subnet tier) already sets on the same resources',
  ],
  [
    "a user Reach tag",
    { tags: { Reach: "everywhere", Team: "data" } },
    'tags sets "Reach", which the construct',
  ],
  [
    "49 tags besides Name and Reach",
    { tags: manyTags(49) },
    "tags gives 49 tags; with the construct's own (Name, Reach) that is 51, more than the 50 AWS allows on one resource.",
  ],
  [
    "a name with a character tags reject",
    { name: "prod!" },
    'name "prod!" has characters AWS rejects in tag values; allowed: letters, digits, spaces and _ . : / = + - @.',
  ],
  [
    "a 201-character name",
    { name: "n".repeat(201) },
    "name must be 1-200 characters (it starts every Name tag, which AWS limits to 256 with the AZ and tier appended), got 201.",
  ],
  ["an empty name", { name: "" }, "name must be 1-200 characters"],
  [
    "a flow log group name starting with aws/",
    { flowLogGroupName: "aws/vpc/flow-logs" },
    'flowLogGroupName must be a CloudWatch log group name: 1-512 of letters, digits and . - _ / #, not starting with "aws/" (e.g. "/network/flow-logs"), got "aws/vpc/flow-logs".',
  ],
  [
    "a flow log group name with a space",
    { flowLogGroupName: "/network/flow logs" },
    'flowLogGroupName must be a CloudWatch log group name: 1-512 of letters, digits and . - _ / #, not starting with "aws/" (e.g. "/network/flow-logs"), got "/network/flow logs".',
  ],
  [
    "a 513-character flow log group name",
    { flowLogGroupName: `/${"n".repeat(512)}` },
    "flowLogGroupName must be a CloudWatch log group name",
  ],
  [
    "a flow log group name without flow logs",
    { flowLogs: false, flowLogGroupName: "/network/flow-logs" },
    "flowLogGroupName is set, but flowLogs is false, so there is no flow log to apply it to. Fix: remove it, or set flowLogs: true.",
  ],
  [
    "flow log retention and traffic type without flow logs",
    { flowLogs: false, flowLogRetentionDays: 30, flowLogTrafficType: "REJECT" as never },
    "flowLogRetentionDays, flowLogTrafficType are set, but flowLogs is false",
  ],
  [
    "an alias ARN as flow log key",
    { flowLogKmsKey: { arn: "arn:aws:kms:us-east-1:111122223333:alias/logs" } },
    "flowLogKmsKey.arn must be an ARN arn:<partition>:kms:<region>:<account>:key/<key id> (a key ARN, not an alias ARN or a key id)",
  ],
  [
    "a flow log key of another region",
    { flowLogKmsKey: { arn: KEY.replace("us-east-1", "eu-west-1") } },
    `flowLogKmsKey.arn "${KEY.replace("us-east-1", "eu-west-1")}" is a key in eu-west-1, but this stack deploys to us-east-1; KMS keys are regional. Fix: use a key in us-east-1.`,
  ],
  [
    "an interface endpoint of another region",
    { interfaceEndpoints: ["com.amazonaws.eu-west-1.ssm"] },
    `interfaceEndpoints ["com.amazonaws.eu-west-1.ssm"] are services of another region than the stack's us-east-1 (from the stack's AWS provider); an interface endpoint serves its own region only. Fix: use the short names (e.g. "ssm"), which take the stack's region, or services of us-east-1.`,
  ],
  [
    "a PrivateLink service of another region",
    { interfaceEndpoints: ["com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"] },
    'interfaceEndpoints ["com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"] are services of another region than the stack\'s us-east-1',
  ],
  [
    "a full service name without its region",
    { interfaceEndpoints: ["com.amazonaws.ssm"] },
    `interfaceEndpoints ["com.amazonaws.ssm"] start like full service names but are not "com.amazonaws.<region>.<service>" (or "com.amazonaws.vpce.<region>.vpce-svc-<id>"). Fix:`,
  ],
  [
    "AZs of another region than the provider's",
    { availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
    'availabilityZones ["eu-west-1a","eu-west-1b","eu-west-1c"] are not in us-east-1, the region of the stack\'s AWS provider.',
  ],
  [
    "a NACL entry with host bits",
    { publicNetworkAclIngress: [{ cidrBlock: "203.0.113.5/24", port: 22 }] },
    'publicNetworkAclIngress[0].cidrBlock CIDR "203.0.113.5/24" has host bits set (AWS would store "203.0.113.0/24" and plan a change at every apply). Fix: use "203.0.113.0/24", or "203.0.113.5/32" for that single address.',
  ],
  [
    "37 NACL entries",
    { privateNetworkAclIngress: ssh(37) },
    "privateNetworkAclIngress has 37 entries; a network ACL holds at most 40 ingress rules (AWS's hard limit; 20 unless the quota was raised), and the construct adds 4.",
  ],
  [
    "an endpoint peer CIDR with host bits",
    { endpointAllowedPeers: [Peer.ipv4("10.1.2.3/16")] },
    'endpointAllowedPeers CIDR "10.1.2.3/16" has host bits set',
  ],
  [
    "an endpoint peer that is no CIDR",
    { endpointAllowedPeers: [Peer.ipv4("10.1.2.3")] },
    'endpointAllowedPeers CIDR must be an IPv4 CIDR block such as "192.0.2.0/24", got "10.1.2.3".',
  ],
];

const GOOD: [string, Vpc3AzProps][] = [
  ["48 tags besides Name and Reach", { tags: manyTags(48) }],
  ["a 200-character name", { name: "n".repeat(200) }],
  ["a flow log group name with the allowed signs", { flowLogGroupName: "/network/flow-logs#1_a.b" }],
  ["a flow log key of the stack's region", { flowLogKmsKey: { arn: KEY } }],
  ["flowLogs off with no flow log settings", { flowLogs: false }],
  [
    "full, short and PrivateLink endpoint names of the region",
    {
      interfaceEndpoints: [
        "com.amazonaws.us-east-1.ssm",
        "ecr.api",
        "com.amazonaws.vpce.us-east-1.vpce-svc-0abc",
      ],
    },
  ],
  ["AZs of the provider's region", { availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1f"] }],
  ["36 NACL entries of single addresses", { publicNetworkAclIngress: ssh(36) }],
  ["an endpoint peer CIDR", { endpointAllowedPeers: [Peer.ipv4("10.1.0.0/16")] }],
];

describe("Vpc3Az AWS rules", () => {
  propRuleTests(BAD, GOOD);

  test("takes the region from literal AZ names when the provider's region is a token", () => {
    const error = thrownBy(
      () =>
        new Vpc3Az(tokenRegionStack(), "Vpc", {
          availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
          interfaceEndpoints: ["com.amazonaws.eu-west-1.ssm"],
        }),
    );
    expect(error.message).toContain(
      "are services of another region than the stack's us-east-1 (from availabilityZones)",
    );
  });

  test("skips the region rules when the region is unknown at synth time", () => {
    expect(
      () =>
        new Vpc3Az(tokenRegionStack(), "Vpc", {
          interfaceEndpoints: ["com.amazonaws.eu-west-1.ssm"],
          flowLogKmsKey: { arn: KEY.replace("us-east-1", "eu-west-1") },
        }),
    ).not.toThrow();
  });
});

const ATTRS: Vpc3AzAttributes = {
  vpcId: "vpc-0123456789abcdef0",
  vpcCidrBlock: "10.0.0.0/16",
  availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  publicSubnetIds: ["subnet-0123abcd", "subnet-1123abcd", "subnet-2123abcd"],
  privateSubnetIds: ["subnet-3123abcd", "subnet-4123abcd", "subnet-5123abcd"],
};

describe("Vpc3Az.fromAttributes rules", () => {
  test.each<[string, Partial<Vpc3AzAttributes>, string]>([
    [
      "a VPC name as id",
      { vpcId: "prod" },
      'vpcId must hold vpc ids ("vpc-" and 8 or 17 hex digits, e.g. "vpc-0123456789abcdef0"), got ["prod"]. Fix: pass the ids (e.g. from the VPC\'s outputs), not names or ARNs.',
    ],
    [
      "a subnet ARN",
      {
        privateSubnetIds: [
          "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-3123abcd",
          "subnet-4123abcd",
          "subnet-5123abcd",
        ],
      },
      'privateSubnetIds must hold subnet ids ("subnet-" and 8 or 17 hex digits',
    ],
    ["a route table name", { publicRouteTableId: "public" }, "publicRouteTableId must hold rtb ids"],
    [
      "route tables given as subnets",
      { privateRouteTableIds: ATTRS.privateSubnetIds },
      "privateRouteTableIds must hold rtb ids",
    ],
    [
      "an endpoint id without vpce-",
      { s3GatewayEndpointId: "s3-endpoint" },
      "s3GatewayEndpointId must hold vpce ids",
    ],
    [
      "a secrets endpoint id of the wrong shape",
      { secretsManagerEndpointId: "vpce-xyz" },
      "secretsManagerEndpointId must hold vpce ids",
    ],
    [
      "a security group name",
      { endpointSecurityGroupId: "endpoints" },
      "endpointSecurityGroupId must hold sg ids",
    ],
    [
      "AZ ids instead of names",
      { availabilityZones: ["euw1-az1", "euw1-az2", "euw1-az3"] },
      'availabilityZones must be AZ names such as "eu-west-1a", got ["euw1-az1","euw1-az2","euw1-az3"].',
    ],
    [
      "AZs of two regions",
      { availabilityZones: ["eu-west-1a", "eu-west-1b", "us-east-1c"] },
      "availabilityZones must all be in one region",
    ],
    [
      "a flow log group name CloudWatch rejects",
      { flowLogGroupName: "flow logs" },
      'flowLogGroupName must be a CloudWatch log group name (1-512 of letters, digits and . - _ / #, not starting with "aws/"), got "flow logs".',
    ],
  ])("refuses %s", (_name, attrs, message) => {
    const error = thrownBy(() => Vpc3Az.fromAttributes(testStack(), "Imported", { ...ATTRS, ...attrs }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(`[test/Imported] invalid props: ${message}`);
  });

  test("accepts ids of 8 and 17 hex digits, and tokens", () => {
    const stack = testStack();
    const id = new TerraformVariable(stack, "vpc", { type: "string" }).stringValue;
    expect(() =>
      Vpc3Az.fromAttributes(stack, "Imported", {
        ...ATTRS,
        vpcId: id,
        publicRouteTableId: "rtb-0123456789abcdef0",
        s3GatewayEndpointId: "vpce-0123abcd",
        endpointSecurityGroupId: "sg-0123456789abcdef0",
        flowLogGroupName: "/aws/vpc/flow-logs/vpc-0123456789abcdef0",
      }),
    ).not.toThrow();
  });
});
