import { IKmsKeyRef } from "@aurora-cdktf/core";
import { Fn, Token } from "cdktf";
import { IConstruct } from "constructs";
import {
  BastionAccessMode,
  BastionAsgProps,
  BastionSubnets,
  BastionTenancy,
  DEFAULT_BANNER_TEXT,
} from "../bastion-asg-props";
import { defaultName } from "./net";

/** Public SSM parameter path of the latest AL2023 AMI, without the architecture suffix (MOD-10). */
export const AL2023_AMI_PARAMETER_PREFIX = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";

/**
 * The props of a `BastionAsg` with every default applied: the one place that knows the defaults.
 * Props whose absence means something (no key pair, no user script, the AL2023 AMI, a new KMS key)
 * stay optional.
 */
export interface ResolvedBastionSettings {
  /** `name`, or the construct path with non-alphanumerics as "-". */
  readonly name: string;
  readonly accessMode: BastionAccessMode;
  /** `subnets`, or PUBLIC for SSH_AND_SSM and PRIVATE for SSM_ONLY. */
  readonly subnets: BastionSubnets;
  /** The VPC's subnet ids of the `subnets` tier. */
  readonly subnetIds: string[];
  readonly sshAllowedCidrs: string[];
  readonly allowIcmpFromSshCidrs: boolean;
  readonly keyName?: string;
  readonly instanceType: string;
  /** Unset: the latest AL2023 AMI, read from {@link AL2023_AMI_PARAMETER_PREFIX}`<arch>`. */
  readonly imageId?: string;
  readonly tenancy: BastionTenancy;
  readonly rootVolumeSizeGiB: number;
  readonly rootVolumeKmsKey?: IKmsKeyRef;
  readonly rootDeviceName: string;
  readonly imdsHopLimit: number;
  readonly detailedMonitoring: boolean;
  readonly logRetentionDays: number;
  /** `/bastion/<name>`. */
  readonly logGroupName: string;
  readonly metricNamespace: string;
  readonly notificationEmails: string[];
  /** Unset: a new customer managed key. */
  readonly encryptionKey?: IKmsKeyRef;
  readonly cpuAlarmThresholdPercent: number;
  /** The banner text; unset when `enableBanner` is false. */
  readonly bannerText?: string;
  readonly tcpForwarding: boolean;
  readonly x11Forwarding: boolean;
  readonly bootstrapScriptUrl?: string;
  readonly securityUpdates: boolean;
  /** Unset: no maximum instance lifetime. */
  readonly maxInstanceLifetimeDays?: number;
  readonly attachCloudWatchAgentServerPolicy: boolean;
  readonly instanceConnectEndpoint: boolean;
  /** The given subnet, or the VPC's first private subnet (unset when the VPC has none). */
  readonly instanceConnectEndpointSubnetId?: string;
  readonly instanceConnectEndpointPreserveClientIp: boolean;
  readonly instanceConnectEndpointClientCidrs: string[];
}

/** Applies the defaults documented on {@link BastionAsgProps}. Never throws: validation reports bad input. */
export function resolveSettings(scope: IConstruct, props: BastionAsgProps): ResolvedBastionSettings {
  const name = props.name ?? defaultName(scope.node.path);
  // Safe by default: SSH only when asked for with CIDRs.
  const accessMode =
    props.accessMode ??
    ((props.sshAllowedCidrs ?? []).length > 0 ? BastionAccessMode.SSH_AND_SSM : BastionAccessMode.SSM_ONLY);
  const subnets =
    props.subnets ??
    (accessMode === BastionAccessMode.SSH_AND_SSM ? BastionSubnets.PUBLIC : BastionSubnets.PRIVATE);
  return {
    name,
    accessMode,
    subnets,
    subnetIds: subnets === BastionSubnets.PUBLIC ? props.vpc.publicSubnetIds : props.vpc.privateSubnetIds,
    sshAllowedCidrs: props.sshAllowedCidrs ?? [],
    allowIcmpFromSshCidrs: props.allowIcmpFromSshCidrs ?? true,
    keyName: props.keyName,
    instanceType: props.instanceType ?? "t3.micro",
    imageId: props.imageId,
    tenancy: props.tenancy ?? BastionTenancy.DEFAULT,
    rootVolumeSizeGiB: props.rootVolumeSizeGiB ?? 8,
    rootVolumeKmsKey: props.rootVolumeKmsKey,
    rootDeviceName: props.rootDeviceName ?? "/dev/xvda",
    imdsHopLimit: props.imdsHopLimit ?? 1,
    detailedMonitoring: props.detailedMonitoring ?? false,
    logRetentionDays: props.logRetentionDays ?? 365,
    logGroupName: `/bastion/${name}`,
    metricNamespace: props.metricNamespace ?? `Bastion/${name}`,
    notificationEmails: props.notificationEmails ?? [],
    encryptionKey: props.encryptionKey,
    cpuAlarmThresholdPercent: props.cpuAlarmThresholdPercent ?? 80,
    bannerText: (props.enableBanner ?? true) ? (props.bannerText ?? DEFAULT_BANNER_TEXT) : undefined,
    tcpForwarding: props.tcpForwarding ?? false,
    x11Forwarding: props.x11Forwarding ?? false,
    bootstrapScriptUrl: props.bootstrapScriptUrl,
    securityUpdates: props.securityUpdates ?? true,
    maxInstanceLifetimeDays: props.maxInstanceLifetimeDays,
    attachCloudWatchAgentServerPolicy: props.attachCloudWatchAgentServerPolicy ?? true,
    instanceConnectEndpoint: props.instanceConnectEndpoint ?? false,
    instanceConnectEndpointSubnetId:
      props.instanceConnectEndpointSubnetId ?? firstOf(props.vpc.privateSubnetIds),
    instanceConnectEndpointPreserveClientIp: props.instanceConnectEndpointPreserveClientIp ?? false,
    instanceConnectEndpointClientCidrs: props.instanceConnectEndpointClientCidrs ?? [],
  };
}

/** The first element of a list (a token list included); undefined for a literal empty list. */
function firstOf(list: string[]): string | undefined {
  return Token.isUnresolved(list) ? Token.asString(Fn.element(list, 0)) : list[0];
}
