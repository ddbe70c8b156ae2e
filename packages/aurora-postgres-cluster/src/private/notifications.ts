import { Construct } from "constructs";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DbEventSubscription } from "@cdktf/provider-aws/lib/db-event-subscription";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { AccountContext } from "./encryption-key";

/** One per-instance alarm of the reference (APG-42..44). */
export interface InstanceAlarmDefinition {
  readonly reference: string;
  readonly metricName: string;
  readonly statistic: string;
  readonly comparisonOperator: string;
  readonly threshold: number;
  readonly unit: string;
}

/** The reference's alarms, created for every instance: namespace AWS/RDS, 60 s x 5, missing data not breaching. */
export const INSTANCE_ALARMS: readonly InstanceAlarmDefinition[] = [
  {
    reference: "APG-42",
    metricName: "CPUUtilization",
    statistic: "Maximum",
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    threshold: 80,
    unit: "Percent",
  },
  {
    reference: "APG-43",
    metricName: "MaximumUsedTransactionIDs",
    statistic: "Average",
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    threshold: 600000000,
    unit: "Count",
  },
  {
    reference: "APG-44",
    metricName: "FreeLocalStorage",
    statistic: "Average",
    comparisonOperator: "LessThanOrEqualToThreshold",
    threshold: 5368709120,
    unit: "Bytes",
  },
];

/** RDS event categories per source type (APG-45..47). */
export const EVENT_CATEGORIES = {
  cluster: ["failover", "failure", "notification"],
  instance: [
    "availability",
    "configuration change",
    "deletion",
    "failover",
    "failure",
    "maintenance",
    "notification",
    "recovery",
  ],
  parameterGroup: ["configuration change"],
} as const;

/** An instance to watch: its construct-id label ("Writer", "Reader1") and identifier. */
export interface WatchedInstance {
  readonly label: string;
  readonly identifier: string;
}

export interface NotificationOptions {
  readonly clusterIdentifier: string;
  readonly key: KmsKey;
  readonly emails: readonly string[];
  readonly alarms: boolean;
  readonly eventSubscriptions: boolean;
  /** The cluster's id (a reference, so the subscription waits for the cluster). */
  readonly clusterId: string;
  /** The instances' ids (references). */
  readonly instanceIds: string[];
  readonly instances: readonly WatchedInstance[];
  readonly instanceParameterGroupName: string;
  readonly tags?: Record<string, string>;
}

/**
 * The encrypted notification topic with its e-mail subscriptions (APG-25), the per-instance alarms
 * (APG-42..44) and the RDS event subscriptions (APG-45..47).
 */
export function createNotifications(
  scope: Construct,
  account: AccountContext,
  o: NotificationOptions,
): SnsTopic {
  const topic = new SnsTopic(scope, "NotificationTopic", {
    name: `${o.clusterIdentifier}-notifications`,
    kmsMasterKeyId: o.key.arn,
    tags: o.tags,
  });
  const sourceAccount = [
    { test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] },
  ];
  const policy = new DataAwsIamPolicyDocument(scope, "NotificationTopicPolicyDocument", {
    statement: [
      {
        sid: "AllowAccountManagement",
        principals: [
          { type: "AWS", identifiers: [`arn:${account.partition}:iam::${account.accountId}:root`] },
        ],
        actions: [
          "sns:GetTopicAttributes",
          "sns:SetTopicAttributes",
          "sns:AddPermission",
          "sns:RemovePermission",
          "sns:DeleteTopic",
          "sns:Subscribe",
          "sns:ListSubscriptionsByTopic",
          "sns:Publish",
        ],
        resources: [topic.arn],
      },
      {
        sid: "AllowCloudWatchAlarms",
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
        actions: ["sns:Publish"],
        resources: [topic.arn],
        condition: sourceAccount,
      },
      {
        sid: "AllowRdsEvents",
        principals: [{ type: "Service", identifiers: ["events.rds.amazonaws.com"] }],
        actions: ["sns:Publish"],
        resources: [topic.arn],
        condition: sourceAccount,
      },
    ],
  });
  const topicPolicy = new SnsTopicPolicy(scope, "NotificationTopicPolicy", {
    arn: topic.arn,
    policy: policy.json,
  });
  o.emails.forEach((email) => {
    new SnsTopicSubscription(scope, `NotificationEmail-${email.replace(/[^A-Za-z0-9]+/g, "_")}`, {
      topicArn: topic.arn,
      protocol: "email",
      endpoint: email,
    });
  });

  if (o.alarms) {
    for (const instance of o.instances) {
      for (const alarm of INSTANCE_ALARMS) {
        new CloudwatchMetricAlarm(scope, `${instance.label}${alarm.metricName}Alarm`, {
          alarmName: `${instance.identifier}-${alarm.metricName}`,
          alarmDescription: `${alarm.reference}: ${alarm.metricName} ${alarm.statistic} ${alarm.comparisonOperator} ${alarm.threshold} ${alarm.unit} on ${instance.identifier}`,
          namespace: "AWS/RDS",
          metricName: alarm.metricName,
          dimensions: { DBInstanceIdentifier: instance.identifier },
          statistic: alarm.statistic,
          comparisonOperator: alarm.comparisonOperator,
          threshold: alarm.threshold,
          unit: alarm.unit,
          period: 60,
          evaluationPeriods: 5,
          treatMissingData: "notBreaching",
          actionsEnabled: true,
          alarmActions: [topic.arn],
          tags: o.tags,
        });
      }
    }
  }

  if (o.eventSubscriptions) {
    const subscribe = (
      id: string,
      suffix: string,
      sourceType: string,
      sourceIds: string[],
      categories: readonly string[],
    ) =>
      new DbEventSubscription(scope, id, {
        name: `${o.clusterIdentifier}-${suffix}`,
        snsTopic: topic.arn,
        sourceType,
        sourceIds,
        eventCategories: [...categories],
        tags: o.tags,
        // RDS must be allowed to publish before it accepts the subscription.
        dependsOn: [topicPolicy],
      });
    subscribe(
      "ClusterEventSubscription",
      "cluster-events",
      "db-cluster",
      [o.clusterId],
      EVENT_CATEGORIES.cluster,
    );
    subscribe(
      "InstanceEventSubscription",
      "instance-events",
      "db-instance",
      o.instanceIds,
      EVENT_CATEGORIES.instance,
    );
    subscribe(
      "ParameterGroupEventSubscription",
      "parameter-group-events",
      "db-parameter-group",
      [o.instanceParameterGroupName],
      EVENT_CATEGORIES.parameterGroup,
    );
  }
  return topic;
}
