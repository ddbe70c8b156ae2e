import { Token } from "cdktf";

/**
 * The ready-to-paste SSM commands of a bastion, rendered the same way for a created and an imported
 * one. The target is looked up when the command runs: the group replaces its instance over time.
 */

/** A shell substitution giving the id of the in-service instance of the group `autoScalingGroupName`. */
function inServiceInstance(region: string, autoScalingGroupName: string): string {
  return (
    `"$(aws autoscaling describe-auto-scaling-groups --region ${region} --auto-scaling-group-names ${autoScalingGroupName} ` +
    `--query "AutoScalingGroups[0].Instances[?LifecycleState=='InService'] | [0].InstanceId" --output text)"`
  );
}

/** `aws ssm start-session` on the in-service instance of the Auto Scaling group `autoScalingGroupName`. */
export function ssmSessionCommand(region: string, autoScalingGroupName: string): string {
  return `aws ssm start-session --region ${region} --target ${inServiceInstance(region, autoScalingGroupName)}`;
}

/** `aws ec2-instance-connect ssh` through the EC2 Instance Connect Endpoint of the VPC (a temporary key). */
export function instanceConnectSshCommand(region: string, autoScalingGroupName: string): string {
  return (
    `aws ec2-instance-connect ssh --region ${region} --instance-id ${inServiceInstance(region, autoScalingGroupName)} ` +
    "--os-user ec2-user --connection-type eice"
  );
}

/** `aws ec2-instance-connect open-tunnel` from local port 2222 to port 22 of the instance, through `endpointId`. */
export function instanceConnectTunnelCommand(
  region: string,
  autoScalingGroupName: string,
  endpointId: string,
): string {
  return (
    `aws ec2-instance-connect open-tunnel --region ${region} --instance-connect-endpoint-id ${endpointId} ` +
    `--instance-id ${inServiceInstance(region, autoScalingGroupName)} --remote-port 22 --local-port 2222`
  );
}

/**
 * `sessionCommand` (an `aws ssm start-session` command) forwarding `localPort` to `host:port`
 * with the document `AWS-StartPortForwardingSessionToRemoteHost`.
 */
export function ssmPortForwardCommand(
  sessionCommand: string,
  host: string,
  port: number,
  localPort: number,
): string {
  const parameters = `{"host":["${host}"],"portNumber":["${Token.asString(port)}"],"localPortNumber":["${Token.asString(localPort)}"]}`;
  return `${sessionCommand} --document-name AWS-StartPortForwardingSessionToRemoteHost --parameters '${parameters}'`;
}
