import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { addDatafoldLineage } from "./fixtures/readme-usage";
import { FakeManagedCluster } from "./fake-cluster";
import { testStack } from "./util";
import * as publicApi from "../src";
import { describeReadmeApi } from "../../../test/helpers/unit";
import { SessionLogging } from "@aurora-cdktf/postgres-bootstrap";

const pkg = path.join(__dirname, "..");

describe("README", () => {
  test("starts with the usage snippet that the fixture type-checks", () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(pkg, "README.md"), "utf8");
    const fixture = fs.readFileSync(path.join(pkg, "test", "fixtures", "readme-usage.ts"), "utf8");
    // WHEN
    const first = /```ts\n([\s\S]*?)```/.exec(readme);
    // THEN
    expect(first?.[1]).toBe(fixture);
  });

  test("the usage snippet synthesizes both stacks", () => {
    // GIVEN
    const app = Testing.app();
    const clusterStack = testStack("cluster", app);
    const bootstrapStack = testStack("bootstrap", app);
    const cluster = new FakeManagedCluster(clusterStack, "Cluster");
    // WHEN
    const handover = addDatafoldLineage(clusterStack, bootstrapStack, cluster, {
      database: "orders",
      sessionLogging: SessionLogging.SUPPRESSED,
    });
    app.synth();
    // THEN
    const read = (id: string) =>
      JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8"));
    expect(cluster.instanceCalls.map((c) => `${c.name}=${c.value}`)).toEqual(["log_statement=mod"]);
    expect(Object.keys(read("cluster").resource)).toEqual(
      expect.arrayContaining(["aws_iam_user", "aws_iam_access_key", "aws_secretsmanager_secret"]),
    );
    expect(Object.keys(read("bootstrap").resource.postgresql_grant)).toHaveLength(6); // CONNECT + 5
    expect(read("bootstrap").output.datafold_connection.sensitive).toBe(true);
    expect(handover.output).toBeDefined();
  });
});

describeReadmeApi(pkg, publicApi, [
  "LineageDatabaseAccess",
  "LineageHandover",
  "LineageLogAccess",
  "LineageLogStatement",
  "LineageLogging",
]);
