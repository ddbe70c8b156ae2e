/** Small pure helpers for names, CIDRs and URLs. */
import { createHash } from "crypto";

/** Parses "a.b.c.d/n"; undefined when it is not a valid IPv4 CIDR block. */
export function parseIpv4Cidr(cidr: string): { address: number; prefix: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o, i) => o > 255 || String(o) !== m[i + 1]) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { address, prefix };
}

/** The canonical form of a valid CIDR (host bits cleared), e.g. "10.0.0.5/8" -> "10.0.0.0/8". */
export function canonicalIpv4Cidr(cidr: string): string | undefined {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) return undefined;
  const size = 2 ** (32 - parsed.prefix);
  const network = Math.floor(parsed.address / size) * size;
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256);
  return `${octets.join(".")}/${parsed.prefix}`;
}

/**
 * The default base name of the bastion's resources: the construct path with every run of
 * characters other than letters and digits turned into "-", e.g. "prod/Bastion" -> "prod-Bastion".
 * Longer than 40 characters: cut and suffixed with a hash of the path, to stay unique.
 */
export function defaultName(path: string): string {
  const name = path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "bastion";
  if (name.length <= 40) return name;
  const hash = createHash("sha256").update(path).digest("hex").slice(0, 8);
  return `${name.slice(0, 31).replace(/-+$/, "")}-${hash}`;
}

/** Splits "s3://bucket/key" into bucket and key; undefined for any other URL. */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  return m ? { bucket: m[1], key: m[2] } : undefined;
}

/** Whether an instance type is a Graviton (arm64) type, e.g. t4g.micro, m7gd.large, a1.medium. */
export function isArmInstanceType(instanceType: string): boolean {
  const family = instanceType.split(".")[0];
  return family === "a1" || /^[a-z]+\d+g[a-z]*$/.test(family);
}
