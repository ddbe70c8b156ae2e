import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { addDatafoldLineage } from "./fixtures/readme-usage";
import { FakeManagedCluster } from "./fake-cluster";
import { testStack } from "./util";
import * as publicApi from "../src";
import { describeReadmeApi } from "../../../test/helpers/unit";
import { ApplicationSchema, SessionLogging } from "@aurora-cdktf/postgres-bootstrap";

interface GrantJson {
  readonly object_type: string;
  readonly schema?: string;
  readonly privileges: string[];
}

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
    const connection = { database: "orders", sessionLogging: SessionLogging.SUPPRESSED };
    const schema = new ApplicationSchema(bootstrapStack, "App", { connection, schemaName: "app" });
    // WHEN
    const handover = addDatafoldLineage(clusterStack, bootstrapStack, cluster, connection, schema);
    app.synth();
    // THEN
    const read = (id: string) =>
      JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8"));
    expect(cluster.instanceCalls.map((c) => `${c.name}=${c.value}`)).toEqual(["log_statement=mod"]);
    expect(Object.keys(read("cluster").resource)).toEqual(
      expect.arrayContaining(["aws_iam_user", "aws_iam_access_key", "aws_secretsmanager_secret"]),
    );
    // the lineage role's grants: CONNECT, datafold_tmp, USAGE and SELECT on the bootstrap's schema
    const grants = Object.entries(read("bootstrap").resource.postgresql_grant as Record<string, GrantJson>)
      .filter(([id]) => id.startsWith("LineageAccess_"))
      .map(([, g]) => `${g.object_type} ${g.schema ?? "-"} ${g.privileges.join(",")}`)
      .sort();
    expect(grants).toEqual([
      "database - CONNECT",
      "schema ${postgresql_schema.LineageAccess_TempSchema_BD114B10.name} CREATE,USAGE",
      "schema app USAGE",
      "table app SELECT",
    ]);
    // AND its default privileges cover the tables each of the schema's object owners creates
    const owners = Object.entries(
      read("bootstrap").resource.postgresql_default_privileges as Record<string, { owner: string }>,
    )
      .filter(([id]) => id.startsWith("LineageAccess_"))
      .map(([, d]) => d.owner)
      .sort();
    expect(owners).toEqual([...schema.objectOwners].sort());
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
