import { Token } from "cdktf";

/**
 * The ready-to-paste SSM commands of a bastion, rendered the same way for a created and an imported
 * one. The target is looked up when the command runs: the group replaces its instance over time.
 */

/** `aws ssm start-session` on the in-service instance of the Auto Scaling group `autoScalingGroupName`. */
export function ssmSessionCommand(region: string, autoScalingGroupName: string): string {
  const instance =
    `"$(aws autoscaling describe-auto-scaling-groups --region ${region} --auto-scaling-group-names ${autoScalingGroupName} ` +
    `--query "AutoScalingGroups[0].Instances[?LifecycleState=='InService'] | [0].InstanceId" --output text)"`;
  return `aws ssm start-session --region ${region} --target ${instance}`;
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
