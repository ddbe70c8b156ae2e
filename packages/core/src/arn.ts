import { Fn, Token } from "cdktf";
import { IKmsKeyRef } from "./references";
import { Validator } from "./validation";

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

/** What {@link checkArn} expects of one kind of ARN. */
export interface ArnRule {
  /** The service field, e.g. `rds`. */
  readonly service: string;
  /** The resource field(s) after the account, e.g. `/^cluster:[a-z][a-z0-9-]*$/`. */
  readonly resource: RegExp;
  /** The ARN's shape for messages, e.g. `arn:<partition>:rds:<region>:<account>:cluster:<identifier>`. */
  readonly shape: string;
  /**
   * Whether the ARN names a region (IAM ARNs do not).
   *
   * @default true
   */
  readonly regional?: boolean;
}

const PARTITION = /^aws(?:-[a-z]+)*$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;

/** The partition a region belongs to (`cn-north-1` -> `aws-cn`), for regions of the known prefixes. */
export function partitionOfRegion(region: string): string | undefined {
  if (!REGION.test(region)) return undefined;
  const prefixes: [RegExp, string][] = [
    [/^cn-/, "aws-cn"],
    [/^us-gov-/, "aws-us-gov"],
    [/^us-isob-/, "aws-iso-b"],
    [/^us-iso-/, "aws-iso"],
    [/^eu-isoe-/, "aws-iso-e"],
    [/^us-isof-/, "aws-iso-f"],
  ];
  return prefixes.find(([p]) => p.test(region))?.[1] ?? "aws";
}

/**
 * Records a failure unless a literal `arn` has the shape of `rule`: a partition, the service, a
 * region (when regional) of that partition, a 12-digit account and a matching resource. Tokens are
 * accepted unchecked.
 */
export function checkArn(v: Validator, field: string, arn: string | undefined, rule: ArnRule): Validator {
  if (arn === undefined || Token.isUnresolved(arn)) return v;
  const [prefix, partition = "", service = "", region = "", account = "", ...rest] = arn.split(":");
  const resource = rest.join(":");
  const regional = rule.regional ?? true;
  const ok =
    prefix === "arn" &&
    PARTITION.test(partition) &&
    service === rule.service &&
    (regional ? REGION.test(region) : region === "") &&
    ACCOUNT.test(account) &&
    rule.resource.test(resource);
  if (!ok) {
    return v.check(
      true,
      `${field} must be an ARN ${rule.shape}, got ${JSON.stringify(arn)}. Fix: pass the ARN of that resource (not its name or id).`,
    );
  }
  const expected = regional ? partitionOfRegion(region) : undefined;
  return v.check(
    expected !== undefined && expected !== partition,
    `${field} ${JSON.stringify(arn)} has partition "${partition}", but region "${region}" is in partition "${expected}". Fix: use arn:${expected}:... for that region.`,
  );
}

/** The ARN of a KMS key (`key/<id>`): CloudWatch Logs and launch templates take no alias ARN. */
const KMS_KEY_ARN: ArnRule = {
  service: "kms",
  resource: /^key\/[A-Za-z0-9-]+$/,
  shape: "arn:<partition>:kms:<region>:<account>:key/<key id> (a key ARN, not an alias ARN or a key id)",
};

/**
 * Records a failure unless the literal ARN of `key` is a KMS key ARN in `region` (when both are
 * known at synth time: a key of another region cannot encrypt this stack's resources).
 */
export function checkKmsKeyArn(
  v: Validator,
  field: string,
  key: IKmsKeyRef | undefined,
  region?: string,
): Validator {
  if (key === undefined || Token.isUnresolved(key.arn)) return v;
  const before = v.messages.length;
  checkArn(v, `${field}.arn`, key.arn, KMS_KEY_ARN);
  if (v.messages.length > before || region === undefined || Token.isUnresolved(region)) return v;
  const keyRegion = key.arn.split(":")[3];
  return v.check(
    keyRegion !== region,
    `${field}.arn ${JSON.stringify(key.arn)} is a key in ${keyRegion}, but this stack deploys to ${region}; KMS keys are regional. Fix: use a key in ${region}.`,
  );
}
