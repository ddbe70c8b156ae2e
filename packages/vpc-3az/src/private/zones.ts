import { Token } from "cdktf";

/** One AZ of the layout: its key (construct ids, CIDR slot) and its name. */
export interface ZonePlan {
  /** "a" for us-east-1a; the position letter when names are only known at plan time. */
  readonly key: string;
  /** The key in construct ids: "A". */
  readonly idSuffix: string;
  /** The AZ name, or a token. */
  readonly name: string;
  /** CIDR slot: public subnet netnum 2*slot, private 2*slot+1. */
  readonly slot: number;
}

/** A regional AZ name: region ("us-east-1", "us-gov-west-1") followed by one letter. */
const AZ_NAME = /^([a-z]{2}(?:-[a-z]+)+-\d+)([a-z])$/;

/** The letter ending an AZ name ("us-east-1a" -> "a"), or undefined when `name` is not an AZ name. */
export function azKeyOf(name: string): string | undefined {
  return AZ_NAME.exec(name)?.[2];
}

/** The region of an AZ name ("us-east-1a" -> "us-east-1"), or undefined when `name` is not an AZ name. */
export function regionOf(name: string): string | undefined {
  return AZ_NAME.exec(name)?.[1];
}

/** The default CIDR slot of an AZ key: its position in the alphabet (a=0). */
export function defaultSlot(key: string): number {
  return key.charCodeAt(0) - "a".charCodeAt(0);
}

/** Position keys for AZs whose names are unknown at synth time. */
export const POSITION_KEYS = ["a", "b", "c"] as const;

/** Whether AZ names are known at synth time (a literal list of literal names). */
export function namesAreLiteral(names: string[] | undefined): names is string[] {
  return names !== undefined && !Token.isUnresolved(names) && names.every((n) => !Token.isUnresolved(n));
}

/**
 * The zones of the layout. Literal AZ names are keyed by their letter; names unknown at synth time
 * (`names` a token list, token elements, or looked up from the region) are keyed by position.
 */
export function planZones(
  names: string[],
  literal: boolean,
  slots: { [key: string]: number } = {},
): ZonePlan[] {
  return names.map((name, i) => {
    const key = (literal ? azKeyOf(name) : undefined) ?? POSITION_KEYS[i] ?? String(i);
    return { key, idSuffix: key.toUpperCase(), name, slot: slots[key] ?? defaultSlot(key) };
  });
}
