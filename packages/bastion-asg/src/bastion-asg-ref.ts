import { IConnectable } from "@aurora-cdktf/core";

/** What other constructs and stacks need from a bastion. */
export interface IBastionAsg extends IConnectable {
  /** Name of the Auto Scaling group. */
  readonly autoScalingGroupName: string;
  /** Id of the bastion's security group. */
  readonly securityGroupId: string;
  /** Name of the instance role. */
  readonly roleName: string;
  /** ARN of the instance role. */
  readonly roleArn: string;
}

/**
 * Every attribute of a {@link BastionAsg} in one struct, e.g. for `TerraformOutput`s in a stack.
 * Optional fields are unset in `SSM_ONLY` mode.
 */
export interface BastionAsgOutputs {
  /** Name of the Auto Scaling group (BAS-35 `BastionAutoScalingGroup`). */
  readonly autoScalingGroupName: string;
  /** ARN of the Auto Scaling group. */
  readonly autoScalingGroupArn: string;
  /** Id of the launch template. */
  readonly launchTemplateId: string;
  /** Id of the security group (BAS-35 `BastionSecurityGroupID`). */
  readonly securityGroupId: string;
  /** Name of the CloudWatch log group with the command, audit and bootstrap logs (BAS-35 `CloudWatchLogs`). */
  readonly logGroupName: string;
  /** ARN of the CloudWatch log group. */
  readonly logGroupArn: string;
  /** Name of the instance role. */
  readonly roleName: string;
  /** ARN of the instance role. */
  readonly roleArn: string;
  /** ARN of the SNS topic receiving the CPU alarm and the ASG error notifications. */
  readonly notificationTopicArn: string;
  /** The Elastic IP address (BAS-35 `EIP`); unset in `SSM_ONLY` mode. */
  readonly elasticIp?: string;
  /** Allocation id of the Elastic IP; unset in `SSM_ONLY` mode. */
  readonly elasticIpAllocationId?: string;
  /** Ready-to-paste SSH command (BAS-35 `SSHCommand`); unset in `SSM_ONLY` mode. */
  readonly sshCommand?: string;
  /** Ready-to-paste `aws ssm start-session` command opening a shell on the current instance. */
  readonly ssmSessionCommand: string;
}
