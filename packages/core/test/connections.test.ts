import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Connections, IConnectable, Peer, Port } from "../src";

class Owner extends Construct implements IConnectable {
  public readonly connections: Connections;
  constructor(scope: Construct, id: string, sg: string, port?: Port) {
    super(scope, id);
    this.connections = new Connections({ scope: this, securityGroupId: sg, defaultPort: port });
  }
}

describe("Connections", () => {
  it("admits another connectable on the default port with a referenced-security-group rule", () => {
    // GIVEN
    const stack = new TerraformStack(Testing.app(), "stack");
    const db = new Owner(stack, "Db", "sg-db", Port.tcp(5432));
    const bastion = new Owner(stack, "Bastion", "sg-bastion");
    // WHEN
    db.connections.allowDefaultPortFrom(bastion, "bastion to db");
    // THEN
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      security_group_id: "sg-db",
      referenced_security_group_id: "sg-bastion",
      ip_protocol: "tcp",
      from_port: 5432,
      to_port: 5432,
      description: "bastion to db",
    });
  });

  it("admits a CIDR on a port range", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const db = new Owner(stack, "Db", "sg-db");
    db.connections.allowFrom(Peer.ipv4("203.0.113.0/24"), Port.tcpRange(1024, 2048), "range");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      cidr_ipv4: "203.0.113.0/24",
      from_port: 1024,
      to_port: 2048,
    });
  });

  it("gives each rule a stable id from the peer and the port", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const db = new Owner(stack, "Db", "sg-db", Port.tcp(5432));
    const rule = db.connections.allowDefaultPortFrom(Peer.securityGroupId("sg-app", "App"));
    expect(rule.node.id).toBe("Ingress-App-tcp_5432");
  });

  it("fails when there is no default port, naming the construct path", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const db = new Owner(stack, "Db", "sg-db");
    expect(() => db.connections.allowDefaultPortFrom(Peer.ipv4("10.0.0.0/8"))).toThrow(
      /\[stack\/Db\] allowDefaultPortFrom: this security group has no default port/,
    );
  });
});
