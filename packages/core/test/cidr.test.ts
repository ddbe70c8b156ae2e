import { canonicalIpv4Cidr, ipv4CidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from "../src";

function parsed(cidr: string): Ipv4Cidr {
  const result = parseIpv4Cidr(cidr);
  if (result === undefined) throw new Error(`${cidr} does not parse`);
  return result;
}

describe("IPv4 CIDR blocks", () => {
  test.each([
    ["0.0.0.0/0", 0, 0],
    ["10.0.0.0/16", 10 * 2 ** 24, 16],
    ["192.168.255.0/24", 192 * 2 ** 24 + 168 * 2 ** 16 + 255 * 2 ** 8, 24],
    ["203.0.113.7/32", 203 * 2 ** 24 + 113 * 2 ** 8 + 7, 32],
    ["255.255.255.255/32", 2 ** 32 - 1, 32],
    ["10.1.2.3/8", 10 * 2 ** 24 + 2 ** 16 + 2 * 2 ** 8 + 3, 8],
  ])("parses %s into address %d, prefix %d", (cidr, address, prefix) => {
    expect(parseIpv4Cidr(cidr)).toEqual({ address, prefix });
  });

  test.each([
    "10.0.0.0",
    "10.0.0/16",
    "1.2.3/24",
    "10.0.0.256/24",
    "256.1.1.1/8",
    "10.0.0.0/33",
    "010.0.0.0/16",
    "01.2.3.4/8",
    "10.0.0.00/24",
    "10.0.0.0/08",
    "10.0.0.0/016",
    " 10.0.0.0/16",
    "10.0.0.0/16 ",
    "a.b.c.d/16",
    "::/0",
    "",
  ])("rejects %j", (cidr) => {
    expect(parseIpv4Cidr(cidr)).toBeUndefined();
    expect(canonicalIpv4Cidr(cidr)).toBeUndefined();
  });

  test.each([
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["10.1.2.3/8", "10.0.0.0/8"],
    ["10.0.1.0/16", "10.0.0.0/16"],
    ["172.31.200.0/20", "172.31.192.0/20"],
    ["10.0.0.17/28", "10.0.0.16/28"],
    ["203.0.113.77/28", "203.0.113.64/28"],
    ["198.51.100.7/32", "198.51.100.7/32"],
    ["255.255.255.255/0", "0.0.0.0/0"],
    ["255.255.255.255/31", "255.255.255.254/31"],
  ])("the canonical form of %s is %s", (cidr, canonical) => {
    expect(canonicalIpv4Cidr(cidr)).toBe(canonical);
  });

  test.each([
    ["10.0.0.0/8", "10.20.0.0/16", true],
    ["10.20.0.0/16", "10.0.0.0/8", true],
    ["10.0.0.0/8", "11.0.0.0/8", false],
    ["100.64.0.0/10", "100.127.255.0/24", true],
    ["100.64.0.0/10", "100.128.0.0/24", false],
    ["172.16.0.0/12", "172.32.0.0/16", false],
    ["192.168.1.0/24", "192.168.1.128/25", true],
    ["192.168.1.0/25", "192.168.1.128/25", false],
    ["203.0.113.7/32", "203.0.113.7/32", true],
    ["203.0.113.7/32", "203.0.113.8/32", false],
    ["0.0.0.0/0", "198.51.100.0/24", true],
  ])("%s and %s overlap: %s", (a, b, overlap) => {
    expect(ipv4CidrsOverlap(parsed(a), parsed(b))).toBe(overlap);
  });
});
