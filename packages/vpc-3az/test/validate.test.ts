import "cdktf/lib/testing/adapters/jest";
import { TerraformVariable } from "cdktf";
import { ValidationError } from "@aurora-cdktf/core";
import { FlowLogTrafficType, NatGatewayMode, NetworkAclMode, Vpc3Az, Vpc3AzProps } from "../src";
import { testStack } from "../../../test/helpers/unit";

const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];

function errorOf(props: Vpc3AzProps): ValidationError {
  try {
    new Vpc3Az(testStack(), "Vpc", props);
  } catch (e) {
    return e as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("Vpc3Az", () => {
  describe("validation", () => {
    test.each<[string, Vpc3AzProps, RegExp]>([
      [
        "fails when cidrBlock is not a CIDR",
        { cidrBlock: "10.0.0.0" },
        /cidrBlock must be an IPv4 CIDR block such as "10.0.0.0\/16", got "10.0.0.0"/,
      ],
      [
        "fails when an octet is above 255",
        { cidrBlock: "10.300.0.0/16" },
        /cidrBlock must be an IPv4 CIDR block.*got "10.300.0.0\/16"/,
      ],
      [
        "fails when an octet has a leading zero",
        { cidrBlock: "10.01.0.0/16" },
        /cidrBlock must be an IPv4 CIDR block/,
      ],
      [
        "fails when cidrBlock has host bits set",
        { cidrBlock: "10.0.1.0/16" },
        /"10.0.1.0\/16" has host bits set. Use its network address "10.0.0.0\/16"/,
      ],
      [
        "fails when the VPC prefix is shorter than /16",
        { cidrBlock: "10.0.0.0/8" },
        /cidrBlock prefix must be between \/16 and \/28 \(AWS limits for a VPC\), got \/8/,
      ],
      [
        "fails when the VPC prefix is longer than /28",
        { cidrBlock: "10.0.0.0/29" },
        /cidrBlock prefix must be between \/16 and \/28/,
      ],
      [
        "fails when the default subnet size exceeds /28",
        { cidrBlock: "10.0.0.0/25" },
        /subnetPrefixLength must be an integer longer than the VPC prefix \(\/25\) and at most 28, got 29 \(the default: VPC prefix \+ 4\)/,
      ],
      [
        "fails when subnets are not smaller than the VPC",
        { subnetPrefixLength: 16 },
        /subnetPrefixLength must be an integer longer than the VPC prefix \(\/16\).*got 16\./,
      ],
      [
        "fails when the prefix cannot hold the subnets",
        { subnetPrefixLength: 18 },
        /10.0.0.0\/16 holds 4 subnets of \/18, i.e. AZ slots 0-1, but AZ "c" needs slot 2 \(netnums 4-5\)/,
      ],
      [
        "fails when an AZ letter is beyond the layout",
        { availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1i"] },
        /holds 16 subnets of \/20, i.e. AZ slots 0-7, but AZ "i" needs slot 8 .*map the AZ to a free slot with subnetSlots/,
      ],
      [
        "fails when both cidrBlock and classB are given",
        { cidrBlock: "10.1.0.0/16", classB: 1 },
        /give either cidrBlock or classB, not both/,
      ],
      [
        "fails when classB is not an octet",
        { classB: 256 },
        /classB must be an integer between 0 and 255, got 256/,
      ],
      [
        "fails when fewer than 3 AZs are given",
        { availabilityZones: ["us-east-1a", "us-east-1b"] },
        /availabilityZones must name exactly 3 AZs, got 2 \(\["us-east-1a","us-east-1b"\]\)/,
      ],
      [
        "fails when more than 3 AZs are given",
        { availabilityZones: [...AZS, "us-east-1d"] },
        /availabilityZones must name exactly 3 AZs, got 4/,
      ],
      [
        "fails when AZs repeat",
        { availabilityZones: ["us-east-1a", "us-east-1a", "us-east-1b"] },
        /availabilityZones must be distinct, got .* \(repeated: us-east-1a\)/,
      ],
      [
        "fails when an AZ is an AZ id",
        { availabilityZones: ["use1-az1", "us-east-1b", "us-east-1c"] },
        /availabilityZones must be AZ names .*got \["use1-az1"\]/,
      ],
      [
        "fails when AZs span regions",
        { availabilityZones: ["us-east-1a", "us-west-2b", "us-east-1c"] },
        /availabilityZones must all be in one region, got .*regions: us-east-1, us-west-2/,
      ],
      [
        "fails when subnetSlots names an unknown AZ key",
        { availabilityZones: AZS, subnetSlots: { d: 3 } },
        /subnetSlots has keys that are not AZ keys of this VPC: \["d"\]. Allowed keys: \["a","b","c"\]/,
      ],
      [
        "fails when subnetSlots collide",
        { availabilityZones: AZS, subnetSlots: { c: 0 } },
        /AZs must have distinct CIDR slots, got a=0, b=1, c=0/,
      ],
      [
        "fails when a subnet slot is negative",
        { subnetSlots: { a: -1 } },
        /subnetSlots values must be integers >= 0, got \{"a":-1\}/,
      ],
      [
        "fails when the flow log retention is not a CloudWatch value",
        { flowLogRetentionDays: 2 },
        /flowLogRetentionDays must be one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 2/,
      ],
      [
        "fails when the flow log retention is 366",
        { flowLogRetentionDays: 366 },
        /flowLogRetentionDays must be one of .* got 366/,
      ],
      [
        "fails when the NAT mode is unknown",
        { natGateways: "two" as NatGatewayMode },
        /natGateways must be one of "per-az", "single", "none", got "two"/,
      ],
      [
        "fails when the NACL mode is unknown",
        { networkAcls: "open" as NetworkAclMode },
        /networkAcls must be one of "allow-all", "least-privilege", got "open"/,
      ],
      [
        "fails when the flow log traffic type is unknown",
        { flowLogTrafficType: "SOME" as FlowLogTrafficType },
        /flowLogTrafficType must be one of "ALL", "ACCEPT", "REJECT", got "SOME"/,
      ],
      [
        "fails when NACL ingress is given with allow-all NACLs",
        {
          networkAcls: NetworkAclMode.ALLOW_ALL,
          publicNetworkAclIngress: [{ cidrBlock: "0.0.0.0/0", port: 22 }],
        },
        /publicNetworkAclIngress only applies with networkAcls "least-privilege"/,
      ],
      [
        "fails when a NACL ingress CIDR is invalid",
        { privateNetworkAclIngress: [{ cidrBlock: "10.0.0/8", port: 22 }] },
        /privateNetworkAclIngress\[0\].cidrBlock must be an IPv4 CIDR block .*got "10.0.0\/8"/,
      ],
      [
        "fails when a NACL ingress port is out of range",
        { publicNetworkAclIngress: [{ cidrBlock: "0.0.0.0/0", port: 70000 }] },
        /publicNetworkAclIngress\[0\] ports must be integers between 0 and 65535, got port=70000/,
      ],
      [
        "fails when a NACL ingress range is reversed",
        { publicNetworkAclIngress: [{ cidrBlock: "0.0.0.0/0", port: 443, toPort: 80 }] },
        /publicNetworkAclIngress\[0\].toPort must be >= port, got port=443 toPort=80/,
      ],
      [
        "fails when a NACL ingress protocol is not tcp or udp",
        { publicNetworkAclIngress: [{ cidrBlock: "0.0.0.0/0", port: 22, protocol: "icmp" }] },
        /publicNetworkAclIngress\[0\].protocol must be "tcp" or "udp", got "icmp"/,
      ],
      [
        "fails when an interface endpoint name is invalid",
        { interfaceEndpoints: ["SSM Messages"] },
        /interfaceEndpoints must be service names such as "ssm".*got \["SSM Messages"\]/,
      ],
      [
        "fails when interface endpoints repeat",
        { interfaceEndpoints: ["ssm", "com.amazonaws.us-east-1.ssm"] },
        /interfaceEndpoints must be distinct/,
      ],
      [
        "fails when secretsmanager is listed as an extra endpoint",
        { interfaceEndpoints: ["secretsmanager"] },
        /interfaceEndpoints must not include "secretsmanager"/,
      ],
      [
        "fails when s3 is listed as an interface endpoint",
        { interfaceEndpoints: ["s3"] },
        /interfaceEndpoints must not include "s3"/,
      ],
    ])("%s", (_name, props, message) => {
      // GIVEN bad props / WHEN the construct is created
      const err = errorOf(props);
      // THEN one ValidationError names the construct path and the problem
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.constructPath).toBe("test/Vpc");
      expect(err.message).toMatch(/^\[test\/Vpc\] invalid props: /);
      expect(err.message).toMatch(message);
    });

    test("reports every problem at once", () => {
      // GIVEN / WHEN
      const err = errorOf({
        cidrBlock: "10.0.1.0/16",
        availabilityZones: ["us-east-1a"],
        flowLogRetentionDays: 2,
      });
      // THEN
      expect(err.message.split("\n  - ")).toHaveLength(4);
    });

    test("accepts a secretsmanager extra endpoint when the built-in one is off", () => {
      expect(
        () =>
          new Vpc3Az(testStack(), "Vpc", {
            secretsManagerEndpoint: false,
            interfaceEndpoints: ["secretsmanager"],
          }),
      ).not.toThrow();
    });

    test("fails when cidrBlock is a token and subnetPrefixLength is missing", () => {
      // GIVEN a CIDR only known at plan time
      const stack = testStack();
      const cidr = new TerraformVariable(stack, "cidr", { type: "string" }).stringValue;
      // WHEN / THEN
      expect(() => new Vpc3Az(stack, "Vpc", { cidrBlock: cidr })).toThrow(
        /\[test\/Vpc\] invalid props: subnetPrefixLength is required when cidrBlock is a token/,
      );
    });

    test("fails when subnetSlots uses AZ letters while the AZs are looked up by position", () => {
      expect(() => new Vpc3Az(testStack(), "Vpc", { subnetSlots: { d: 3 } })).toThrow(
        /subnetSlots has keys that are not AZ keys of this VPC: \["d"\]. Allowed keys: \["a","b","c"\].*positions/,
      );
    });

    test("accepts tokens without checking them", () => {
      // GIVEN numbers and names only known at plan time
      const stack = testStack();
      const days = new TerraformVariable(stack, "days", { type: "number" }).numberValue;
      const azs = new TerraformVariable(stack, "azs", { type: "list(string)" }).listValue;
      const peer = new TerraformVariable(stack, "peer", { type: "string" }).stringValue;
      // WHEN / THEN
      expect(
        () =>
          new Vpc3Az(stack, "Vpc", {
            flowLogRetentionDays: days,
            availabilityZones: azs,
            publicNetworkAclIngress: [{ cidrBlock: peer, port: 22 }],
          }),
      ).not.toThrow();
    });
  });
});
