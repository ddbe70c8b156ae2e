import { CLOUDWATCH_LOG_RETENTION_DAYS, ValidationRule, Validator } from "@aurora-cdktf/core";
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import {
  isNetworkAddress,
  networkCidr,
  parseIpv4Cidr,
  SUBNET_PREFIX_MAX,
  subnetCapacity,
  VPC_PREFIX_MAX,
  VPC_PREFIX_MIN,
} from "./private/cidr";
import { ResolvedVpc3AzSettings } from "./private/defaults";
import { azKeyOf, namesAreLiteral, planZones, POSITION_KEYS, regionOf } from "./private/zones";
import {
  FlowLogTrafficType,
  NatGatewayMode,
  NetworkAclIngress,
  NetworkAclMode,
  Vpc3AzProps,
} from "./vpc-3az-props";
import { Vpc3AzAttributes } from "./vpc-3az-ref";

/**
 * Checks the props of a `Vpc3Az` (as given, and as `resolveSettings` defaulted them) and throws one
 * ValidationError (with the construct path) listing every problem. Values that are tokens are only
 * checked where their shape is known.
 */
export function validateVpc3AzProps(
  scope: IConstruct,
  props: Vpc3AzProps,
  settings: ResolvedVpc3AzSettings,
): void {
  const v = new Validator(scope);
  checkAll(v, [...cidrRules(props, settings), ...zoneRules(props, settings), ...endpointRules(settings)]);
  v.integer("classB", props.classB, 0, 255, "It becomes the second octet of 10.<classB>.0.0/16.")
    .oneOf("natGateways", props.natGateways, Object.values(NatGatewayMode))
    .oneOf("networkAcls", props.networkAcls, Object.values(NetworkAclMode))
    .oneOf("flowLogTrafficType", props.flowLogTrafficType, Object.values(FlowLogTrafficType))
    // core's oneOf only skips string tokens: numeric tokens are skipped here.
    .oneOf(
      "flowLogRetentionDays",
      Token.isUnresolved(props.flowLogRetentionDays) ? undefined : props.flowLogRetentionDays,
      CLOUDWATCH_LOG_RETENTION_DAYS,
    );
  checkAll(v, [
    ...networkAclIngressRules("publicNetworkAclIngress", props.publicNetworkAclIngress, settings.networkAcls),
    ...networkAclIngressRules(
      "privateNetworkAclIngress",
      props.privateNetworkAclIngress,
      settings.networkAcls,
    ),
  ]);
  v.throwIfAny();
}

/** Checks the attributes of an imported VPC (list lengths, duplicate AZs, CIDR syntax). */
export function validateVpc3AzAttributes(scope: IConstruct, attrs: Vpc3AzAttributes): void {
  const v = new Validator(scope);
  const lists: [string, string[] | undefined][] = [
    ["availabilityZones", attrs.availabilityZones],
    ["publicSubnetIds", attrs.publicSubnetIds],
    ["privateSubnetIds", attrs.privateSubnetIds],
    ["privateRouteTableIds", attrs.privateRouteTableIds],
  ];
  checkAll(v, [
    ...lists.flatMap(([name, list]) =>
      list === undefined || Token.isUnresolved(list)
        ? []
        : [
            {
              failed: list.length !== 3,
              message: `${name} must have exactly 3 entries (one per AZ, in availabilityZones order), got ${list.length}.`,
            },
          ],
    ),
    {
      failed:
        namesAreLiteral(attrs.availabilityZones) &&
        new Set(attrs.availabilityZones).size !== attrs.availabilityZones.length,
      message: `availabilityZones must be distinct, got ${JSON.stringify(attrs.availabilityZones)}.`,
    },
    {
      failed: !Token.isUnresolved(attrs.vpcCidrBlock) && parseIpv4Cidr(attrs.vpcCidrBlock) === undefined,
      message: `vpcCidrBlock must be an IPv4 CIDR block such as "10.0.0.0/16", got ${JSON.stringify(attrs.vpcCidrBlock)}.`,
    },
  ]);
  v.throwIfAny();
}

/** Records every failed rule of `rules` on `v`. */
function checkAll(v: Validator, rules: readonly ValidationRule[]): void {
  for (const r of rules) v.check(r.failed, r.message);
}

function cidrRules(props: Vpc3AzProps, settings: ResolvedVpc3AzSettings): ValidationRule[] {
  const cidrBlock = settings.cidrBlock;
  const rules: ValidationRule[] = [
    {
      failed: props.cidrBlock !== undefined && props.classB !== undefined,
      message: `give either cidrBlock or classB, not both (got cidrBlock=${JSON.stringify(props.cidrBlock)}, classB=${props.classB}). classB is a shortcut for cidrBlock "10.<classB>.0.0/16".`,
    },
  ];
  if (Token.isUnresolved(cidrBlock)) {
    rules.push({
      failed: props.subnetPrefixLength === undefined && props.classB === undefined,
      message:
        "subnetPrefixLength is required when cidrBlock is a token (its prefix length is unknown at synth time). Set e.g. subnetPrefixLength: 20 for a /16.",
    });
    return rules;
  }
  const parsed = parseIpv4Cidr(cidrBlock);
  if (!parsed) {
    return [
      ...rules,
      {
        failed: true,
        message: `cidrBlock must be an IPv4 CIDR block such as "10.0.0.0/16", got ${JSON.stringify(cidrBlock)}.`,
      },
    ];
  }
  const prefix = parsed.prefixLength;
  // a literal CIDR: its prefix is known, so is the subnet prefix (given, or the default)
  const subnetPrefix = settings.subnetPrefixLength as number;
  rules.push(
    {
      failed: !isNetworkAddress(parsed),
      message: `cidrBlock ${JSON.stringify(cidrBlock)} has host bits set. Use its network address ${JSON.stringify(networkCidr(parsed))}.`,
    },
    {
      failed: prefix < VPC_PREFIX_MIN || prefix > VPC_PREFIX_MAX,
      message: `cidrBlock prefix must be between /${VPC_PREFIX_MIN} and /${VPC_PREFIX_MAX} (AWS limits for a VPC), got /${prefix} in ${JSON.stringify(cidrBlock)}.`,
    },
  );
  if (props.subnetPrefixLength !== undefined && Token.isUnresolved(props.subnetPrefixLength)) return rules;
  rules.push({
    failed: !Number.isInteger(subnetPrefix) || subnetPrefix <= prefix || subnetPrefix > SUBNET_PREFIX_MAX,
    message: `subnetPrefixLength must be an integer longer than the VPC prefix (/${prefix}) and at most ${SUBNET_PREFIX_MAX}, got ${subnetPrefix}${props.subnetPrefixLength === undefined ? " (the default: VPC prefix + 4)" : ""}. Use a larger VPC (e.g. a /16) or a longer subnetPrefixLength.`,
  });
  return rules;
}

function zoneRules(props: Vpc3AzProps, settings: ResolvedVpc3AzSettings): ValidationRule[] {
  const cidrBlock = settings.cidrBlock;
  const names = props.availabilityZones;
  const rules: ValidationRule[] = [];
  const literal = namesAreLiteral(names);
  if (names !== undefined && !Token.isUnresolved(names)) {
    rules.push({
      failed: names.length !== 3,
      message: `availabilityZones must name exactly 3 AZs, got ${names.length} (${JSON.stringify(names)}). Give three names such as ["us-east-1a", "us-east-1b", "us-east-1c"], or omit it to use the region's first three.`,
    });
    if (literal) {
      const dupes = names.filter((n, i) => names.indexOf(n) !== i);
      const invalid = names.filter((n) => azKeyOf(n) === undefined);
      const regions = new Set(names.map(regionOf).filter((r) => r !== undefined));
      rules.push(
        {
          failed: dupes.length > 0,
          message: `availabilityZones must be distinct, got ${JSON.stringify(names)} (repeated: ${[...new Set(dupes)].join(", ")}).`,
        },
        {
          failed: invalid.length > 0,
          message: `availabilityZones must be AZ names (a region followed by one letter, e.g. "us-east-1a"), got ${JSON.stringify(invalid)}. AZ ids such as "use1-az1" are not accepted.`,
        },
        {
          failed: invalid.length === 0 && regions.size > 1,
          message: `availabilityZones must all be in one region, got ${JSON.stringify(names)} (regions: ${[...regions].join(", ")}).`,
        },
      );
    }
  }
  const slots = settings.subnetSlots;
  const zoneNames = names !== undefined && !Token.isUnresolved(names) ? names : ["", "", ""];
  const zones = planZones(zoneNames.slice(0, 3), literal, slots);
  const keys = zones.map((z) => z.key);
  const allowedKeys = literal ? keys : [...POSITION_KEYS];
  const unknown = Object.keys(slots).filter((k) => !allowedKeys.includes(k));
  const badSlots = Object.entries(slots).filter(
    ([, s]) => !Token.isUnresolved(s) && !(Number.isInteger(s) && s >= 0),
  );
  rules.push(
    {
      failed: unknown.length > 0,
      message: `subnetSlots has keys that are not AZ keys of this VPC: ${JSON.stringify(unknown)}. Allowed keys: ${JSON.stringify(allowedKeys)} (the letter ending each AZ name${literal ? "" : "; positions, since the AZ names are unknown at synth time"}).`,
    },
    {
      failed: badSlots.length > 0,
      message: `subnetSlots values must be integers >= 0, got ${JSON.stringify(Object.fromEntries(badSlots))}.`,
    },
  );
  const slotList = zones.map((z) => z.slot);
  rules.push({
    failed: new Set(slotList).size !== slotList.length,
    message: `AZs must have distinct CIDR slots, got ${zones.map((z) => `${z.key}=${z.slot}`).join(", ")}. Fix subnetSlots.`,
  });
  const parsed = Token.isUnresolved(cidrBlock) ? undefined : parseIpv4Cidr(cidrBlock);
  const subnetPrefix = settings.subnetPrefixLength;
  if (parsed && subnetPrefix !== undefined && !Token.isUnresolved(subnetPrefix) && badSlots.length === 0) {
    const capacity = subnetCapacity(parsed.prefixLength, subnetPrefix);
    const tooHigh = zones.filter((z) => 2 * z.slot + 1 >= capacity);
    if (subnetPrefix > parsed.prefixLength && tooHigh.length > 0) {
      const needs = tooHigh.map(
        (z) => `AZ "${z.key}" needs slot ${z.slot} (netnums ${2 * z.slot}-${2 * z.slot + 1})`,
      );
      rules.push({
        failed: true,
        message: `${cidrBlock} holds ${capacity} subnets of /${subnetPrefix}, i.e. AZ slots 0-${capacity / 2 - 1}, but ${needs.join(", ")}. Use a larger VPC, a longer subnetPrefixLength, or map the AZ to a free slot with subnetSlots.`,
      });
    }
  }
  return rules;
}

function endpointRules(settings: ResolvedVpc3AzSettings): ValidationRule[] {
  const services = settings.interfaceEndpoints;
  const short = services.map((s) => s.replace(/^com\.amazonaws\.[a-z0-9-]+\./, ""));
  const dupes = short.filter((s, i) => short.indexOf(s) !== i);
  const invalid = services.filter((s) => !Token.isUnresolved(s) && !/^[a-z0-9][a-z0-9.-]*$/.test(s));
  return [
    {
      failed: invalid.length > 0,
      message: `interfaceEndpoints must be service names such as "ssm" or "com.amazonaws.us-east-1.ssm", got ${JSON.stringify(invalid)}.`,
    },
    {
      failed: dupes.length > 0,
      message: `interfaceEndpoints must be distinct, got ${JSON.stringify(services)}.`,
    },
    {
      failed: settings.secretsManagerEndpoint && short.includes("secretsmanager"),
      message:
        'interfaceEndpoints must not include "secretsmanager": the Secrets Manager endpoint is created by secretsManagerEndpoint (default true).',
    },
    {
      failed: short.includes("s3"),
      message:
        'interfaceEndpoints must not include "s3": the S3 gateway endpoint (s3GatewayEndpoint, default true) serves the private subnets at no cost.',
    },
  ];
}

/** The rules of the extra NACL ingress entries the user gives for one tier (`name`). */
function networkAclIngressRules(
  name: string,
  entries: NetworkAclIngress[] | undefined,
  mode: NetworkAclMode,
): ValidationRule[] {
  if (entries === undefined) return [];
  const rules: ValidationRule[] = [
    {
      failed: entries.length > 0 && mode !== NetworkAclMode.LEAST_PRIVILEGE,
      message: `${name} only applies with networkAcls "least-privilege" (the allow-all NACLs admit everything), got networkAcls ${JSON.stringify(mode)}. Remove ${name} or use NetworkAclMode.LEAST_PRIVILEGE.`,
    },
  ];
  entries.forEach((e, i) => {
    const where = `${name}[${i}]`;
    const toPort = e.toPort ?? e.port;
    if (!Token.isUnresolved(e.cidrBlock)) {
      rules.push({
        failed: parseIpv4Cidr(e.cidrBlock) === undefined,
        message: `${where}.cidrBlock must be an IPv4 CIDR block such as "203.0.113.0/24", got ${JSON.stringify(e.cidrBlock)}.`,
      });
    }
    rules.push(
      {
        failed: ![e.port, toPort].every(
          (p) => Token.isUnresolved(p) || (Number.isInteger(p) && p >= 0 && p <= 65535),
        ),
        message: `${where} ports must be integers between 0 and 65535, got port=${e.port} toPort=${e.toPort}.`,
      },
      {
        failed: !Token.isUnresolved(e.port) && !Token.isUnresolved(toPort) && toPort < e.port,
        message: `${where}.toPort must be >= port, got port=${e.port} toPort=${e.toPort}.`,
      },
      {
        failed: e.protocol !== undefined && !["tcp", "udp"].includes(e.protocol),
        message: `${where}.protocol must be "tcp" or "udp", got ${JSON.stringify(e.protocol)}.`,
      },
    );
  });
  return rules;
}
