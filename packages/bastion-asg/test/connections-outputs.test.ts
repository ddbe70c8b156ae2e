import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformOutput, Token } from "cdktf";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Peer } from "@aurora-cdktf/core";
import { BastionAccessMode, BastionAsg } from "../src";
import { resolve, resources } from "../../../test/helpers/unit";
import { bastionTestStack, bastionTestVpc, FakeCluster } from "./bastion-stack";

describe("BastionAsg", () => {
  describe("connections", () => {
    it("lets the cluster admit the bastion on the database port", () => {
      // GIVEN
      const stack = bastionTestStack();
      const bastion = new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc() });
      const cluster = new FakeCluster(stack, "Cluster");
      // WHEN
      cluster.connections.allowDefaultPortFrom(bastion);
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
        security_group_id: "sg-cluster",
        referenced_security_group_id: "${aws_security_group.Bastion_SecurityGroup_E203F99D.id}",
        ip_protocol: "tcp",
        from_port: 5432,
        to_port: 5432,
      });
    });

    it("exposes the bastion's security group with SSH as default port", () => {
      const bastion = new BastionAsg(bastionTestStack(), "Bastion", { vpc: bastionTestVpc() });
      expect(bastion.connections.securityGroupId).toBe(bastion.securityGroupId);
      expect(bastion.connections.defaultPort?.label).toBe("tcp/22");
    });

    it("adds SSH rules for CIDRs, security groups and other connectables", () => {
      // GIVEN
      const stack = bastionTestStack();
      const bastion = new BastionAsg(stack, "Bastion", {
        vpc: bastionTestVpc(),
        accessMode: BastionAccessMode.SSH_AND_SSM,
      });
      const other = new FakeCluster(stack, "Jump");
      // WHEN
      bastion.allowSshAccessFrom(Peer.ipv4("192.0.2.0/24"), Peer.securityGroupId("sg-vpn", "Vpn"), other);
      // THEN
      const rules = Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"));
      expect(rules).toHaveLength(3);
      for (const rule of rules)
        expect(rule).toMatchObject({ ip_protocol: "tcp", from_port: 22, to_port: 22 });
      expect(rules.map((r) => r.cidr_ipv4 ?? r.referenced_security_group_id)).toEqual([
        "192.0.2.0/24",
        "sg-vpn",
        "sg-cluster",
      ]);
      expect(rules.map((r) => r.description)).toEqual([
        "SSH from 192.0.2.0/24",
        "SSH from Vpn",
        "SSH from stack-Jump",
      ]);
    });
  });

  describe("outputs", () => {
    it("returns every attribute in the outputs struct", () => {
      const bastion = new BastionAsg(bastionTestStack(), "Bastion", {
        vpc: bastionTestVpc(),
        accessMode: BastionAccessMode.SSH_AND_SSM,
        keyName: "ops",
      });
      const o = bastion.outputs;
      expect(o).toEqual({
        autoScalingGroupName: bastion.autoScalingGroupName,
        autoScalingGroupArn: bastion.autoScalingGroupArn,
        launchTemplateId: bastion.launchTemplateId,
        securityGroupId: bastion.securityGroupId,
        logGroupName: bastion.logGroupName,
        logGroupArn: bastion.logGroupArn,
        roleName: bastion.roleName,
        roleArn: bastion.roleArn,
        notificationTopicArn: bastion.notificationTopicArn,
        region: expect.any(String),
        elasticIp: bastion.elasticIp,
        elasticIpAllocationId: bastion.elasticIpAllocationId,
        sshCommand: bastion.sshCommand,
        ssmSessionCommand: bastion.ssmSessionCommand,
      });
      for (const value of Object.values(o))
        expect(Token.isUnresolved(value) || typeof value === "string").toBe(true);
      // The region is the Auto Scaling group ARN's (what the SSM commands use).
      expect(resolve(bastion, o.region)).toBe(
        '${element(split(":", aws_autoscaling_group.Bastion_AutoScalingGroup_48B6F54C.arn), 3)}',
      );
    });

    it("renders ready-to-paste SSH, SSM session and tunnel commands (BAS-35)", () => {
      // GIVEN
      const stack = bastionTestStack();
      const bastion = new BastionAsg(stack, "Bastion", {
        vpc: bastionTestVpc(),
        accessMode: BastionAccessMode.SSH_AND_SSM,
        keyName: "ops",
      });
      const dbPort = Token.asNumber({ Ref: "port" }); // e.g. a cluster's port attribute
      // WHEN
      new TerraformOutput(stack, "ssh", { value: bastion.sshCommand });
      new TerraformOutput(stack, "ssm", { value: bastion.ssmSessionCommand });
      new TerraformOutput(stack, "tunnel", {
        value: bastion.ssmPortForwardCommand("db.example.com", 5432, 15432),
      });
      new TerraformOutput(stack, "tunnel_default_port", {
        value: bastion.ssmPortForwardCommand("db.example.com", 5432),
      });
      // THEN
      const out = (JSON.parse(Testing.synth(stack)) as { output: Record<string, { value: string }> }).output;
      const region = '${element(split(":", aws_autoscaling_group.Bastion_AutoScalingGroup_48B6F54C.arn), 3)}';
      const target =
        `"$(aws autoscaling describe-auto-scaling-groups --region ${region} --auto-scaling-group-names stack-Bastion ` +
        `--query "AutoScalingGroups[0].Instances[?LifecycleState=='InService'] | [0].InstanceId" --output text)"`;
      expect(out.ssh.value).toBe('ssh -i "ops.pem" ec2-user@${aws_eip.Bastion_ElasticIp_E50486BA.public_ip}');
      expect(out.ssm.value).toBe(`aws ssm start-session --region ${region} --target ${target}`);
      expect(out.tunnel.value).toBe(
        `aws ssm start-session --region ${region} --target ${target} --document-name AWS-StartPortForwardingSessionToRemoteHost ` +
          `--parameters '{"host":["db.example.com"],"portNumber":["5432"],"localPortNumber":["15432"]}'`,
      );
      expect(out.tunnel_default_port.value).toContain('"portNumber":["5432"],"localPortNumber":["5432"]');
      expect(() => bastion.ssmPortForwardCommand("db", dbPort)).not.toThrow();
    });

    it("leaves the key out of the SSH command without a key pair", () => {
      const bastion = new BastionAsg(bastionTestStack(), "Bastion", {
        vpc: bastionTestVpc(),
        accessMode: BastionAccessMode.SSH_AND_SSM,
      });
      expect(bastion.sshCommand).toMatch(/^ssh ec2-user@\$\{TfToken\[TOKEN\.\d+\]\}$/);
    });

    it("has no SSH command, Elastic IP or allocation id in SSM-only mode", () => {
      const bastion = new BastionAsg(bastionTestStack(), "Bastion", {
        vpc: bastionTestVpc(),
        accessMode: BastionAccessMode.SSM_ONLY,
      });
      expect(bastion.outputs.sshCommand).toBeUndefined();
      expect(bastion.outputs.elasticIp).toBeUndefined();
      expect(bastion.outputs.elasticIpAllocationId).toBeUndefined();
      expect(bastion.outputs.ssmSessionCommand).toMatch(/^aws ssm start-session /);
    });

    it("emits no TerraformOutput by itself", () => {
      const stack = bastionTestStack();
      new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc() });
      expect((JSON.parse(Testing.synth(stack)) as { output?: unknown }).output).toBeUndefined();
    });
  });
});
