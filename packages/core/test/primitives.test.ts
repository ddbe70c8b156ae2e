import "cdktf/lib/testing/adapters/jest";
import { Fn, TerraformStack, Testing, Token } from "cdktf";
import {
  arnParts,
  AwsContext,
  awsManagedPolicyArn,
  CLOUDWATCH_LOG_RETENTION_DAYS,
  duplicatesOf,
  EMAIL_PATTERN,
  IDENTIFIER_PATTERN,
  logGroupArn,
  RDS_PARAMETER_NAME_PATTERN,
  rdsPostgresqlLogGroupName,
} from "../src";
import { resolve, synthJson, testStack } from "../../../test/helpers/unit";

describe("arn", () => {
  test("splits a literal ARN into its parts", () => {
    expect(arnParts("arn:aws-cn:rds:cn-north-1:111122223333:cluster:orders")).toEqual({
      partition: "aws-cn",
      service: "rds",
      region: "cn-north-1",
      account: "111122223333",
      resource: "cluster:orders",
    });
  });

  test("splits a token into element(split()) expressions", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const parts = arnParts(Token.asString(Fn.lower("ARN")));
    expect(resolve(stack, parts.account)).toBe('${element(split(":", lower("ARN")), 4)}');
  });

  test("builds log group and managed policy ARNs", () => {
    const parts = { partition: "aws", region: "eu-west-1", account: "123456789012" };
    expect(logGroupArn(parts, "/aws/rds/cluster/x/postgresql")).toBe(
      "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/cluster/x/postgresql",
    );
    expect(awsManagedPolicyArn("aws-us-gov", "CloudWatchLogsReadOnlyAccess")).toBe(
      "arn:aws-us-gov:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
    );
  });
});

describe("logs", () => {
  test("names the log group RDS exports the postgresql log to", () => {
    expect(rdsPostgresqlLogGroupName("orders")).toBe("/aws/rds/cluster/orders/postgresql");
  });

  test("lists the retention values CloudWatch Logs accepts, 0 meaning never expire", () => {
    expect(CLOUDWATCH_LOG_RETENTION_DAYS).toContain(0);
    expect(CLOUDWATCH_LOG_RETENTION_DAYS).toContain(365);
    expect(CLOUDWATCH_LOG_RETENTION_DAYS).not.toContain(2);
    expect(CLOUDWATCH_LOG_RETENTION_DAYS).toHaveLength(23);
  });
});

describe("AwsContext", () => {
  test("creates only the data sources whose values are read, with the ids given", () => {
    const stack = testStack();
    const ctx = new AwsContext(stack, { account: "Account" });
    expect(resolve(stack, ctx.partition)).toBe("${data.aws_partition.Partition.partition}");
    expect(resolve(stack, ctx.dnsSuffix)).toBe("${data.aws_partition.Partition.dns_suffix}");
    expect(resolve(stack, ctx.accountId)).toBe("${data.aws_caller_identity.Account.account_id}");
    const data = synthJson(stack).data ?? {};
    expect(Object.keys(data).sort()).toEqual(["aws_caller_identity", "aws_partition"]);
    expect(Object.keys(data.aws_partition)).toEqual(["Partition"]);
  });
});

describe("patterns", () => {
  test.each([
    ["ops@example.com", true],
    ["first.last+db@mail.example.co.uk", true],
    ["ops@localhost", false],
    ["Ops <ops@example.com>", false],
    ["ops@@example.com", false],
    ["ops example@example.com", false],
  ])("EMAIL_PATTERN accepts %s: %s", (value, ok) => {
    expect(EMAIL_PATTERN.test(value)).toBe(ok);
  });

  test.each([
    ["log_statement", true],
    ["rds.force_ssl", true],
    ["DateStyle", true],
    ["1abc", false],
    ["log statement", false],
    ["", false],
  ])("RDS_PARAMETER_NAME_PATTERN accepts %s: %s", (value, ok) => {
    expect(RDS_PARAMETER_NAME_PATTERN.test(value)).toBe(ok);
  });

  test.each([
    ["sales", true],
    ["a".repeat(63), true],
    ["a".repeat(64), false],
    ["_x", false],
    ["x$1", false],
    ["1sales", false],
    ["Sales", false],
    ['sa"les', false],
  ])("IDENTIFIER_PATTERN accepts %s: %s", (value, ok) => {
    expect(IDENTIFIER_PATTERN.test(value)).toBe(ok);
  });

  test("duplicatesOf lists repeated values in first-seen order", () => {
    expect(duplicatesOf(["a", "b", "a", "c", "b", "a"])).toEqual(["a", "b"]);
    expect(duplicatesOf(["a", "b"])).toEqual([]);
  });
});
