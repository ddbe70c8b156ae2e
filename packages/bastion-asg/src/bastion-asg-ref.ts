import { IConnectable } from "@aurora-cdktf/core";

/**
 * What other constructs and stacks need from a bastion. Implemented by `BastionAsg` and by
 * `BastionAsg.fromAttributes(...)` for a bastion created elsewhere (another stack, another tool).
 */
export interface IBastionAsg extends IConnectable {
  /** Name of the Auto Scaling group. */
  readonly autoScalingGroupName: string;
  /** Id of the bastion's security group. */
  readonly securityGroupId: string;
  /** Name of the instance role. */
  readonly roleName: string;
  /** ARN of the instance role. */
  readonly roleArn: string;
  /** Ready-to-paste `aws ssm start-session` command opening a shell on the current instance. */
  readonly ssmSessionCommand: string;
  /**
   * A ready-to-paste `aws ssm start-session` command that forwards `localPort` on your machine to
   * `host:port` through the bastion (document `AWS-StartPortForwardingSessionToRemoteHost`).
   */
  ssmPortForwardCommand(host: string, port: number, localPort?: number): string;
}

/**
 * Everything needed to use a bastion created elsewhere. `BastionAsg.outputs` is a superset, so
 * `BastionAsg.fromAttributes(scope, id, bastion.outputs)` works across stacks (cdktf turns the
 * references into outputs and remote state).
 */
export interface BastionAsgAttributes {
  /** Name of the Auto Scaling group (it finds the in-service instance for the SSM commands). */
  readonly autoScalingGroupName: string;
  /** Id of the bastion's security group (`connections`, e.g. for a cluster's ingress rule). */
  readonly securityGroupId: string;
  /** Name of the instance role. */
  readonly roleName: string;
  /** ARN of the instance role. */
  readonly roleArn: string;
  /** The bastion's region (e.g. "eu-west-1"), for the SSM commands. */
  readonly region: string;
  /**
   * The `aws ssm start-session` command opening a shell on the bastion; `ssmPortForwardCommand`
   * appends its document and parameters to it.
   *
   * @default - `aws ssm start-session --region <region> --target <the group's in-service instance>`
   */
  readonly ssmSessionCommand?: string;
}

/**
 * Every attribute of a {@link BastionAsg} in one struct, e.g. for `TerraformOutput`s in a stack.
 * Optional fields are unset in `SSM_ONLY` mode. A superset of {@link BastionAsgAttributes}: feeding
 * it (read back from the stack's outputs or remote state) to `BastionAsg.fromAttributes` gives the
 * same bastion in another stack or app.
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
  /** The bastion's region (the region field of the Auto Scaling group's ARN). */
  readonly region: string;
  /** The Elastic IP address (BAS-35 `EIP`); unset in `SSM_ONLY` mode. */
  readonly elasticIp?: string;
  /** Allocation id of the Elastic IP; unset in `SSM_ONLY` mode. */
  readonly elasticIpAllocationId?: string;
  /** Ready-to-paste SSH command (BAS-35 `SSHCommand`); unset in `SSM_ONLY` mode. */
  readonly sshCommand?: string;
  /** Ready-to-paste `aws ssm start-session` command opening a shell on the current instance. */
  readonly ssmSessionCommand: string;
  /** Id of the EC2 Instance Connect Endpoint; unset without `instanceConnectEndpoint`. */
  readonly instanceConnectEndpointId?: string;
  /**
   * Ready-to-paste `aws ec2-instance-connect ssh` command through the endpoint to the current
   * instance (a temporary key; needs the AWS CLI v2); unset without `instanceConnectEndpoint`.
   */
  readonly instanceConnectSshCommand?: string;
  /**
   * Ready-to-paste `aws ec2-instance-connect open-tunnel` command forwarding local port 2222 to the
   * current instance's port 22 (then `ssh -p 2222 ec2-user@localhost`); unset without
   * `instanceConnectEndpoint`.
   */
  readonly instanceConnectTunnelCommand?: string;
}
