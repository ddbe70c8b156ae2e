import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { BastionAccessMode, BastionAsg, BastionTenancy } from "../src";
import { resources, synthJson } from "../../../test/helpers/unit";
import { bastionTestStack, bastionTestVpc } from "./bastion-stack";

describe("BastionAsg", () => {
  describe("snapshots", () => {
    it("synthesizes the minimal bastion", () => {
      // GIVEN / WHEN
      const stack = bastionTestStack();
      new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc() });
      // THEN
      expect(Testing.synth(stack)).toMatchSnapshot();
    });

    it("synthesizes the maximal bastion", () => {
      const stack = bastionTestStack();
      const bastion = new BastionAsg(stack, "Bastion", {
        vpc: bastionTestVpc(),
        name: "ops-bastion",
        sshAllowedCidrs: ["203.0.113.0/24"],
        keyName: "ops",
        instanceType: "t3.small",
        imageId: "ami-0123456789abcdef0",
        tenancy: BastionTenancy.DEDICATED,
        rootVolumeSizeGiB: 16,
        rootVolumeKmsKey: { arn: "arn:aws:kms:eu-west-1:111122223333:key/ebs" },
        imdsHopLimit: 2,
        detailedMonitoring: true,
        logRetentionDays: 365,
        notificationEmails: ["ops@example.com"],
        encryptionKey: { arn: "arn:aws:kms:eu-west-1:111122223333:key/bastion" },
        cpuAlarmThresholdPercent: 90,
        bannerText: "Authorized use only.\n",
        tcpForwarding: true,
        x11Forwarding: true,
        bootstrapScriptUrl: "s3://ops-bucket/bastion/init.sh",
        securityUpdates: false,
        maxInstanceLifetimeDays: 30,
        metricNamespace: "Ops/Bastion",
        attachCloudWatchAgentServerPolicy: false,
      });
      bastion.allowSshAccessFrom();
      expect(Testing.synth(stack)).toMatchSnapshot();
    });

    const logicalIds = (props: Partial<ConstructorParameters<typeof BastionAsg>[2]>): string[] => {
      const stack = bastionTestStack();
      new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc(), ...props });
      const ids = (block: Record<string, Record<string, unknown>>) =>
        Object.entries(block).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`));
      const json = synthJson(stack);
      return [...ids(json.resource ?? {}), ...ids(json.data ?? {})].sort();
    };

    it("keeps the logical ids of the SSH bastion stable: the minimal (SSM-only) ones and the Elastic IP", () => {
      const minimal = logicalIds({});
      expect(logicalIds({ accessMode: BastionAccessMode.SSH_AND_SSM })).toEqual(
        [...minimal, "aws_eip.Bastion_ElasticIp_E50486BA"].sort(),
      );
    });

    it("keeps the logical ids of the minimal bastion stable (public contract)", () => {
      expect(logicalIds({})).toEqual([
        "aws_autoscaling_group.Bastion_AutoScalingGroup_48B6F54C",
        "aws_autoscaling_notification.Bastion_AsgErrorNotifications_746CFE59",
        "aws_caller_identity.Bastion_CallerIdentity_277527FC",
        "aws_cloudwatch_log_group.Bastion_LogGroup_D8D94FBA",
        "aws_cloudwatch_log_metric_filter.Bastion_CommandMetricFilter_C5C89606",
        "aws_cloudwatch_metric_alarm.Bastion_CpuAlarm_FC7BC32C",
        "aws_iam_instance_profile.Bastion_InstanceProfile_95B62D1E",
        "aws_iam_policy_document.Bastion_AssumeRolePolicy_2E35D0E3",
        "aws_iam_policy_document.Bastion_EncryptionKeyPolicy_3C943665",
        "aws_iam_policy_document.Bastion_ScopedPolicyDocument_2D394436",
        "aws_iam_role.Bastion_Role_3FB8E918",
        "aws_iam_role_policy.Bastion_ScopedPolicy_F305CE36",
        "aws_iam_role_policy_attachment.Bastion_CloudWatchAgentServerPolicy_FFB9138D",
        "aws_iam_role_policy_attachment.Bastion_SsmManagedInstanceCore_34280EE4",
        "aws_kms_alias.Bastion_EncryptionKeyAlias_6EA7A541",
        "aws_kms_key.Bastion_EncryptionKey_1FEF98EB",
        "aws_launch_template.Bastion_LaunchTemplate_47A71220",
        "aws_partition.Bastion_Partition_17FB5C87",
        "aws_region.Bastion_Region_8701C59C",
        "aws_security_group.Bastion_SecurityGroup_E203F99D",
        "aws_sns_topic.Bastion_NotificationTopic_5C8B48D4",
        "aws_ssm_parameter.Bastion_AmiParameter_6633ADAA",
        "aws_vpc_security_group_egress_rule.Bastion_AllOutbound_6A275D24",
      ]);
    });
  });
});

describe("user data size", () => {
  it("stays well below EC2's 16 KB user-data limit with every option on", () => {
    const stack = bastionTestStack();
    new BastionAsg(stack, "Bastion", {
      vpc: bastionTestVpc(),
      accessMode: BastionAccessMode.SSH_AND_SSM,
      bannerText: "x".repeat(1000),
      bootstrapScriptUrl: "https://example.com/init.sh",
      tcpForwarding: true,
    });
    const lt = Object.values(resources(stack, "aws_launch_template"))[0] as { user_data: string };
    // the synthesized expression is longer than the script (escapes), so this bounds the script
    expect(lt.user_data.length).toBeLessThan(14000);
  });
});
