import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { Extension } from "@cdktf/provider-postgresql/lib/extension";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { Schema } from "@cdktf/provider-postgresql/lib/schema";
import { IAuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { BootstrapStack } from "./fixtures/bootstrap-usage";
import * as publicApi from "../src";
import { describeReadmeApi } from "../../../test/helpers/unit";

const DOC = path.join(__dirname, "..", "README.md");

/** The README's "## Usage" section, up to the next level-2 heading. */
function bootstrapSection(): string {
  const readme = fs.readFileSync(DOC, "utf8");
  const start = readme.indexOf("\n## Usage\n");
  if (start < 0) throw new Error(`${DOC} has no "## Usage" section`);
  const rest = readme.slice(start + 1);
  const next = rest.indexOf("\n## ", 1);
  return next < 0 ? rest : rest.slice(0, next + 1);
}
const FIXTURE = path.join(__dirname, "fixtures", "bootstrap-usage.ts");

/** The first ```ts block of a markdown file. */
function firstTsSnippet(markdown: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(markdown);
  if (!match) throw new Error(`${DOC} has no \`\`\`ts snippet`);
  return match[1];
}

describe("README section 'Usage'", () => {
  test("exists and documents the two-phase deploy", () => {
    expect(bootstrapSection()).toMatch(/^## Usage\n/);
  });

  test("its first snippet is identical to test/fixtures/bootstrap-usage.ts, which tsc type-checks", () => {
    // GIVEN
    const doc = bootstrapSection();
    // THEN
    expect(firstTsSnippet(doc)).toBe(fs.readFileSync(FIXTURE, "utf8"));
  });

  test("its first snippet synthesizes a bootstrap configured from the cluster", () => {
    // GIVEN: a cluster as the cluster stack exposes it (here, attributes written by hand)
    const cluster = {
      clusterIdentifier: "orders",
      clusterArn: "arn:aws:rds:eu-west-1:111122223333:cluster:orders",
      clusterResourceId: "cluster-ABC",
      clusterEndpoint: "orders.cluster-abc.eu-west-1.rds.amazonaws.com",
      readerEndpoint: "orders.cluster-ro-abc.eu-west-1.rds.amazonaws.com",
      port: 5432,
      databaseName: "orders",
      masterUsername: "dbadmin",
      masterUserSecretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-abc",
      postgresqlLogGroupName: "/aws/rds/cluster/orders/postgresql",
    } as Omit<IAuroraPostgresCluster, "connections"> as IAuroraPostgresCluster;
    // WHEN
    const stack = new BootstrapStack(Testing.app(), "bootstrap", cluster);
    // THEN
    const out = Testing.synth(stack);
    expect(out).toHaveProviderWithProperties(PostgresqlProvider, {
      host: "127.0.0.1",
      port: 15432,
      database: "orders",
      username: "dbadmin",
      superuser: false,
      sslmode: "require",
    });
    const parsed = JSON.parse(out) as {
      locals?: Record<string, string>;
      ephemeral?: Record<string, unknown>;
    };
    expect(Object.keys(parsed.ephemeral ?? {})).toEqual(["aws_secretsmanager_secret_version"]);
    expect(Object.values(parsed.locals ?? {})).toEqual([cluster.masterUserSecretArn]);
    expect(out).toHaveResourceWithProperties(Extension, { name: "pgaudit", database: "orders" });
    expect(out).toHaveResourceWithProperties(Schema, { name: "app", database: "orders" });
    const json = JSON.parse(out) as { output: Record<string, { sensitive?: boolean; value: string }> };
    expect(json.output.app_rw_password).toEqual({
      sensitive: true,
      value: "${random_password.App_ReadWrite_Password_0F609CC1.result}",
    });
  });
});

describeReadmeApi(path.join(__dirname, ".."), publicApi, [
  "ApplicationSchema",
  "AWS_S3_EXTENSIONS",
  "AwsS3Extension",
  "ClusterProviderSettings",
  "DEFAULT_EXTENSIONS",
  "DependencyChain",
  "GENERATED_PASSWORD_LENGTH",
  "PostgresExtensions",
  "PostgresRole",
  "PostgresTunnel",
  "READ_ONLY_TABLE_PRIVILEGES",
  "READ_WRITE_SEQUENCE_PRIVILEGES",
  "READ_WRITE_TABLE_PRIVILEGES",
  "SUPPRESSED_SESSION_PGOPTIONS",
  "SessionLogging",
  "clusterProviderConfig",
]);
