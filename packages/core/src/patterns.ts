/**
 * Patterns shared by the packages' validation. One definition each, so that two packages never
 * accept different values for the same kind of input.
 */

/** An e-mail address as SNS `email` subscriptions take it (no display name, a dotted domain). */
export const EMAIL_PATTERN = /^[^\s@"'<>()[\]\\,;:]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$/;

/** An RDS parameter name: a letter, then letters, digits, `_` and `.` (e.g. `rds.force_ssl`, `DateStyle`). */
export const RDS_PARAMETER_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.]*$/;

/** A Secrets Manager secret name: 1-512 characters of letters, digits and `/_+=.@-`. */
export const SECRET_NAME_PATTERN = /^[\w/+=.@-]{1,512}$/;

/**
 * A CloudWatch Logs log group name: 1-512 characters of letters, digits and `. - _ / #`, not
 * starting with `aws/` (reserved; `/aws/...` is allowed).
 */
export const LOG_GROUP_NAME_PATTERN = /^(?!aws\/)[.\-_/#A-Za-z0-9]{1,512}$/;

/** Values listed more than once in `values`, in first-seen order. */
export function duplicatesOf(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}
