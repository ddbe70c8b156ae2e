import { Construct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";

/**
 * A customer managed key for the VPC flow log group: the account administers it (IAM policies
 * decide who), and CloudWatch Logs of this region may use it only for flow log groups of this
 * account (`kms:EncryptionContext:aws:logs:arn`).
 */
export function createFlowLogKey(scope: Construct, region: string, name: string): KmsKey {
  const account = new DataAwsCallerIdentity(scope, "Account", {}).accountId;
  const partition = new DataAwsPartition(scope, "Partition", {});
  const policy = new DataAwsIamPolicyDocument(scope, "FlowLogKeyPolicy", {
    statement: [
      {
        sid: "EnableRootAccountPermissions",
        principals: [{ type: "AWS", identifiers: [`arn:${partition.partition}:iam::${account}:root`] }],
        actions: ["kms:*"],
        resources: ["*"],
      },
      {
        sid: "AllowCloudWatchLogsForFlowLogGroups",
        principals: [{ type: "Service", identifiers: [`logs.${region}.${partition.dnsSuffix}`] }],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        condition: [
          {
            test: "ArnLike",
            variable: "kms:EncryptionContext:aws:logs:arn",
            values: [`arn:${partition.partition}:logs:${region}:${account}:log-group:/aws/vpc/flow-logs/*`],
          },
        ],
      },
    ],
  });
  const key = new KmsKey(scope, "FlowLogKey", {
    description: `VPC flow logs of ${name}`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policy.json,
  });
  new KmsAlias(scope, "FlowLogKeyAlias", { name: `alias/${name}-flow-logs`, targetKeyId: key.keyId });
  return key;
}
