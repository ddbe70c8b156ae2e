import { BastionAccessMode, BastionAsg } from "@aurora-cdktf/bastion-asg";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { APPLICATION, ExampleStack, StackOptions } from "./common";

/** Props of {@link BastionStack}. */
export interface BastionStackProps extends StackOptions {
  /** The network (from the network stack: cross-stack references). */
  readonly vpc: IVpc3Az;
  /** CIDRs admitted on SSH; empty for an SSM-only bastion in the private subnets. */
  readonly sshAllowedCidrs: string[];
}

/**
 * The bastion (the reference's bastion stack): the way into the private subnets for the database
 * stacks' tunnel. SSM-only by default; with SSH CIDRs it runs in the public subnets with an Elastic
 * IP and TCP forwarding, so `ssh -D` works too.
 */
export class BastionStack extends ExampleStack {
  /** The bastion; the database stack admits its security group on the cluster's port. */
  public readonly bastion: BastionAsg;

  constructor(scope: Construct, id: string, props: BastionStackProps) {
    super(scope, id, props);
    this.addAwsProvider(props);
    const ssh = props.sshAllowedCidrs.length > 0;
    this.bastion = new BastionAsg(this, "Bastion", {
      vpc: props.vpc,
      name: `${APPLICATION}-${props.stage}-bastion`,
      accessMode: ssh ? BastionAccessMode.SSH_AND_SSM : BastionAccessMode.SSM_ONLY,
      sshAllowedCidrs: ssh ? props.sshAllowedCidrs : undefined,
      tcpForwarding: ssh,
      // Only the policy scoped to the bastion's own log group (not CloudWatchAgentServerPolicy,
      // which may write to every log group of the account).
      attachCloudWatchAgentServerPolicy: false,
      // Session and command logs kept a year (audit).
      logRetentionDays: 365,
    });
    new TerraformOutput(this, "autoscaling_group_name", {
      value: this.bastion.autoScalingGroupName,
      description: "The bastion's Auto Scaling group (CI waits for its instance to be online in SSM).",
    });
    new TerraformOutput(this, "ssm_session_command", {
      value: this.bastion.ssmSessionCommand,
      description: "Opens a shell on the bastion through SSM Session Manager.",
    });
    if (this.bastion.sshCommand) {
      new TerraformOutput(this, "ssh_command", {
        value: this.bastion.sshCommand,
        description: "SSH to the bastion; add -D 1080 for the database stacks' SOCKS tunnel.",
      });
    }
  }
}
