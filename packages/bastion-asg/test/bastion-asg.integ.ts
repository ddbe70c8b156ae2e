/**
 * The real OpenTofu validates and plans the bastion against moto (a local AWS fake), then applies
 * and destroys it. moto answers the AMI parameter, EC2, IAM, Auto Scaling, CloudWatch, KMS and SNS
 * calls; nothing reaches AWS.
 */
import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { BastionAccessMode, BastionAsg } from "../src";
import { renderUserData } from "../src/private/user-data";
import { DEFAULT_BANNER_TEXT } from "../src/bastion-asg-props";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { applyCycle, plannedCreates, synthAndPlan, TofuWorkdir } from "../../../test/helpers/tofu";

/** aws_vpc + six aws_subnet resources, exposed as an IVpc3Az stand-in. */
function motoVpc(scope: Construct): IVpc3Az {
  const vpc = new Vpc(scope, "Vpc", { cidrBlock: "10.20.0.0/16" });
  const azs = ["us-east-1a", "us-east-1b", "us-east-1c"];
  const subnet = (tier: string, i: number) =>
    new Subnet(scope, `${tier}${i}`, {
      vpcId: vpc.id,
      availabilityZone: azs[i],
      cidrBlock: `10.20.${tier === "Public" ? i : 10 + i}.0/24`,
    }).id;
  return {
    vpcId: vpc.id,
    vpcCidrBlock: vpc.cidrBlock,
    availabilityZones: azs,
    publicSubnetIds: azs.map((_, i) => subnet("Public", i)),
    privateSubnetIds: azs.map((_, i) => subnet("Private", i)),
  };
}

class BastionTestStack extends MotoAwsStack {
  public readonly bastion: BastionAsg;
  /** `maxInstanceLifetimeDays` only in planned stacks: moto does not store it (reads back 0). */
  constructor(scope: Construct, id: string, mode: BastionAccessMode, maxInstanceLifetimeDays?: number) {
    super(scope, id);
    const ssh = mode === BastionAccessMode.SSH_AND_SSM;
    this.bastion = new BastionAsg(this, "Bastion", {
      vpc: motoVpc(this),
      name: id,
      accessMode: mode,
      sshAllowedCidrs: ssh ? ["203.0.113.0/24"] : undefined,
      keyName: ssh ? "ops" : undefined,
      notificationEmails: ["ops@example.com"],
      maxInstanceLifetimeDays,
      instanceConnectEndpoint: true,
    });
    const o = this.bastion.outputs;
    new TerraformOutput(this, "asg_name", { value: o.autoScalingGroupName });
    new TerraformOutput(this, "log_group_name", { value: o.logGroupName });
    new TerraformOutput(this, "ssm_session_command", { value: o.ssmSessionCommand });
    new TerraformOutput(this, "tunnel_command", {
      value: this.bastion.ssmPortForwardCommand("db.cluster.example.internal", 5432, 15432),
    });
    if (ssh) {
      new TerraformOutput(this, "ssh_command", { value: o.sshCommand });
      new TerraformOutput(this, "eip_allocation_id", { value: o.elasticIpAllocationId });
      new TerraformOutput(this, "eip", { value: o.elasticIp });
    }
  }
}

/**
 * Leaves out of an applied stack what moto cannot create; the plan test keeps everything.
 * - `aws_autoscaling_notification`: moto answers PutNotificationConfiguration but has no
 *   DescribeNotificationConfigurations (HTTP 500, which the provider retries for many minutes).
 * - The AWS managed policy attachments: moto knows no AWS managed policy unless its server is
 *   started with MOTO_IAM_LOAD_MANAGED_POLICIES=true (AttachRolePolicy then fails with NoSuchEntity).
 * - `aws_ec2_instance_connect_endpoint`: moto has no CreateInstanceConnectEndpoint. Its security
 *   group is applied; the two rules that reference a group (the endpoint's SSH out to the bastion,
 *   the bastion's SSH from the endpoint) are left out too, as moto reads a referenced group back as
 *   "<account>/sg-..." and the second plan would not be empty. The plan test keeps all three.
 */
function withoutWhatMotoLacks(stack: BastionTestStack): BastionTestStack {
  for (const id of [
    "AsgErrorNotifications",
    "SsmManagedInstanceCore",
    "CloudWatchAgentServerPolicy",
    "InstanceConnectEndpoint",
    "InstanceConnectEndpointSshOut",
    "Ingress-InstanceConnectEndpoint-tcp_22",
  ]) {
    if (!stack.bastion.node.tryRemoveChild(id)) throw new Error(`no ${id} child to remove: update this test`);
  }
  return stack;
}

/** moto's env plus few SDK retries, so an API moto lacks fails fast instead of retrying for minutes. */
function env(): Record<string, string> {
  return { ...awsEnv(), AWS_MAX_ATTEMPTS: "3" };
}

interface StateResource {
  address: string;
  type: string;
  values: Record<string, unknown>;
}

function stateResources(work: TofuWorkdir): StateResource[] {
  const state = JSON.parse(work.must(["show", "-json", "-no-color"]).stdout);
  return state.values.root_module.resources as StateResource[];
}

describe("BastionAsg against moto", () => {
  itWithAwsProvider("validates and plans in both access modes with the expected resources", () => {
    for (const mode of [BastionAccessMode.SSH_AND_SSM, BastionAccessMode.SSM_ONLY]) {
      // GIVEN
      const stack = new BastionTestStack(Testing.app(), `plan-${mode}`, mode, 30);
      // WHEN
      const { plan } = synthAndPlan(stack, env());
      // THEN
      const count = (type: string) => plannedCreates(plan, type).length;
      expect(count("aws_autoscaling_group")).toBe(1);
      const asg = plan.resource_changes!.find((c) => c.type === "aws_autoscaling_group")!;
      expect(asg.change.after).toMatchObject({ min_size: 1, max_size: 1, max_instance_lifetime: 30 * 86400 });
      expect(count("aws_launch_template")).toBe(1);
      expect(count("aws_autoscaling_notification")).toBe(1);
      expect(count("aws_cloudwatch_metric_alarm")).toBe(1);
      expect(count("aws_cloudwatch_log_metric_filter")).toBe(1);
      expect(count("aws_sns_topic_subscription")).toBe(1);
      expect(count("aws_kms_key")).toBe(1);
      expect(count("aws_eip")).toBe(mode === BastionAccessMode.SSH_AND_SSM ? 1 : 0);
      // SSH and ICMP from the SSH CIDRs (SSH mode), and SSH from the Instance Connect Endpoint
      expect(count("aws_vpc_security_group_ingress_rule")).toBe(
        mode === BastionAccessMode.SSH_AND_SSM ? 3 : 1,
      );
      // AND the Instance Connect Endpoint in the first private subnet, its own group, SSH out only
      expect(count("aws_ec2_instance_connect_endpoint")).toBe(1);
      const eice = plan.resource_changes!.find((c) => c.type === "aws_ec2_instance_connect_endpoint")!;
      expect(eice.change.after).toMatchObject({
        preserve_client_ip: false,
        tags: { Name: `${stack.bastion.name}-eice` },
      });
      expect(count("aws_security_group")).toBe(2);
      const egress = plan
        .resource_changes!.filter((c) => c.type === "aws_vpc_security_group_egress_rule")
        .map((c) => c.change.after as Record<string, unknown>)
        .map((r) => `${r.ip_protocol} ${r.from_port ?? ""} ${r.cidr_ipv4 ?? "group"}`)
        .sort();
      expect(egress).toEqual(["-1  0.0.0.0/0", "tcp 22 group"]);
    }
  });

  itWithAwsProvider(
    "applies the SSH bastion, is idempotent, renders its user data and commands, and destroys",
    async () => {
      // GIVEN
      const stack = withoutWhatMotoLacks(
        new BastionTestStack(Testing.app(), "bastion-ssh", BastionAccessMode.SSH_AND_SSM),
      );
      // WHEN / THEN
      await applyCycle(stack, env(), (work) => {
        const out = work.outputs();
        const allocationId = out.eip_allocation_id.value as string;
        const eip = out.eip.value as string;
        expect(allocationId).toMatch(/^eipalloc-/);
        expect(out.ssh_command.value).toBe(`ssh -i "ops.pem" ec2-user@${eip}`);
        expect(out.ssm_session_command.value).toBe(
          `aws ssm start-session --region us-east-1 --target "$(aws autoscaling describe-auto-scaling-groups --region us-east-1 ` +
            `--auto-scaling-group-names bastion-ssh --query "AutoScalingGroups[0].Instances[?LifecycleState=='InService'] | [0].InstanceId" --output text)"`,
        );
        expect(out.tunnel_command.value).toContain(
          `--document-name AWS-StartPortForwardingSessionToRemoteHost --parameters '{"host":["db.cluster.example.internal"],"portNumber":["5432"],"localPortNumber":["15432"]}'`,
        );

        // the user data the instance receives is exactly the rendered script, with the real ids
        const resources = stateResources(work);
        const lt = resources.find((r) => r.type === "aws_launch_template")!;
        const userData = Buffer.from(lt.values.user_data as string, "base64").toString("utf8");
        expect(userData).toBe(
          renderUserData({
            elasticIpAllocationId: allocationId,
            logGroupName: out.log_group_name.value as string,
            tcpForwarding: false,
            x11Forwarding: false,
            bannerText: DEFAULT_BANNER_TEXT,
            securityUpdates: true,
          }),
        );
        const metadata = (lt.values.metadata_options as Record<string, unknown>[])[0];
        expect(metadata.http_tokens).toBe("required");

        const asg = resources.find((r) => r.type === "aws_autoscaling_group")!;
        expect((asg.values.vpc_zone_identifier as string[]).length).toBe(3);
      });
    },
  );

  itWithAwsProvider("applies the SSM-only bastion and destroys it", async () => {
    const stack = withoutWhatMotoLacks(
      new BastionTestStack(Testing.app(), "bastion-ssm", BastionAccessMode.SSM_ONLY),
    );
    await applyCycle(stack, env(), (work) => {
      const resources = stateResources(work);
      expect(resources.filter((r) => r.type === "aws_eip")).toHaveLength(0);
      // the Instance Connect Endpoint's security group (the endpoint itself: see withoutWhatMotoLacks)
      const groups = resources.filter((r) => r.type === "aws_security_group").map((r) => r.values.name);
      expect(groups.sort()).toEqual(["bastion-ssm", "bastion-ssm-eice"]);
      const lt = resources.find((r) => r.type === "aws_launch_template")!;
      const nic = (lt.values.network_interfaces as Record<string, unknown>[])[0];
      expect(nic.associate_public_ip_address).toBe("false");
      const userData = Buffer.from(lt.values.user_data as string, "base64").toString("utf8");
      expect(userData).not.toContain("associate-address");
    });
  });
});
