import { Fn, Token } from "cdktf";

/** The parts of an ARN (`arn:<partition>:<service>:<region>:<account>:...`) this package needs. */
export interface ArnParts {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/**
 * Splits an ARN into partition, region and account. A literal ARN is split here; a token (known
 * only at apply time) becomes `element(split(":", arn), n)` expressions.
 */
export function arnParts(arn: string): ArnParts {
  if (!Token.isUnresolved(arn)) {
    const parts = arn.split(":");
    return { partition: parts[1] ?? "aws", region: parts[3] ?? "", account: parts[4] ?? "" };
  }
  const part = (i: number): string => Token.asString(Fn.element(Fn.split(":", arn), i));
  return { partition: part(1), region: part(3), account: part(4) };
}

/** The ARN of a CloudWatch Logs log group (without the `:*` suffix), in the partition/region/account of `parts`. */
export function logGroupArn(parts: ArnParts, logGroupName: string): string {
  return `arn:${parts.partition}:logs:${parts.region}:${parts.account}:log-group:${logGroupName}`;
}

/** The ARN of an AWS-managed IAM policy in the given partition. */
export function awsManagedPolicyArn(partition: string, policyName: string): string {
  return `arn:${partition}:iam::aws:policy/${policyName}`;
}
