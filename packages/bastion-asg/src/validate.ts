import {
  AwsContext,
  canonicalIpv4Cidr,
  checkKmsKeyArn,
  CLOUDWATCH_LOG_RETENTION_DAYS,
  duplicatesOf,
  partitionOfRegion,
  EMAIL_PATTERN,
  parseIpv4Cidr,
  ValidationError,
  ValidationRule,
  Validator,
} from "@aurora-cdktf/core";
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { BastionAccessMode, BastionAsgProps, BastionSubnets, BastionTenancy } from "./bastion-asg-props";
import { BastionAsgAttributes } from "./bastion-asg-ref";
import { ResolvedBastionSettings } from "./private/defaults";

/** Valid AWS instance type syntax: family (letters, digits, "-") "." size. */
const INSTANCE_TYPE_PATTERN = /^[a-z][a-z0-9-]*[0-9][a-z0-9-]*\.[a-z0-9]+$/;
/** https:// or s3:// URL with a host and a path, without quotes, spaces, "$" or backquotes. */
const SCRIPT_URL_PATTERN =
  /^(https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/[A-Za-z0-9._~%!&()*+,;=:@/?-]*|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/[A-Za-z0-9._~%!&()*+,;=:@/-]+)$/;
/** The base name of the named resources: it prefixes names with tighter limits. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
const AMI_PATTERN = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** An EC2 key pair name: printable ASCII without '"'. */
const KEY_NAME_PATTERN = /^[\x20-\x21\x23-\x7e]{1,255}$/;
const DEVICE_NAME_PATTERN = /^\/dev\/[a-z0-9]+$/;
/** A custom CloudWatch namespace (the `AWS/` prefix is reserved). */
const METRIC_NAMESPACE_PATTERN = /^(?!AWS\/)[A-Za-z0-9.\-_/#: ]{1,255}$/;

// Attributes of an imported bastion
const SECURITY_GROUP_ID_PATTERN = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** An Auto Scaling group name that is safe unquoted in the SSM commands' shell lookup. */
const ASG_NAME_PATTERN = /^[A-Za-z0-9._-]{1,255}$/;
const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
/** `arn:<partition>:iam::<account>:role/<optional path/><name>`; the name is the last segment. */
const ROLE_ARN_PATTERN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const SSM_SESSION_COMMAND_PREFIX = "aws ssm start-session ";
/** EC2 accepts at most 16 KB of user data (before base64). */
const MAX_USER_DATA_BYTES = 16384;
/** The region of a literal AZ name ("eu-west-1a" -> "eu-west-1"). */
const AZ_REGION = /^([a-z]{2}(?:-[a-z]+)+-\d{1,2})[a-z]$/;

/**
 * Checks the props of a `BastionAsg` (as given, and as `resolveSettings` defaulted them) and throws
 * one ValidationError listing every invalid prop. Values that are tokens are accepted unchecked.
 */
export function validateBastionAsgProps(
  scope: IConstruct,
  props: BastionAsgProps,
  settings: ResolvedBastionSettings,
): void {
  const v = new Validator(scope);
  const { name, subnets } = settings;
  const ssmOnly = settings.accessMode === BastionAccessMode.SSM_ONLY;
  const cidrs = settings.sshAllowedCidrs;
  const emails = settings.notificationEmails;

  v.matches(
    "name",
    props.name,
    NAME_PATTERN,
    'must be 1-40 letters, digits or "-", starting with a letter or digit (it prefixes resource names)',
  );
  checkAll(v, [
    {
      failed: !Token.isUnresolved(name) && name.toLowerCase().startsWith("sg-"),
      message: `name must not start with "sg-" (security group names cannot), got "${name}".`,
    },

    // Placement and access (BAS-01, MOD-11)
    {
      failed: !ssmOnly && subnets === BastionSubnets.PRIVATE,
      message:
        "subnets PRIVATE is inconsistent with accessMode SSH_AND_SSM: the Elastic IP and SSH need a public subnet. " +
        "Fix: omit subnets (PUBLIC), or use accessMode SSM_ONLY.",
    },
    {
      failed: ssmOnly && subnets === BastionSubnets.PUBLIC,
      message:
        "subnets PUBLIC is inconsistent with accessMode SSM_ONLY: SSM-only instances get no public address, so in a " +
        "public subnet they cannot reach SSM. Fix: omit subnets (PRIVATE), or use accessMode SSH_AND_SSM.",
    },
    {
      failed: !Token.isUnresolved(settings.subnetIds) && settings.subnetIds.length === 0,
      message: `the VPC has no ${subnets} subnets, got an empty list. Fix: pass a VPC with ${subnets} subnet ids.`,
    },

    // SSH ingress (BAS-02, BAS-20)
    {
      failed: ssmOnly && cidrs.length > 0,
      message:
        `sshAllowedCidrs is not allowed with accessMode SSM_ONLY (no inbound rule in that mode), got ${JSON.stringify(cidrs)}. ` +
        "Fix: remove sshAllowedCidrs, or use accessMode SSH_AND_SSM.",
    },
    ...cidrs.filter((cidr) => !Token.isUnresolved(cidr)).flatMap((cidr) => sshCidrRules(cidr)),
    {
      failed: literalDuplicates(cidrs).length > 0,
      message: `sshAllowedCidrs has duplicates: ${JSON.stringify(literalDuplicates(cidrs))}.`,
    },
  ]);

  // Enums (JavaScript callers may pass any string)
  v.oneOf("accessMode", props.accessMode, Object.values(BastionAccessMode))
    .oneOf("subnets", props.subnets, Object.values(BastionSubnets))
    .oneOf("tenancy", props.tenancy, Object.values(BastionTenancy));

  // KMS keys: key ARNs (the log group takes no alias), of the stack's region when it is known
  const region = stackRegion(scope, props.vpc.availabilityZones);
  checkKmsKeyArn(v, "rootVolumeKmsKey", props.rootVolumeKmsKey, region);
  checkKmsKeyArn(v, "encryptionKey", props.encryptionKey, region);

  // Instance (BAS-03/04/07/13, MOD-12)
  v.matches(
    "instanceType",
    props.instanceType,
    INSTANCE_TYPE_PATTERN,
    'must be an EC2 instance type such as "t3.micro" or "m7i-flex.large"',
  )
    .matches("imageId", props.imageId, AMI_PATTERN, 'must be an AMI id such as "ami-0123456789abcdef0"')
    .matches(
      "keyName",
      props.keyName,
      KEY_NAME_PATTERN,
      "must be 1-255 printable ASCII characters without '\"'",
    )
    .integer(
      "rootVolumeSizeGiB",
      props.rootVolumeSizeGiB,
      props.imageId === undefined ? 8 : 1,
      16384,
      props.imageId === undefined ? "The AL2023 AMI's snapshot is 8 GiB." : undefined,
    )
    .matches(
      "rootDeviceName",
      props.rootDeviceName,
      DEVICE_NAME_PATTERN,
      'must be a device name such as "/dev/xvda"',
    )
    .integer("imdsHopLimit", props.imdsHopLimit, 1, 64)
    .integer(
      "maxInstanceLifetimeDays",
      props.maxInstanceLifetimeDays,
      1,
      365,
      "(Auto Scaling allows 1 to 365 days.)",
    );

  // Logs, metrics, alarms (BAS-05/06/17/19/34)
  v.oneOf("logRetentionDays", props.logRetentionDays, CLOUDWATCH_LOG_RETENTION_DAYS);
  for (const email of emails) {
    v.matches(
      "notificationEmails entry",
      email,
      EMAIL_PATTERN,
      'must be an e-mail address such as "ops@example.com"',
    );
  }
  const threshold = props.cpuAlarmThresholdPercent;
  checkAll(v, [
    {
      failed: literalDuplicates(emails).length > 0,
      message: `notificationEmails has duplicates: ${JSON.stringify(literalDuplicates(emails))}.`,
    },
    {
      failed:
        threshold !== undefined && !Token.isUnresolved(threshold) && !(threshold > 0 && threshold <= 100),
      message: `cpuAlarmThresholdPercent must be a percentage in (0, 100], got ${threshold}.`,
    },
  ]);
  v.matches(
    "metricNamespace",
    props.metricNamespace,
    METRIC_NAMESPACE_PATTERN,
    'must be 1-255 characters (letters, digits, . - _ / # : space) and not start with "AWS/"',
  );

  // User data (BAS-08/09/12)
  checkAll(v, [
    {
      failed: props.enableBanner === false && props.bannerText !== undefined,
      message:
        "bannerText is set but enableBanner is false. Fix: remove bannerText, or set enableBanner to true.",
    },
    {
      failed: props.bannerText !== undefined && Token.isUnresolved(props.bannerText),
      message:
        "bannerText must be a plain string (it is encoded into the user data at synth time), got a token.",
    },
    {
      failed: props.bannerText !== undefined && props.bannerText.trim() === "",
      message: "bannerText must not be empty.",
    },
  ]);
  v.matches(
    "bootstrapScriptUrl",
    props.bootstrapScriptUrl,
    SCRIPT_URL_PATTERN,
    'must be an https:// or s3:// URL with a path, e.g. "https://example.com/bastion.sh" or "s3://my-bucket/bastion.sh" ' +
      '(no spaces, quotes, "$" or backquotes; plain http is not accepted)',
  );

  // EC2 Instance Connect Endpoint
  checkAll(v, instanceConnectRules(props, settings));

  v.throwIfAny();
}

/** The props of the Instance Connect Endpoint, listed for the "set without the endpoint" rule. */
const INSTANCE_CONNECT_PROPS = [
  "instanceConnectEndpointSubnetId",
  "instanceConnectEndpointPreserveClientIp",
  "instanceConnectEndpointClientCidrs",
] as const;

/**
 * The Instance Connect Endpoint: its props only with `instanceConnectEndpoint`, a subnet of the
 * VPC, and client CIDRs exactly when the client IP is preserved (the bastion then admits them).
 */
function instanceConnectRules(props: BastionAsgProps, settings: ResolvedBastionSettings): ValidationRule[] {
  const unused = INSTANCE_CONNECT_PROPS.filter((p) => props[p] !== undefined);
  if (!settings.instanceConnectEndpoint) {
    return [
      {
        failed: unused.length > 0,
        message: `${unused.join(", ")} ${unused.length === 1 ? "is" : "are"} set, but instanceConnectEndpoint is not true, so there is no endpoint to apply ${unused.length === 1 ? "it" : "them"} to. Fix: set instanceConnectEndpoint: true, or remove ${unused.length === 1 ? "it" : "them"}.`,
      },
    ];
  }
  const vpc = props.vpc;
  const subnetId = props.instanceConnectEndpointSubnetId;
  const lists = [vpc.publicSubnetIds, vpc.privateSubnetIds, vpc.databaseSubnetIds ?? []];
  const known = lists.every((l) => !Token.isUnresolved(l) && l.every(literal));
  const preserve = settings.instanceConnectEndpointPreserveClientIp;
  const clients = settings.instanceConnectEndpointClientCidrs;
  const alsoSsh = clients.filter((c) => literal(c) && settings.sshAllowedCidrs.includes(c));
  return [
    {
      failed: settings.instanceConnectEndpointSubnetId === undefined,
      message:
        "instanceConnectEndpoint needs a subnet: the VPC has no private subnets (the default) and instanceConnectEndpointSubnetId is not set. " +
        "Fix: set instanceConnectEndpointSubnetId to one of the VPC's subnets.",
    },
    {
      failed: subnetId !== undefined && literal(subnetId) && known && !lists.flat().includes(subnetId),
      message: `instanceConnectEndpointSubnetId must be one of the VPC's subnets (the endpoint lives in the bastion's VPC), got ${JSON.stringify(subnetId)}; the VPC has ${JSON.stringify(lists.flat())}.`,
    },
    {
      failed: preserve && clients.length === 0,
      message:
        "instanceConnectEndpointPreserveClientIp is true but instanceConnectEndpointClientCidrs is empty: with the client IP preserved the bastion sees the client's address, " +
        "not the endpoint's, so no rule would admit anyone. Fix: give the clients' CIDRs, or leave the client IP unpreserved (the default).",
    },
    {
      failed: !preserve && clients.length > 0,
      message: `instanceConnectEndpointClientCidrs is set but instanceConnectEndpointPreserveClientIp is not true: the endpoint's own address is then the source (the bastion admits the endpoint's security group), so the CIDRs would do nothing. Fix: remove them (IAM's ec2-instance-connect:OpenTunnel decides who connects), or set instanceConnectEndpointPreserveClientIp: true.`,
    },
    ...clients.filter(literal).flatMap((c) => sshCidrRules(c, "instanceConnectEndpointClientCidrs")),
    {
      failed: literalDuplicates(clients).length > 0,
      message: `instanceConnectEndpointClientCidrs has duplicates: ${JSON.stringify(literalDuplicates(clients))}.`,
    },
    {
      failed: preserve && alsoSsh.length > 0,
      message: `instanceConnectEndpointClientCidrs ${JSON.stringify(alsoSsh)} are in sshAllowedCidrs too, which already admits them to SSH. Fix: remove them from one of the two.`,
    },
  ];
}

/**
 * Checks the attributes of an imported bastion (`BastionAsg.fromAttributes`) and throws one
 * ValidationError listing every invalid one. Values that are tokens (e.g. another stack's outputs)
 * are accepted unchecked.
 */
export function validateBastionAsgAttributes(scope: IConstruct, attrs: BastionAsgAttributes): void {
  const v = new Validator(scope);
  const { roleArn, roleName, ssmSessionCommand } = attrs;
  const arnRoleName = literal(roleArn) ? ROLE_ARN_PATTERN.exec(roleArn)?.[1] : undefined;
  checkAll(v, [
    patternRule(
      "securityGroupId",
      attrs.securityGroupId,
      SECURITY_GROUP_ID_PATTERN,
      'must be a security group id ("sg-" and 8 or 17 hex digits, e.g. "sg-0123456789abcdef0")',
      "Fix: pass the id of the bastion's security group (bastion.outputs.securityGroupId), not its name.",
    ),
    patternRule(
      "autoScalingGroupName",
      attrs.autoScalingGroupName,
      ASG_NAME_PATTERN,
      'must be 1-255 letters, digits, ".", "_" or "-" (it is pasted unquoted into the SSM commands)',
      "Fix: pass the group's name (bastion.outputs.autoScalingGroupName), not its ARN.",
    ),
    patternRule(
      "roleName",
      roleName,
      ROLE_NAME_PATTERN,
      "must be an IAM role name: 1-64 letters, digits or + = , . @ _ -",
      "Fix: pass the instance role's name (bastion.outputs.roleName), not its ARN.",
    ),
    patternRule(
      "roleArn",
      roleArn,
      ROLE_ARN_PATTERN,
      'must be an IAM role ARN such as "arn:aws:iam::123456789012:role/ops-bastion"',
      "Fix: pass the instance role's ARN (bastion.outputs.roleArn).",
    ),
    {
      failed:
        arnRoleName !== undefined &&
        literal(roleName) &&
        ROLE_NAME_PATTERN.test(roleName) &&
        arnRoleName !== roleName,
      message:
        `roleArn names the role "${arnRoleName}", but roleName is "${roleName}". ` +
        "Fix: pass the name and the ARN of the same role (bastion.outputs has both).",
    },
    patternRule(
      "region",
      attrs.region,
      REGION_PATTERN,
      'must be an AWS region such as "eu-west-1"',
      "Fix: pass the region the bastion runs in (bastion.outputs.region).",
    ),
    {
      failed:
        literal(roleArn) &&
        literal(attrs.region) &&
        ROLE_ARN_PATTERN.test(roleArn) &&
        partitionOfRegion(attrs.region) !== undefined &&
        roleArn.split(":")[1] !== partitionOfRegion(attrs.region),
      message:
        `roleArn ${JSON.stringify(roleArn)} is in partition "${roleArn.split(":")[1]}", but region "${attrs.region}" ` +
        `is in partition "${partitionOfRegion(attrs.region)}". Fix: pass the role and the region of the same bastion.`,
    },
    {
      failed:
        ssmSessionCommand !== undefined &&
        literal(ssmSessionCommand) &&
        !ssmSessionCommand.startsWith(SSM_SESSION_COMMAND_PREFIX),
      message:
        `ssmSessionCommand must be an "${SSM_SESSION_COMMAND_PREFIX}..." command (ssmPortForwardCommand appends ` +
        `its document and parameters to it), got ${JSON.stringify(ssmSessionCommand)}. Fix: pass ` +
        "bastion.outputs.ssmSessionCommand, or leave it out to render it from region and autoScalingGroupName.",
    },
  ]);
  v.throwIfAny();
}

/**
 * Checks the rendered user data against EC2's 16 KB limit (the banner, base64-encoded in it, is
 * what grows it). References in it count with their placeholder's length, a few bytes off.
 */
export function validateUserDataSize(scope: IConstruct, userData: string): void {
  const bytes = Buffer.byteLength(userData, "utf8");
  throwIfAnyFailed(scope, [
    {
      failed: bytes > MAX_USER_DATA_BYTES,
      message:
        `the user data would be about ${bytes} bytes, more than the ${MAX_USER_DATA_BYTES} EC2 accepts; the banner ` +
        `is in it base64-encoded (4/3 of bannerText's bytes). Fix: shorten bannerText by at least ` +
        `${Math.ceil(((bytes - MAX_USER_DATA_BYTES) * 3) / 4)} bytes.`,
    },
  ]);
}

/** The stack's region when synth knows it: the default AWS provider's, else the VPC's literal AZ names'. */
function stackRegion(scope: IConstruct, azs: string[]): string | undefined {
  const provider = AwsContext.literalRegion(scope);
  if (provider !== undefined || Token.isUnresolved(azs)) return provider;
  const regions = new Set(azs.map((az) => (Token.isUnresolved(az) ? undefined : AZ_REGION.exec(az)?.[1])));
  const [only] = [...regions];
  return regions.size === 1 ? only : undefined;
}

/** Checks a call of `allowSshAccessFrom`: there is no inbound rule in SSM_ONLY mode. */
export function validateAllowSshAccessFrom(scope: IConstruct, accessMode: BastionAccessMode): void {
  throwIfAnyFailed(scope, [
    {
      failed: accessMode === BastionAccessMode.SSM_ONLY,
      message:
        "allowSshAccessFrom is not available with accessMode SSM_ONLY (the bastion has no inbound rule in that mode). " +
        "Fix: use SSM (ssmSessionCommand), or accessMode SSH_AND_SSM.",
    },
  ]);
}

/** Checks the ports of a call of `ssmPortForwardCommand` (tokens are accepted unchecked). */
export function validateSsmPortForward(scope: IConstruct, port: number, localPort: number): void {
  throwIfAnyFailed(
    scope,
    (
      [
        ["port", port],
        ["localPort", localPort],
      ] as const
    ).map(([what, value]) => ({
      failed: !Token.isUnresolved(value) && !(Number.isInteger(value) && value >= 1 && value <= 65535),
      message: `ssmPortForwardCommand: ${what} must be an integer between 1 and 65535, got ${value}.`,
    })),
  );
}

/** The rules of one literal `sshAllowedCidrs` entry. */
function sshCidrRules(cidr: string, name = "sshAllowedCidrs"): ValidationRule[] {
  const canonical = canonicalIpv4Cidr(cidr);
  return [
    {
      failed: parseIpv4Cidr(cidr) === undefined,
      message: `${name} must hold IPv4 CIDR blocks such as "203.0.113.0/24", got "${cidr}".`,
    },
    {
      failed: canonical !== undefined && canonical !== cidr,
      message:
        `${name} entry "${cidr}" has host bits set (AWS would store "${canonical}" and plan a change forever). ` +
        `Fix: use "${canonical}", or "${cidr.split("/")[0]}/32" for that single address.`,
    },
  ];
}

/** The rule "a literal `value` matches `pattern`"; its message names the value, what is allowed and the fix. */
function patternRule(
  name: string,
  value: string,
  pattern: RegExp,
  what: string,
  fix: string,
): ValidationRule {
  return {
    failed: literal(value) && !pattern.test(value),
    message: `${name} ${what}, got ${JSON.stringify(value)}. ${fix}`,
  };
}

/** Whether `value` is known at synth time (not a token). */
function literal(value: string): boolean {
  return !Token.isUnresolved(value);
}

/** Values given more than once, tokens left out (a token's value is unknown at synth time). */
function literalDuplicates(values: readonly string[]): string[] {
  return duplicatesOf(values.filter((value) => !Token.isUnresolved(value)));
}

/** Records every failed rule of `rules` on `v` (reported with the other props by `throwIfAny`). */
function checkAll(v: Validator, rules: readonly ValidationRule[]): void {
  for (const r of rules) v.check(r.failed, r.message);
}

/**
 * Throws one ValidationError with the messages of every failed rule of a method call's arguments.
 * The props validator's "invalid props:" heading is left out: these are not props.
 */
function throwIfAnyFailed(scope: IConstruct, rules: readonly ValidationRule[]): void {
  const failed = rules.filter((r) => r.failed).map((r) => r.message);
  if (failed.length > 0) throw new ValidationError(scope, failed.join(" "));
}
