import { AURORA_POSTGRES_FAMILIES } from "../engine";

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
