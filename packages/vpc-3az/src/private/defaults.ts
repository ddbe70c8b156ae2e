import { IConnectable, IKmsKeyRef, IPeer } from "@aurora-cdktf/core";
import { TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import {
  FlowLogTrafficType,
  NatGatewayMode,
  NetworkAclIngress,
  NetworkAclMode,
  Vpc3AzProps,
} from "../vpc-3az-props";
import { parseIpv4Cidr, subnetCapacity } from "./cidr";

/**
 * The props of a `Vpc3Az` with every default applied: the one place that knows the defaults. Props
 * whose absence means something (`availabilityZones`: look them up; `endpointAllowedPeers`: the VPC
 * CIDR) stay optional.
 */
export interface ResolvedVpc3AzSettings {
  /** The given CIDR, `10.<classB>.0.0/16`, or "10.0.0.0/16". */
  readonly cidrBlock: string;
  /** Prefix length of `cidrBlock` when known at synth time (a literal CIDR, or /16 from `classB`). */
  readonly vpcPrefixLength?: number;
  /**
   * The given prefix length, or the VPC prefix + 4. Unset only for a token CIDR without one, which
   * validation rejects.
   */
  readonly subnetPrefixLength?: number;
  readonly availabilityZones?: string[];
  readonly subnetSlots: { [azKey: string]: number };
  readonly mapPublicIpOnLaunch: boolean;
  readonly natGateways: NatGatewayMode;
  readonly networkAcls: NetworkAclMode;
  readonly publicNetworkAclIngress: NetworkAclIngress[];
  readonly privateNetworkAclIngress: NetworkAclIngress[];
  readonly s3GatewayEndpoint: boolean;
  readonly secretsManagerEndpoint: boolean;
  readonly interfaceEndpoints: string[];
  readonly endpointAllowedPeers?: (IPeer | IConnectable)[];
  readonly flowLogs: boolean;
  readonly flowLogRetentionDays: number;
  readonly flowLogKmsKey?: IKmsKeyRef;
  readonly flowLogTrafficType: FlowLogTrafficType;
  /** The flow log group's name for the VPC of id `vpcId` (the id is known only once it exists). */
  readonly flowLogGroupName: (vpcId: string) => string;
  /** The VPC's `Name` tag: `name`, or `<stack id>-VPC`. */
  readonly vpcName: string;
  /** Prefix of the other `Name` tags: `name`, or the CIDR block (as the reference). */
  readonly namePrefix: string;
  readonly tags: { [key: string]: string };
  readonly databaseSubnets: boolean;
  /** The given prefix, or `subnetPrefixLength` + 4; unset when `subnetPrefixLength` is. */
  readonly databaseSubnetPrefixLength?: number;
  /** The given netnum, or the layout's last block; unset when the layout's size is unknown at synth time. */
  readonly databaseSubnetBlock?: number;
  readonly databasePort: number;
  readonly databaseNetworkAclIngress: NetworkAclIngress[];
  readonly databaseSubnetGroupName: string;
  readonly ipv6: boolean;
  readonly ipv6AssignAddressOnCreation: boolean;
}

/** Applies the defaults documented on {@link Vpc3AzProps}. Never throws: validation reports bad input. */
export function resolveSettings(scope: IConstruct, props: Vpc3AzProps): ResolvedVpc3AzSettings {
  const cidrBlock =
    props.cidrBlock ?? (props.classB !== undefined ? classBCidr(props.classB) : "10.0.0.0/16");
  const parsed = Token.isUnresolved(cidrBlock) ? undefined : parseIpv4Cidr(cidrBlock);
  const vpcPrefixLength = parsed?.prefixLength ?? (props.classB !== undefined ? 16 : undefined);
  const flowLogGroupName = props.flowLogGroupName;
  const subnetPrefixLength =
    props.subnetPrefixLength ?? (vpcPrefixLength !== undefined ? vpcPrefixLength + 4 : undefined);
  const layoutKnown =
    vpcPrefixLength !== undefined &&
    subnetPrefixLength !== undefined &&
    !Token.isUnresolved(subnetPrefixLength);
  return {
    cidrBlock,
    vpcPrefixLength,
    subnetPrefixLength,
    availabilityZones: props.availabilityZones,
    subnetSlots: props.subnetSlots ?? {},
    mapPublicIpOnLaunch: props.mapPublicIpOnLaunch ?? false,
    natGateways: props.natGateways ?? NatGatewayMode.PER_AZ,
    networkAcls: props.networkAcls ?? NetworkAclMode.LEAST_PRIVILEGE,
    publicNetworkAclIngress: props.publicNetworkAclIngress ?? [],
    privateNetworkAclIngress: props.privateNetworkAclIngress ?? [],
    s3GatewayEndpoint: props.s3GatewayEndpoint ?? true,
    secretsManagerEndpoint: props.secretsManagerEndpoint ?? true,
    interfaceEndpoints: props.interfaceEndpoints ?? [],
    endpointAllowedPeers: props.endpointAllowedPeers,
    flowLogs: props.flowLogs ?? true,
    flowLogRetentionDays: props.flowLogRetentionDays ?? 365,
    flowLogKmsKey: props.flowLogKmsKey,
    flowLogTrafficType: props.flowLogTrafficType ?? FlowLogTrafficType.ALL,
    flowLogGroupName: (vpcId) => flowLogGroupName ?? `/aws/vpc/flow-logs/${vpcId}`,
    vpcName: props.name ?? `${TerraformStack.of(scope).node.id}-VPC`,
    namePrefix: props.name ?? cidrBlock,
    tags: props.tags ?? {},
    databaseSubnets: props.databaseSubnets ?? false,
    databaseSubnetPrefixLength:
      props.databaseSubnetPrefixLength ??
      (subnetPrefixLength !== undefined ? subnetPrefixLength + 4 : undefined),
    databaseSubnetBlock:
      props.databaseSubnetBlock ??
      (layoutKnown ? subnetCapacity(vpcPrefixLength, subnetPrefixLength) - 1 : undefined),
    databasePort: props.databasePort ?? 5432,
    databaseNetworkAclIngress: props.databaseNetworkAclIngress ?? [],
    databaseSubnetGroupName: props.databaseSubnetGroupName ?? defaultSubnetGroupName(scope, props.name),
    ipv6: props.ipv6 ?? false,
    ipv6AssignAddressOnCreation: props.ipv6AssignAddressOnCreation ?? false,
  };
}

/** `<name>-database` or `<construct path>-database`, in the characters a DB subnet group name allows. */
function defaultSubnetGroupName(scope: IConstruct, name: string | undefined): string {
  if (name !== undefined && Token.isUnresolved(name)) return `${name}-database`;
  const base = (name ?? scope.node.path)
    .toLowerCase()
    .replace(/[^a-z0-9._ -]+/g, "-")
    .replace(/^[-. _]+|[-. _]+$/g, "");
  return `${base.slice(0, 255 - "-database".length) || "vpc"}-database`;
}

/** The reference's `10.<classB>.0.0/16` (a token CIDR when `classB` is a token). */
function classBCidr(classB: number): string {
  return `10.${Token.isUnresolved(classB) ? Token.asString(classB) : String(classB)}.0.0/16`;
}
