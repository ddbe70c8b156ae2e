import { arnParts, AwsContext, Connections, IConnectable, IPeer, Peer, Port } from "@aurora-cdktf/core";
import { Annotations, Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { BastionAccessMode, BastionAsgProps, BastionSubnets } from "./bastion-asg-props";
import { BastionAsgAttributes, BastionAsgOutputs, IBastionAsg } from "./bastion-asg-ref";
import { COMMAND_METRIC_FILTER_PATTERN } from "./private/command-log";
import { AL2023_AMI_PARAMETER_PREFIX, resolveSettings } from "./private/defaults";
import { createInstanceRole } from "./private/iam";
import { createInstanceConnectEndpoint } from "./private/instance-connect";
import { ImportedBastionAsg } from "./private/imported-bastion-asg";
import { isArmInstanceType, parseS3Url } from "./private/net";
import { createAlarms, createEncryptionKey, createNotificationTopic } from "./private/notifications";
import {
  instanceConnectSshCommand,
  instanceConnectTunnelCommand,
  ssmPortForwardCommand,
  ssmSessionCommand,
} from "./private/ssm-commands";
import { escapeForTerraformString, renderUserData } from "./private/user-data";
import {
  validateAllowSshAccessFrom,
  validateBastionAsgProps,
  validateSsmPortForward,
  validateUserDataSize,
} from "./validate";

/**
 * A self-healing, audited bastion: an Auto Scaling group of exactly one Amazon Linux 2023 instance
 * with a launch template (IMDSv2 only, encrypted gp3 root), a stable Elastic IP that each new
 * instance takes at boot, SSM Session Manager, SSH only from the CIDRs you allow, per-command and
 * auditd logging shipped to CloudWatch Logs, a CPU alarm and ASG error notifications.
 *
 * Implements the reference bastion stack (BAS-01..35) as modernized by MOD-07..13.
 */
export class BastionAsg extends Construct implements IBastionAsg {
  /**
   * Uses a bastion created elsewhere (another stack, another tool), known by its attributes:
   * `BastionAsg.fromAttributes(this, "Bastion", bastion.outputs)` imports a bastion of another
   * stack. Creates no resource and no data source; attributes are validated where they are literal.
   */
  public static fromAttributes(scope: Construct, id: string, attrs: BastionAsgAttributes): IBastionAsg {
    return new ImportedBastionAsg(scope, id, attrs);
  }

  /** Base name of the named resources. */
  public readonly name: string;
  public readonly accessMode: BastionAccessMode;
  public readonly autoScalingGroupName: string;
  public readonly autoScalingGroupArn: string;
  public readonly launchTemplateId: string;
  public readonly securityGroupId: string;
  public readonly logGroupName: string;
  public readonly logGroupArn: string;
  public readonly roleName: string;
  public readonly roleArn: string;
  public readonly notificationTopicArn: string;
  /** The Elastic IP address; unset in SSM_ONLY mode. */
  public readonly elasticIp?: string;
  /** Allocation id of the Elastic IP; unset in SSM_ONLY mode. */
  public readonly elasticIpAllocationId?: string;
  /** `ssh [-i "<key>.pem"] ec2-user@<Elastic IP>` (BAS-35); unset in SSM_ONLY mode. */
  public readonly sshCommand?: string;
  /** `aws ssm start-session` on the group's in-service instance. */
  public readonly ssmSessionCommand: string;
  /** Ingress to the bastion's security group; default port 22. */
  public readonly connections: Connections;
  /** Id of the EC2 Instance Connect Endpoint; unset without `instanceConnectEndpoint`. */
  public readonly instanceConnectEndpointId?: string;
  /** ARN of the EC2 Instance Connect Endpoint (the resource of `ec2-instance-connect:OpenTunnel`). */
  public readonly instanceConnectEndpointArn?: string;
  /** `aws ec2-instance-connect ssh` to the current instance; unset without `instanceConnectEndpoint`. */
  public readonly instanceConnectSshCommand?: string;
  /** `aws ec2-instance-connect open-tunnel` (local 2222 to 22); unset without `instanceConnectEndpoint`. */
  public readonly instanceConnectTunnelCommand?: string;
  /** The AMI id the launch template uses (a reference to the SSM parameter unless overridden). */
  public readonly imageId: string;
  /** The region of the Auto Scaling group (the region field of its ARN). */
  private readonly region: string;

  public get outputs(): BastionAsgOutputs {
    return {
      autoScalingGroupName: this.autoScalingGroupName,
      autoScalingGroupArn: this.autoScalingGroupArn,
      launchTemplateId: this.launchTemplateId,
      securityGroupId: this.securityGroupId,
      logGroupName: this.logGroupName,
      logGroupArn: this.logGroupArn,
      roleName: this.roleName,
      roleArn: this.roleArn,
      notificationTopicArn: this.notificationTopicArn,
      region: this.region,
      elasticIp: this.elasticIp,
      elasticIpAllocationId: this.elasticIpAllocationId,
      sshCommand: this.sshCommand,
      ssmSessionCommand: this.ssmSessionCommand,
      // only with the endpoint, so that the outputs of a bastion without one keep their keys
      ...(this.instanceConnectEndpointId !== undefined && {
        instanceConnectEndpointId: this.instanceConnectEndpointId,
        instanceConnectSshCommand: this.instanceConnectSshCommand,
        instanceConnectTunnelCommand: this.instanceConnectTunnelCommand,
      }),
    };
  }

  constructor(scope: Construct, id: string, props: BastionAsgProps) {
    super(scope, id);
    const s = resolveSettings(this, props);
    validateBastionAsgProps(this, props, s);
    this.name = s.name;
    this.accessMode = s.accessMode;
    const ssh = this.accessMode === BastionAccessMode.SSH_AND_SSM;
    const subnets = s.subnets;
    const instanceType = s.instanceType;
    const bootstrapScriptUrl = s.bootstrapScriptUrl;
    // Data sources "Partition", "Region", "CallerIdentity" of this construct, each created when first
    // read: the partition always (here, first), region and account only for the bastion's own key.
    const aws = new AwsContext(this);
    const partition = aws.partition;

    // One KMS key for the notification topic and the log group (or the user's key)
    const logGroupName = s.logGroupName;
    const kmsKeyArn =
      s.encryptionKey?.arn ??
      createEncryptionKey(this, {
        name: this.name,
        partition,
        dnsSuffix: aws.dnsSuffix,
        // `aws_region.name` works with hashicorp/aws 5.x and 6.x (6.x deprecates it for `region`)
        region: aws.region,
        account: aws.accountId,
        logGroupName,
      });

    // Logs (BAS-18/19), encrypted: command lines can contain secrets typed on the command line
    const logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      name: logGroupName,
      retentionInDays: s.logRetentionDays === 0 ? undefined : s.logRetentionDays,
      kmsKeyId: kmsKeyArn,
    });
    new CloudwatchLogMetricFilter(this, "CommandMetricFilter", {
      name: `${this.name}-ssh-commands`,
      logGroupName: logGroup.name,
      pattern: COMMAND_METRIC_FILTER_PATTERN,
      metricTransformation: {
        name: "SSHCommandCount",
        namespace: s.metricNamespace,
        value: "1",
      },
    });

    // Network: security group with no inbound rule by default (BAS-20), Elastic IP (BAS-23)
    const sg = new SecurityGroup(this, "SecurityGroup", {
      name: this.name,
      description: `Bastion ${this.name}: SSH and ICMP only from allowed CIDRs`,
      vpcId: props.vpc.vpcId,
      tags: { Name: `${this.name}-bastion` },
    });
    this.securityGroupId = sg.id;
    new VpcSecurityGroupEgressRule(this, "AllOutbound", {
      securityGroupId: this.securityGroupId,
      description: "All outbound traffic (SSM, package repositories, databases)",
      ipProtocol: "-1",
      cidrIpv4: "0.0.0.0/0",
    });
    this.connections = new Connections({
      scope: this,
      securityGroupId: this.securityGroupId,
      defaultPort: Port.tcp(22),
    });
    for (const cidr of s.sshAllowedCidrs) {
      this.connections.allowFrom(Peer.ipv4(cidr), Port.tcp(22), `SSH from ${cidr}`);
      if (s.allowIcmpFromSshCidrs) {
        this.connections.allowFrom(Peer.ipv4(cidr), Port.allIcmp(), `ICMP from ${cidr}`);
      }
      if (cidr === "0.0.0.0/0") {
        Annotations.of(this).addWarning(
          "[@aurora-cdktf/bastion-asg:sshOpenToWorld] sshAllowedCidrs contains 0.0.0.0/0: SSH is open to the internet.",
        );
      }
    }
    const eice = s.instanceConnectEndpoint
      ? createInstanceConnectEndpoint(this, {
          name: this.name,
          vpcId: props.vpc.vpcId,
          subnetId: s.instanceConnectEndpointSubnetId as string,
          preserveClientIp: s.instanceConnectEndpointPreserveClientIp,
          clientCidrs: s.instanceConnectEndpointClientCidrs,
          bastion: this.connections,
        })
      : undefined;
    const eip = ssh
      ? new Eip(this, "ElasticIp", { domain: "vpc", tags: { Name: `${this.name}-bastion` } })
      : undefined;

    // IAM (BAS-21/22)
    const s3Script =
      bootstrapScriptUrl !== undefined && !Token.isUnresolved(bootstrapScriptUrl)
        ? parseS3Url(bootstrapScriptUrl)
        : undefined;
    const { role, profile } = createInstanceRole(this, {
      name: this.name,
      partition,
      vpcId: props.vpc.vpcId,
      logGroupArn: logGroup.arn,
      elasticIpArn: eip?.arn,
      attachCloudWatchAgentServerPolicy: s.attachCloudWatchAgentServerPolicy,
      bootstrapScriptObject: s3Script,
    });

    // Launch template (MOD-07/08/10/12, BAS-27) and user data (BAS-28..33, MOD-13)
    const arch = !Token.isUnresolved(instanceType) && isArmInstanceType(instanceType) ? "arm64" : "x86_64";
    this.imageId =
      s.imageId ??
      new DataAwsSsmParameter(this, "AmiParameter", { name: `${AL2023_AMI_PARAMETER_PREFIX}${arch}` })
        .insecureValue;
    const userData = renderUserData({
      elasticIpAllocationId: eip?.allocationId,
      logGroupName: logGroup.name,
      tcpForwarding: s.tcpForwarding,
      x11Forwarding: s.x11Forwarding,
      bannerText: s.bannerText,
      securityUpdates: s.securityUpdates,
      bootstrapScriptUrl,
    });
    validateUserDataSize(this, userData);
    const launchTemplate = new LaunchTemplate(this, "LaunchTemplate", {
      name: this.name,
      description: `Bastion ${this.name}`,
      updateDefaultVersion: true,
      imageId: this.imageId,
      instanceType,
      keyName: s.keyName,
      iamInstanceProfile: { arn: profile.arn },
      userData: Fn.base64encode(escapeForTerraformString(userData)),
      metadataOptions: {
        httpEndpoint: "enabled",
        httpTokens: "required",
        httpPutResponseHopLimit: s.imdsHopLimit,
        instanceMetadataTags: "disabled",
      },
      blockDeviceMappings: [
        {
          deviceName: s.rootDeviceName,
          ebs: {
            volumeType: "gp3",
            volumeSize: s.rootVolumeSizeGiB,
            encrypted: "true",
            kmsKeyId: s.rootVolumeKmsKey?.arn,
            deleteOnTermination: "true",
          },
        },
      ],
      networkInterfaces: [
        {
          deviceIndex: 0,
          associatePublicIpAddress: subnets === BastionSubnets.PUBLIC ? "true" : "false",
          securityGroups: [this.securityGroupId],
          deleteOnTermination: "true",
        },
      ],
      placement: { tenancy: s.tenancy },
      monitoring: { enabled: s.detailedMonitoring },
      tagSpecifications: [{ resourceType: "volume", tags: { Name: `${this.name}-bastion` } }],
    });

    // Auto Scaling group of exactly one instance (BAS-24), instance refresh on template change (MOD-09)
    const asg = new AutoscalingGroup(this, "AutoScalingGroup", {
      name: this.name,
      minSize: 1,
      maxSize: 1,
      desiredCapacity: 1,
      vpcZoneIdentifier: s.subnetIds,
      launchTemplate: { id: launchTemplate.id, version: Token.asString(launchTemplate.latestVersion) },
      healthCheckType: "EC2",
      healthCheckGracePeriod: 300,
      maxInstanceLifetime:
        s.maxInstanceLifetimeDays === undefined ? undefined : s.maxInstanceLifetimeDays * 86400,
      instanceRefresh: {
        strategy: "Rolling",
        preferences: { minHealthyPercentage: 0, maxHealthyPercentage: 100, skipMatching: true },
      },
      tag: [{ key: "Name", value: `${this.name}-bastion`, propagateAtLaunch: true }],
    });

    // Notifications (BAS-17/24/34)
    const topic = createNotificationTopic(this, {
      name: this.name,
      emails: s.notificationEmails,
      kmsKeyArn,
    });
    createAlarms(this, {
      name: this.name,
      autoScalingGroupName: asg.name,
      topicArn: topic.arn,
      cpuThresholdPercent: s.cpuAlarmThresholdPercent,
    });

    this.autoScalingGroupName = asg.name;
    this.autoScalingGroupArn = asg.arn;
    this.launchTemplateId = launchTemplate.id;
    this.logGroupName = logGroup.name;
    this.logGroupArn = logGroup.arn;
    this.roleName = role.name;
    this.roleArn = role.arn;
    this.notificationTopicArn = topic.arn;
    this.elasticIp = eip?.publicIp;
    this.elasticIpAllocationId = eip?.allocationId;
    this.region = arnParts(asg.arn).region;
    this.sshCommand = eip
      ? `ssh ${s.keyName !== undefined ? `-i "${s.keyName}.pem" ` : ""}ec2-user@${eip.publicIp}`
      : undefined;
    // The group's name from the props, not the ASG's `name` attribute: a literal stays readable.
    this.ssmSessionCommand = ssmSessionCommand(this.region, this.name);
    if (eice) {
      this.instanceConnectEndpointId = eice.id;
      this.instanceConnectEndpointArn = eice.arn;
      this.instanceConnectSshCommand = instanceConnectSshCommand(this.region, this.name);
      this.instanceConnectTunnelCommand = instanceConnectTunnelCommand(this.region, this.name, eice.id);
    }
  }

  /** Allows SSH (22) from more peers (CIDRs or security groups). Not available in SSM_ONLY mode. */
  public allowSshAccessFrom(...peers: (IPeer | IConnectable)[]): void {
    validateAllowSshAccessFrom(this, this.accessMode);
    for (const peer of peers) {
      const label = "connections" in peer ? peer.connections.uniqueId : peer.uniqueId;
      this.connections.allowFrom(peer, Port.tcp(22), `SSH from ${label}`);
    }
  }

  /**
   * A ready-to-paste `aws ssm start-session` command that forwards `localPort` on your machine to
   * `host:port` through the bastion (document `AWS-StartPortForwardingSessionToRemoteHost`), e.g.
   * the cluster endpoint and 5432. Works in both access modes; needs the Session Manager plugin.
   */
  public ssmPortForwardCommand(host: string, port: number, localPort: number = port): string {
    validateSsmPortForward(this, port, localPort);
    return ssmPortForwardCommand(this.ssmSessionCommand, host, port, localPort);
  }
}
