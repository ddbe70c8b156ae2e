import { Connections, Port } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import { BastionAsgAttributes, IBastionAsg } from "../bastion-asg-ref";
import { validateBastionAsgAttributes, validateSsmPortForward } from "../validate";
import { ssmPortForwardCommand, ssmSessionCommand } from "./ssm-commands";

/** A bastion created elsewhere, known by its attributes. Creates no resources by itself. */
export class ImportedBastionAsg extends Construct implements IBastionAsg {
  public readonly autoScalingGroupName: string;
  public readonly securityGroupId: string;
  public readonly roleName: string;
  public readonly roleArn: string;
  public readonly ssmSessionCommand: string;
  /** Ingress to the bastion's security group; default port 22. Rules are created in this scope. */
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, attrs: BastionAsgAttributes) {
    super(scope, id);
    validateBastionAsgAttributes(this, attrs);
    this.autoScalingGroupName = attrs.autoScalingGroupName;
    this.securityGroupId = attrs.securityGroupId;
    this.roleName = attrs.roleName;
    this.roleArn = attrs.roleArn;
    this.ssmSessionCommand =
      attrs.ssmSessionCommand ?? ssmSessionCommand(attrs.region, attrs.autoScalingGroupName);
    this.connections = new Connections({
      scope: this,
      securityGroupId: this.securityGroupId,
      defaultPort: Port.tcp(22),
    });
  }

  public ssmPortForwardCommand(host: string, port: number, localPort: number = port): string {
    validateSsmPortForward(this, port, localPort);
    return ssmPortForwardCommand(this.ssmSessionCommand, host, port, localPort);
  }
}
