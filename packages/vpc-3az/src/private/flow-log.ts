import { AwsContext, IKmsKeyRef } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";

export interface VpcFlowLogProps {
  readonly vpcId: string;
  readonly region: string;
  readonly logGroupName: string;
  readonly retentionDays: number;
  readonly kmsKey?: IKmsKeyRef;
  readonly trafficType: string;
  /** Names the VPC in the description of the key created when `kmsKey` is not given. */
  readonly vpcName: string;
  readonly tags: { [key: string]: string };
}

/**
 * VPC flow log to a CloudWatch log group with retention, encrypted with the given KMS key or with
 * a key of its own, delivered by a role that only `vpc-flow-logs.amazonaws.com` acting for this
 * account's flow logs can assume, and that may only write to that group.
 */
export class VpcFlowLog extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  public readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogProps) {
    super(scope, id);
    // The caller identity ("Account") and partition data sources of this construct, created as read.
    const aws = new AwsContext(this, { account: "Account" });
    const account = aws.accountId;
    const partition = aws.partition;
    const kmsKeyArn =
      props.kmsKey?.arn ??
      this.createKey(props, {
        partition,
        dnsSuffix: aws.dnsSuffix,
        account,
        logGroupArn: `arn:${partition}:logs:${props.region}:${account}:log-group:${props.logGroupName}`,
      });
    this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: kmsKeyArn,
      tags: props.tags,
    });
    const trust = new DataAwsIamPolicyDocument(this, "AssumeRolePolicy", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
          // Confused-deputy guard: only flow logs of this account may use the role.
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
            {
              test: "ArnLike",
              variable: "aws:SourceArn",
              values: [`arn:${partition}:ec2:${props.region}:${account}:vpc-flow-log/*`],
            },
          ],
        },
      ],
    });
    const role = new IamRole(this, "Role", {
      namePrefix: "vpc-flow-logs-",
      description: "Delivers VPC flow logs to their CloudWatch log group",
      assumeRolePolicy: trust.json,
      tags: props.tags,
    });
    const write = new DataAwsIamPolicyDocument(this, "WritePolicy", {
      statement: [
        {
          sid: "WriteFlowLogs",
          effect: "Allow",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [this.logGroup.arn, `${this.logGroup.arn}:*`],
        },
        {
          sid: "DescribeLogGroups",
          effect: "Allow",
          actions: ["logs:DescribeLogGroups"],
          resources: ["*"],
        },
      ],
    });
    const policy = new IamRolePolicy(this, "RolePolicy", {
      name: "write-flow-logs",
      role: role.id,
      policy: write.json,
    });

    this.flowLog = new FlowLog(this, "Resource", {
      vpcId: props.vpcId,
      trafficType: props.trafficType,
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      tags: props.tags,
      dependsOn: [policy],
    });
  }

  /**
   * A customer managed key (rotation on) for the flow log group: the account administers it (IAM
   * policies decide who), and CloudWatch Logs of this region may use it for this log group only
   * (`kms:EncryptionContext:aws:logs:arn`). Returns its ARN.
   */
  private createKey(
    props: VpcFlowLogProps,
    a: { partition: string; dnsSuffix: string; account: string; logGroupArn: string },
  ): string {
    const policy = new DataAwsIamPolicyDocument(this, "KeyPolicy", {
      statement: [
        {
          sid: "EnableRootAccountPermissions",
          principals: [{ type: "AWS", identifiers: [`arn:${a.partition}:iam::${a.account}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
        {
          sid: "AllowCloudWatchLogsForTheFlowLogGroup",
          principals: [{ type: "Service", identifiers: [`logs.${props.region}.${a.dnsSuffix}`] }],
          actions: [
            "kms:Encrypt*",
            "kms:Decrypt*",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:Describe*",
          ],
          resources: ["*"],
          condition: [
            { test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [a.logGroupArn] },
          ],
        },
      ],
    });
    return new KmsKey(this, "Key", {
      description: `VPC flow logs of ${props.vpcName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
      tags: props.tags,
    }).arn;
  }
}
