/** Small pure helpers for names and URLs. */
import { createHash } from "crypto";

// The CIDR syntax is core's (one parser for every package); named here for the package's tests.
export { canonicalIpv4Cidr, parseIpv4Cidr } from "@aurora-cdktf/core";

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
