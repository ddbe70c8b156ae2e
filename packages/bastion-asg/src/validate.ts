import { Validator } from "@aurora-cdktf/core";
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { BastionAsgProps } from "./bastion-asg-props";
import { BastionAccessMode, BastionSubnets, LOG_RETENTION_DAYS } from "./bastion-asg-ref";
import { canonicalIpv4Cidr, parseIpv4Cidr } from "./private/net";

/** Valid AWS instance type syntax: family (letters, digits, "-") "." size. */
export const INSTANCE_TYPE_PATTERN = /^[a-z][a-z0-9-]*[0-9][a-z0-9-]*\.[a-z0-9]+$/;
/** https:// or s3:// URL with a host and a path, without quotes, spaces, "$" or backquotes. */
export const SCRIPT_URL_PATTERN =
  /^(https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/[A-Za-z0-9._~%!&()*+,;=:@/?-]*|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/[A-Za-z0-9._~%!&()*+,;=:@/-]+)$/;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
const EMAIL_PATTERN = /^[^@\s"'<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const AMI_PATTERN = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** The props after defaults, as the constructor resolved them. */
export interface ResolvedBastionChoices {
  readonly name: string;
  readonly accessMode: BastionAccessMode;
  readonly subnets: BastionSubnets;
}

/** Throws one ValidationError listing every invalid prop of a BastionAsg. */
export function validateBastionAsgProps(
  scope: IConstruct,
  props: BastionAsgProps,
  r: ResolvedBastionChoices,
): void {
  const v = new Validator(scope);
  const ssmOnly = r.accessMode === BastionAccessMode.SSM_ONLY;

  v.matches(
    "name",
    props.name,
    NAME_PATTERN,
    'must be 1-40 letters, digits or "-", starting with a letter or digit (it prefixes resource names)',
  );
  v.check(
    !Token.isUnresolved(r.name) && r.name.toLowerCase().startsWith("sg-"),
    `name must not start with "sg-" (security group names cannot), got "${r.name}".`,
  );

  // Placement and access (BAS-01, MOD-11)
  v.check(
    !ssmOnly && r.subnets === BastionSubnets.PRIVATE,
    "subnets PRIVATE is inconsistent with accessMode SSH_AND_SSM: the Elastic IP and SSH need a public subnet. " +
      "Fix: omit subnets (PUBLIC), or use accessMode SSM_ONLY.",
  );
  v.check(
    ssmOnly && r.subnets === BastionSubnets.PUBLIC,
    "subnets PUBLIC is inconsistent with accessMode SSM_ONLY: SSM-only instances get no public address, so in a " +
      "public subnet they cannot reach SSM. Fix: omit subnets (PRIVATE), or use accessMode SSH_AND_SSM.",
  );
  const subnetIds =
    r.subnets === BastionSubnets.PUBLIC ? props.vpc.publicSubnetIds : props.vpc.privateSubnetIds;
  v.check(
    !Token.isUnresolved(subnetIds) && subnetIds.length === 0,
    `the VPC has no ${r.subnets} subnets, got an empty list. Fix: pass a VPC with ${r.subnets} subnet ids.`,
  );

  // SSH ingress (BAS-02, BAS-20)
  const cidrs = props.sshAllowedCidrs ?? [];
  v.check(
    ssmOnly && cidrs.length > 0,
    `sshAllowedCidrs is not allowed with accessMode SSM_ONLY (no inbound rule in that mode), got ${JSON.stringify(cidrs)}. ` +
      "Fix: remove sshAllowedCidrs, or use accessMode SSH_AND_SSM.",
  );
  for (const cidr of cidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const canonical = canonicalIpv4Cidr(cidr);
    v.check(
      parseIpv4Cidr(cidr) === undefined,
      `sshAllowedCidrs must hold IPv4 CIDR blocks such as "203.0.113.0/24", got "${cidr}".`,
    );
    v.check(
      canonical !== undefined && canonical !== cidr,
      `sshAllowedCidrs entry "${cidr}" has host bits set (AWS would store "${canonical}" and plan a change forever). ` +
        `Fix: use "${canonical}", or "${cidr.split("/")[0]}/32" for that single address.`,
    );
  }
  const duplicates = cidrs.filter((c, i) => !Token.isUnresolved(c) && cidrs.indexOf(c) !== i);
  v.check(duplicates.length > 0, `sshAllowedCidrs has duplicates: ${JSON.stringify(duplicates)}.`);

  // Instance (BAS-03/04/07/13, MOD-12)
  v.matches(
    "instanceType",
    props.instanceType,
    INSTANCE_TYPE_PATTERN,
    'must be an EC2 instance type such as "t3.micro" or "m7i-flex.large"',
  );
  v.matches("imageId", props.imageId, AMI_PATTERN, 'must be an AMI id such as "ami-0123456789abcdef0"');
  v.matches(
    "keyName",
    props.keyName,
    /^[\x20-\x21\x23-\x7e]{1,255}$/,
    "must be 1-255 printable ASCII characters without '\"'",
  );
  v.integer(
    "rootVolumeSizeGiB",
    props.rootVolumeSizeGiB,
    props.imageId === undefined ? 8 : 1,
    16384,
    props.imageId === undefined ? "The AL2023 AMI's snapshot is 8 GiB." : undefined,
  );
  v.matches(
    "rootDeviceName",
    props.rootDeviceName,
    /^\/dev\/[a-z0-9]+$/,
    'must be a device name such as "/dev/xvda"',
  );
  v.integer("imdsHopLimit", props.imdsHopLimit, 1, 64);
  v.integer(
    "maxInstanceLifetimeDays",
    props.maxInstanceLifetimeDays,
    1,
    365,
    "(Auto Scaling allows 1 to 365 days.)",
  );

  // Logs, metrics, alarms (BAS-05/06/17/19/34)
  v.oneOf("logRetentionDays", props.logRetentionDays, LOG_RETENTION_DAYS);
  const emails = props.notificationEmails ?? [];
  for (const email of emails) {
    v.matches(
      "notificationEmails entry",
      email,
      EMAIL_PATTERN,
      'must be an e-mail address such as "ops@example.com"',
    );
  }
  const dupEmails = emails.filter((e, i) => !Token.isUnresolved(e) && emails.indexOf(e) !== i);
  v.check(dupEmails.length > 0, `notificationEmails has duplicates: ${JSON.stringify(dupEmails)}.`);
  const threshold = props.cpuAlarmThresholdPercent;
  v.check(
    threshold !== undefined && !Token.isUnresolved(threshold) && !(threshold > 0 && threshold <= 100),
    `cpuAlarmThresholdPercent must be a percentage in (0, 100], got ${threshold}.`,
  );
  v.matches(
    "metricNamespace",
    props.metricNamespace,
    /^(?!AWS\/)[A-Za-z0-9.\-_/#: ]{1,255}$/,
    'must be 1-255 characters (letters, digits, . - _ / # : space) and not start with "AWS/"',
  );

  // User data (BAS-08/09/12)
  v.check(
    props.enableBanner === false && props.bannerText !== undefined,
    "bannerText is set but enableBanner is false. Fix: remove bannerText, or set enableBanner to true.",
  );
  v.check(
    props.bannerText !== undefined && Token.isUnresolved(props.bannerText),
    "bannerText must be a plain string (it is encoded into the user data at synth time), got a token.",
  );
  v.check(props.bannerText !== undefined && props.bannerText.trim() === "", "bannerText must not be empty.");
  v.matches(
    "bootstrapScriptUrl",
    props.bootstrapScriptUrl,
    SCRIPT_URL_PATTERN,
    'must be an https:// or s3:// URL with a path, e.g. "https://example.com/bastion.sh" or "s3://my-bucket/bastion.sh" ' +
      '(no spaces, quotes, "$" or backquotes; plain http is not accepted)',
  );

  v.throwIfAny();
}
