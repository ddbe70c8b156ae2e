/** IPv4 CIDR blocks ("a.b.c.d/n"): syntax, the network address, overlap. */

/** An IPv4 CIDR block: its address as an unsigned 32-bit integer and its prefix length. */
export interface Ipv4Cidr {
  readonly address: number;
  readonly prefix: number;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; undefined unless each octet is 0-255 and n 0-32, written without leading zeros. */
export function parseIpv4Cidr(cidr: string): Ipv4Cidr | undefined {
  const m = IPV4_CIDR.exec(cidr);
  if (!m) return undefined;
  const parts = m.slice(1, 6);
  if (parts.some((p) => p.length > 1 && p.startsWith("0"))) return undefined;
  const [a, b, c, d, prefix] = parts.map(Number);
  if ([a, b, c, d].some((o) => o > 255) || prefix > 32) return undefined;
  return { address: ((a * 256 + b) * 256 + c) * 256 + d, prefix };
}

/** The network address of `cidr` at `prefix` (its own by default): the host bits cleared. */
function network(cidr: Ipv4Cidr, prefix = cidr.prefix): number {
  const size = 2 ** (32 - prefix);
  return Math.floor(cidr.address / size) * size;
}

/**
 * The canonical form of a valid IPv4 CIDR block, as AWS stores it (host bits cleared), e.g.
 * "10.1.2.3/8" -> "10.0.0.0/8"; undefined when `cidr` does not parse. A block is free of host bits
 * when it equals its canonical form.
 */
export function canonicalIpv4Cidr(cidr: string): string | undefined {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) return undefined;
  const address = network(parsed);
  return `${[24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".")}/${parsed.prefix}`;
}

/** Whether two IPv4 CIDR blocks share an address (one contains the other). */
export function ipv4CidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  return network(a, prefix) === network(b, prefix);
}
