/**
 * CIDR capacity reasoning on prefix lengths only (the syntax and the network address are core's). Addresses of subnets are never
 * computed here: the construct emits Terraform's own `cidrsubnet()` and the engine evaluates it.
 */
import { canonicalIpv4Cidr, parseIpv4Cidr as parseCoreIpv4Cidr } from "@aurora-cdktf/core";
import { Fn, Op } from "cdktf";

/** An IPv4 CIDR block split into its four octets and prefix length. */
export interface ParsedCidr {
  readonly octets: readonly [number, number, number, number];
  readonly prefixLength: number;
}

/** Parses "a.b.c.d/n" with core's `parseIpv4Cidr`; undefined when it is not a valid IPv4 CIDR (octets 0-255 without leading zeros, n 0-32). */
export function parseIpv4Cidr(cidr: string): ParsedCidr | undefined {
  const parsed = parseCoreIpv4Cidr(cidr);
  if (parsed === undefined) return undefined;
  const [a, b, c, d] = cidr.split("/")[0].split(".").map(Number);
  return { octets: [a, b, c, d], prefixLength: parsed.prefix };
}

/** The network address of `cidr` written as a CIDR ("10.0.1.0/16" -> "10.0.0.0/16"). */
export function networkCidr(cidr: ParsedCidr): string {
  return canonicalIpv4Cidr(written(cidr)) as string;
}

/** Whether the address part of `cidr` is its network address (no host bits set). */
export function isNetworkAddress(cidr: ParsedCidr): boolean {
  return networkCidr(cidr) === written(cidr);
}

function written(cidr: ParsedCidr): string {
  return `${cidr.octets.join(".")}/${cidr.prefixLength}`;
}

/** How many subnets of `subnetPrefixLength` fit in a network of `vpcPrefixLength`. */
export function subnetCapacity(vpcPrefixLength: number, subnetPrefixLength: number): number {
  return subnetPrefixLength < vpcPrefixLength ? 0 : 2 ** (subnetPrefixLength - vpcPrefixLength);
}

/** The VPC prefix lengths AWS accepts for a primary CIDR block. */
export const VPC_PREFIX_MIN = 16;
export const VPC_PREFIX_MAX = 28;
/** The smallest subnet AWS accepts. */
export const SUBNET_PREFIX_MAX = 28;

/**
 * `newbits` of `cidrsubnet`: subnet prefix minus VPC prefix. When the VPC prefix is unknown at synth
 * time (a token CIDR), the engine computes it (`split("/", cidr)`); validation then requires
 * `subnetPrefixLength`.
 */
export function subnetNewBits(
  cidrBlock: string,
  vpcPrefixLength: number | undefined,
  subnetPrefixLength: number | undefined,
): number {
  if (vpcPrefixLength !== undefined) return (subnetPrefixLength as number) - vpcPrefixLength;
  return Op.sub(subnetPrefixLength as number, Fn.tonumber(Fn.element(Fn.split("/", cidrBlock), 1)));
}
