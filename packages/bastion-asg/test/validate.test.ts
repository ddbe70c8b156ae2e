import "cdktf/lib/testing/adapters/jest";
import { Fn, Token } from "cdktf";
import { BastionAccessMode, BastionAsg, BastionAsgProps, BastionSubnets } from "../src";
import { bastionTestStack, bastionTestVpc } from "./bastion-stack";

type Overrides = Partial<BastionAsgProps>;

function build(overrides: Overrides): () => BastionAsg {
  const stack = bastionTestStack();
  return () => new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc(), ...overrides });
}

describe("BastionAsg", () => {
  describe("validation", () => {
    it.each<[string, Overrides, RegExp]>([
      [
        "an invalid CIDR",
        { sshAllowedCidrs: ["203.0.113.0/33"] },
        /sshAllowedCidrs must hold IPv4 CIDR blocks such as "203.0.113.0\/24", got "203.0.113.0\/33"/,
      ],
      ["a CIDR without prefix", { sshAllowedCidrs: ["203.0.113.7"] }, /got "203.0.113.7"/],
      ["an out-of-range octet", { sshAllowedCidrs: ["256.0.0.0/8"] }, /got "256.0.0.0\/8"/],
      ["an IPv6 CIDR", { sshAllowedCidrs: ["2001:db8::/32"] }, /IPv4 CIDR blocks/],
      [
        "a CIDR with host bits set",
        { sshAllowedCidrs: ["203.0.113.7/24"] },
        /"203.0.113.7\/24" has host bits set \(AWS would store "203.0.113.0\/24".*Fix: use "203.0.113.0\/24", or "203.0.113.7\/32"/,
      ],
      [
        "duplicate CIDRs",
        { sshAllowedCidrs: ["10.0.0.0/8", "10.0.0.0/8"] },
        /sshAllowedCidrs has duplicates: \["10.0.0.0\/8"\]/,
      ],
      [
        "SSH CIDRs in SSM-only mode",
        { accessMode: BastionAccessMode.SSM_ONLY, sshAllowedCidrs: ["10.0.0.0/8"] },
        /sshAllowedCidrs is not allowed with accessMode SSM_ONLY .* Fix: remove sshAllowedCidrs, or use accessMode SSH_AND_SSM/,
      ],
      [
        "private subnets with SSH access",
        { accessMode: BastionAccessMode.SSH_AND_SSM, subnets: BastionSubnets.PRIVATE },
        /subnets PRIVATE is inconsistent with accessMode SSH_AND_SSM: the Elastic IP and SSH need a public subnet/,
      ],
      [
        "public subnets in SSM-only mode",
        { accessMode: BastionAccessMode.SSM_ONLY, subnets: BastionSubnets.PUBLIC },
        /subnets PUBLIC is inconsistent with accessMode SSM_ONLY: .* Fix: omit subnets \(PRIVATE\)/,
      ],
      [
        "a VPC without public subnets (SSH)",
        { accessMode: BastionAccessMode.SSH_AND_SSM, vpc: { ...bastionTestVpc(), publicSubnetIds: [] } },
        /the VPC has no public subnets, got an empty list/,
      ],
      [
        "a retention CloudWatch rejects",
        { logRetentionDays: 10 },
        /logRetentionDays must be one of 0, 1, 3, 5, 7, 14, .*3653, got 10/,
      ],
      ["a negative retention", { logRetentionDays: -1 }, /logRetentionDays must be one of .* got -1/],
      [
        "an instance type without size",
        { instanceType: "t3" },
        /instanceType must be an EC2 instance type such as "t3.micro".*got "t3"/,
      ],
      [
        "an upper-case instance type",
        { instanceType: "T3.MICRO" },
        /instanceType must be an EC2 instance type/,
      ],
      ["a size-only instance type", { instanceType: "large" }, /got "large"/],
      [
        "an invalid AMI id",
        { imageId: "ami-xyz" },
        /imageId must be an AMI id such as "ami-0123456789abcdef0", got "ami-xyz"/,
      ],
      [
        "a plain http script URL",
        { bootstrapScriptUrl: "http://example.com/setup.sh" },
        /bootstrapScriptUrl must be an https:\/\/ or s3:\/\/ URL .*plain http is not accepted\), got "http:\/\/example.com\/setup.sh"/,
      ],
      [
        "a script URL with a quote",
        { bootstrapScriptUrl: "https://example.com/a'b.sh" },
        /bootstrapScriptUrl must be/,
      ],
      [
        "a script URL with $",
        { bootstrapScriptUrl: "https://example.com/$(id).sh" },
        /bootstrapScriptUrl must be/,
      ],
      [
        "a script URL without path",
        { bootstrapScriptUrl: "https://example.com" },
        /bootstrapScriptUrl must be/,
      ],
      ["an s3 URL without key", { bootstrapScriptUrl: "s3://my-bucket/" }, /bootstrapScriptUrl must be/],
      [
        "an invalid e-mail",
        { notificationEmails: ["ops.example.com"] },
        /notificationEmails entry must be an e-mail address .*got "ops.example.com"/,
      ],
      [
        "duplicate e-mails",
        { notificationEmails: ["a@example.com", "a@example.com"] },
        /notificationEmails has duplicates/,
      ],
      [
        "a CPU threshold above 100",
        { cpuAlarmThresholdPercent: 120 },
        /cpuAlarmThresholdPercent must be a percentage in \(0, 100\], got 120/,
      ],
      [
        "a zero CPU threshold",
        { cpuAlarmThresholdPercent: 0 },
        /cpuAlarmThresholdPercent must be a percentage/,
      ],
      [
        "a root volume below the AMI size",
        { rootVolumeSizeGiB: 4 },
        /rootVolumeSizeGiB must be an integer between 8 and 16384, got 4. The AL2023 AMI's snapshot is 8 GiB./,
      ],
      ["a fractional root volume", { rootVolumeSizeGiB: 8.5 }, /rootVolumeSizeGiB must be an integer/],
      ["a hop limit of 0", { imdsHopLimit: 0 }, /imdsHopLimit must be an integer between 1 and 64, got 0/],
      [
        "a lifetime above a year",
        { maxInstanceLifetimeDays: 400 },
        /maxInstanceLifetimeDays must be an integer between 1 and 365, got 400/,
      ],
      [
        "an invalid device name",
        { rootDeviceName: "xvda" },
        /rootDeviceName must be a device name such as "\/dev\/xvda"/,
      ],
      [
        "a name with underscores",
        { name: "my_bastion" },
        /name must be 1-40 letters, digits or "-".*got "my_bastion"/,
      ],
      ["a name longer than 40 characters", { name: "b".repeat(41) }, /name must be 1-40 letters/],
      ["a name starting with sg-", { name: "sg-bastion" }, /name must not start with "sg-"/],
      [
        "a namespace in AWS/",
        { metricNamespace: "AWS/Bastion" },
        /metricNamespace must be 1-255 characters .* not start with "AWS\/"/,
      ],
      [
        "a banner with the banner off",
        { enableBanner: false, bannerText: "hi" },
        /bannerText is set but enableBanner is false/,
      ],
      ["an empty banner", { bannerText: "  " }, /bannerText must not be empty/],
      ["a token banner", { bannerText: Fn.upper("x") }, /bannerText must be a plain string .* got a token/],
      ["a key name with a quote", { keyName: 'my"key' }, /keyName must be 1-255 printable ASCII characters/],
      [
        "an e-mail with a comma (core's EMAIL_PATTERN, shared with the other packages)",
        { notificationEmails: ["ops,oncall@example.com"] },
        /notificationEmails entry must be an e-mail address .*got "ops,oncall@example.com"/,
      ],
    ])("fails when given %s", (_name, overrides, message) => {
      // GIVEN / WHEN / THEN
      expect(build(overrides)).toThrow(message);
    });

    it("names the construct path and lists every problem at once", () => {
      expect(build({ logRetentionDays: 10, instanceType: "t3", sshAllowedCidrs: ["nope"] })).toThrow(
        /^\[stack\/Bastion\] invalid props: \n {2}- .*sshAllowedCidrs.*\n {2}- instanceType.*\n {2}- logRetentionDays/,
      );
    });

    it.each<[string, Overrides]>([
      ["every CloudWatch retention value", { logRetentionDays: 3653 }],
      ["never-expiring logs", { logRetentionDays: 0 }],
      ["a /32 and a /0 CIDR", { sshAllowedCidrs: ["198.51.100.7/32", "0.0.0.0/0"] }],
      ["an s3 script URL", { bootstrapScriptUrl: "s3://my-bucket/bastion/init.sh" }],
      [
        "an https script URL with a query",
        { bootstrapScriptUrl: "https://example.com:8443/init.sh?version=2&x=y" },
      ],
      ["exotic instance types", { instanceType: "u-6tb1.56xlarge" }],
      ["a Graviton type", { instanceType: "c7gn.medium" }],
      ["SSM-only with a key pair (SSH over SSM)", { accessMode: BastionAccessMode.SSM_ONLY, keyName: "ops" }],
      [
        "tokens everywhere validation cannot see",
        {
          sshAllowedCidrs: [Token.asString({ Ref: "cidr" })],
          logRetentionDays: Token.asNumber({ Ref: "days" }),
          instanceType: Token.asString({ Ref: "type" }),
          notificationEmails: [Token.asString({ Ref: "mail" })],
          bootstrapScriptUrl: Token.asString({ Ref: "url" }),
        },
      ],
    ])("accepts %s", (_name, overrides) => {
      expect(build(overrides)).not.toThrow();
    });

    it.each([
      ["port", 0, 15432, /ssmPortForwardCommand: port must be an integer between 1 and 65535, got 0/],
      [
        "localPort",
        5432,
        70000,
        /ssmPortForwardCommand: localPort must be an integer between 1 and 65535, got 70000/,
      ],
    ])("fails when the port-forwarding %s is out of range", (_what, port, localPort, message) => {
      const bastion = build({})();
      expect(() => bastion.ssmPortForwardCommand("db", port, localPort)).toThrow(message);
    });

    it("reports both out-of-range port-forwarding ports at once, with the construct path", () => {
      const bastion = build({})();
      expect(() => bastion.ssmPortForwardCommand("db", 0, 70000)).toThrow(
        /^\[stack\/Bastion\] ssmPortForwardCommand: port must be .*, got 0\. ssmPortForwardCommand: localPort must be .*, got 70000\.$/,
      );
    });
  });
});
