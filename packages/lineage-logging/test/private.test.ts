import "cdktf/lib/testing/adapters/jest";
import { arnParts, awsManagedPolicyArn, logGroupArn } from "../src/private/arn";
import { duplicates, PG_IDENTIFIER } from "../src/private/names";

describe("private/arn", () => {
  test("splits a literal ARN into partition, region and account", () => {
    expect(arnParts("arn:aws-cn:rds:cn-north-1:111122223333:cluster:orders")).toEqual({
      partition: "aws-cn",
      region: "cn-north-1",
      account: "111122223333",
    });
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

describe("private/names", () => {
  test("finds duplicates in first-seen order", () => {
    expect(duplicates(["a", "b", "a", "c", "b", "a"])).toEqual(["a", "b"]);
    expect(duplicates(["a", "b"])).toEqual([]);
  });

  test.each([
    ["sales", true],
    ["_x$1", true],
    ["a".repeat(63), true],
    ["a".repeat(64), false],
    ["1sales", false],
    ["Sales", false],
    ["sales eu", false],
    ['sa"les', false],
  ])("PG_IDENTIFIER accepts %s: %s", (name, ok) => {
    expect(PG_IDENTIFIER.test(name)).toBe(ok);
  });
});
