import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformVariable } from "cdktf";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Peer, Port } from "@aurora-cdktf/core";
import { BastionAccessMode, BastionAsg, BastionAsgAttributes, IBastionAsg } from "../src";
import { resolve, resources, synthJson } from "../../../test/helpers/unit";
import { bastionTestStack, bastionTestVpc, FakeCluster, IMPORTED_BASTION } from "./bastion-stack";

/** A bastion created elsewhere, by literal values (e.g. another app's outputs). */
const ATTRS: BastionAsgAttributes = IMPORTED_BASTION;

/** Every attribute `IBastionAsg` promises. */
const ATTRIBUTES = [
  "autoScalingGroupName",
  "securityGroupId",
  "roleName",
  "roleArn",
  "ssmSessionCommand",
] as const;

describe("BastionAsg", () => {
  describe("fromAttributes", () => {
    it("returns the attributes, renders the SSM commands and creates nothing", () => {
      // GIVEN
      const stack = bastionTestStack();
      // WHEN
      const bastion: IBastionAsg = BastionAsg.fromAttributes(stack, "Bastion", ATTRS);
      // THEN
      expect(bastion).toMatchObject({
        autoScalingGroupName: "ops-bastion",
        securityGroupId: "sg-0123456789abcdef0",
        roleName: "ops-bastion-role",
        roleArn: "arn:aws:iam::123456789012:role/ops-bastion-role",
      });
      const session =
        'aws ssm start-session --region eu-west-1 --target "$(aws autoscaling describe-auto-scaling-groups ' +
        "--region eu-west-1 --auto-scaling-group-names ops-bastion " +
        `--query "AutoScalingGroups[0].Instances[?LifecycleState=='InService'] | [0].InstanceId" --output text)"`;
      expect(bastion.ssmSessionCommand).toBe(session);
      expect(resolve(stack, bastion.ssmPortForwardCommand("db.example.com", 5432))).toBe(
        `${session} --document-name AWS-StartPortForwardingSessionToRemoteHost ` +
          `--parameters '{"host":["db.example.com"],"portNumber":["5432"],"localPortNumber":["5432"]}'`,
      );
      expect(bastion.connections.securityGroupId).toBe("sg-0123456789abcdef0");
      expect(bastion.connections.defaultPort?.label).toBe("tcp/22");
      const synth = synthJson(stack);
      expect(synth.resource).toBeUndefined();
      expect(synth.data).toBeUndefined();
      expect(synth.output).toBeUndefined();
    });

    it("takes a given ssmSessionCommand as is", () => {
      // GIVEN
      const command = "aws ssm start-session --region eu-west-1 --target i-0123456789abcdef0";
      // WHEN
      const stack = bastionTestStack();
      const bastion = BastionAsg.fromAttributes(stack, "Bastion", { ...ATTRS, ssmSessionCommand: command });
      // THEN
      expect(bastion.ssmSessionCommand).toBe(command);
      expect(resolve(stack, bastion.ssmPortForwardCommand("db", 5432, 15432))).toBe(
        `${command} --document-name AWS-StartPortForwardingSessionToRemoteHost ` +
          `--parameters '{"host":["db"],"portNumber":["5432"],"localPortNumber":["15432"]}'`,
      );
    });

    it.each([BastionAccessMode.SSH_AND_SSM, BastionAccessMode.SSM_ONLY])(
      "round-trips a %s bastion's outputs into another stack",
      (accessMode) => {
        // GIVEN the bastion in one stack, its outputs as another stack would read them
        const producer = bastionTestStack("producer");
        const built = new BastionAsg(producer, "Bastion", { vpc: bastionTestVpc(), accessMode });
        const consumer = bastionTestStack("consumer");
        // WHEN
        const imported = BastionAsg.fromAttributes(consumer, "Bastion", built.outputs);
        // THEN every attribute and command of the interface is the built bastion's
        for (const key of ATTRIBUTES) {
          expect(resolve(built, imported[key])).toBe(resolve(built, built[key]));
        }
        expect(resolve(built, imported.connections.securityGroupId)).toBe(
          resolve(built, built.connections.securityGroupId),
        );
        expect(imported.connections.defaultPort?.label).toBe(built.connections.defaultPort?.label);
        expect(resolve(built, imported.ssmPortForwardCommand("db.example.com", 5432, 15432))).toBe(
          resolve(built, built.ssmPortForwardCommand("db.example.com", 5432, 15432)),
        );
        // and the consumer stack gets nothing of its own
        expect(synthJson(consumer).resource).toBeUndefined();
        expect(synthJson(consumer).data).toBeUndefined();
      },
    );

    it("lets a cluster in another stack admit the bastion through remote state", () => {
      // GIVEN a bastion stack and a database stack in one app
      const app = Testing.app();
      const producer = bastionTestStack("bastion", app);
      const built = new BastionAsg(producer, "Bastion", { vpc: bastionTestVpc() });
      const consumer = bastionTestStack("database", app);
      const cluster = new FakeCluster(consumer, "Cluster");
      // WHEN
      cluster.connections.allowDefaultPortFrom(BastionAsg.fromAttributes(consumer, "Bastion", built.outputs));
      app.synth();
      // THEN the rule reads the bastion's security group id from the bastion stack's remote state
      const stackJson = (id: string) =>
        JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8")) as {
          resource: Record<string, Record<string, Record<string, unknown>>>;
        };
      const rules = Object.values(stackJson("database").resource.aws_vpc_security_group_ingress_rule);
      expect(rules).toEqual([
        expect.objectContaining({
          security_group_id: "sg-cluster",
          referenced_security_group_id:
            "${data.terraform_remote_state.cross-stack-reference-input-bastion.outputs." +
            "cross-stack-output-aws_security_groupBastion_SecurityGroup_E203F99Did}",
          ip_protocol: "tcp",
          from_port: 5432,
          to_port: 5432,
        }),
      ]);
    });

    it("is a peer a cluster admits on its port, and takes ingress on its own group", () => {
      // GIVEN
      const stack = bastionTestStack();
      const bastion = BastionAsg.fromAttributes(stack, "Bastion", ATTRS);
      const cluster = new FakeCluster(stack, "Cluster");
      // WHEN
      cluster.connections.allowDefaultPortFrom(bastion);
      bastion.connections.allowFrom(Peer.ipv4("192.0.2.0/24"), Port.tcp(22), "SSH from the VPN");
      // THEN
      const synth = Testing.synth(stack);
      expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
        security_group_id: "sg-cluster",
        referenced_security_group_id: "sg-0123456789abcdef0",
        ip_protocol: "tcp",
        from_port: 5432,
        to_port: 5432,
      });
      expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
        security_group_id: "sg-0123456789abcdef0",
        cidr_ipv4: "192.0.2.0/24",
        from_port: 22,
      });
      expect(Object.keys(synthJson(stack).resource ?? {})).toEqual(["aws_vpc_security_group_ingress_rule"]);
      expect(Object.keys(resources(stack, "aws_vpc_security_group_ingress_rule"))).toHaveLength(2);
    });

    describe("validation", () => {
      it.each<[string, Partial<BastionAsgAttributes>, RegExp]>([
        [
          "a security group name instead of an id",
          { securityGroupId: "ops-bastion" },
          /securityGroupId must be a security group id \("sg-" and 8 or 17 hex digits, e.g. "sg-0123456789abcdef0"\), got "ops-bastion"\. Fix: pass the id of the bastion's security group/,
        ],
        ["a short security group id", { securityGroupId: "sg-123" }, /securityGroupId .* got "sg-123"/],
        [
          "an Auto Scaling group ARN instead of its name",
          {
            autoScalingGroupName:
              "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1234:autoScalingGroupName/ops",
          },
          /autoScalingGroupName must be 1-255 letters, digits, "\.", "_" or "-" \(it is pasted unquoted into the SSM commands\), got "arn:aws:autoscaling:.*"\. Fix: pass the group's name/,
        ],
        [
          "a group name the shell would split",
          { autoScalingGroupName: "ops bastion" },
          /autoScalingGroupName .* got "ops bastion"/,
        ],
        [
          "a role ARN as role name",
          { roleName: "arn:aws:iam::123456789012:role/ops" },
          /roleName must be an IAM role name: .* got "arn:aws:iam::123456789012:role\/ops"\. Fix: pass the instance role's name/,
        ],
        [
          "a role name as role ARN",
          { roleArn: "ops-bastion-role" },
          /roleArn must be an IAM role ARN such as "arn:aws:iam::123456789012:role\/ops-bastion", got "ops-bastion-role"\. Fix: pass the instance role's ARN/,
        ],
        [
          "an instance profile ARN as role ARN",
          { roleArn: "arn:aws:iam::123456789012:instance-profile/ops-bastion-role" },
          /roleArn must be an IAM role ARN/,
        ],
        [
          "a role ARN of another role",
          { roleArn: "arn:aws:iam::123456789012:role/other-role" },
          /roleArn names the role "other-role", but roleName is "ops-bastion-role"\. Fix: pass the name and the ARN of the same role/,
        ],
        [
          "an Availability Zone as region",
          { region: "eu-west-1a" },
          /region must be an AWS region such as "eu-west-1", got "eu-west-1a"\. Fix: pass the region the bastion runs in/,
        ],
        [
          "an SSH command as SSM session command",
          { ssmSessionCommand: "ssh ec2-user@203.0.113.10" },
          /ssmSessionCommand must be an "aws ssm start-session \.\.\." command .* got "ssh ec2-user@203.0.113.10"\. Fix: pass bastion.outputs.ssmSessionCommand, or leave it out/,
        ],
      ])("rejects %s", (_name, attrs, message) => {
        expect(() =>
          BastionAsg.fromAttributes(bastionTestStack(), "Bastion", { ...ATTRS, ...attrs }),
        ).toThrow(new RegExp(`^\\[stack/Bastion\\] invalid props: ${message.source}`));
      });

      it("lists every invalid attribute at once", () => {
        expect(() =>
          BastionAsg.fromAttributes(bastionTestStack(), "Bastion", {
            ...ATTRS,
            securityGroupId: "bastion",
            region: "Ireland",
          }),
        ).toThrow(/invalid props: \n {2}- securityGroupId .*\n {2}- region .*got "Ireland"/);
      });

      it.each<[string, Partial<BastionAsgAttributes>]>([
        ["an 8-digit security group id", { securityGroupId: "sg-0123abcd" }],
        [
          "a role with a path, in another partition",
          { roleArn: "arn:aws-cn:iam::123456789012:role/bastions/ops-bastion-role", region: "cn-north-1" },
        ],
        [
          "a GovCloud region (with a GovCloud role)",
          { region: "us-gov-west-1", roleArn: "arn:aws-us-gov:iam::123456789012:role/ops-bastion-role" },
        ],
        ["a group name with dots and underscores", { autoScalingGroupName: "ops_bastion.eu-west-1" }],
      ])("accepts %s", (_name, attrs) => {
        expect(() =>
          BastionAsg.fromAttributes(bastionTestStack(), "Bastion", { ...ATTRS, ...attrs }),
        ).not.toThrow();
      });

      it("accepts tokens it cannot check", () => {
        // GIVEN values only known at plan time
        const stack = bastionTestStack();
        const value = (id: string) => new TerraformVariable(stack, id, { type: "string" }).stringValue;
        // WHEN / THEN
        expect(() =>
          BastionAsg.fromAttributes(stack, "Bastion", {
            autoScalingGroupName: value("asg"),
            securityGroupId: value("sg"),
            roleName: "ops-bastion-role",
            roleArn: value("role"),
            region: value("region"),
            ssmSessionCommand: value("ssm"),
          }),
        ).not.toThrow();
      });

      it("checks the ports of ssmPortForwardCommand", () => {
        const bastion = BastionAsg.fromAttributes(bastionTestStack(), "Bastion", ATTRS);
        expect(() => bastion.ssmPortForwardCommand("db", 70000)).toThrow(
          /^\[stack\/Bastion\] ssmPortForwardCommand: port must be an integer between 1 and 65535, got 70000\./,
        );
      });
    });
  });
});
