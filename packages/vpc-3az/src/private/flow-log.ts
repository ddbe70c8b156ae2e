import { AwsContext, IKmsKeyRef } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";

export interface VpcFlowLogProps {
  readonly vpcId: string;
  readonly region: string;
  readonly logGroupName: string;
  readonly retentionDays: number;
  readonly kmsKey?: IKmsKeyRef;
  readonly trafficType: string;
  readonly tags: { [key: string]: string };
}

/**
 * VPC flow log to a CloudWatch log group with retention (and optional KMS key), delivered by a role
 * that only `vpc-flow-logs.amazonaws.com` acting for this account's flow logs can assume, and that
 * may only write to that group.
 */
export class VpcFlowLog extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  public readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKey?.arn,
      tags: props.tags,
    });

    // The caller identity ("Account") and partition data sources of this construct, created as read.
    const aws = new AwsContext(this, { account: "Account" });
    const account = aws.accountId;
    const partition = aws.partition;
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
}
