import "cdktf/lib/testing/adapters/jest";
import { ValidationError } from "@aurora-cdktf/core";
import { LineageLogging } from "../src";
import { FakeImportedCluster, FakeManagedCluster } from "./fake-cluster";
import { testStack } from "./util";

/** `tags` of LineageLogging follow core's checkTags; RDS's `rds:` prefix only where it makes parameter groups. */
describe("LineageLogging tags", () => {
  const build = (cluster: "managed" | "existing", tags: Record<string, string>) => () => {
    const stack = testStack();
    const c =
      cluster === "managed"
        ? new FakeManagedCluster(stack, "Cluster")
        : new FakeImportedCluster(stack, "Cluster");
    new LineageLogging(stack, "Lineage", {
      cluster: c,
      tags,
      ...(cluster === "existing" ? { parameterGroupFamily: "aurora-postgresql16" } : {}),
    });
  };

  test.each<[string, "managed" | "existing", Record<string, string>, string]>([
    [
      "an aws: key",
      "managed",
      { "aws:team": "data" },
      'tags key "aws:team" starts with "aws:", a prefix AWS reserves',
    ],
    [
      "a 129-character key",
      "managed",
      { ["k".repeat(129)]: "v" },
      `tags key "${"k".repeat(129)}" must be 1-128 characters, got 129.`,
    ],
    [
      "a 257-character value",
      "managed",
      { team: "v".repeat(257) },
      'tags["team"] must be at most 256 characters',
    ],
    [
      "a value with '!'",
      "managed",
      { team: "data!" },
      'tags["team"] is "data!", with characters AWS rejects in tags',
    ],
    [
      "an rds: value on new parameter groups",
      "existing",
      { team: "rds:data" },
      'tags["team"] is "rds:data", starting with "rds:"',
    ],
  ])("refuses %s", (_name, cluster, tags, message) => {
    expect(build(cluster, tags)).toThrow(ValidationError);
    expect(build(cluster, tags)).toThrow(`[test/Lineage] invalid props: ${message}`);
  });

  test.each<[string, "managed" | "existing", Record<string, string>]>([
    ["ordinary tags", "existing", { team: "data", "cost-center": "CC 42" }],
    ["an rds: value when no parameter group is made here", "managed", { team: "rds:data" }],
  ])("accepts %s", (_name, cluster, tags) => {
    expect(build(cluster, tags)).not.toThrow();
  });
});
