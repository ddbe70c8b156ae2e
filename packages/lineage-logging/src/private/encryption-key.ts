import { ArnLocation, AwsContext } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import {
  DataAwsIamPolicyDocument,
  DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";

/** Inputs of {@link createLineageKey}. */
export interface LineageKeyProps extends ArnLocation {
  readonly clusterIdentifier: string;
  /** ARN of the log group the key encrypts, when it encrypts one. */
  readonly logGroupArn?: string;
  readonly tags?: { [key: string]: string };
}

/**
 * A customer managed key (rotation on) for what lineage stores when no key is given and the
 * cluster has none to share: the access-key secret (Secrets Manager uses it for callers whom IAM
 * allows: the account administers the key through IAM) and, for an existing cluster, the created
 * log group (CloudWatch Logs of the cluster's region, for that log group only).
 */
export function createLineageKey(scope: Construct, props: LineageKeyProps): KmsKey {
  const statement: DataAwsIamPolicyDocumentStatement[] = [
    {
      sid: "EnableRootAccountPermissions",
      principals: [{ type: "AWS", identifiers: [`arn:${props.partition}:iam::${props.account}:root`] }],
      actions: ["kms:*"],
      resources: ["*"],
    },
  ];
  if (props.logGroupArn) {
    statement.push({
      sid: "AllowCloudWatchLogsForTheLineageLogGroup",
      principals: [
        { type: "Service", identifiers: [`logs.${props.region}.${new AwsContext(scope).dnsSuffix}`] },
      ],
      actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      resources: ["*"],
      condition: [
        { test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [props.logGroupArn] },
      ],
    });
  }
  const policy = new DataAwsIamPolicyDocument(scope, "EncryptionKeyPolicy", { statement });
  return new KmsKey(scope, "EncryptionKey", {
    description: `Datafold lineage of ${props.clusterIdentifier}: access-key secret${props.logGroupArn ? " and log group" : ""}`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policy.json,
    tags: props.tags,
  });
}
