import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { LineageDatabaseAccess, LineageHandover, LineageLogging } from "../src";
import { FakeManagedCluster } from "./fake-cluster";
import { resolved, resources, synthJson, testStack } from "./util";
import { SessionLogging } from "@aurora-cdktf/postgres-bootstrap";

function setup() {
  const stack = testStack();
  const logging = new LineageLogging(stack, "Lineage", { cluster: new FakeManagedCluster(stack, "Cluster") });
  const databaseAccess = new LineageDatabaseAccess(stack, "Access", {
    connection: { database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
    observedSchemas: ["sales"],
    tableOwners: ["app_owner"],
  });
  return { stack, logging, databaseAccess };
}

const expectedFields = {
  name: "orders-prod",
  host: "orders-prod.cluster-abc.eu-west-1.rds.amazonaws.com",
  port: 5432,
  user: expect.stringMatching(/^\$\{postgresql_role\.Access_Role_\w+\.name\}$/),
  password: expect.stringMatching(/^\$\{random_password\.Access_Role_Password_\w+\.result\}$/),
  databaseName: "orders",
  awsAccessKey: expect.stringMatching(/^\$\{aws_iam_access_key\.Lineage_AccessKey_\w+\.id\}$/),
  awsSecretReference: expect.stringMatching(
    /^\$\{aws_secretsmanager_secret\.Lineage_AccessKeySecret_\w+\.arn\}$/,
  ),
  cloudwatchPostgresLogGroup: "/aws/rds/cluster/orders-prod/postgresql",
  schemaForTemporaryTables: expect.stringMatching(/^\$\{postgresql_schema\.Access_TempSchema_\w+\.name\}$/),
};

describe("LineageHandover", () => {
  describe("defaults", () => {
    test("collects every field of the Datafold form (LIN-11)", () => {
      // GIVEN
      const { stack, logging, databaseAccess } = setup();
      // WHEN
      const handover = new LineageHandover(stack, "Handover", { logging, databaseAccess });
      // THEN
      expect(resolved(stack, handover.fields)).toEqual(expectedFields);
    });

    test("creates no output and no secret unless asked", () => {
      // GIVEN
      const { stack, logging, databaseAccess } = setup();
      // WHEN
      const handover = new LineageHandover(stack, "Handover", { logging, databaseAccess });
      // THEN
      expect(synthJson(stack).output).toBeUndefined();
      expect(Object.keys(resources(stack, "aws_secretsmanager_secret"))).toEqual([
        expect.stringMatching(/^Lineage_AccessKeySecret_/),
      ]);
      expect(handover.output).toBeUndefined();
      expect(handover.secretArn).toBeUndefined();
    });
  });

  describe("outputs", () => {
    test("registers one sensitive output named datafold_connection that references the AWS secret", () => {
      // GIVEN
      const { stack, logging, databaseAccess } = setup();
      // WHEN
      new LineageHandover(stack, "Handover", { logging, databaseAccess, registerOutputs: true });
      // THEN
      const outputs = synthJson(stack).output ?? {};
      expect(Object.keys(outputs)).toEqual(["datafold_connection"]);
      expect(outputs.datafold_connection.sensitive).toBe(true);
      expect(outputs.datafold_connection.value).toEqual(expectedFields);
      expect(JSON.stringify(outputs)).not.toMatch(/aws_iam_access_key\.\w+\.secret/);
    });

    test("uses the given output name, host, port and data source name", () => {
      // GIVEN
      const { stack, logging, databaseAccess } = setup();
      // WHEN
      new LineageHandover(stack, "Handover", {
        logging,
        databaseAccess,
        registerOutputs: true,
        outputName: "lineage",
        host: "127.0.0.1",
        port: 15432,
        dataSourceName: "Orders (prod)",
      });
      // THEN
      const value = synthJson(stack).output?.lineage?.value as Record<string, unknown>;
      expect(value).toMatchObject({ host: "127.0.0.1", port: 15432, name: "Orders (prod)" });
    });
  });

  describe("secret", () => {
    test("stores the fields as JSON in a Secrets Manager secret when asked, write-only", () => {
      // GIVEN
      const { stack, logging, databaseAccess } = setup();
      const key = new KmsKey(stack, "Key", {});
      // WHEN
      const handover = new LineageHandover(stack, "Handover", {
        logging,
        databaseAccess,
        createSecret: true,
        secretKmsKey: key,
      });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(SecretsmanagerSecret, {
        name: "datafold/orders-prod/connection",
        kms_key_id: "${aws_kms_key.Key.arn}",
      });
      expect(synthed).toHaveResourceWithProperties(SecretsmanagerSecretVersion, {
        secret_id: expect.stringMatching(/aws_secretsmanager_secret\.Handover_Secret_\w+\.id/),
        // a new version when a field or the password's version changes; the password is not hashed
        secret_string_wo_version: expect.stringMatching(
          /^\$\{parseint\(substr\(sha256\(jsonencode\(\{"name" = "orders-prod", (?!.*random_password).*"passwordVersion" = 1\}\)\), 0, 8\), 16\)\}$/,
        ),
        // `username` (= user) right after `user`: the key an RDS Proxy auth entry reads
        secret_string_wo: expect.stringMatching(
          /^\$\{jsonencode\(\{"name" = "orders-prod", .*"user" = postgresql_role\.Access_Role_\w+\.name, "username" = postgresql_role\.Access_Role_\w+\.name, .*"password" = random_password\.Access_Role_Password_\w+\.result, .*"awsSecretReference" = aws_secretsmanager_secret\.Lineage_AccessKeySecret_\w+\.arn, .*"schemaForTemporaryTables" = postgresql_schema\.Access_TempSchema_\w+\.name\}\)\}$/,
        ),
      });
      expect(resolved(stack, handover.secretArn)).toMatch(
        /aws_secretsmanager_secret\.Handover_Secret_\w+\.arn/,
      );
    });
  });

  describe("across stacks", () => {
    test("reads the AWS side from the cluster stack without moving the secret key", () => {
      // GIVEN the two-phase layout: AWS side in the cluster stack, database side in the bootstrap stack
      const app = Testing.app();
      const clusterStack = testStack("cluster", app);
      const logging = new LineageLogging(clusterStack, "Lineage", {
        cluster: new FakeManagedCluster(clusterStack, "Cluster"),
      });
      const bootstrapStack = testStack("bootstrap", app);
      const databaseAccess = new LineageDatabaseAccess(bootstrapStack, "Access", {
        connection: { database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
        observedSchemas: ["sales"],
        tableOwners: ["app_owner"],
      });
      // WHEN
      new LineageHandover(bootstrapStack, "Handover", { logging, databaseAccess, registerOutputs: true });
      // THEN the cluster stack exports only the key id and the secret's ARN
      app.synth();
      const read = (id: string) =>
        JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8"));
      expect(read("bootstrap").output.datafold_connection.sensitive).toBe(true);
      const exported = JSON.stringify(read("cluster").output ?? {});
      expect(exported).toMatch(/aws_iam_access_key\.Lineage_AccessKey_\w+\.id/);
      expect(exported).toMatch(/aws_secretsmanager_secret\.Lineage_AccessKeySecret_\w+\.arn/);
      expect(exported).not.toMatch(/\.secret\b/);
    });
  });
});
