import { IConnectable } from "@aurora-cdktf/core";
import { CLOUDWATCH_LOG_RETENTION_DAYS } from "@aurora-cdktf/core";

/** How people reach the bastion. */
export enum BastionAccessMode {
  /**
   * SSH on port 22 from the CIDRs you allow, through a stable Elastic IP, plus SSM Session Manager
   * (reference parity, BAS-02/20/23). The instance runs in the public subnets.
   */
  SSH_AND_SSM = "ssh-and-ssm",
  /**
   * SSM Session Manager only (MOD-11): no inbound rule, no public address, no Elastic IP. The
   * instance runs in the private subnets and needs a NAT gateway or the ssm/ssmmessages/ec2messages
   * interface endpoints.
   */
  SSM_ONLY = "ssm-only",
}

/** Which subnets of the VPC the Auto Scaling group spans. */
export enum BastionSubnets {
  /** The three public subnets (instances get a public address). */
  PUBLIC = "public",
  /** The three private subnets (no public address). */
  PRIVATE = "private",
}

/** EC2 tenancy of the bastion instance (BAS-07). */
export enum BastionTenancy {
  /** Shared hardware. */
  DEFAULT = "default",
  /** Single-tenant hardware. */
  DEDICATED = "dedicated",
}

/** A KMS key given by reference: any object with the key ARN, e.g. an `aws_kms_key` resource. */
export interface IKmsKeyRef {
  /** ARN of the KMS key. */
  readonly arn: string;
}

/**
 * The retention values CloudWatch Logs accepts, in days. `0` means "never expire" (the
 * `retention_in_days` argument is then left out).
 */
export const LOG_RETENTION_DAYS: readonly number[] = CLOUDWATCH_LOG_RETENTION_DAYS;

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
