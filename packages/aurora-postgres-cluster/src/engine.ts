/**
 * Engine versions and their parameter-group families (APG-05/17, modernized per MOD-02).
 *
 * The reference offered 11.16 / 12.11 / 13.7 / 14.3 with a `DBFamilyMap`; those majors have left
 * Aurora standard support. This library accepts the current majors 15, 16 and 17 and derives the
 * family from the major version, as the reference's map did.
 */

/** Parameter-group family per supported Aurora PostgreSQL major version. */
export const AURORA_POSTGRES_FAMILIES: Readonly<Record<string, string>> = Object.freeze({
  "15": "aurora-postgresql15",
  "16": "aurora-postgresql16",
  "17": "aurora-postgresql17",
});

/** The engine version used when `engineVersion` is not given. */
export const DEFAULT_ENGINE_VERSION = "16.8";

/** `major.minor`, e.g. "16.8". */
export const ENGINE_VERSION_PATTERN = /^(\d+)\.(\d+)$/;

/** The parameter-group family of `engineVersion`, or undefined when its major is not supported. */
export function parameterGroupFamily(engineVersion: string): string | undefined {
  const match = ENGINE_VERSION_PATTERN.exec(engineVersion);
  return match ? AURORA_POSTGRES_FAMILIES[match[1]] : undefined;
}

/** `engine_lifecycle_support` value for an explicit Extended Support choice (MOD-03). */
export function engineLifecycleSupport(extendedSupport: boolean | undefined): string | undefined {
  if (extendedSupport === undefined) return undefined;
  return extendedSupport ? "open-source-rds-extended-support" : "open-source-rds-extended-support-disabled";
}
