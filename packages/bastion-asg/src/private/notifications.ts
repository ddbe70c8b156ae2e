/** The bastion's KMS key, notification topic, e-mail subscriptions, CPU alarm and ASG error notifications (BAS-17/24/34). */
import { logGroupArn } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import { AutoscalingNotification } from "@cdktf/provider-aws/lib/autoscaling-notification";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";

/** ASG notification types sent to the topic (BAS-24). */
export const ASG_ERROR_NOTIFICATIONS = [
  "autoscaling:EC2_INSTANCE_LAUNCH_ERROR",
  "autoscaling:EC2_INSTANCE_TERMINATE_ERROR",
];

export interface EncryptionKeyOptions {
  readonly name: string;
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly region: string;
  /** The account id. */
  readonly account: string;
  /** Name of the log group the key may encrypt. */
  readonly logGroupName: string;
}

/**
 * A customer managed key (rotation on) for the notification topic and the log group. Its policy
 * lets exactly the three services that use it do so: CloudWatch alarms (`cloudwatch.amazonaws.com`,
 * for this bastion's alarms in this account only: `aws:SourceAccount`, `aws:SourceArn`) and Auto Scaling notifications (the `AWSServiceRoleForAutoScaling` service-linked role, matched by
 * a condition rather than named as principal, so that the key can be created before that role
 * exists in a new account) publishing to the topic, and CloudWatch Logs encrypting this bastion's
 * log group only (`kms:EncryptionContext:aws:logs:arn`). Returns the key ARN.
 */
export function createEncryptionKey(scope: Construct, o: EncryptionKeyOptions): string {
  const account = o.account;
  const publish = ["kms:Decrypt", "kms:GenerateDataKey*"];
  const policy = new DataAwsIamPolicyDocument(scope, "EncryptionKeyPolicy", {
    statement: [
      {
        sid: "AccountAdministration",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [`arn:${o.partition}:iam::${account}:root`] }],
        actions: ["kms:*"],
        resources: ["*"],
      },
      {
        sid: "CloudWatchAlarmsPublish",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
        actions: publish,
        resources: ["*"],
        // Confused-deputy guard: only alarms of this bastion, in this account and region.
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: [`arn:${o.partition}:cloudwatch:${o.region}:${account}:alarm:${o.name}-*`],
          },
        ],
      },
      {
        sid: "AutoScalingNotificationsPublish",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: ["*"] }],
        actions: publish,
        resources: ["*"],
        condition: [
          { test: "StringEquals", variable: "kms:CallerAccount", values: [account] },
          {
            test: "ArnEquals",
            variable: "aws:PrincipalArn",
            values: [
              `arn:${o.partition}:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
            ],
          },
        ],
      },
      {
        sid: "CloudWatchLogsEncryptOwnLogGroup",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: [`logs.${o.region}.${o.dnsSuffix}`] }],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        condition: [
          {
            test: "ArnEquals",
            variable: "kms:EncryptionContext:aws:logs:arn",
            values: [logGroupArn(o, o.logGroupName)],
          },
        ],
      },
    ],
  });
  const key = new KmsKey(scope, "EncryptionKey", {
    description: `Encrypts the notification topic and the log group of the bastion ${o.name}`,
    enableKeyRotation: true,
    deletionWindowInDays: 7,
    policy: policy.json,
  });
  new KmsAlias(scope, "EncryptionKeyAlias", { name: `alias/bastion/${o.name}`, targetKeyId: key.keyId });
  return key.arn;
}

export interface NotificationOptions {
  readonly name: string;
  readonly emails: string[];
  readonly kmsKeyArn: string;
}

/** The notification topic, encrypted with the given key, and one e-mail subscription per address. */
export function createNotificationTopic(scope: Construct, o: NotificationOptions): SnsTopic {
  const topic = new SnsTopic(scope, "NotificationTopic", {
    name: `${o.name}-notifications`,
    displayName: `Bastion ${o.name}`,
    kmsMasterKeyId: o.kmsKeyArn,
  });
  for (const email of o.emails) {
    new SnsTopicSubscription(scope, `EmailSubscription-${email.replace(/[^A-Za-z0-9]+/g, "_")}`, {
      topicArn: topic.arn,
      protocol: "email",
      endpoint: email,
    });
  }
  return topic;
}

export interface AlarmOptions {
  readonly name: string;
  readonly autoScalingGroupName: string;
  readonly topicArn: string;
  readonly cpuThresholdPercent: number;
}

/** The reference's CPU alarm (BAS-34) and the ASG launch/terminate error notifications (BAS-24). */
export function createAlarms(scope: Construct, o: AlarmOptions): void {
  new CloudwatchMetricAlarm(scope, "CpuAlarm", {
    alarmName: `${o.name}-cpu-high`,
    alarmDescription: `Average CPU of the bastion ${o.name} above ${o.cpuThresholdPercent} % for 10 minutes`,
    namespace: "AWS/EC2",
    metricName: "CPUUtilization",
    dimensions: { AutoScalingGroupName: o.autoScalingGroupName },
    statistic: "Average",
    period: 600,
    evaluationPeriods: 1,
    threshold: o.cpuThresholdPercent,
    comparisonOperator: "GreaterThanThreshold",
    alarmActions: [o.topicArn],
  });
  new AutoscalingNotification(scope, "AsgErrorNotifications", {
    groupNames: [o.autoScalingGroupName],
    notifications: ASG_ERROR_NOTIFICATIONS,
    topicArn: o.topicArn,
  });
}
