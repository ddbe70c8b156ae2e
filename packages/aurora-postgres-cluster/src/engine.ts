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
