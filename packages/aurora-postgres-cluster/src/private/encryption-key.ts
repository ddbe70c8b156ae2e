import { AwsContext } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import {
  DataAwsIamPolicyDocument,
  DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";

/** Partition, region and account of the stack, read once by data sources. */
export interface AccountContext {
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly region: string;
  readonly accountId: string;
}

/** Creates the `Partition`, `Region` and `CallerIdentity` data sources in `scope`, in that order. */
export function accountContext(scope: Construct): AccountContext {
  const aws = new AwsContext(scope);
  return { partition: aws.partition, dnsSuffix: aws.dnsSuffix, region: aws.region, accountId: aws.accountId };
}

export interface EncryptionKeyOptions {
  readonly clusterIdentifier: string;
  readonly deletionWindowDays: number;
  /** Allow CloudWatch alarms and RDS events to publish to a topic encrypted with this key. */
  readonly notifications: boolean;
  /** ARN of a log group to be encrypted with this key, if any. */
  readonly logGroupArn?: string;
  readonly tags?: Record<string, string>;
}

const KEY_USE_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:CreateGrant",
  "kms:ListGrants",
  "kms:DescribeKey",
];

/**
 * The cluster's customer-managed key (APG-30, MOD-14) and its alias `alias/<clusterIdentifier>`
 * (APG-31). Key policy, as the reference intends: the account root may administer the key
 * (so IAM policies decide), and any principal of this account may use it only through RDS. The
 * same through Secrets Manager for the RDS-managed master secret (what the AWS-managed
 * `aws/secretsmanager` key allows). Optionally CloudWatch alarms / RDS events (encrypted SNS
 * topic; for this account only, `aws:SourceAccount`) and CloudWatch Logs (this log group only).
 */
export function createEncryptionKey(
  scope: Construct,
  account: AccountContext,
  options: EncryptionKeyOptions,
): { key: KmsKey; alias: KmsAlias } {
  const viaService = (service: string): DataAwsIamPolicyDocumentStatement => ({
    sid: `AllowUseVia${service === "rds" ? "Rds" : "SecretsManager"}`,
    principals: [{ type: "AWS", identifiers: ["*"] }],
    actions: KEY_USE_ACTIONS,
    resources: ["*"],
    condition: [
      { test: "StringEquals", variable: "kms:CallerAccount", values: [account.accountId] },
      {
        test: "StringEquals",
        variable: "kms:ViaService",
        values: [`${service}.${account.region}.${account.dnsSuffix}`],
      },
    ],
  });
  const statements: DataAwsIamPolicyDocumentStatement[] = [
    {
      sid: "EnableRootAccountPermissions",
      principals: [{ type: "AWS", identifiers: [`arn:${account.partition}:iam::${account.accountId}:root`] }],
      actions: ["kms:*"],
      resources: ["*"],
    },
    viaService("rds"),
    viaService("secretsmanager"),
  ];
  if (options.notifications) {
    statements.push({
      sid: "AllowNotificationPublishers",
      principals: [
        { type: "Service", identifiers: ["cloudwatch.amazonaws.com", "events.rds.amazonaws.com"] },
      ],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
      // Confused-deputy guard: only alarms and event subscriptions of this account.
      condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] }],
    });
  }
  if (options.logGroupArn) {
    statements.push({
      sid: "AllowCloudWatchLogs",
      principals: [{ type: "Service", identifiers: [`logs.${account.region}.${account.dnsSuffix}`] }],
      actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      resources: ["*"],
      condition: [
        { test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [options.logGroupArn] },
      ],
    });
  }
  const policy = new DataAwsIamPolicyDocument(scope, "EncryptionKeyPolicy", { statement: statements });
  const key = new KmsKey(scope, "EncryptionKey", {
    description: `Aurora PostgreSQL cluster ${options.clusterIdentifier}: storage, Performance Insights, master secret`,
    enableKeyRotation: true,
    deletionWindowInDays: options.deletionWindowDays,
    policy: policy.json,
    tags: options.tags,
  });
  const alias = new KmsAlias(scope, "EncryptionKeyAlias", {
    name: `alias/${options.clusterIdentifier}`,
    targetKeyId: key.keyId,
  });
  return { key, alias };
}
