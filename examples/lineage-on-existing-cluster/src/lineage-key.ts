import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { ExistingCluster } from "./existing-cluster";

/**
 * A customer managed key for what lineage stores: the cluster's `postgresql` log group (CloudWatch
 * Logs of the cluster's region may use the key for that log group only) and the secret holding the
 * IAM access key (Secrets Manager uses it on behalf of callers whom IAM allows). The account
 * administers the key through IAM.
 */
export function createLineageKey(scope: Construct, cluster: ExistingCluster): KmsKey {
  const [, , , region, account] = cluster.clusterArn.split(":");
  const partition = new DataAwsPartition(scope, "Partition", {});
  const logGroup = `/aws/rds/cluster/${cluster.clusterIdentifier}/postgresql`;
  const policy = new DataAwsIamPolicyDocument(scope, "LineageKeyPolicy", {
    statement: [
      {
        sid: "EnableRootAccountPermissions",
        principals: [{ type: "AWS", identifiers: [`arn:${partition.partition}:iam::${account}:root`] }],
        actions: ["kms:*"],
        resources: ["*"],
      },
      {
        sid: "AllowCloudWatchLogsForTheClusterLogGroup",
        principals: [{ type: "Service", identifiers: [`logs.${region}.${partition.dnsSuffix}`] }],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        condition: [
          {
            test: "ArnEquals",
            variable: "kms:EncryptionContext:aws:logs:arn",
            values: [`arn:${partition.partition}:logs:${region}:${account}:log-group:${logGroup}`],
          },
        ],
      },
    ],
  });
  const key = new KmsKey(scope, "LineageKey", {
    description: `Datafold lineage of ${cluster.clusterIdentifier}: log group and access-key secret`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policy.json,
  });
  new KmsAlias(scope, "LineageKeyAlias", {
    name: `alias/${cluster.clusterIdentifier}-lineage`,
    targetKeyId: key.keyId,
  });
  return key;
}
