import "cdktf/lib/testing/adapters/jest";
import { AnnotationMetadataEntryType, Testing } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { IamAccessKey } from "@cdktf/provider-aws/lib/iam-access-key";
import { IamGroup } from "@cdktf/provider-aws/lib/iam-group";
import { IamGroupPolicy } from "@cdktf/provider-aws/lib/iam-group-policy";
import { IamGroupPolicyAttachment } from "@cdktf/provider-aws/lib/iam-group-policy-attachment";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { IamUserGroupMembership } from "@cdktf/provider-aws/lib/iam-user-group-membership";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { LineageLogAccess, LineageLogging, LineageLogStatement } from "../src";
import { FakeImportedCluster, FakeManagedCluster } from "./fake-cluster";
import { resolved, resources, synthJson, testStack } from "./util";

describe("LineageLogging", () => {
  describe("cluster built by this library", () => {
    test("sets log_statement = mod on the instance parameter group through the cluster", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeManagedCluster(stack, "Cluster");
      // WHEN
      new LineageLogging(stack, "Lineage", { cluster });
      // THEN the instance group (which wins, LIN-06) gets it, applied immediately; the cluster group is untouched
      expect(cluster.instanceCalls).toEqual([
        { name: "log_statement", value: "mod", requestedBy: "test/Lineage", applyMethod: "immediate" },
      ]);
      expect(cluster.clusterCalls).toEqual([]);
    });

    test("creates no parameter group and no log group of its own", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageLogging(stack, "Lineage", { cluster: new FakeManagedCluster(stack, "Cluster") });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).not.toHaveResource(DbParameterGroup);
      expect(synthed).not.toHaveResource(RdsClusterParameterGroup);
      expect(synthed).not.toHaveResource(CloudwatchLogGroup);
    });

    test("reads the cluster's own postgresql log group", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster: new FakeManagedCluster(stack, "Cluster"),
      });
      // THEN
      expect(lineage.logGroupName).toBe("/aws/rds/cluster/orders-prod/postgresql");
      expect(lineage.logGroupArn).toBe(
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/cluster/orders-prod/postgresql",
      );
      expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
        statement: [
          expect.objectContaining({ resources: [lineage.logGroupArn, `${lineage.logGroupArn}:*`] }),
          expect.objectContaining({ actions: ["logs:DescribeLogGroups"], resources: ["*"] }),
        ],
      });
      expect(lineage.instanceParameterGroupName).toBeUndefined();
      expect(lineage.clusterParameterGroupName).toBeUndefined();
    });

    test("sets log_statement = all when asked, with a volume warning", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeManagedCluster(stack, "Cluster");
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster,
        logStatement: LineageLogStatement.ALL,
      });
      // THEN
      expect(cluster.instanceCalls[0].value).toBe("all");
      const warnings = lineage.node.metadata
        .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
        .map((m) => m.data);
      expect(warnings).toEqual([
        expect.stringContaining("[@aurora-cdktf/lineage-logging:log-statement-all]"),
      ]);
    });

    test("fails with a lineage-specific message when the cluster already sets log_statement differently", () => {
      // GIVEN the cluster's own config set log_statement = ddl (reference parity, APG-29)
      const stack = testStack();
      const cluster = new FakeManagedCluster(stack, "Cluster");
      cluster.addInstanceParameter("log_statement", "ddl", "test/Cluster");
      // WHEN / THEN
      expect(() => new LineageLogging(stack, "Lineage", { cluster })).toThrow(
        /^\[test\/Lineage\] cannot set log_statement = "mod" on the instance parameter group of cluster orders-prod: instance parameter log_statement is set to "ddl" by test\/Cluster .*LIN-06.*Fix: remove the other log_statement setting/,
      );
    });

    test("accepts a cluster that already sets the same value", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeManagedCluster(stack, "Cluster");
      cluster.addInstanceParameter("log_statement", "mod", "test/Other");
      // WHEN
      new LineageLogging(stack, "Lineage", { cluster });
      // THEN
      expect(cluster.instanceCalls.map((c) => c.requestedBy)).toEqual(["test/Other", "test/Lineage"]);
    });
  });

  describe("existing cluster given by attributes", () => {
    test("creates a cluster and an instance parameter group with log_statement = mod", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeImportedCluster(stack, "Cluster");
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster,
        parameterGroupFamily: "aurora-postgresql16",
      });
      // THEN
      const synthed = Testing.synth(stack);
      const logStatement = [{ name: "log_statement", value: "mod", apply_method: "immediate" }];
      expect(synthed).toHaveResourceWithProperties(DbParameterGroup, {
        name: "orders-prod-lineage",
        family: "aurora-postgresql16",
        parameter: logStatement,
      });
      expect(synthed).toHaveResourceWithProperties(RdsClusterParameterGroup, {
        name: "orders-prod-lineage-cluster",
        family: "aurora-postgresql16",
        parameter: logStatement,
      });
      expect(resolved(stack, lineage.instanceParameterGroupName)).toMatch(
        /^\$\{aws_db_parameter_group\.Lineage_InstanceParameterGroup_\w+\.name\}$/,
      );
      expect(resolved(stack, lineage.clusterParameterGroupName)).toMatch(
        /^\$\{aws_rds_cluster_parameter_group\.Lineage_ClusterParameterGroup_\w+\.name\}$/,
      );
    });

    test("creates the postgresql log group with 30 days retention by default, encrypted with a key of its own", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster: new FakeImportedCluster(stack, "Cluster"),
        parameterGroupFamily: "aurora-postgresql16",
      });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: "/aws/rds/cluster/orders-prod/postgresql",
        retention_in_days: 30,
      });
      expect(Object.values(resources(stack, "aws_cloudwatch_log_group"))[0].kms_key_id).toBe(
        "${aws_kms_key.Lineage_EncryptionKey_59622D24.arn}",
      );
      expect(Object.values(resources(stack, "aws_kms_key"))).toEqual([
        expect.objectContaining({ enable_key_rotation: true, deletion_window_in_days: 30 }),
      ]);
      const policy = (synthJson(stack).data?.aws_iam_policy_document ?? {})
        .Lineage_EncryptionKeyPolicy_17591A81 as {
        statement: { sid: string; principals: { identifiers: string[] }[]; condition?: unknown }[];
      };
      expect(policy.statement.map((x) => x.sid)).toEqual([
        "EnableRootAccountPermissions",
        "AllowCloudWatchLogsForTheLineageLogGroup",
      ]);
      expect(policy.statement[1].principals[0].identifiers).toEqual([
        "logs.eu-west-1.${data.aws_partition.Lineage_Partition_099BEAC7.dns_suffix}",
      ]);
      expect(policy.statement[1].condition).toEqual([
        {
          test: "ArnEquals",
          variable: "kms:EncryptionContext:aws:logs:arn",
          values: ["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/cluster/orders-prod/postgresql"],
        },
      ]);
      expect(resolved(stack, lineage.logGroupArn)).toMatch(
        /^\$\{aws_cloudwatch_log_group\.Lineage_LogGroup_\w+\.arn\}$/,
      );
    });

    test("sets retention, KMS key, extra parameters and tags", () => {
      // GIVEN
      const stack = testStack();
      const key = new KmsKey(stack, "Key", {});
      // WHEN
      new LineageLogging(stack, "Lineage", {
        cluster: new FakeImportedCluster(stack, "Cluster"),
        parameterGroupFamily: "aurora-postgresql15",
        logRetentionDays: 400,
        logGroupKmsKey: key,
        instanceParameters: { "pgaudit.log": "ddl", log_statement: "mod" },
        clusterParameters: { "rds.force_ssl": "1" },
        tags: { team: "data" },
      });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(CloudwatchLogGroup, {
        retention_in_days: 400,
        kms_key_id: "${aws_kms_key.Key.arn}",
        tags: { team: "data" },
      });
      expect(synthed).toHaveResourceWithProperties(DbParameterGroup, {
        tags: { team: "data" },
        parameter: [
          { name: "log_statement", value: "mod", apply_method: "immediate" },
          { name: "pgaudit.log", value: "ddl", apply_method: "pending-reboot" },
        ],
      });
      expect(synthed).toHaveResourceWithProperties(RdsClusterParameterGroup, {
        parameter: [
          { name: "log_statement", value: "mod", apply_method: "immediate" },
          { name: "rds.force_ssl", value: "1", apply_method: "pending-reboot" },
        ],
      });
    });

    test("does not create the log group when createLogGroup is false, and still scopes access to it", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster: new FakeImportedCluster(stack, "Cluster"),
        parameterGroupFamily: "aurora-postgresql16",
        createLogGroup: false,
      });
      // THEN
      expect(Testing.synth(stack)).not.toHaveResource(CloudwatchLogGroup);
      expect(lineage.logGroupName).toBe("/aws/rds/cluster/orders-prod/postgresql");
      expect(lineage.logGroupArn).toBe(
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/cluster/orders-prod/postgresql",
      );
    });
  });

  describe("defaults", () => {
    test("puts an IAM user in a group whose inline policy reads only the one log group", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new LineageLogging(stack, "Lineage", {
        cluster: new FakeImportedCluster(stack, "Cluster"),
        parameterGroupFamily: "aurora-postgresql16",
      });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(IamUser, { name: "orders-prod-datafold" });
      expect(synthed).toHaveResourceWithProperties(IamGroup, { name: "orders-prod-datafold-logs-read" });
      expect(synthed).toHaveResourceWithProperties(IamUserGroupMembership, {
        user: expect.stringMatching(/^\$\{aws_iam_user\.Lineage_User_\w+\.name\}$/),
        groups: [expect.stringMatching(/^\$\{aws_iam_group\.Lineage_Group_\w+\.name\}$/)],
      });
      expect(synthed).toHaveResourceWithProperties(IamGroupPolicy, {
        group: expect.stringMatching(/aws_iam_group\.Lineage_Group_/),
        policy: expect.stringMatching(
          /data\.aws_iam_policy_document\.Lineage_LogGroupReadPolicyDocument_\w+\.json/,
        ),
      });
      expect(synthed).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
        statement: [
          {
            sid: "ReadLineageLogGroup",
            effect: "Allow",
            actions: ["logs:DescribeLogStreams", "logs:FilterLogEvents", "logs:GetLogEvents"],
            resources: [
              expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Lineage_LogGroup_\w+\.arn\}$/),
              expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Lineage_LogGroup_\w+\.arn\}:\*$/),
            ],
          },
          { sid: "ListLogGroups", effect: "Allow", actions: ["logs:DescribeLogGroups"], resources: ["*"] },
        ],
      });
      expect(synthed).not.toHaveResource(IamGroupPolicyAttachment);
    });

    test("stores the access key in a Secrets Manager secret, write-only, referenced, never literal", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster: new FakeImportedCluster(stack, "Cluster"),
        parameterGroupFamily: "aurora-postgresql16",
      });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResource(IamAccessKey);
      expect(synthed).toHaveResourceWithProperties(SecretsmanagerSecret, {
        name: "datafold/orders-prod/aws-access-key",
      });
      // a customer managed key, not aws/secretsmanager: the construct's own (the log group's) key
      expect(Object.values(resources(stack, "aws_secretsmanager_secret"))[0].kms_key_id).toBe(
        "${aws_kms_key.Lineage_EncryptionKey_59622D24.arn}",
      );
      const [version] = Object.values(resources(stack, "aws_secretsmanager_secret_version"));
      // write-only: the secret string is sent, never stored in this resource's state
      expect(version.secret_string).toBeUndefined();
      expect(version.secret_string_wo_version).toMatch(
        /^\$\{parseint\(substr\(sha256\(jsonencode\(aws_iam_access_key\.Lineage_AccessKey_\w+\.id\)\), 0, 8\), 16\)\}$/,
      );
      expect(version.secret_string_wo).toMatch(
        /^\$\{jsonencode\(\{"accessKeyId" = aws_iam_access_key\.Lineage_AccessKey_\w+\.id, "secretAccessKey" = aws_iam_access_key\.Lineage_AccessKey_\w+\.secret\}\)\}$/,
      );
      expect(resolved(stack, lineage.accessKeySecretArn)).toMatch(
        /^\$\{aws_secretsmanager_secret\.Lineage_AccessKeySecret_\w+\.arn\}$/,
      );
    });

    test("creates no TerraformOutput and exposes no secret in its attributes", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster: new FakeManagedCluster(stack, "Cluster"),
      });
      // THEN
      expect(synthJson(stack).output).toBeUndefined();
      expect(JSON.stringify(lineage.outputs)).not.toMatch(/\.secret\b/);
      const secretRefs = Testing.synth(stack).match(/aws_iam_access_key\.\w+\.secret\b/g) ?? [];
      expect(secretRefs).toHaveLength(1); // only inside the secret version
    });
  });

  describe("props", () => {
    test("encrypts the access-key secret with the cluster's own key when the cluster has one, creating no key", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeManagedCluster(stack, "Cluster");
      // WHEN
      new LineageLogging(stack, "Lineage", { cluster });
      // THEN
      expect(Object.values(resources(stack, "aws_secretsmanager_secret"))[0].kms_key_id).toBe(
        cluster.encryptionKey.arn,
      );
      expect(resources(stack, "aws_kms_key")).toEqual({});
    });

    test("attaches CloudWatchLogsReadOnlyAccess in the cluster's partition for reference parity", () => {
      // GIVEN a GovCloud cluster
      const stack = testStack();
      const cluster = new FakeManagedCluster(stack, "Cluster", {
        clusterArn: "arn:aws-us-gov:rds:us-gov-west-1:123456789012:cluster:orders-prod",
      });
      // WHEN
      new LineageLogging(stack, "Lineage", {
        cluster,
        logAccess: LineageLogAccess.CLOUDWATCH_LOGS_READ_ONLY,
      });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(IamGroupPolicyAttachment, {
        policy_arn: "arn:aws-us-gov:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
      });
      expect(synthed).not.toHaveResource(IamGroupPolicy);
      expect(synthed).not.toHaveDataSource(DataAwsIamPolicyDocument);
    });

    test("names the user, group and secret as given and encrypts the secret with the given key", () => {
      // GIVEN
      const stack = testStack();
      const key = new KmsKey(stack, "Key", {});
      // WHEN
      new LineageLogging(stack, "Lineage", {
        cluster: new FakeManagedCluster(stack, "Cluster"),
        iamUserName: "datafold",
        iamGroupName: "CloudWatchLogsReadOnly",
        accessKeySecretName: "lineage/datafold-key",
        accessKeySecretKmsKey: key,
        tags: { team: "data" },
      });
      // THEN
      const synthed = Testing.synth(stack);
      expect(synthed).toHaveResourceWithProperties(IamUser, { name: "datafold", tags: { team: "data" } });
      expect(synthed).toHaveResourceWithProperties(IamGroup, { name: "CloudWatchLogsReadOnly" });
      expect(synthed).toHaveResourceWithProperties(SecretsmanagerSecret, {
        name: "lineage/datafold-key",
        kms_key_id: "${aws_kms_key.Key.arn}",
        tags: { team: "data" },
      });
      expect(synthed).toHaveResource(SecretsmanagerSecretVersion);
    });

    test("derives ARNs with expressions when the cluster ARN is only known at apply time", () => {
      // GIVEN a cluster whose ARN is a reference
      const stack = testStack();
      const key = new KmsKey(stack, "Key", {});
      const cluster = new FakeManagedCluster(stack, "Cluster", { clusterArn: key.arn });
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster,
        logAccess: LineageLogAccess.CLOUDWATCH_LOGS_READ_ONLY,
      });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(IamGroupPolicyAttachment, {
        policy_arn:
          'arn:${element(split(":", aws_kms_key.Key.arn), 1)}:iam::aws:policy/CloudWatchLogsReadOnlyAccess',
      });
      expect(resolved(stack, lineage.logGroupArn)).toBe(
        'arn:${element(split(":", aws_kms_key.Key.arn), 1)}:logs:${element(split(":", aws_kms_key.Key.arn), 3)}:${element(split(":", aws_kms_key.Key.arn), 4)}:log-group:/aws/rds/cluster/orders-prod/postgresql',
      );
    });
  });

  describe("outputs", () => {
    test("lists the plain values of the construct", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const lineage = new LineageLogging(stack, "Lineage", {
        cluster: new FakeImportedCluster(stack, "Cluster"),
        parameterGroupFamily: "aurora-postgresql16",
      });
      // THEN
      expect(resolved(stack, lineage.outputs)).toEqual({
        clusterIdentifier: "orders-prod",
        logGroupName: expect.stringMatching(/aws_cloudwatch_log_group\.Lineage_LogGroup_\w+\.name/),
        logGroupArn: expect.stringMatching(/aws_cloudwatch_log_group\.Lineage_LogGroup_\w+\.arn/),
        logStatement: "mod",
        iamUserName: expect.stringMatching(/aws_iam_user\.Lineage_User_\w+\.name/),
        iamUserArn: expect.stringMatching(/aws_iam_user\.Lineage_User_\w+\.arn/),
        iamGroupName: expect.stringMatching(/aws_iam_group\.Lineage_Group_\w+\.name/),
        accessKeyId: expect.stringMatching(/aws_iam_access_key\.Lineage_AccessKey_\w+\.id/),
        accessKeySecretArn: expect.stringMatching(
          /aws_secretsmanager_secret\.Lineage_AccessKeySecret_\w+\.arn/,
        ),
        instanceParameterGroupName: expect.stringMatching(/aws_db_parameter_group\./),
        clusterParameterGroupName: expect.stringMatching(/aws_rds_cluster_parameter_group\./),
      });
    });
  });

  describe("snapshots", () => {
    test("minimal: a cluster built by this library", () => {
      const stack = testStack();
      new LineageLogging(stack, "Lineage", { cluster: new FakeManagedCluster(stack, "Cluster") });
      expect(Testing.synth(stack)).toMatchSnapshot();
    });

    test("maximal: an existing cluster with every option", () => {
      const stack = testStack();
      const key = new KmsKey(stack, "Key", {});
      new LineageLogging(stack, "Lineage", {
        cluster: new FakeImportedCluster(stack, "Cluster"),
        parameterGroupFamily: "aurora-postgresql16",
        logStatement: LineageLogStatement.ALL,
        instanceParameters: { "pgaudit.log": "ddl" },
        clusterParameters: { "rds.force_ssl": "1" },
        logRetentionDays: 90,
        logGroupKmsKey: key,
        logAccess: LineageLogAccess.CLOUDWATCH_LOGS_READ_ONLY,
        iamUserName: "datafold-orders",
        iamGroupName: "datafold-orders-logs",
        accessKeySecretName: "datafold/orders/key",
        accessKeySecretKmsKey: key,
        tags: { team: "data" },
      });
      expect(Testing.synth(stack)).toMatchSnapshot();
    });
  });

  test("keeps its construct ids stable", () => {
    // GIVEN / WHEN
    const stack = testStack();
    const lineage = new LineageLogging(stack, "Lineage", {
      cluster: new FakeImportedCluster(stack, "Cluster"),
      parameterGroupFamily: "aurora-postgresql16",
    });
    // THEN
    expect(lineage.node.children.map((c) => c.node.id).sort()).toEqual([
      "AccessKey",
      "AccessKeySecret",
      "AccessKeySecretValue",
      "ClusterParameterGroup",
      "EncryptionKey",
      "EncryptionKeyPolicy",
      "Group",
      "GroupMembership",
      "InstanceParameterGroup",
      "LogGroup",
      "LogGroupReadPolicy",
      "LogGroupReadPolicyDocument",
      "Partition",
      "User",
    ]);
  });
});
