import { NetworkAclIngress, NetworkAclMode } from "../vpc-3az-props";

/** One entry of an `aws_network_acl` ingress or egress block. */
export interface NaclEntry {
  readonly ruleNo: number;
  readonly action: "allow";
  readonly protocol: string;
  /** IPv4 source/destination; IPv6 entries have `ipv6CidrBlock` instead. */
  readonly cidrBlock?: string;
  readonly ipv6CidrBlock?: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
}

/** The ingress and egress entries of one tier's NACL. */
export interface NaclRuleSet {
  readonly ingress: NaclEntry[];
  readonly egress: NaclEntry[];
}

const ANYWHERE = "0.0.0.0/0";
const ANYWHERE_IPV6 = "::/0";
/** Ephemeral ports used by NAT gateways and common OSes for return traffic (AWS guidance). */
const EPHEMERAL_FROM = 1024;
const EPHEMERAL_TO = 65535;
/** Rule numbers of entries the user adds: 200, 210, ... */
const USER_RULES_FROM = 200;

function allowAll(ruleNo: number, cidrBlock: string): NaclEntry {
  return { ruleNo, action: "allow", protocol: "-1", cidrBlock, fromPort: 0, toPort: 0 };
}

/**
 * The entries of one tier's network ACL (what `aws_network_acl` gets inline).
 *
 * - ALLOW_ALL: rule 99 allows everything in and out (reference VPC-11).
 * - LEAST_PRIVILEGE: ingress from the VPC CIDR (100), TCP (110) and UDP (120) return traffic on
 *   ephemeral ports from anywhere, ICMP "fragmentation needed" (130, path-MTU discovery), then the
 *   user's entries from 200 in steps of 10; egress allows everything (100): instances and NAT
 *   gateways initiate connections to any port, and replies leave on the clients' ephemeral ports.
 *   Everything else is denied by the NACL's implicit final rule.
 */
export function networkAclEntries(
  mode: NetworkAclMode,
  vpcCidr: string,
  extra: NetworkAclIngress[] = [],
  vpcIpv6Cidr?: string,
): NaclRuleSet {
  const v6 = vpcIpv6Cidr === undefined ? undefined : ipv6Entries(mode, vpcIpv6Cidr);
  if (mode === NetworkAclMode.ALLOW_ALL) {
    return {
      ingress: [allowAll(99, ANYWHERE), ...(v6?.ingress ?? [])],
      egress: [allowAll(99, ANYWHERE), ...(v6?.egress ?? [])],
    };
  }
  const ingress: NaclEntry[] = [
    allowAll(100, vpcCidr),
    {
      ruleNo: 110,
      action: "allow",
      protocol: "tcp",
      cidrBlock: ANYWHERE,
      fromPort: EPHEMERAL_FROM,
      toPort: EPHEMERAL_TO,
    },
    {
      ruleNo: 120,
      action: "allow",
      protocol: "udp",
      cidrBlock: ANYWHERE,
      fromPort: EPHEMERAL_FROM,
      toPort: EPHEMERAL_TO,
    },
    {
      ruleNo: 130,
      action: "allow",
      protocol: "icmp",
      cidrBlock: ANYWHERE,
      fromPort: 0,
      toPort: 0,
      icmpType: 3,
      icmpCode: 4,
    },
    ...extra.map((e, i) => ({
      ruleNo: USER_RULES_FROM + 10 * i,
      action: "allow" as const,
      protocol: e.protocol ?? "tcp",
      cidrBlock: e.cidrBlock,
      fromPort: e.port,
      toPort: e.toPort ?? e.port,
    })),
  ];
  return {
    ingress: [...ingress, ...(v6?.ingress ?? [])].sort((x, y) => x.ruleNo - y.ruleNo),
    egress: [allowAll(100, ANYWHERE), ...(v6?.egress ?? [])],
  };
}

/**
 * The IPv6 counterparts of a dual-stack tier's IPv4 entries, numbered next to them so that the
 * IPv4 numbers stay: allow-all 98; least-privilege ingress 101 (all from the VPC's IPv6 block),
 * 111/121 (TCP/UDP 1024-65535 from ::/0: replies through the internet or egress-only gateway), 131
 * (ICMPv6 "packet too big", path-MTU discovery), egress 101 (all to ::/0).
 */
function ipv6Entries(mode: NetworkAclMode, vpcIpv6Cidr: string): NaclRuleSet {
  const all = (ruleNo: number, ipv6CidrBlock: string): NaclEntry => ({
    ruleNo,
    action: "allow",
    protocol: "-1",
    ipv6CidrBlock,
    fromPort: 0,
    toPort: 0,
  });
  if (mode === NetworkAclMode.ALLOW_ALL) {
    return { ingress: [all(98, ANYWHERE_IPV6)], egress: [all(98, ANYWHERE_IPV6)] };
  }
  const ephemeral = (ruleNo: number, protocol: string): NaclEntry => ({
    ruleNo,
    action: "allow",
    protocol,
    ipv6CidrBlock: ANYWHERE_IPV6,
    fromPort: EPHEMERAL_FROM,
    toPort: EPHEMERAL_TO,
  });
  return {
    ingress: [
      all(101, vpcIpv6Cidr),
      ephemeral(111, "tcp"),
      ephemeral(121, "udp"),
      {
        ruleNo: 131,
        action: "allow",
        protocol: "58",
        ipv6CidrBlock: ANYWHERE_IPV6,
        fromPort: 0,
        toPort: 0,
        icmpType: 2,
        icmpCode: 0,
      },
    ],
    egress: [all(101, ANYWHERE_IPV6)],
  };
}

/**
 * The entries of the database tier's NACL.
 *
 * - ALLOW_ALL: rule 99 allows everything in and out, as the other tiers.
 * - LEAST_PRIVILEGE: ingress on the database port (TCP) from each private subnet (100, 110, ...),
 *   then the user's entries from 200; egress only the replies: TCP 1024-65535 to each private subnet
 *   (100, 110, ...) and the ephemeral ports of each user entry's protocol to its CIDR (200, 210, ...).
 *   The tier has no route out of the VPC, and its NACL admits nothing else.
 */
export function databaseNetworkAclEntries(
  mode: NetworkAclMode,
  privateSubnetCidrs: string[],
  port: number,
  extra: NetworkAclIngress[] = [],
): NaclRuleSet {
  if (mode === NetworkAclMode.ALLOW_ALL) {
    return { ingress: [allowAll(99, ANYWHERE)], egress: [allowAll(99, ANYWHERE)] };
  }
  const entry = (ruleNo: number, protocol: string, cidrBlock: string, from: number, to: number) => ({
    ruleNo,
    action: "allow" as const,
    protocol,
    cidrBlock,
    fromPort: from,
    toPort: to,
  });
  return {
    ingress: [
      ...privateSubnetCidrs.map((cidr, i) => entry(100 + 10 * i, "tcp", cidr, port, port)),
      ...extra.map((e, i) =>
        entry(USER_RULES_FROM + 10 * i, e.protocol ?? "tcp", e.cidrBlock, e.port, e.toPort ?? e.port),
      ),
    ],
    egress: [
      ...privateSubnetCidrs.map((cidr, i) => entry(100 + 10 * i, "tcp", cidr, EPHEMERAL_FROM, EPHEMERAL_TO)),
      ...extra.map((e, i) =>
        entry(USER_RULES_FROM + 10 * i, e.protocol ?? "tcp", e.cidrBlock, EPHEMERAL_FROM, EPHEMERAL_TO),
      ),
    ],
  };
}
