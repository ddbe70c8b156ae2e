import {
  canonicalIpv4Cidr,
  defaultName,
  isArmInstanceType,
  parseIpv4Cidr,
  parseS3Url,
} from "../src/private/net";

describe("private helpers", () => {
  describe("parseIpv4Cidr / canonicalIpv4Cidr", () => {
    it.each([
      ["10.0.0.0/8", "10.0.0.0/8"],
      ["10.1.2.3/8", "10.0.0.0/8"],
      ["203.0.113.77/28", "203.0.113.64/28"],
      ["198.51.100.7/32", "198.51.100.7/32"],
      ["255.255.255.255/0", "0.0.0.0/0"],
    ])("canonicalizes %s to %s", (cidr, canonical) => {
      expect(canonicalIpv4Cidr(cidr)).toBe(canonical);
    });

    it.each([
      "10.0.0.0",
      "10.0.0.0/33",
      "256.1.1.1/8",
      "01.2.3.4/8",
      "1.2.3/24",
      "a.b.c.d/8",
      " 10.0.0.0/8",
      "::/0",
    ])("rejects %s", (cidr) => {
      expect(parseIpv4Cidr(cidr)).toBeUndefined();
      expect(canonicalIpv4Cidr(cidr)).toBeUndefined();
    });
  });

  describe("defaultName", () => {
    it.each([
      ["prod/Bastion", "prod-Bastion"],
      ["my_stack/Ops Bastion", "my-stack-Ops-Bastion"],
      ["--/", "bastion"],
    ])("turns the path %s into %s", (path, name) => {
      expect(defaultName(path)).toBe(name);
    });

    it("cuts long paths and keeps them apart with a hash", () => {
      const a = defaultName(`${"x".repeat(50)}/A`);
      const b = defaultName(`${"x".repeat(50)}/B`);
      expect(a).toHaveLength(40);
      expect(a).not.toBe(b);
      expect(a).toMatch(/^x{31}-[0-9a-f]{8}$/);
    });
  });

  describe("isArmInstanceType", () => {
    it.each([
      "t4g.micro",
      "m7g.large",
      "m7gd.xlarge",
      "c7gn.medium",
      "im4gn.large",
      "is4gen.large",
      "a1.medium",
      "g5g.xlarge",
      "hpc7g.4xlarge",
    ])("recognizes %s as Graviton", (type) => expect(isArmInstanceType(type)).toBe(true));
    it.each([
      "t3.micro",
      "m7i-flex.large",
      "g4dn.xlarge",
      "c5n.large",
      "u-6tb1.56xlarge",
      "mac2-m2pro.metal",
      "x2iedn.xlarge",
    ])("recognizes %s as x86_64", (type) => expect(isArmInstanceType(type)).toBe(false));
  });

  describe("parseS3Url", () => {
    it("splits bucket and key", () => {
      expect(parseS3Url("s3://my-bucket/a/b/init.sh")).toEqual({ bucket: "my-bucket", key: "a/b/init.sh" });
    });
    it("returns undefined for https URLs and bucket-only URLs", () => {
      expect(parseS3Url("https://example.com/x.sh")).toBeUndefined();
      expect(parseS3Url("s3://bucket")).toBeUndefined();
    });
  });
});
