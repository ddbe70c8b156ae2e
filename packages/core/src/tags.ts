import { Token } from "cdktf";
import { Validator } from "./validation";

/** The characters AWS accepts in tag keys and values (RDS, IAM, KMS, CloudWatch Logs, SNS): letters, digits, white space and `_ . : / = + - @`. */
export const TAG_CHARACTERS_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Most tags AWS allows on one resource. */
const MAX_TAGS = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;

/** Options of {@link checkTags}. */
export interface TagRuleOptions {
  /**
   * Prefixes the tagged service reserves besides `aws:` (keys), for keys and values, compared
   * case-insensitively: RDS reserves `aws:` and `rds:` in both.
   *
   * @default - none beyond `aws:` for keys
   */
  readonly reservedPrefixes?: readonly string[];
  /**
   * Tag keys the construct sets on the same resources itself. They count towards the 50-tag limit;
   * with `refuseConstructKeys`, a user tag of the same key is refused.
   *
   * @default - none
   */
  readonly constructKeys?: readonly string[];
  /**
   * Refuse user tags whose key is one of `constructKeys`, naming `constructKeysSource` as the prop
   * that sets them.
   *
   * @default false
   */
  readonly refuseConstructKeys?: boolean;
  /** The prop that sets `constructKeys`, for the message (e.g. "mandatoryTags and stage"). */
  readonly constructKeysSource?: string;
}

/** Unicode characters of `s` (AWS counts characters, not UTF-16 units). */
function length(s: string): number {
  return Array.from(s).length;
}

/**
 * Records the failures of a tag map as AWS checks it at apply time: keys of 1-128 and values of
 * 0-256 characters of {@link TAG_CHARACTERS_PATTERN}, no key starting with `aws:` (any case), no key
 * or value with one of `reservedPrefixes`, at most 50 tags with the construct's own. Tokens are
 * accepted unchecked.
 */
export function checkTags(
  v: Validator,
  field: string,
  tags: Readonly<Record<string, string>> | undefined,
  options: TagRuleOptions = {},
): Validator {
  if (tags === undefined || Token.isUnresolved(tags)) return v;
  const reserved = [...new Set(["aws:", ...(options.reservedPrefixes ?? [])].map((p) => p.toLowerCase()))];
  const valuePrefixes = (options.reservedPrefixes ?? []).map((p) => p.toLowerCase());
  const prefixOf = (s: string, prefixes: readonly string[]) =>
    prefixes.find((p) => s.toLowerCase().startsWith(p));
  const allowed = "letters, digits, spaces and _ . : / = + - @";
  for (const [key, value] of Object.entries(tags)) {
    if (Token.isUnresolved(key)) continue;
    const k = JSON.stringify(key);
    const keyPrefix = prefixOf(key, reserved);
    v.check(
      length(key) < 1 || length(key) > MAX_KEY_LENGTH,
      `${field} key ${k} must be 1-${MAX_KEY_LENGTH} characters, got ${length(key)}. Fix: shorten the key.`,
    )
      .check(
        !TAG_CHARACTERS_PATTERN.test(key),
        `${field} key ${k} has characters AWS rejects in tags; allowed: ${allowed}. Fix: replace the other characters, e.g. with "-".`,
      )
      .check(
        keyPrefix !== undefined,
        `${field} key ${k} starts with "${keyPrefix}", a prefix AWS reserves for its own tags (reserved here: ${reserved.join(", ")}). Fix: use a key of your own, e.g. without the prefix.`,
      );
    if (typeof value !== "string") {
      v.check(true, `${field}[${k}] must be a string, got ${JSON.stringify(value)}. Fix: quote the value.`);
      continue;
    }
    if (Token.isUnresolved(value)) continue;
    const valuePrefix = prefixOf(value, valuePrefixes);
    v.check(
      length(value) > MAX_VALUE_LENGTH,
      `${field}[${k}] must be at most ${MAX_VALUE_LENGTH} characters, got ${length(value)}. Fix: shorten the value.`,
    )
      .check(
        !TAG_CHARACTERS_PATTERN.test(value),
        `${field}[${k}] is ${JSON.stringify(value)}, with characters AWS rejects in tags; allowed: ${allowed}. Fix: replace the other characters.`,
      )
      .check(
        valuePrefix !== undefined,
        `${field}[${k}] is ${JSON.stringify(value)}, starting with "${valuePrefix}", a prefix the service reserves (${valuePrefixes.join(", ")}). Fix: drop the prefix.`,
      );
  }
  const own = options.constructKeys ?? [];
  const clashes = Object.keys(tags).filter((key) => own.includes(key));
  const count = new Set([...Object.keys(tags), ...own]).size;
  return v
    .check(
      options.refuseConstructKeys === true && clashes.length > 0,
      `${field} sets ${clashes.map((c) => JSON.stringify(c)).join(", ")}, which ${options.constructKeysSource ?? "the construct"} already set${clashes.length === 1 ? "s" : ""} on the same resources (the two values would differ between resources). Fix: remove ${clashes.length === 1 ? "it" : "them"} from ${field}.`,
    )
    .check(
      count > MAX_TAGS,
      `${field} gives ${Object.keys(tags).length} tags; with the construct's own (${own.join(", ") || "none"}) that is ${count}, more than the ${MAX_TAGS} AWS allows on one resource. Fix: drop some tags.`,
    );
}
