import { Token } from "cdktf";
import {
  canonicalIpv4Cidr,
  duplicatesOf,
  ipv4CidrsOverlap,
  Ipv4Cidr,
  parseIpv4Cidr,
  Validator,
} from "@aurora-cdktf/core";
import { AuroraPostgresClusterProps } from "../aurora-postgres-cluster-props";
import { ResolvedSettings } from "./defaults";
import { groupCount, groupReaderIdentifier, instanceIdentifier } from "./instances";

/** At most this many CIDR blocks (one ingress rule each; a security group holds 60 inbound rules by default). */
export const MAX_PUBLIC_READER_CIDRS = 50;
/** The widest block accepted: a published egress range is a few addresses, not a region of the internet. */
const MIN_PREFIX = 16;
/** Ranges that never come from the internet (RFC 1918, shared address space, loopback, link-local). */
const NON_INTERNET_RANGES = [
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
];

/** The failures of one literal `allowedCidrs` entry (first failure only: later ones follow from it). */
function cidrFailure(cidr: string): string | undefined {
  const name = "publicReader.allowedCidrs";
  if (cidr === "0.0.0.0/0" || cidr === "::/0") {
    return `${name} must not hold ${JSON.stringify(cidr)}: the public path admits the clients' published addresses only, not the whole internet. Fix: give the client's egress CIDRs, e.g. "203.0.113.7/32".`;
  }
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) {
    return `${name} must hold IPv4 CIDR blocks such as "203.0.113.7/32", got ${JSON.stringify(cidr)}.`;
  }
  const canonical = canonicalIpv4Cidr(cidr);
  if (canonical !== cidr) {
    return `${name} entry ${JSON.stringify(cidr)} has host bits set (AWS would store "${canonical}"). Fix: use "${canonical}", or "${cidr.split("/")[0]}/32" for that single address.`;
  }
  if (parsed.prefix < MIN_PREFIX) {
    return `${name} entry ${JSON.stringify(cidr)} is wider than /${MIN_PREFIX}: a published egress range is narrower. Fix: give the client's published CIDRs.`;
  }
  const range = NON_INTERNET_RANGES.find((r) => ipv4CidrsOverlap(parsed, parseIpv4Cidr(r) as Ipv4Cidr));
  if (range !== undefined) {
    return `${name} entry ${JSON.stringify(cidr)} is in ${range}, which never comes from the internet. Fix: admit clients inside the VPC or its peers with allowConnectionsFrom, and give internet addresses here.`;
  }
  return undefined;
}

/** The identifier of the reader `publicReader` makes publicly accessible, if any. */
export function publicReaderIdentifier(
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
): string | undefined {
  const p = props.publicReader;
  if (p === undefined) return undefined;
  return p.readerGroup === undefined
    ? instanceIdentifier(s.clusterIdentifier, 1)
    : groupReaderIdentifier(s.clusterIdentifier, p.readerGroup, 1);
}

/** The rules of `publicReader`. */
export function validatePublicReader(
  v: Validator,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
): void {
  const p = props.publicReader;
  if (p === undefined) return;
  const cidrs = p.allowedCidrs;
  if (Token.isUnresolved(cidrs) || cidrs.some((c) => Token.isUnresolved(c))) {
    v.check(
      true,
      "publicReader.allowedCidrs must be literal CIDR blocks (each is checked and becomes one ingress rule), got a token.",
    );
  } else {
    v.check(
      cidrs.length === 0 || cidrs.length > MAX_PUBLIC_READER_CIDRS,
      `publicReader.allowedCidrs must hold 1-${MAX_PUBLIC_READER_CIDRS} CIDR blocks, got ${cidrs.length}.`,
    );
    for (const cidr of cidrs) {
      const failure = cidrFailure(cidr);
      v.check(failure !== undefined, failure ?? "");
    }
    const dups = duplicatesOf(cidrs);
    v.check(dups.length > 0, `publicReader.allowedCidrs has duplicates: ${JSON.stringify(dups)}.`);
    const peers = new Set(
      s.allowConnectionsFrom.map((peer) => ("cidrIpv4" in peer ? peer.cidrIpv4 : undefined)),
    );
    const both = cidrs.filter((c) => peers.has(c));
    v.check(
      both.length > 0,
      `publicReader.allowedCidrs ${JSON.stringify(both)} are in allowConnectionsFrom too, which already admits them. Fix: remove them from one of the two.`,
    );
  }
  if (p.readerGroup === undefined) {
    v.check(
      !Token.isUnresolved(s.readers) && s.readers < 1,
      `publicReader needs a reader to make public, but readers is ${s.readers} and no readerGroup is named: a public writer is not offered. Fix: set readers: 1 or more, or name a reader group with count 1 in publicReader.readerGroup.`,
    );
  } else {
    const group = props.readerGroups?.[p.readerGroup];
    const known = Object.keys(props.readerGroups ?? {});
    v.check(
      group === undefined,
      `publicReader.readerGroup ${JSON.stringify(p.readerGroup)} is not a reader group (readerGroups: ${JSON.stringify(known)}). Fix: name one of them, or leave readerGroup out for the first numbered reader.`,
    );
    v.check(
      group !== undefined && groupCount(group) !== 1,
      `publicReader.readerGroup ${JSON.stringify(p.readerGroup)} has count ${group ? groupCount(group) : 0}: exactly one reader is made public. Fix: give the public reader a group of its own with count 1.`,
    );
  }
  const publicSubnets = props.vpc.publicSubnetIds;
  v.check(
    !Token.isUnresolved(publicSubnets) && publicSubnets.length < 2,
    `publicReader needs the VPC's public subnets in at least two AZs (the DB subnet group goes over them), got ${publicSubnets.length}. Fix: use a VPC with public subnets (Vpc3Az has them).`,
  );
  const forceSsl = Object.entries(props.clusterParameters ?? {}).find(
    ([name]) => name.toLowerCase() === "rds.force_ssl",
  );
  v.check(
    forceSsl !== undefined && forceSsl[1] !== "1",
    `clusterParameters sets rds.force_ssl to ${JSON.stringify(forceSsl?.[1])}, but publicReader requires TLS on the public path. Fix: remove the override (the default is "1").`,
  );
}
