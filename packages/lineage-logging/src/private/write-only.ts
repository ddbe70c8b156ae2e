import { Fn, Token } from "cdktf";

/**
 * A `*_wo_version` number for a write-only argument, derived from values that are not secret: the
 * first 32 bits of `sha256(jsonencode(values))`. It changes whenever one of them changes, so the
 * provider sends the write-only value again exactly then; nothing secret is hashed into state.
 */
export function writeOnlyVersion(values: unknown): number {
  return Token.asNumber(Fn.parseint(Fn.substr(Fn.sha256(Fn.jsonencode(values)), 0, 8), 16));
}
