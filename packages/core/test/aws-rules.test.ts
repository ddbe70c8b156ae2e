import "cdktf/lib/testing/adapters/jest";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  ArnRule,
  AwsContext,
  checkArn,
  checkKmsKeyArn,
  checkTags,
  LOG_GROUP_NAME_PATTERN,
  partitionOfRegion,
  TagRuleOptions,
  Validator,
} from "../src";
import { testStack } from "../../../test/helpers/unit";

/** The messages `record` leaves on a fresh Validator. */
function messagesOf(record: (v: Validator) => unknown): readonly string[] {
  const v = new Validator(testStack());
  record(v);
  return v.messages;
}

const RDS: TagRuleOptions = { reservedPrefixes: ["rds:"] };

describe("checkTags", () => {
  test.each<[string, Record<string, string>, TagRuleOptions, string]>([
    [
      "an aws: key",
      { "aws:team": "data" },
      {},
      'tags key "aws:team" starts with "aws:", a prefix AWS reserves',
    ],
    ["an AWS: key (any case)", { "AWS:Team": "data" }, {}, 'tags key "AWS:Team" starts with "aws:"'],
    [
      "an rds: key on RDS",
      { "rds:team": "data" },
      RDS,
      'starts with "rds:", a prefix AWS reserves for its own tags',
    ],
    ["an rds: value on RDS", { team: "rds:data" }, RDS, 'tags["team"] is "rds:data", starting with "rds:"'],
    ["an empty key", { "": "x" }, {}, 'tags key "" must be 1-128 characters, got 0.'],
    [
      "a 129-character key",
      { ["k".repeat(129)]: "x" },
      {},
      "must be 1-128 characters, got 129. Fix: shorten the key.",
    ],
    [
      "a 257-character value",
      { team: "v".repeat(257) },
      {},
      'tags["team"] must be at most 256 characters, got 257.',
    ],
    [
      "a key with '!'",
      { "team!": "x" },
      {},
      'tags key "team!" has characters AWS rejects in tags; allowed: letters, digits, spaces and _ . : / = + - @.',
    ],
    [
      "a value with a comma",
      { team: "a,b" },
      {},
      'tags["team"] is "a,b", with characters AWS rejects in tags',
    ],
    ["a value with a quote", { team: 'a"b' }, {}, "with characters AWS rejects in tags"],
    [
      "51 tags with the construct's own",
      Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, "v"])),
      { constructKeys: ["Name", "Reach"] },
      "tags gives 49 tags; with the construct's own (Name, Reach) that is 51, more than the 50 AWS allows on one resource.",
    ],
    [
      "a key the construct sets, when refused",
      { Application: "x" },
      { constructKeys: ["Application"], refuseConstructKeys: true, constructKeysSource: "mandatoryTags" },
      'tags sets "Application", which mandatoryTags already sets on the same resources',
    ],
    ["a non-string value", { team: 42 as unknown as string }, {}, 'tags["team"] must be a string, got 42.'],
  ])("refuses %s", (_name, tags, options, message) => {
    const messages = messagesOf((v) => checkTags(v, "tags", tags, options));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  test.each<[string, Record<string, string>, TagRuleOptions]>([
    ["ordinary tags", { Team: "data", "cost-center": "CC 42", "a/b": "x.y:z=1+2@3_4-5" }, {}],
    [
      "unicode letters, 128-character keys and 256-character values",
      { ["é".repeat(128)]: "ü".repeat(256) },
      {},
    ],
    ["an empty value", { team: "" }, {}],
    ["an aws: value outside RDS", { team: "aws:x" }, {}],
    ["a key the construct sets, when not refused", { Name: "x" }, { constructKeys: ["Name"] }],
    [
      "50 tags with the construct's own",
      Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, "v"])),
      { constructKeys: ["Name", "Reach"] },
    ],
  ])("accepts %s", (_name, tags, options) => {
    expect(messagesOf((v) => checkTags(v, "tags", tags, options))).toEqual([]);
  });

  test("accepts tokens unchecked", () => {
    const stack = testStack();
    const value = new TerraformVariable(stack, "team", { type: "string" }).stringValue;
    const v = new Validator(stack);
    checkTags(v, "tags", { team: value });
    expect(v.messages).toEqual([]);
  });
});

const CLUSTER: ArnRule = {
  service: "rds",
  resource: /^cluster:[a-z][a-z0-9-]*$/,
  shape: "arn:<partition>:rds:<region>:<account>:cluster:<identifier>",
};
const ROLE: ArnRule = { service: "iam", resource: /^role\/.+$/, shape: "of a role", regional: false };

describe("checkArn", () => {
  test.each<[string, string, ArnRule, string]>([
    [
      "a name",
      "orders",
      CLUSTER,
      'x must be an ARN arn:<partition>:rds:<region>:<account>:cluster:<identifier>, got "orders". Fix:',
    ],
    ["another service", "arn:aws:ec2:us-east-1:123456789012:cluster:orders", CLUSTER, "x must be an ARN"],
    ["another resource type", "arn:aws:rds:us-east-1:123456789012:db:orders", CLUSTER, "x must be an ARN"],
    ["a short account", "arn:aws:rds:us-east-1:1234:cluster:orders", CLUSTER, "x must be an ARN"],
    ["no region", "arn:aws:rds::123456789012:cluster:orders", CLUSTER, "x must be an ARN"],
    ["a region on a global ARN", "arn:aws:iam:us-east-1:123456789012:role/r", ROLE, "x must be an ARN"],
    [
      "a region of another partition",
      "arn:aws:rds:cn-north-1:123456789012:cluster:orders",
      CLUSTER,
      'has partition "aws", but region "cn-north-1" is in partition "aws-cn". Fix: use arn:aws-cn:...',
    ],
  ])("refuses %s", (_name, arn, rule, message) => {
    const messages = messagesOf((v) => checkArn(v, "x", arn, rule));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  test.each<[string, string, ArnRule]>([
    ["a cluster ARN", "arn:aws:rds:us-east-1:123456789012:cluster:orders", CLUSTER],
    ["a China cluster ARN", "arn:aws-cn:rds:cn-north-1:123456789012:cluster:orders", CLUSTER],
    ["a GovCloud cluster ARN", "arn:aws-us-gov:rds:us-gov-west-1:123456789012:cluster:orders", CLUSTER],
    ["a role ARN", "arn:aws:iam::123456789012:role/r", ROLE],
  ])("accepts %s", (_name, arn, rule) => {
    expect(messagesOf((v) => checkArn(v, "x", arn, rule))).toEqual([]);
  });

  test.each([
    ["us-east-1", "aws"],
    ["cn-northwest-1", "aws-cn"],
    ["us-gov-east-1", "aws-us-gov"],
    ["us-iso-east-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    ["us-east-1a", undefined],
  ])("partitionOfRegion(%s) is %s", (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });
});

describe("checkKmsKeyArn", () => {
  const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  test.each<[string, string, string | undefined, string]>([
    [
      "an alias ARN",
      "arn:aws:kms:us-east-1:123456789012:alias/logs",
      undefined,
      "k.arn must be an ARN arn:<partition>:kms:<region>:<account>:key/<key id> (a key ARN, not an alias ARN or a key id)",
    ],
    ["a key id", "1234abcd-12ab-34cd-56ef-1234567890ab", undefined, "k.arn must be an ARN"],
    [
      "a key of another region",
      KEY,
      "eu-west-1",
      "is a key in us-east-1, but this stack deploys to eu-west-1; KMS keys are regional. Fix: use a key in eu-west-1.",
    ],
  ])("refuses %s", (_name, arn, region, message) => {
    const messages = messagesOf((v) => checkKmsKeyArn(v, "k", { arn }, region));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  test("accepts a key ARN of the stack's region, an unknown region and no key", () => {
    expect(messagesOf((v) => checkKmsKeyArn(v, "k", { arn: KEY }, "us-east-1"))).toEqual([]);
    expect(messagesOf((v) => checkKmsKeyArn(v, "k", { arn: KEY }))).toEqual([]);
    expect(messagesOf((v) => checkKmsKeyArn(v, "k", undefined, "us-east-1"))).toEqual([]);
  });
});

describe("AwsContext.literalRegion", () => {
  test("is the default provider's literal region", () => {
    expect(AwsContext.literalRegion(testStack("s", { region: "eu-west-1" }))).toBe("eu-west-1");
  });

  test("is undefined without a provider, with a token region, or with two default providers", () => {
    const bare = new TerraformStack(Testing.app(), "bare");
    expect(AwsContext.literalRegion(bare)).toBeUndefined();
    const tokenStack = new TerraformStack(Testing.app(), "token");
    const region = new TerraformVariable(tokenStack, "region", { type: "string" }).stringValue;
    new AwsProvider(tokenStack, "aws", { region });
    expect(AwsContext.literalRegion(tokenStack)).toBeUndefined();
    const two = testStack("two");
    new AwsProvider(two, "aws2", { region: "eu-west-1" });
    expect(AwsContext.literalRegion(two)).toBeUndefined();
  });

  test("ignores aliased providers", () => {
    const stack = testStack("aliased", { region: "eu-west-1" });
    new AwsProvider(stack, "replica", { region: "us-west-2", alias: "replica" });
    expect(AwsContext.literalRegion(stack)).toBe("eu-west-1");
  });
});

describe("LOG_GROUP_NAME_PATTERN", () => {
  test.each([
    ["/aws/vpc/flow-logs/vpc-1", true],
    ["/bastion/ops#1_a.b", true],
    ["x".repeat(512), true],
    ["x".repeat(513), false],
    ["", false],
    ["aws/vpc", false],
    ["/network/prod logs", false],
    ["/network/prod:logs", false],
  ])("accepts %s: %s", (name, ok) => {
    expect(LOG_GROUP_NAME_PATTERN.test(name)).toBe(ok);
  });
});
