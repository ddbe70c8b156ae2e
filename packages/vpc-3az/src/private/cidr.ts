/**
 * CIDR syntax and capacity reasoning on prefix lengths only. Addresses of subnets are never
 * computed here: the construct emits Terraform's own `cidrsubnet()` and the engine evaluates it.
 */
import { Fn, Op } from "cdktf";

/** An IPv4 CIDR block split into its four octets and prefix length. */
export interface ParsedCidr {
  readonly octets: readonly [number, number, number, number];
  readonly prefixLength: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; undefined when it is not a valid IPv4 CIDR (octets 0-255 without leading zeros, n 0-32). */
export function parseIpv4Cidr(cidr: string): ParsedCidr | undefined {
  const m = CIDR.exec(cidr);
  if (!m) return undefined;
  const parts = m.slice(1, 6);
  if (parts.some((p) => p.length > 1 && p.startsWith("0"))) return undefined;
  const [a, b, c, d, n] = parts.map(Number);
  if ([a, b, c, d].some((o) => o > 255) || n > 32) return undefined;
  return { octets: [a, b, c, d], prefixLength: n };
}

/**
 * The network address of `cidr` written as a CIDR ("10.0.1.0/16" -> "10.0.0.0/16"). Each octet is
 * rounded down to a multiple of the block size the prefix leaves in it (256, 128, ... 1).
 */
export function networkCidr(cidr: ParsedCidr): string {
  const octets = cidr.octets.map((octet, i) => {
    const networkBits = Math.min(8, Math.max(0, cidr.prefixLength - 8 * i));
    const blockSize = 2 ** (8 - networkBits);
    return octet - (octet % blockSize);
  });
  return `${octets.join(".")}/${cidr.prefixLength}`;
}

/** Whether the address part of `cidr` is its network address (no host bits set). */
export function isNetworkAddress(cidr: ParsedCidr): boolean {
  return networkCidr(cidr) === `${cidr.octets.join(".")}/${cidr.prefixLength}`;
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
