/**
 * A tiny evaluator of the CloudWatch Logs filter-pattern syntax this package uses, so tests can
 * prove that a metric filter matches the lines the bastion really writes. Supported:
 *
 * - JSON patterns `{ $.a.b = "text" }`, `{ $.a != "text" }`, joined by `&&` / `||`, with `*` as a
 *   wildcard inside the quoted value. A JSON pattern never matches an event that is not a JSON object.
 * - Term patterns: one or more terms (bare or double-quoted), all of which must occur in the event
 *   (case-sensitive substring match; CloudWatch's token match is stricter, so a term that is not a
 *   substring can never match in CloudWatch either).
 *
 * Anything else throws: an unsupported pattern must not pass a test by accident.
 */
export function filterPatternMatches(pattern: string, event: string): boolean {
  const p = pattern.trim();
  if (p.startsWith("{")) return jsonPatternMatches(p, event);
  return termPatternMatches(p, event);
}

function termPatternMatches(pattern: string, event: string): boolean {
  const terms: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^\s"]+)/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    const term = m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2];
    if (/^[?\-[\]{}]/.test(term)) throw new Error(`unsupported term syntax: ${term}`);
    terms.push(term);
  }
  if (terms.length === 0) return true; // the empty pattern matches everything
  return terms.every((t) => event.includes(t));
}

function jsonPatternMatches(pattern: string, event: string): boolean {
  const m = /^\{\s*(.*?)\s*\}$/s.exec(pattern);
  if (!m) throw new Error(`not a JSON filter pattern: ${pattern}`);
  let doc: unknown;
  try {
    doc = JSON.parse(event);
  } catch {
    return false;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return false;
  // "||" binds weaker than "&&" (no parentheses in this subset).
  return m[1].split("||").some((alt) => alt.split("&&").every((cmp) => comparisonMatches(cmp.trim(), doc)));
}

function comparisonMatches(cmp: string, doc: unknown): boolean {
  const m = /^\$((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(=|!=)\s*"((?:[^"\\]|\\.)*)"$/.exec(cmp);
  if (!m) throw new Error(`unsupported JSON comparison: ${cmp}`);
  const [, selector, op, raw] = m;
  let value: unknown = doc;
  for (const key of selector.slice(1).split(".")) {
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value !== "string") return op === "!=" && value !== undefined;
  const expected = raw.replace(/\\(.)/g, "$1");
  const regex = new RegExp(`^${expected.split("*").map(escapeRegExp).join(".*")}$`, "s");
  const equal = regex.test(value);
  return op === "=" ? equal : !equal;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
