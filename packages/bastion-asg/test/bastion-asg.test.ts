import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { AutoscalingNotification } from "@cdktf/provider-aws/lib/autoscaling-notification";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { BastionAccessMode, BastionAsg, BastionTenancy } from "../src";
import { dataSources, onlyResource, resources } from "../../../test/helpers/unit";
import { bastionTestStack, bastionTestVpc } from "./bastion-stack";

function bastion(props: Partial<ConstructorParameters<typeof BastionAsg>[2]> = {}) {
  const stack = bastionTestStack();
  const b = new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc(), ...props });
  return { stack, bastion: b, synth: Testing.synth(stack) };
}

describe("BastionAsg", () => {
  describe("defaults", () => {
    it("runs exactly one instance across the three private subnets (BAS-24; SSM-only by default)", () => {
      const { synth } = bastion();
      expect(synth).toHaveResourceWithProperties(AutoscalingGroup, {
        name: "stack-Bastion",
        min_size: 1,
        max_size: 1,
        desired_capacity: 1,
        vpc_zone_identifier: ["subnet-priv-a", "subnet-priv-b", "subnet-priv-c"],
        tag: [{ key: "Name", value: "stack-Bastion-bastion", propagate_at_launch: true }],
      });
    });

    it("is SSM-only by default: no inbound rule, no public address, no Elastic IP, no SSH command", () => {
      const { stack, bastion: b } = bastion();
      expect(b.accessMode).toBe(BastionAccessMode.SSM_ONLY);
      expect(resources(stack, "aws_vpc_security_group_ingress_rule")).toEqual({});
      const lt = onlyResource(stack, "aws_launch_template");
      expect((lt.network_interfaces as Record<string, unknown>[])[0].associate_public_ip_address).toBe(
        "false",
      );
      expect(resources(stack, "aws_eip")).toEqual({});
      expect(b.sshCommand).toBeUndefined();
    });

    it("asks for SSH with sshAllowedCidrs: SSH_AND_SSM in the public subnets, 22 from those CIDRs only", () => {
      const { synth, stack, bastion: b } = bastion({ sshAllowedCidrs: ["203.0.113.0/24"] });
      expect(b.accessMode).toBe(BastionAccessMode.SSH_AND_SSM);
      expect(synth).toHaveResourceWithProperties(AutoscalingGroup, {
        vpc_zone_identifier: ["subnet-pub-a", "subnet-pub-b", "subnet-pub-c"],
      });
      const ssh = Object.values(resources(stack, "aws_vpc_security_group_ingress_rule")).filter(
        (r) => r.ip_protocol === "tcp",
      );
      expect(ssh).toEqual([
        expect.objectContaining({ cidr_ipv4: "203.0.113.0/24", from_port: 22, to_port: 22 }),
      ]);
      expect(Object.keys(resources(stack, "aws_eip"))).toHaveLength(1);
    });

    it("an empty sshAllowedCidrs is no request for SSH: SSM-only", () => {
      const { bastion: b } = bastion({ sshAllowedCidrs: [] });
      expect(b.accessMode).toBe(BastionAccessMode.SSM_ONLY);
    });

    it("uses a launch template version reference and refreshes the instance when it changes (MOD-07/09)", () => {
      const { stack } = bastion();
      const asg = onlyResource(stack, "aws_autoscaling_group");
      expect(asg.launch_template).toEqual({
        id: "${aws_launch_template.Bastion_LaunchTemplate_47A71220.id}",
        version: "${aws_launch_template.Bastion_LaunchTemplate_47A71220.latest_version}",
      });
      expect(asg.instance_refresh).toEqual({
        strategy: "Rolling",
        preferences: { min_healthy_percentage: 0, max_healthy_percentage: 100, skip_matching: true },
      });
      expect(asg.max_instance_lifetime).toBeUndefined();
      expect(asg.launch_configuration).toBeUndefined();
    });

    it("requires IMDSv2 with hop limit 1 and an encrypted gp3 root volume (MOD-08/12)", () => {
      const { stack } = bastion();
      expect(onlyResource(stack, "aws_launch_template")).toMatchObject({
        instance_type: "t3.micro",
        metadata_options: {
          http_endpoint: "enabled",
          http_tokens: "required",
          http_put_response_hop_limit: 1,
        },
        block_device_mappings: [
          {
            device_name: "/dev/xvda",
            ebs: { volume_type: "gp3", volume_size: 8, encrypted: "true", delete_on_termination: "true" },
          },
        ],
        placement: { tenancy: "default" },
        monitoring: { enabled: false },
        update_default_version: true,
      });
    });

    it("with SSH, gives the instance a public address in the public subnets, with only the bastion's security group", () => {
      const { stack } = bastion({ accessMode: BastionAccessMode.SSH_AND_SSM });
      const lt = onlyResource(stack, "aws_launch_template");
      expect(lt.network_interfaces).toEqual([
        {
          device_index: 0,
          associate_public_ip_address: "true",
          delete_on_termination: "true",
          security_groups: ["${aws_security_group.Bastion_SecurityGroup_E203F99D.id}"],
        },
      ]);
      expect(lt.vpc_security_group_ids).toBeUndefined();
      expect(lt.key_name).toBeUndefined();
    });

    it("reads the latest Amazon Linux 2023 AMI from the public SSM parameter (MOD-10)", () => {
      const { synth, stack } = bastion();
      expect(synth).toHaveDataSourceWithProperties(DataAwsSsmParameter, {
        name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
      });
      expect(onlyResource(stack, "aws_launch_template").image_id).toBe(
        "${data.aws_ssm_parameter.Bastion_AmiParameter_6633ADAA.insecure_value}",
      );
    });

    it("with SSH, allocates an Elastic IP that the instance associates itself at boot (BAS-23)", () => {
      const { synth, stack } = bastion({ accessMode: BastionAccessMode.SSH_AND_SSM });
      expect(synth).toHaveResourceWithProperties(Eip, { domain: "vpc" });
      const eip = onlyResource(stack, "aws_eip");
      expect(eip.instance).toBeUndefined();
      expect(eip.network_interface).toBeUndefined();
      expect(onlyResource(stack, "aws_launch_template").user_data).toContain(
        "EIP_ALLOCATION_ID='${aws_eip.Bastion_ElasticIp_E50486BA.allocation_id}'",
      );
    });

    it("creates a security group without any inbound rule and with all outbound (BAS-20)", () => {
      const { synth, stack } = bastion();
      expect(synth).toHaveResourceWithProperties(SecurityGroup, { vpc_id: "vpc-0123456789abcdef0" });
      expect(resources(stack, "aws_vpc_security_group_ingress_rule")).toEqual({});
      const sg = onlyResource(stack, "aws_security_group");
      expect(sg.ingress).toBeUndefined();
      expect(synth).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
        ip_protocol: "-1",
        cidr_ipv4: "0.0.0.0/0",
      });
    });

    it("keeps logs a year and counts command lines with a metric filter (BAS-05/18/19)", () => {
      const { synth } = bastion();
      expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: "/bastion/stack-Bastion",
        retention_in_days: 365,
      });
      expect(synth).toHaveResourceWithProperties(CloudwatchLogMetricFilter, {
        pattern: '{ $.event = "bastion-command" }',
        metric_transformation: { name: "SSHCommandCount", namespace: "Bastion/stack-Bastion", value: "1" },
      });
    });

    it("alarms on CPU above 80 % over 600 s on the ASG dimension, to the topic (BAS-34)", () => {
      const { stack } = bastion();
      const alarm = onlyResource(stack, "aws_cloudwatch_metric_alarm");
      expect(alarm).toEqual({
        alarm_name: "stack-Bastion-cpu-high",
        alarm_description: "Average CPU of the bastion stack-Bastion above 80 % for 10 minutes",
        namespace: "AWS/EC2",
        metric_name: "CPUUtilization",
        dimensions: {
          AutoScalingGroupName: "${aws_autoscaling_group.Bastion_AutoScalingGroup_48B6F54C.name}",
        },
        statistic: "Average",
        period: 600,
        evaluation_periods: 1,
        threshold: 80,
        comparison_operator: "GreaterThanThreshold",
        alarm_actions: ["${aws_sns_topic.Bastion_NotificationTopic_5C8B48D4.arn}"],
      });
    });

    it("notifies the topic of launch and terminate errors (BAS-24)", () => {
      const { synth } = bastion();
      expect(synth).toHaveResourceWithProperties(AutoscalingNotification, {
        group_names: ["${aws_autoscaling_group.Bastion_AutoScalingGroup_48B6F54C.name}"],
        notifications: ["autoscaling:EC2_INSTANCE_LAUNCH_ERROR", "autoscaling:EC2_INSTANCE_TERMINATE_ERROR"],
        topic_arn: "${aws_sns_topic.Bastion_NotificationTopic_5C8B48D4.arn}",
      });
    });

    it("encrypts the topic and the log group with a new rotating key usable by exactly their services", () => {
      const { synth, stack } = bastion();
      const keyArn = "${aws_kms_key.Bastion_EncryptionKey_1FEF98EB.arn}";
      expect(synth).toHaveResourceWithProperties(SnsTopic, {
        name: "stack-Bastion-notifications",
        kms_master_key_id: keyArn,
      });
      expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, { kms_key_id: keyArn });
      expect(onlyResource(stack, "aws_kms_key")).toMatchObject({ enable_key_rotation: true });
      const policy = dataSources(stack, "aws_iam_policy_document").Bastion_EncryptionKeyPolicy_3C943665 as {
        statement: {
          sid: string;
          principals: { identifiers: string[] }[];
          condition?: { variable: string; values: string[] }[];
        }[];
      };
      const bySid = Object.fromEntries(policy.statement.map((s) => [s.sid, s]));
      expect(bySid.CloudWatchAlarmsPublish.principals[0].identifiers).toEqual(["cloudwatch.amazonaws.com"]);
      // confused-deputy guard: only this bastion's alarms, in this account
      expect(bySid.CloudWatchAlarmsPublish.condition).toEqual([
        {
          test: "StringEquals",
          variable: "aws:SourceAccount",
          values: ["${data.aws_caller_identity.Bastion_CallerIdentity_277527FC.account_id}"],
        },
        {
          test: "ArnLike",
          variable: "aws:SourceArn",
          values: [
            "arn:${data.aws_partition.Bastion_Partition_17FB5C87.partition}:cloudwatch:${data.aws_region.Bastion_Region_8701C59C.name}:${data.aws_caller_identity.Bastion_CallerIdentity_277527FC.account_id}:alarm:stack-Bastion-*",
          ],
        },
      ]);
      expect(
        bySid.AutoScalingNotificationsPublish.condition!.find((c) => c.variable === "aws:PrincipalArn")!
          .values[0],
      ).toMatch(/:role\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling$/);
      const logs = bySid.CloudWatchLogsEncryptOwnLogGroup;
      expect(logs.principals[0].identifiers).toEqual([
        "logs.${data.aws_region.Bastion_Region_8701C59C.name}.${data.aws_partition.Bastion_Partition_17FB5C87.dns_suffix}",
      ]);
      expect(logs.condition).toEqual([
        {
          test: "ArnEquals",
          variable: "kms:EncryptionContext:aws:logs:arn",
          values: [
            "arn:${data.aws_partition.Bastion_Partition_17FB5C87.partition}:logs:${data.aws_region.Bastion_Region_8701C59C.name}:${data.aws_caller_identity.Bastion_CallerIdentity_277527FC.account_id}:log-group:/bastion/stack-Bastion",
          ],
        },
      ]);
      expect(Object.keys(bySid)).toEqual([
        "AccountAdministration",
        "CloudWatchAlarmsPublish",
        "AutoScalingNotificationsPublish",
        "CloudWatchLogsEncryptOwnLogGroup",
      ]);
      expect(resources(stack, "aws_sns_topic_subscription")).toEqual({});
    });

    it("attaches the SSM core and CloudWatch agent managed policies (BAS-21)", () => {
      const { synth } = bastion();
      for (const policy of ["AmazonSSMManagedInstanceCore", "CloudWatchAgentServerPolicy"]) {
        expect(synth).toHaveResourceWithProperties(IamRolePolicyAttachment, {
          policy_arn: `arn:\${data.aws_partition.Bastion_Partition_17FB5C87.partition}:iam::aws:policy/${policy}`,
        });
      }
    });
  });

  describe("props", () => {
    it("applies instance, AMI, tenancy, key pair, volume, IMDS and monitoring choices (BAS-03/04/07/13)", () => {
      const { stack } = bastion({
        instanceType: "m7i-flex.large",
        imageId: "ami-0123456789abcdef0",
        tenancy: BastionTenancy.DEDICATED,
        keyName: "ops",
        rootVolumeSizeGiB: 20,
        rootVolumeKmsKey: { arn: "arn:aws:kms:eu-west-1:111122223333:key/abc" },
        imdsHopLimit: 2,
        detailedMonitoring: true,
      });
      expect(onlyResource(stack, "aws_launch_template")).toMatchObject({
        instance_type: "m7i-flex.large",
        image_id: "ami-0123456789abcdef0",
        key_name: "ops",
        placement: { tenancy: "dedicated" },
        metadata_options: { http_put_response_hop_limit: 2 },
        monitoring: { enabled: true },
        block_device_mappings: [
          {
            ebs: {
              volume_size: 20,
              kms_key_id: "arn:aws:kms:eu-west-1:111122223333:key/abc",
              encrypted: "true",
            },
          },
        ],
      });
      expect(dataSources(stack, "aws_ssm_parameter")).toEqual({});
    });

    it("picks the arm64 AMI parameter for a Graviton instance type", () => {
      const { synth } = bastion({ instanceType: "t4g.small" });
      expect(synth).toHaveDataSourceWithProperties(DataAwsSsmParameter, {
        name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
      });
    });

    it("allows SSH and ICMP from each given CIDR only (BAS-02/20)", () => {
      const { stack } = bastion({ sshAllowedCidrs: ["203.0.113.0/24", "198.51.100.7/32"] });
      const rules = Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"));
      expect(rules).toHaveLength(4);
      expect(rules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            cidr_ipv4: "203.0.113.0/24",
            ip_protocol: "tcp",
            from_port: 22,
            to_port: 22,
          }),
          expect.objectContaining({
            cidr_ipv4: "203.0.113.0/24",
            ip_protocol: "icmp",
            from_port: -1,
            to_port: -1,
          }),
          expect.objectContaining({ cidr_ipv4: "198.51.100.7/32", ip_protocol: "tcp", from_port: 22 }),
          expect.objectContaining({ cidr_ipv4: "198.51.100.7/32", ip_protocol: "icmp" }),
        ]),
      );
    });

    it("leaves ICMP out when asked", () => {
      const { stack } = bastion({ sshAllowedCidrs: ["203.0.113.0/24"], allowIcmpFromSshCidrs: false });
      const rules = Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"));
      expect(rules.map((r) => r.ip_protocol)).toEqual(["tcp"]);
    });

    it("warns when SSH is opened to the whole internet", () => {
      const stack = bastionTestStack();
      new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc(), sshAllowedCidrs: ["0.0.0.0/0"] });
      const warnings = stack.node
        .findAll()
        .flatMap((c) => c.node.metadata)
        .filter((m) => m.type === "@cdktf/warn")
        .map((m) => m.data as string);
      expect(warnings).toEqual([expect.stringContaining("[@aurora-cdktf/bastion-asg:sshOpenToWorld]")]);
    });

    it("subscribes each e-mail address and uses a given key instead of creating one (BAS-06/17)", () => {
      const { synth, stack } = bastion({
        notificationEmails: ["ops@example.com", "dba@example.com"],
        encryptionKey: { arn: "arn:aws:kms:eu-west-1:111122223333:key/sns" },
      });
      expect(onlyResource(stack, "aws_cloudwatch_log_group").kms_key_id).toBe(
        "arn:aws:kms:eu-west-1:111122223333:key/sns",
      );
      expect(synth).toHaveResourceWithProperties(SnsTopicSubscription, {
        protocol: "email",
        endpoint: "ops@example.com",
      });
      expect(synth).toHaveResourceWithProperties(SnsTopicSubscription, {
        protocol: "email",
        endpoint: "dba@example.com",
      });
      expect(synth).toHaveResourceWithProperties(SnsTopic, {
        kms_master_key_id: "arn:aws:kms:eu-west-1:111122223333:key/sns",
      });
      expect(resources(stack, "aws_kms_key")).toEqual({});
    });

    it("sets retention, never-expire, alarm threshold, namespace, name and lifetime", () => {
      const { synth, stack } = bastion({
        name: "ops-bastion",
        logRetentionDays: 0,
        cpuAlarmThresholdPercent: 95,
        metricNamespace: "Ops/Bastion",
        maxInstanceLifetimeDays: 7,
      });
      const lg = onlyResource(stack, "aws_cloudwatch_log_group");
      expect(lg).toEqual({
        name: "/bastion/ops-bastion",
        kms_key_id: "${aws_kms_key.Bastion_EncryptionKey_1FEF98EB.arn}",
      });
      expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
        threshold: 95,
        alarm_name: "ops-bastion-cpu-high",
      });
      expect(onlyResource(stack, "aws_cloudwatch_log_metric_filter").metric_transformation).toEqual({
        name: "SSHCommandCount",
        namespace: "Ops/Bastion",
        value: "1",
      });
      expect(synth).toHaveResourceWithProperties(AutoscalingGroup, {
        name: "ops-bastion",
        max_instance_lifetime: 604800,
      });
    });

    it("can rely on the scoped log policy alone, without CloudWatchAgentServerPolicy", () => {
      const { stack } = bastion({ attachCloudWatchAgentServerPolicy: false });
      const attachments = Object.values(resources(stack, "aws_iam_role_policy_attachment"));
      expect(attachments.map((a) => a.policy_arn)).toEqual([
        "arn:${data.aws_partition.Bastion_Partition_17FB5C87.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore",
      ]);
    });

    it("derives a unique default name from a long construct path", () => {
      const stack = bastionTestStack("a-very-long-stack-name-for-the-production-account");
      const b = new BastionAsg(stack, "BastionHostForTheDatabase", { vpc: bastionTestVpc() });
      expect(b.name).toMatch(/^a-very-long-stack-name-for-the-[0-9a-f]{8}$/);
      expect(b.name.length).toBeLessThanOrEqual(40);
    });
  });

  describe("SSM-only mode (MOD-11)", () => {
    it("runs in the private subnets without public address, Elastic IP, key pair or SSH command", () => {
      const { synth, stack, bastion: b } = bastion({ accessMode: BastionAccessMode.SSM_ONLY });
      expect(synth).toHaveResourceWithProperties(AutoscalingGroup, {
        vpc_zone_identifier: ["subnet-priv-a", "subnet-priv-b", "subnet-priv-c"],
      });
      const lt = onlyResource(stack, "aws_launch_template");
      expect((lt.network_interfaces as Record<string, unknown>[])[0].associate_public_ip_address).toBe(
        "false",
      );
      expect(resources(stack, "aws_eip")).toEqual({});
      expect(lt.user_data).not.toContain("associate-address");
      expect(b.sshCommand).toBeUndefined();
      expect(b.elasticIp).toBeUndefined();
      const doc = JSON.stringify(
        dataSources(stack, "aws_iam_policy_document").Bastion_ScopedPolicyDocument_2D394436,
      );
      expect(doc).not.toContain("ec2:AssociateAddress");
    });

    it("fails when SSH access is added later", () => {
      const { bastion: b } = bastion({ accessMode: BastionAccessMode.SSM_ONLY });
      expect(() => b.allowSshAccessFrom()).toThrow(
        /^\[stack\/Bastion\] allowSshAccessFrom is not available with accessMode SSM_ONLY/,
      );
    });
  });
});
