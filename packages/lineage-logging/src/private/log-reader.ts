import { Fn } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamAccessKey } from "@cdktf/provider-aws/lib/iam-access-key";
import { IamGroup } from "@cdktf/provider-aws/lib/iam-group";
import { IamGroupPolicy } from "@cdktf/provider-aws/lib/iam-group-policy";
import { IamGroupPolicyAttachment } from "@cdktf/provider-aws/lib/iam-group-policy-attachment";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { IamUserGroupMembership } from "@cdktf/provider-aws/lib/iam-user-group-membership";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { awsManagedPolicyArn, IKmsKeyRef } from "@aurora-cdktf/core";
import { LineageLogAccess } from "../lineage-logging-ref";
import { writeOnlyVersion } from "./write-only";

/** Inputs of {@link createLogReader}. */
export interface LogReaderProps {
  readonly userName: string;
  readonly groupName: string;
  readonly access: LineageLogAccess;
  readonly partition: string;
  readonly logGroupArn: string;
  readonly secretName: string;
  readonly secretKmsKey: IKmsKeyRef;
  readonly clusterIdentifier: string;
  readonly tags?: { [key: string]: string };
}

/** What {@link createLogReader} made. */
export interface LogReader {
  readonly user: IamUser;
  readonly group: IamGroup;
  readonly accessKey: IamAccessKey;
  readonly secret: SecretsmanagerSecret;
}

/** Actions the least-privilege policy allows on the one log group (and its streams). */
export const LOG_GROUP_READ_ACTIONS = [
  "logs:DescribeLogStreams",
  "logs:FilterLogEvents",
  "logs:GetLogEvents",
];

/**
 * The lineage tool's AWS identity (LIN-09/10): an IAM user in a group that can read CloudWatch Logs,
 * an access key, and a Secrets Manager secret holding that key. The secret access key is only ever
 * referenced (`${aws_iam_access_key.x.secret}`) inside the secret version, never in an output.
 */
export function createLogReader(scope: Construct, props: LogReaderProps): LogReader {
  const group = new IamGroup(scope, "Group", { name: props.groupName });
  if (props.access === LineageLogAccess.CLOUDWATCH_LOGS_READ_ONLY) {
    new IamGroupPolicyAttachment(scope, "CloudWatchLogsReadOnlyAccess", {
      group: group.name,
      policyArn: awsManagedPolicyArn(props.partition, "CloudWatchLogsReadOnlyAccess"),
    });
  } else {
    const doc = new DataAwsIamPolicyDocument(scope, "LogGroupReadPolicyDocument", {
      statement: [
        {
          sid: "ReadLineageLogGroup",
          effect: "Allow",
          actions: LOG_GROUP_READ_ACTIONS,
          resources: [props.logGroupArn, `${props.logGroupArn}:*`],
        },
        {
          sid: "ListLogGroups",
          effect: "Allow",
          actions: ["logs:DescribeLogGroups"],
          resources: ["*"],
        },
      ],
    });
    new IamGroupPolicy(scope, "LogGroupReadPolicy", {
      name: "read-lineage-log-group",
      group: group.name,
      policy: doc.json,
    });
  }

  const user = new IamUser(scope, "User", { name: props.userName, tags: props.tags });
  new IamUserGroupMembership(scope, "GroupMembership", { user: user.name, groups: [group.name] });
  const accessKey = new IamAccessKey(scope, "AccessKey", { user: user.name });

  const secret = new SecretsmanagerSecret(scope, "AccessKeySecret", {
    name: props.secretName,
    description: `Access key of the Datafold lineage IAM user for cluster ${props.clusterIdentifier}`,
    kmsKeyId: props.secretKmsKey.arn,
    tags: props.tags,
  });
  new SecretsmanagerSecretVersion(scope, "AccessKeySecretValue", {
    secretId: secret.id,
    // Write-only: kept out of this resource's state. The access key's own state still holds the
    // secret key (aws_iam_access_key has no write-only form): see the README, "What is in state".
    secretStringWo: Fn.jsonencode({ accessKeyId: accessKey.id, secretAccessKey: accessKey.secret }),
    // A new secret version whenever the key is replaced: a number derived from the key id.
    secretStringWoVersion: writeOnlyVersion(accessKey.id),
  });
  return { user, group, accessKey, secret };
}
