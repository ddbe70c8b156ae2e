import { IKmsKeyRef } from "@aurora-cdktf/core";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";

/** How people reach the bastion. */
export enum BastionAccessMode {
  /**
   * SSH on port 22 from the CIDRs you allow, through a stable Elastic IP, plus SSM Session Manager
   * (reference parity, BAS-02/20/23). The instance runs in the public subnets.
   */
  SSH_AND_SSM = "ssh-and-ssm",
  /**
   * SSM Session Manager only (MOD-11): no inbound rule, no public address, no Elastic IP. The
   * instance runs in the private subnets and needs a NAT gateway or the ssm/ssmmessages/ec2messages
   * interface endpoints.
   */
  SSM_ONLY = "ssm-only",
}

/** Which subnets of the VPC the Auto Scaling group spans. */
export enum BastionSubnets {
  /** The three public subnets (instances get a public address). */
  PUBLIC = "public",
  /** The three private subnets (no public address). */
  PRIVATE = "private",
}

/** EC2 tenancy of the bastion instance (BAS-07). */
export enum BastionTenancy {
  /** Shared hardware. */
  DEFAULT = "default",
  /** Single-tenant hardware. */
  DEDICATED = "dedicated",
}

/** The SSH banner used when `enableBanner` is on and no `bannerText` is given (BAS-09). */
export const DEFAULT_BANNER_TEXT = `*****************************************************************
 This system is for authorized use only. All activity, including
 every command, is logged and audited. Disconnect now if you are
 not an authorized user.
*****************************************************************
`;

/** Props of {@link BastionAsg}. Reference ids (BAS-xx) name the reference parameter each prop replaces. */
export interface BastionAsgProps {
  /** The VPC whose public (or, for SSM-only, private) subnets the bastion spans (BAS-01). */
  readonly vpc: IVpc3Az;
  /**
   * How people reach the bastion. The default is the safe one: SSM only, no inbound rule and no
   * public address, unless you ask for SSH by giving `sshAllowedCidrs`.
   *
   * @default - SSH_AND_SSM when `sshAllowedCidrs` is non-empty, otherwise SSM_ONLY
   */
  readonly accessMode?: BastionAccessMode;
  /**
   * Which subnets the Auto Scaling group spans. Must be PUBLIC for SSH_AND_SSM and PRIVATE for
   * SSM_ONLY (anything else cannot work and is rejected).
   *
   * @default - PUBLIC for SSH_AND_SSM, PRIVATE for SSM_ONLY
   */
  readonly subnets?: BastionSubnets;
  /**
   * IPv4 CIDR blocks allowed to reach SSH (22) and ICMP (BAS-02, BAS-20). More peers can be added
   * later with `allowSshAccessFrom()` (which needs SSH_AND_SSM). Giving any makes SSH_AND_SSM the
   * default `accessMode`; not allowed with an explicit SSM_ONLY.
   *
   * @default - none: the security group has no inbound rule at all
   */
  readonly sshAllowedCidrs?: string[];
  /**
   * Also allow ICMP (all types) from `sshAllowedCidrs`, as the reference does (BAS-20).
   *
   * @default true
   */
  readonly allowIcmpFromSshCidrs?: boolean;
  /**
   * An EC2 Instance Connect Endpoint: a way in without a bastion's public address, SSH key or open
   * port to the internet. The endpoint gets a security group of its own whose only rule is SSH (22)
   * out to the bastion's group, and the bastion's group admits SSH from it. People connect with
   * `aws ec2-instance-connect ssh` or `open-tunnel` (`instanceConnectSshCommand`,
   * `instanceConnectTunnelCommand`), authorized by IAM (`ec2-instance-connect:OpenTunnel` on the
   * endpoint, see README). Works in both access modes. AWS allows one such endpoint per VPC.
   *
   * @default false
   */
  readonly instanceConnectEndpoint?: boolean;
  /**
   * Subnet of the Instance Connect Endpoint: one of the VPC's subnets (`instanceConnectEndpoint` only).
   *
   * @default - the VPC's first private subnet
   */
  readonly instanceConnectEndpointSubnetId?: string;
  /**
   * Whether the bastion sees the client's IP address as the source instead of the endpoint's
   * (`instanceConnectEndpoint` only). On, the endpoint's security group no longer identifies the
   * traffic, so the bastion admits SSH from `instanceConnectEndpointClientCidrs` instead (and the
   * subnet's NACL must admit them: `publicNetworkAclIngress` / `privateNetworkAclIngress` of the VPC).
   * AWS supports it for IPv4 only, and not through a transit gateway.
   *
   * @default false (the EC2 API's own default is true)
   */
  readonly instanceConnectEndpointPreserveClientIp?: boolean;
  /**
   * IPv4 CIDR blocks of the clients the bastion admits SSH from when
   * `instanceConnectEndpointPreserveClientIp` is on (required then, refused otherwise: without it
   * the endpoint's address is the source and IAM decides who connects).
   *
   * @default - none
   */
  readonly instanceConnectEndpointClientCidrs?: string[];
  /**
   * Name of an existing EC2 key pair for SSH (BAS-03). Also usable for SSH over SSM.
   *
   * @default - no key pair: use SSM Session Manager, or EC2 Instance Connect
   */
  readonly keyName?: string;
  /**
   * EC2 instance type (BAS-04). Any valid type; Graviton types (t4g, m7g, ...) get the arm64 AMI.
   *
   * @default "t3.micro"
   */
  readonly instanceType?: string;
  /**
   * AMI id to use instead of the latest Amazon Linux 2023 (BAS-13). The user data expects an
   * AL2023-compatible image (dnf, systemd, the AL2023 package names).
   *
   * @default - the latest AL2023 AMI, read from the public SSM parameter
   *   `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-<arch>`; a new AMI release
   *   changes the launch template and replaces the instance at the next apply (instance refresh)
   */
  readonly imageId?: string;
  /**
   * EC2 tenancy (BAS-07).
   *
   * @default BastionTenancy.DEFAULT
   */
  readonly tenancy?: BastionTenancy;
  /**
   * Size of the encrypted gp3 root volume in GiB (MOD-12). At least the AMI's snapshot size (8 for AL2023).
   *
   * @default 8
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * KMS key encrypting the root volume. The Auto Scaling service-linked role must be allowed to
   * use it (key policy), or instances fail to launch.
   *
   * @default - the account's default EBS key (`aws/ebs`)
   */
  readonly rootVolumeKmsKey?: IKmsKeyRef;
  /**
   * Device name of the AMI's root volume, so the gp3 settings apply to it (change it only with an
   * `imageId` whose root device differs).
   *
   * @default "/dev/xvda"
   */
  readonly rootDeviceName?: string;
  /**
   * IMDSv2 PUT response hop limit. 1 keeps the token on the instance; containers need 2.
   *
   * @default 1
   */
  readonly imdsHopLimit?: number;
  /**
   * EC2 detailed (1-minute) monitoring.
   *
   * @default false
   */
  readonly detailedMonitoring?: boolean;
  /**
   * Base name of the named resources (ASG, launch template, role, security group, topic, alarm,
   * log group `/bastion/<name>`): letters, digits and "-", at most 40 characters.
   *
   * @default - the construct path, e.g. "prod-Bastion"
   */
  readonly name?: string;
  /**
   * Retention of the log group in days (BAS-05); one of CloudWatch's values, 0 for "never expire".
   * The default keeps the session and command audit log a year.
   *
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * E-mail addresses subscribed to the notification topic (BAS-06, BAS-17). Each must confirm.
   *
   * @default - no subscription (subscribe to `notificationTopicArn` yourself)
   */
  readonly notificationEmails?: string[];
  /**
   * KMS key encrypting the notification topic and the log group. Its policy must let
   * `cloudwatch.amazonaws.com` and the `AWSServiceRoleForAutoScaling` service-linked role use it
   * (kms:Decrypt, kms:GenerateDataKey*), and `logs.<region>.amazonaws.com` encrypt the log group.
   *
   * @default - a new customer managed key with rotation and exactly those grants (the AWS managed
   *   `alias/aws/sns` key cannot be used: CloudWatch alarms cannot publish to topics it encrypts)
   */
  readonly encryptionKey?: IKmsKeyRef;
  /**
   * Threshold of the CPU alarm in percent (BAS-34: Average over 600 s, 1 period, > threshold).
   *
   * @default 80
   */
  readonly cpuAlarmThresholdPercent?: number;
  /**
   * Show an SSH banner before login (BAS-08).
   *
   * @default true
   */
  readonly enableBanner?: boolean;
  /**
   * Banner text (BAS-09). Written by the user data; the reference's `s3://` banner URL is replaced
   * by inline text (nothing is downloaded at boot).
   *
   * @default - DEFAULT_BANNER_TEXT (an authorized-use-only warning)
   */
  readonly bannerText?: string;
  /**
   * Let SSH clients forward local TCP ports through the bastion (`AllowTcpForwarding local`), which
   * `ssh -L` and `ssh -J` need (BAS-10). SSM port forwarding works without it.
   *
   * @default false
   */
  readonly tcpForwarding?: boolean;
  /**
   * Allow X11 forwarding (BAS-11).
   *
   * @default false
   */
  readonly x11Forwarding?: boolean;
  /**
   * An https:// or s3:// URL of your own script, run as root at the end of the first boot (BAS-12).
   * For s3:// the role gets s3:GetObject on exactly that object.
   *
   * @default - no user script
   */
  readonly bootstrapScriptUrl?: string;
  /**
   * Apply security updates daily (systemd timer, `dnf upgrade --security` on the latest AL2023
   * release) (BAS-33).
   *
   * @default true
   */
  readonly securityUpdates?: boolean;
  /**
   * Replace the instance after this many days (ASG maximum instance lifetime), e.g. to pick up
   * kernel updates and a fresh AMI.
   *
   * @default - no maximum lifetime
   */
  readonly maxInstanceLifetimeDays?: number;
  /**
   * CloudWatch namespace of the `SSHCommandCount` metric (BAS-19).
   *
   * @default - "Bastion/<name>"
   */
  readonly metricNamespace?: string;
  /**
   * Attach the AWS managed `CloudWatchAgentServerPolicy` (BAS-21). It grants log writes on every
   * log group; turn it off to rely on the policy scoped to this bastion's log group only.
   *
   * @default true
   */
  readonly attachCloudWatchAgentServerPolicy?: boolean;
}
