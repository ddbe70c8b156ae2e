import "cdktf/lib/testing/adapters/jest";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { BastionAsg, BastionAsgAttributes, BastionAsgProps } from "../src";
import { bastionTestStack, bastionTestVpc, IMPORTED_BASTION, REGION } from "./bastion-stack";

type Overrides = Partial<BastionAsgProps>;

const KEY = `arn:aws:kms:${REGION}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function build(overrides: Overrides, stack: TerraformStack = bastionTestStack()): () => BastionAsg {
  return () => new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc(), ...overrides });
}

/** A stack whose AWS provider's region is a token: synth knows the region from the VPC's AZs only. */
function tokenRegionStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "stack");
  new AwsProvider(stack, "aws", {
    region: new TerraformVariable(stack, "region", { type: "string" }).stringValue,
  });
  return stack;
}

describe("BastionAsg AWS rules", () => {
  it.each<[string, Overrides, string]>([
    [
      "an alias ARN as root volume key",
      { rootVolumeKmsKey: { arn: `arn:aws:kms:${REGION}:111122223333:alias/ebs` } },
      "rootVolumeKmsKey.arn must be an ARN arn:<partition>:kms:<region>:<account>:key/<key id> (a key ARN, not an alias ARN or a key id)",
    ],
    [
      "a key id as encryption key",
      { encryptionKey: { arn: "1234abcd-12ab-34cd-56ef-1234567890ab" } },
      'encryptionKey.arn must be an ARN arn:<partition>:kms:<region>:<account>:key/<key id> (a key ARN, not an alias ARN or a key id), got "1234abcd-12ab-34cd-56ef-1234567890ab".',
    ],
    [
      "an encryption key of another region",
      { encryptionKey: { arn: KEY.replace(REGION, "us-east-1") } },
      `encryptionKey.arn "${KEY.replace(REGION, "us-east-1")}" is a key in us-east-1, but this stack deploys to ${REGION}; KMS keys are regional. Fix: use a key in ${REGION}.`,
    ],
    [
      "an unknown access mode",
      { accessMode: "ssm" as never },
      'accessMode must be one of "ssh-and-ssm", "ssm-only", got "ssm".',
    ],
    [
      "an unknown subnet tier",
      { subnets: "isolated" as never },
      'subnets must be one of "public", "private", got "isolated".',
    ],
    [
      "an unknown tenancy",
      { tenancy: "host" as never },
      'tenancy must be one of "default", "dedicated", got "host".',
    ],
  ])("refuses %s", (_name, overrides, message) => {
    expect(build(overrides)).toThrow("[stack/Bastion] invalid props: ");
    expect(build(overrides)).toThrow(message);
  });

  it("refuses a banner that makes the user data larger than EC2's 16 KB", () => {
    expect(build({ bannerText: "x".repeat(9000) })).toThrow(
      /^\[stack\/Bastion\] the user data would be about \d+ bytes, more than the 16384 EC2 accepts; the banner is in it base64-encoded \(4\/3 of bannerText's bytes\)\. Fix: shorten bannerText by at least \d+ bytes\.$/,
    );
  });

  it("takes the region from the VPC's AZ names when the provider's region is a token", () => {
    expect(build({ encryptionKey: { arn: KEY.replace(REGION, "us-east-1") } }, tokenRegionStack())).toThrow(
      `is a key in us-east-1, but this stack deploys to ${REGION}`,
    );
  });

  it.each<[string, Overrides]>([
    ["key ARNs of the stack's region", { rootVolumeKmsKey: { arn: KEY }, encryptionKey: { arn: KEY } }],
    ["a 4 KB banner", { bannerText: "x".repeat(4096) }],
  ])("accepts %s", (_name, overrides) => {
    expect(build(overrides)).not.toThrow();
  });
});

const ATTRS: BastionAsgAttributes = IMPORTED_BASTION;

describe("BastionAsg.fromAttributes AWS rules", () => {
  it.each<[string, Partial<BastionAsgAttributes>, string]>([
    [
      "a commercial role with a China region",
      { region: "cn-north-1" },
      'roleArn "arn:aws:iam::123456789012:role/ops-bastion-role" is in partition "aws", but region "cn-north-1" is in partition "aws-cn". Fix: pass the role and the region of the same bastion.',
    ],
    [
      "a GovCloud role with a commercial region",
      { roleArn: "arn:aws-us-gov:iam::123456789012:role/ops-bastion-role" },
      `is in partition "aws-us-gov", but region "${REGION}" is in partition "aws".`,
    ],
  ])("refuses %s", (_name, attrs, message) => {
    expect(() => BastionAsg.fromAttributes(bastionTestStack(), "Bastion", { ...ATTRS, ...attrs })).toThrow(
      message,
    );
  });

  it("accepts a role and region of one partition", () => {
    expect(() =>
      BastionAsg.fromAttributes(bastionTestStack(), "Bastion", {
        ...ATTRS,
        roleArn: "arn:aws-cn:iam::123456789012:role/ops-bastion-role",
        region: "cn-northwest-1",
      }),
    ).not.toThrow();
  });
});
