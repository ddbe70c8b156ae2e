import { NetworkAclIngress, NetworkAclMode } from "../vpc-3az-props";

/** One entry of an `aws_network_acl` ingress or egress block. */
export interface NaclEntry {
  readonly ruleNo: number;
  readonly action: "allow";
  readonly protocol: string;
  readonly cidrBlock: string;
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
): NaclRuleSet {
  if (mode === NetworkAclMode.ALLOW_ALL) {
    return { ingress: [allowAll(99, ANYWHERE)], egress: [allowAll(99, ANYWHERE)] };
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
  return { ingress, egress: [allowAll(100, ANYWHERE)] };
}
