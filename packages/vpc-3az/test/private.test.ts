import { isNetworkAddress, networkCidr, parseIpv4Cidr, subnetCapacity } from "../src/private/cidr";
import { networkAclEntries } from "../src/private/network-acl";
import { azKeyOf, planZones, regionOf } from "../src/private/zones";
import { NetworkAclMode } from "../src";

describe("private helpers", () => {
  describe("cidr", () => {
    test.each([
      ["10.0.0.0/16", { octets: [10, 0, 0, 0], prefixLength: 16 }],
      ["192.168.255.0/24", { octets: [192, 168, 255, 0], prefixLength: 24 }],
      ["0.0.0.0/0", { octets: [0, 0, 0, 0], prefixLength: 0 }],
    ])("parses %s", (cidr, parsed) => {
      expect(parseIpv4Cidr(cidr)).toEqual(parsed);
    });

    test.each([
      "10.0.0.0",
      "10.0.0/16",
      "10.0.0.256/24",
      "10.0.0.0/33",
      "010.0.0.0/16",
      " 10.0.0.0/16",
      "a.b.c.d/16",
    ])("rejects %j", (cidr) => {
      expect(parseIpv4Cidr(cidr)).toBeUndefined();
    });

    test.each([
      ["10.0.1.0/16", "10.0.0.0/16", false],
      ["10.0.0.0/16", "10.0.0.0/16", true],
      ["10.1.2.3/12", "10.0.0.0/12", false],
      ["172.31.200.0/20", "172.31.192.0/20", false],
      ["172.31.192.0/20", "172.31.192.0/20", true],
      ["10.0.0.17/28", "10.0.0.16/28", false],
    ])("the network address of %s is %s (host bits clear: %s)", (cidr, network, clear) => {
      const parsed = parseIpv4Cidr(cidr)!;
      expect(networkCidr(parsed)).toBe(network);
      expect(isNetworkAddress(parsed)).toBe(clear);
    });

    test("counts the subnets of a prefix length that fit in a network", () => {
      expect([
        subnetCapacity(16, 20),
        subnetCapacity(16, 24),
        subnetCapacity(20, 20),
        subnetCapacity(20, 16),
      ]).toEqual([16, 256, 1, 0]);
    });
  });

  describe("zones", () => {
    test.each([
      ["us-east-1a", "a", "us-east-1"],
      ["us-gov-west-1b", "b", "us-gov-west-1"],
      ["ap-southeast-2c", "c", "ap-southeast-2"],
      ["use1-az1", undefined, undefined],
      ["us-east-1", undefined, undefined],
    ])("%s has key %s in region %s", (name, key, region) => {
      expect([azKeyOf(name), regionOf(name)]).toEqual([key, region]);
    });

    test("keys literal names by letter and unknown names by position, with slot overrides", () => {
      expect(planZones(["us-east-1b", "us-east-1d", "us-east-1f"], true, { f: 2 })).toEqual([
        { key: "b", idSuffix: "B", name: "us-east-1b", slot: 1 },
        { key: "d", idSuffix: "D", name: "us-east-1d", slot: 3 },
        { key: "f", idSuffix: "F", name: "us-east-1f", slot: 2 },
      ]);
      expect(planZones(["x", "y", "z"], false).map((z) => [z.key, z.slot])).toEqual([
        ["a", 0],
        ["b", 1],
        ["c", 2],
      ]);
    });
  });

  describe("network ACL rules", () => {
    test("least privilege admits the VPC, return traffic and PMTU ICMP, then the extra entries", () => {
      const rules = networkAclEntries(NetworkAclMode.LEAST_PRIVILEGE, "10.1.0.0/16", [
        { cidrBlock: "203.0.113.0/24", port: 22 },
        { cidrBlock: "198.51.100.0/24", port: 8000, toPort: 8100, protocol: "udp" },
      ]);
      expect(
        rules.ingress.map((e) => `${e.ruleNo} ${e.protocol} ${e.cidrBlock} ${e.fromPort}-${e.toPort}`),
      ).toEqual([
        "100 -1 10.1.0.0/16 0-0",
        "110 tcp 0.0.0.0/0 1024-65535",
        "120 udp 0.0.0.0/0 1024-65535",
        "130 icmp 0.0.0.0/0 0-0",
        "200 tcp 203.0.113.0/24 22-22",
        "210 udp 198.51.100.0/24 8000-8100",
      ]);
      expect(rules.egress).toEqual([
        { ruleNo: 100, action: "allow", protocol: "-1", cidrBlock: "0.0.0.0/0", fromPort: 0, toPort: 0 },
      ]);
    });

    test("allow-all is the reference's rule 99 both ways and ignores extras", () => {
      const rules = networkAclEntries(NetworkAclMode.ALLOW_ALL, "10.1.0.0/16", [
        { cidrBlock: "203.0.113.0/24", port: 22 },
      ]);
      expect(
        [rules.ingress, rules.egress].map((r) => r.map((e) => `${e.ruleNo} ${e.protocol} ${e.cidrBlock}`)),
      ).toEqual([["99 -1 0.0.0.0/0"], ["99 -1 0.0.0.0/0"]]);
    });
  });
});
