import { Fn, Token } from "cdktf";

/** The parts of an ARN (`arn:<partition>:<service>:<region>:<account>:<resource>`). */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the account, e.g. `cluster:orders` or `log-group:/aws/x`. */
  readonly resource: string;
}

/**
 * Splits an ARN. A literal ARN is split here; a token (known only at apply time) becomes
 * `element(split(":", arn), n)` expressions (its `resource` is then the sixth field only).
 */
export function arnParts(arn: string): ArnParts {
  if (!Token.isUnresolved(arn)) {
    const parts = arn.split(":");
    return {
      partition: parts[1] ?? "aws",
      service: parts[2] ?? "",
      region: parts[3] ?? "",
      account: parts[4] ?? "",
      resource: parts.slice(5).join(":"),
    };
  }
  const part = (i: number): string => Token.asString(Fn.element(Fn.split(":", arn), i));
  return { partition: part(1), service: part(2), region: part(3), account: part(4), resource: part(5) };
}

/** Partition, region and account, as {@link arnParts} or {@link AwsContext} give them. */
export interface ArnLocation {
  readonly partition: string;
  readonly region: string;
  /** The account id. */
  readonly account: string;
}

/** The ARN of a CloudWatch Logs log group, without the `:*` suffix. */
export function logGroupArn(where: ArnLocation, logGroupName: string): string {
  return `arn:${where.partition}:logs:${where.region}:${where.account}:log-group:${logGroupName}`;
}

/** The ARN of an AWS-managed IAM policy in `partition`. */
export function awsManagedPolicyArn(partition: string, policyName: string): string {
  return `arn:${partition}:iam::aws:policy/${policyName}`;
}
