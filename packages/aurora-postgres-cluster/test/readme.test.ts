import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { Connections } from "@aurora-cdktf/core";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { ClusterStack } from "./fixtures/readme-usage";
import * as publicApi from "../src";
import { VPC } from "./cluster-helpers";
import { describeReadmeApi } from "../../../test/helpers/unit";

const PKG = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(PKG, "README.md"), "utf8");

describe("README", () => {
  test("its first snippet is identical to test/fixtures/readme-usage.ts, which tsc type-checks", () => {
    // GIVEN
    const fixture = fs.readFileSync(path.join(PKG, "test", "fixtures", "readme-usage.ts"), "utf8");
    // WHEN
    const first = /```ts\n([\s\S]*?)```/.exec(README);
    // THEN
    expect(first?.[1]).toBe(fixture);
  });

  test("its first snippet synthesizes a prod cluster reachable from the bastion", () => {
    // GIVEN
    const app = Testing.app();
    const bastion = {
      connections: new Connections({ scope: new Construct(app, "Bastion"), securityGroupId: "sg-bastion" }),
    };
    // WHEN
    const stack = new ClusterStack(app, "cluster", VPC, bastion);
    // THEN
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(RdsCluster, {
      cluster_identifier: "orders-prod",
      deletion_protection: true,
    });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      referenced_security_group_id: "sg-bastion",
      from_port: 5432,
    });
    expect(JSON.parse(synth).output.psql.value).toBe(
      "psql --host=${aws_rds_cluster.Orders_A9B65338.endpoint} --port=5432 --username=postgres --dbname=orders",
    );
  });

  test("maps every APG and MOD-01..06 reference id", () => {
    // GIVEN
    const ids = [
      ...Array.from({ length: 55 }, (_, i) => `APG-${String(i + 1).padStart(2, "0")}`),
      ...Array.from({ length: 6 }, (_, i) => `MOD-0${i + 1}`),
    ];
    // WHEN
    const table = README.slice(README.indexOf("## Reference ids"));
    // THEN
    const missing = ids.filter((id) => !new RegExp(`^\\| [^|]*\\b${id}\\b`, "m").test(table));
    expect(missing).toEqual([]);
  });

  test("points to the bootstrap package, which now holds the database bootstrap", () => {
    // THEN
    expect(README).not.toMatch(/^## Database bootstrap$/m);
    expect(README).toContain("[`@aurora-cdktf/postgres-bootstrap`](../postgres-bootstrap/README.md)");
  });
});

describeReadmeApi(PKG, publicApi, [
  "AURORA_POSTGRES_FAMILIES",
  "AuroraGlobalDatabase",
  "AuroraPostgresCluster",
  "ClusterActivityStream",
  "ClusterS3Access",
  "DEFAULT_ENGINE_VERSION",
  "ENVIRONMENT_STAGES",
  "STAGE_PRESETS",
]);
