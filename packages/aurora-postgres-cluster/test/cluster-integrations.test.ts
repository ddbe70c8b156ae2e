import "cdktf/lib/testing/adapters/jest";
import { TerraformStack, Testing } from "cdktf";
import {
  AuroraGlobalDatabase,
  AuroraPostgresCluster,
  ClusterActivityStream,
  ClusterActivityStreamProps,
  ClusterS3Access,
  ClusterS3AccessProps,
  IAuroraPostgresCluster,
} from "../src";
import { minimalProps, onlyResource, resourcesOf, synthJson, testStack } from "./cluster-helpers";
import { resolve, thrownBy } from "../../../test/helpers/unit";

const IMPORTED = {
  clusterIdentifier: "orders",
  clusterArn: "arn:aws:rds:us-east-1:123456789012:cluster:orders",
  clusterResourceId: "cluster-ABC",
  clusterEndpoint: "orders.cluster-abc.us-east-1.rds.amazonaws.com",
  databaseName: "orders",
  masterUsername: "postgres",
  securityGroupId: "sg-0123456789abcdef0",
};
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

function imported(stack: TerraformStack): IAuroraPostgresCluster {
  return AuroraPostgresCluster.fromClusterAttributes(stack, "Imported", IMPORTED);
}

/** A policy document data source's statements, by sid (the ones without a sid under "-"). */
function statements(stack: TerraformStack, prefix: string): Record<string, Record<string, unknown>> {
  const docs = synthJson(stack).data?.aws_iam_policy_document ?? {};
  const id = Object.keys(docs).find((k) => k.includes(prefix));
  if (!id) throw new Error(`no policy document ${prefix} in ${Object.keys(docs).join(", ")}`);
  const all = docs[id].statement as Record<string, unknown>[];
  return Object.fromEntries(all.map((s) => [(s.sid as string | undefined) ?? "-", s]));
}

describe("ClusterS3Access", () => {
  test("an import role: trusted by RDS for this cluster only, read on the prefix, list limited to it, KMS decrypt", () => {
    // GIVEN
    const stack = testStack();
    // WHEN
    new ClusterS3Access(stack, "S3", {
      cluster: imported(stack),
      importFrom: [{ bucketName: "orders-in", prefix: "daily/", kmsKeyArn: KEY_ARN }],
    });
    // THEN
    const role = onlyResource(stack, "aws_iam_role");
    expect(role.name).toBe("orders-s3-import");
    const trust = statements(stack, "TrustPolicy")["-"];
    expect(trust).toEqual({
      actions: ["sts:AssumeRole"],
      principals: [{ type: "Service", identifiers: ["rds.amazonaws.com"] }],
      condition: [
        { test: "StringEquals", variable: "aws:SourceAccount", values: ["123456789012"] },
        { test: "ArnLike", variable: "aws:SourceArn", values: [IMPORTED.clusterArn] },
      ],
    });
    const policy = statements(stack, "ImportPolicyDocument");
    expect(policy.ReadObjects).toMatchObject({
      actions: ["s3:GetObject"],
      resources: ["arn:aws:s3:::orders-in/daily/*"],
    });
    expect(policy.ListBucket0).toMatchObject({
      actions: ["s3:ListBucket"],
      resources: ["arn:aws:s3:::orders-in"],
      condition: [{ test: "StringLike", variable: "s3:prefix", values: ["daily/*"] }],
    });
    expect(policy.UseBucketKeys).toMatchObject({ actions: ["kms:Decrypt"], resources: [KEY_ARN] });
    expect(onlyResource(stack, "aws_rds_cluster_role_association")).toMatchObject({
      db_cluster_identifier: "orders",
      feature_name: "s3Import",
    });
  });

  test("an export role: put and abort multipart on the objects, KMS generate and decrypt, no list", () => {
    // GIVEN
    const stack = testStack();
    // WHEN
    const access = new ClusterS3Access(stack, "S3", {
      cluster: imported(stack),
      exportTo: [
        { bucketName: "orders-out", prefix: "exports/", kmsKeyArn: KEY_ARN },
        { bucketName: "orders-archive" },
      ],
      exportRoleName: "orders-export",
    });
    // THEN
    expect(access.importRole).toBeUndefined();
    expect(onlyResource(stack, "aws_iam_role").name).toBe("orders-export");
    const policy = statements(stack, "ExportPolicyDocument");
    expect(Object.keys(policy).sort()).toEqual(["UseBucketKeys", "WriteObjects"]);
    expect(policy.WriteObjects).toMatchObject({
      actions: ["s3:PutObject", "s3:AbortMultipartUpload"],
      resources: ["arn:aws:s3:::orders-out/exports/*", "arn:aws:s3:::orders-archive/*"],
    });
    expect(policy.UseBucketKeys).toMatchObject({ actions: ["kms:GenerateDataKey", "kms:Decrypt"] });
    expect(onlyResource(stack, "aws_rds_cluster_role_association").feature_name).toBe("s3Export");
  });

  test("both features: two roles, two associations, each after its role's policy; no KMS statement without a key", () => {
    // GIVEN
    const stack = testStack();
    const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
    // WHEN
    new ClusterS3Access(stack, "S3", {
      cluster,
      importFrom: [{ bucketName: "orders-in" }],
      exportTo: [{ bucketName: "orders-out" }],
    });
    // THEN
    const associations = Object.values(resourcesOf(stack, "aws_rds_cluster_role_association"));
    expect(associations.map((a) => a.feature_name).sort()).toEqual(["s3Export", "s3Import"]);
    for (const a of associations) {
      expect(a.depends_on).toEqual([
        expect.stringMatching(/^aws_iam_role_policy\.S3_(Import|Export)Policy_/),
      ]);
    }
    expect(statements(stack, "ImportPolicyDocument").UseBucketKeys).toBeUndefined();
    expect(statements(stack, "ImportPolicyDocument").ListBucket0.condition).toBeUndefined();
    // the trust condition names the created cluster's ARN
    expect(statements(stack, "TrustPolicy")["-"].condition).toContainEqual({
      test: "ArnLike",
      variable: "aws:SourceArn",
      values: ["${aws_rds_cluster.Cluster_EB0386A7.arn}"],
    });
  });

  const BAD: [string, Partial<ClusterS3AccessProps>, string][] = [
    ["no location", {}, "importFrom and exportTo are both empty, so there is no role to create."],
    [
      "a bucket ARN",
      { importFrom: [{ bucketName: "arn:aws:s3:::orders-in" }] },
      'importFrom[0].bucketName is an ARN ("arn:aws:s3:::orders-in"). Fix: give the bucket name only, e.g. "orders-in".',
    ],
    [
      "an upper-case bucket",
      { exportTo: [{ bucketName: "Orders" }] },
      'exportTo[0].bucketName must be an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit), got "Orders".',
    ],
    [
      "a wildcard prefix",
      { importFrom: [{ bucketName: "orders-in", prefix: "daily/*" }] },
      'importFrom[0].prefix must be a key prefix of 1-1024 characters without a leading "/" and without "*" or "?"',
    ],
    ["a leading slash", { importFrom: [{ bucketName: "orders-in", prefix: "/daily/" }] }, 'got "/daily/"'],
    [
      "an alias instead of a key ARN",
      { importFrom: [{ bucketName: "orders-in", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/s3" }] },
      "importFrom[0].kmsKeyArn must be an ARN arn:<partition>:kms:<region>:<account>:key/<key id> (a key ARN, not an alias)",
    ],
    [
      "a location twice",
      { exportTo: [{ bucketName: "orders-out" }, { bucketName: "orders-out" }] },
      "exportTo lists s3://orders-out/ more than once. Fix: list each bucket and prefix once.",
    ],
    [
      "a role name too long",
      { importFrom: [{ bucketName: "orders-in" }], importRoleName: "r".repeat(65) },
      `importRoleName "${"r".repeat(65)}" must be an IAM role name: 1-64 of letters, digits and +=,.@_-.`,
    ],
    [
      "one name for both roles",
      {
        importFrom: [{ bucketName: "orders-in" }],
        exportTo: [{ bucketName: "orders-out" }],
        importRoleName: "orders-s3",
        exportRoleName: "orders-s3",
      },
      'importRoleName and exportRoleName are both "orders-s3"; each feature has its own role.',
    ],
  ];
  test.each(BAD)("refuses %s", (_, props, message) => {
    // GIVEN
    const stack = testStack();
    // WHEN
    const error = thrownBy(() => new ClusterS3Access(stack, "S3", { cluster: imported(stack), ...props }));
    // THEN
    expect(error.message).toContain(message);
    expect(error.message).toContain("[test/S3]");
  });

  test("refuses a second import role for the same cluster, naming the first", () => {
    // GIVEN
    const stack = testStack();
    const cluster = imported(stack);
    new ClusterS3Access(stack, "First", { cluster, importFrom: [{ bucketName: "orders-in" }] });
    // WHEN
    const error = thrownBy(
      () => new ClusterS3Access(stack, "Second", { cluster, importFrom: [{ bucketName: "orders-more" }] }),
    );
    // THEN
    expect(error.message).toContain(
      "cluster orders already has an s3Import role from test/First; RDS associates one role per feature with a cluster.",
    );
  });
});

describe("ClusterActivityStream", () => {
  test("defaults: async, a key of its own with rotation and alias, after the cluster's instances", () => {
    // GIVEN
    const stack = testStack();
    const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps({ readers: 1 }));
    // WHEN
    const stream = new ClusterActivityStream(stack, "Das", { cluster });
    // THEN
    const das = onlyResource(stack, "aws_rds_cluster_activity_stream");
    expect(das).toMatchObject({
      mode: "async",
      resource_arn: "${aws_rds_cluster.Cluster_EB0386A7.arn}",
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.Das_Key_[0-9A-F]+\.arn\}$/),
    });
    expect(das.depends_on).toHaveLength(2);
    expect(das.engine_native_audit_fields_included).toBeUndefined();
    const key = Object.values(resourcesOf(stack, "aws_kms_key")).find((k) =>
      String(k.description).includes("activity stream"),
    );
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(Object.values(resourcesOf(stack, "aws_kms_alias")).map((a) => a.name)).toContain(
      "alias/orders-activity-stream",
    );
    expect(resolve(stack, stream.kinesisStreamName)).toMatch(
      /^\$\{aws_rds_cluster_activity_stream\.Das_[0-9A-F]+\.kinesis_stream_name\}$/,
    );
  });

  test("sync mode with a given key creates no key", () => {
    // GIVEN
    const stack = testStack();
    // WHEN
    new ClusterActivityStream(stack, "Das", {
      cluster: imported(stack),
      mode: "sync",
      kmsKey: { arn: KEY_ARN },
    });
    // THEN
    expect(onlyResource(stack, "aws_rds_cluster_activity_stream")).toMatchObject({
      mode: "sync",
      kms_key_id: KEY_ARN,
      resource_arn: IMPORTED.clusterArn,
    });
    expect(resourcesOf(stack, "aws_kms_key")).toEqual({});
  });

  const BAD: [string, Partial<ClusterActivityStreamProps>, string][] = [
    ["an unknown mode", { mode: "fast" as "sync" }, 'mode must be one of "async", "sync", got "fast".'],
    [
      "a deletion window with a given key",
      { kmsKey: { arn: KEY_ARN }, keyDeletionWindowDays: 7 },
      "keyDeletionWindowDays (7) applies to the key this construct creates, but kmsKey is given.",
    ],
    [
      "a deletion window of 3 days",
      { keyDeletionWindowDays: 3 },
      "keyDeletionWindowDays must be an integer between 7 and 30, got 3.",
    ],
    [
      "a key of another region",
      { kmsKey: { arn: KEY_ARN.replace("us-east-1", "eu-west-1") } },
      "is a key in eu-west-1, but this stack deploys to us-east-1; KMS keys are regional.",
    ],
  ];
  test.each(BAD)("refuses %s", (_, props, message) => {
    // GIVEN
    const stack = testStack();
    // WHEN
    const error = thrownBy(
      () => new ClusterActivityStream(stack, "Das", { cluster: imported(stack), ...props }),
    );
    // THEN
    expect(error.message).toContain(message);
  });

  test.each([
    ["burstable", { instanceClass: "db.t4g.medium" }, "db.t4g.medium"],
    [
      "Serverless v2",
      { instanceClass: "db.serverless", serverlessV2Scaling: { minCapacity: 0.5, maxCapacity: 4 } },
      "db.serverless",
    ],
  ])("refuses a cluster with %s instances", (_, props, cls) => {
    // GIVEN
    const stack = testStack();
    const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps(props));
    // WHEN
    const error = thrownBy(() => new ClusterActivityStream(stack, "Das", { cluster }));
    // THEN
    expect(error.message).toContain(
      `cluster orders has ${cls} instances; database activity streams need provisioned memory-optimized instances (db.r*, db.x2g)`,
    );
  });
});

describe("AuroraGlobalDatabase and globalDatabase", () => {
  function globalStacks(engineVersion = "16.8") {
    const app = Testing.app();
    const primaryStack = testStack("primary", { app, region: "us-east-1" });
    const secondaryStack = testStack("secondary", { app, region: "us-west-2" });
    const global = new AuroraGlobalDatabase(primaryStack, "Global", {
      globalClusterIdentifier: "orders-global",
      engineVersion,
    });
    return { primaryStack, secondaryStack, global };
  }

  test("the global cluster: aurora-postgresql, its engine version, encrypted, deletion protection on", () => {
    // GIVEN / WHEN
    const { primaryStack, global } = globalStacks("17.5");
    // THEN
    expect(onlyResource(primaryStack, "aws_rds_global_cluster")).toEqual({
      global_cluster_identifier: "orders-global",
      engine: "aurora-postgresql",
      engine_version: "17.5",
      storage_encrypted: true,
      deletion_protection: true,
    });
    expect([global.family, global.region]).toEqual(["aurora-postgresql17", "us-east-1"]);
  });

  test("the primary joins it: its engine version, a write-only generated password in a secret of its own, no RDS-managed password, no rotation", () => {
    // GIVEN
    const { primaryStack, global } = globalStacks("17.5");
    // WHEN
    const primary = new AuroraPostgresCluster(
      primaryStack,
      "Cluster",
      minimalProps({ globalDatabase: { globalDatabase: global } }),
    );
    // THEN
    const json = synthJson(primaryStack) as unknown as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
      ephemeral: Record<string, Record<string, Record<string, unknown>>>;
    };
    const cluster = Object.values(json.resource.aws_rds_cluster)[0];
    expect(cluster).toMatchObject({
      engine_version: "17.5",
      global_cluster_identifier: "${aws_rds_global_cluster.Global_7C59AC82.id}",
      master_username: "postgres",
      database_name: "orders",
      master_password_wo:
        "${ephemeral.aws_secretsmanager_random_password.Cluster_master_password.random_password}",
      master_password_wo_version: 1,
      lifecycle: { ignore_changes: ["engine_version"] },
    });
    expect(cluster.manage_master_user_password).toBeUndefined();
    expect(cluster.master_user_secret_kms_key_id).toBeUndefined();
    expect(json.ephemeral.aws_secretsmanager_random_password.Cluster_master_password).toEqual({
      password_length: 32,
      exclude_punctuation: true,
      include_space: false,
    });
    expect(onlyResource(primaryStack, "aws_secretsmanager_secret")).toMatchObject({
      name: "orders/master",
      kms_key_id: "${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}",
    });
    expect(onlyResource(primaryStack, "aws_secretsmanager_secret_version")).toMatchObject({
      secret_string_wo:
        '${jsonencode({"username" = "postgres", "password" = ephemeral.aws_secretsmanager_random_password.Cluster_master_password.random_password})}',
      secret_string_wo_version: 1,
    });
    expect(resourcesOf(primaryStack, "aws_secretsmanager_secret_rotation")).toEqual({});
    expect(resolve(primaryStack, primary.masterUserSecretArn)).toMatch(
      /aws_secretsmanager_secret\.Cluster_MasterSecret/,
    );
    expect(Object.values(resourcesOf(primaryStack, "aws_rds_cluster_parameter_group"))[0].family).toBe(
      "aurora-postgresql17",
    );
  });

  test("a secondary in another region's stack: no name, user or password, its own key, the primary's secret", () => {
    // GIVEN
    const { primaryStack, secondaryStack, global } = globalStacks("17.5");
    const primary = new AuroraPostgresCluster(
      primaryStack,
      "Cluster",
      minimalProps({ globalDatabase: { globalDatabase: global } }),
    );
    // WHEN
    const secondary = new AuroraPostgresCluster(
      secondaryStack,
      "Cluster",
      minimalProps({
        clusterIdentifier: "orders-west",
        globalDatabase: {
          globalDatabase: global,
          role: "secondary",
          primaryMasterUserSecretArn: primary.masterUserSecretArn,
        },
      }),
    );
    // THEN
    const cluster = onlyResource(secondaryStack, "aws_rds_cluster");
    expect(cluster).toMatchObject({ engine_version: "17.5", storage_encrypted: true });
    // (cdktf turns this other stack's reference into a remote state read when the app synthesizes)
    expect(cluster.global_cluster_identifier).toBe("${aws_rds_global_cluster.Global_7C59AC82.id}");
    for (const absent of [
      "master_username",
      "database_name",
      "manage_master_user_password",
      "master_password_wo",
      "master_user_secret_kms_key_id",
    ]) {
      expect([absent, cluster[absent]]).toEqual([absent, undefined]);
    }
    expect(cluster.kms_key_id).toBe("${aws_kms_key.Cluster_EncryptionKey_157AC2B8.arn}");
    expect(resourcesOf(secondaryStack, "aws_secretsmanager_secret")).toEqual({});
    expect(resourcesOf(secondaryStack, "aws_secretsmanager_secret_rotation")).toEqual({});
    expect(resolve(secondaryStack, secondary.masterUsername)).toBe(
      "${aws_rds_cluster.Cluster_EB0386A7.master_username}",
    );
    expect(resolve(secondaryStack, secondary.databaseName)).toBe(
      "${aws_rds_cluster.Cluster_EB0386A7.database_name}",
    );
    expect(Object.values(resourcesOf(secondaryStack, "aws_db_parameter_group"))[0].family).toBe(
      "aurora-postgresql17",
    );
  });

  test("a standalone cluster is unchanged: RDS-managed password, rotation, no global identifier", () => {
    // GIVEN / WHEN
    const stack = testStack();
    new AuroraPostgresCluster(stack, "Cluster", minimalProps());
    // THEN
    const cluster = onlyResource(stack, "aws_rds_cluster");
    expect(cluster).toMatchObject({ manage_master_user_password: true });
    expect(cluster.global_cluster_identifier).toBeUndefined();
    expect((cluster.lifecycle as Record<string, unknown>).ignore_changes).toBeUndefined();
    expect(Object.keys(resourcesOf(stack, "aws_secretsmanager_secret_rotation"))).toHaveLength(1);
  });

  test("masterPasswordVersion sets both write-only versions", () => {
    // GIVEN
    const { primaryStack, global } = globalStacks();
    // WHEN
    new AuroraPostgresCluster(
      primaryStack,
      "Cluster",
      minimalProps({ globalDatabase: { globalDatabase: global, masterPasswordVersion: 3 } }),
    );
    // THEN
    expect(onlyResource(primaryStack, "aws_rds_cluster").master_password_wo_version).toBe(3);
    expect(onlyResource(primaryStack, "aws_secretsmanager_secret_version").secret_string_wo_version).toBe(3);
  });

  const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/master-AbCdEf";
  const BAD: [string, "primary" | "secondary", Record<string, unknown>, Record<string, unknown>, string][] = [
    [
      "another engine version than the global's",
      "primary",
      { engineVersion: "16.9" },
      {},
      'engineVersion "16.9" differs from the global database\'s "16.8"; every member of a global database runs its engine version',
    ],
    [
      "a snapshot restore",
      "primary",
      { snapshotIdentifier: "orders-snap" },
      {},
      "globalDatabase is set with snapshotIdentifier: RDS restores into a standalone cluster only.",
    ],
    [
      "a primary with a primary's secret",
      "primary",
      {},
      { primaryMasterUserSecretArn: SECRET },
      "globalDatabase.primaryMasterUserSecretArn applies to a secondary only",
    ],
    [
      "a password version of 0",
      "primary",
      {},
      { masterPasswordVersion: 0 },
      "globalDatabase.masterPasswordVersion must be an integer between 1 and 1000000, got 0.",
    ],
    [
      "a secondary without the primary's secret",
      "secondary",
      {},
      {},
      "globalDatabase.primaryMasterUserSecretArn is required for a secondary",
    ],
    [
      "a secondary with a password version",
      "secondary",
      {},
      { primaryMasterUserSecretArn: SECRET, masterPasswordVersion: 2 },
      "globalDatabase.masterPasswordVersion (2) applies to the primary only",
    ],
    [
      "a secondary with a master user",
      "secondary",
      { masterUsername: "dbadmin" },
      { primaryMasterUserSecretArn: SECRET },
      'masterUsername "dbadmin" is set on a secondary, which takes its master user from the primary',
    ],
    [
      "a secondary secret that is not an ARN",
      "secondary",
      {},
      { primaryMasterUserSecretArn: "orders/master" },
      'globalDatabase.primaryMasterUserSecretArn must be an ARN arn:<partition>:secretsmanager:<region>:<account>:secret:<name>, got "orders/master"',
    ],
    [
      "an unknown role",
      "tertiary" as "primary",
      {},
      {},
      'globalDatabase.role must be one of "primary", "secondary", got "tertiary".',
    ],
  ];
  test.each(BAD)("refuses %s", (_, role, props, membership, message) => {
    // GIVEN
    const { secondaryStack, global } = globalStacks();
    // WHEN
    const error = thrownBy(
      () =>
        new AuroraPostgresCluster(
          secondaryStack,
          "Cluster",
          minimalProps({ ...props, globalDatabase: { globalDatabase: global, role, ...membership } }),
        ),
    );
    // THEN
    expect(error.message).toContain(message);
  });

  test("refuses a secondary in the global database's region", () => {
    // GIVEN
    const { primaryStack, global } = globalStacks();
    // WHEN
    const error = thrownBy(
      () =>
        new AuroraPostgresCluster(
          primaryStack,
          "Secondary",
          minimalProps({
            clusterIdentifier: "orders-2",
            globalDatabase: { globalDatabase: global, role: "secondary", primaryMasterUserSecretArn: SECRET },
          }),
        ),
    );
    // THEN
    expect(error.message).toContain(
      "this secondary is in us-east-1, the region of the global database's stack (where its primary is). A global database has one cluster per region.",
    );
  });

  test.each([
    [
      "an upper-case identifier",
      { globalClusterIdentifier: "Orders" },
      "globalClusterIdentifier must be 1-63 lowercase letters",
    ],
    [
      "an unsupported major",
      { engineVersion: "14.9" },
      'engineVersion must be "major.minor" with a supported major (15, 16, 17), got "14.9".',
    ],
  ])("AuroraGlobalDatabase refuses %s", (_, props, message) => {
    // GIVEN
    const stack = testStack();
    // WHEN
    const error = thrownBy(
      () => new AuroraGlobalDatabase(stack, "Global", { globalClusterIdentifier: "orders-global", ...props }),
    );
    // THEN
    expect(error.message).toContain(message);
  });
});
