import {
  AwsContext,
  checkKmsKeyArn,
  checkTags,
  CLOUDWATCH_LOG_RETENTION_DAYS,
  IConnectable,
  IPeer,
  LOG_GROUP_NAME_PATTERN,
  TAG_CHARACTERS_PATTERN,
  ValidationRule,
  Validator,
} from "@aurora-cdktf/core";
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
  const region = knownRegion(scope, props.availabilityZones);
  checkAll(v, [
    ...cidrRules(props, settings),
    ...zoneRules(props, settings),
    ...endpointRules(settings),
    ...regionRules(scope, props, settings, region),
    ...flowLogRules(props, settings),
    ...nameRules(props),
    ...peerRules(settings.endpointAllowedPeers),
    ...databaseRules(props, settings),
    ...ipv6Rules(props, settings),
  ]);
  checkTags(v, "tags", settings.tags, {
    constructKeys: ["Name", "Reach"],
    refuseConstructKeys: true,
    constructKeysSource: "the construct (Name from `name`, Reach from the subnet tier)",
  });
  checkKmsKeyArn(v, "flowLogKmsKey", props.flowLogKmsKey, region?.name);
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
  // the construct's own ingress entries per NACL (least-privilege): 4 per tier, 8 dual stack, 3 database
  const tierEntries = settings.ipv6 ? 8 : 4;
  checkAll(v, [
    ...networkAclIngressRules(
      "publicNetworkAclIngress",
      props.publicNetworkAclIngress,
      settings.networkAcls,
      tierEntries,
    ),
    ...networkAclIngressRules(
      "privateNetworkAclIngress",
      props.privateNetworkAclIngress,
      settings.networkAcls,
      tierEntries,
    ),
    ...networkAclIngressRules(
      "databaseNetworkAclIngress",
      settings.databaseSubnets ? props.databaseNetworkAclIngress : undefined,
      settings.networkAcls,
      3,
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
    ["databaseSubnetIds", attrs.databaseSubnetIds],
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
    ...importedIdRules(attrs),
  ]);
  v.throwIfAny();
}

/** EC2 resource ids: a prefix and 8 or 17 hex digits. */
function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
}

/** The ids of an imported VPC in the shapes EC2 gives them, its AZ names and flow log group name. */
function importedIdRules(attrs: Vpc3AzAttributes): ValidationRule[] {
  const ids: [string, string | string[] | undefined, string][] = [
    ["vpcId", attrs.vpcId, "vpc"],
    ["publicSubnetIds", attrs.publicSubnetIds, "subnet"],
    ["privateSubnetIds", attrs.privateSubnetIds, "subnet"],
    ["databaseSubnetIds", attrs.databaseSubnetIds, "subnet"],
    ["publicRouteTableId", attrs.publicRouteTableId, "rtb"],
    ["privateRouteTableIds", attrs.privateRouteTableIds, "rtb"],
    ["s3GatewayEndpointId", attrs.s3GatewayEndpointId, "vpce"],
    ["secretsManagerEndpointId", attrs.secretsManagerEndpointId, "vpce"],
    ["endpointSecurityGroupId", attrs.endpointSecurityGroupId, "sg"],
  ];
  const rules: ValidationRule[] = ids.map(([name, value, prefix]) => {
    const list = value === undefined || Token.isUnresolved(value) ? [] : [value].flat();
    const bad = list.filter((id) => !Token.isUnresolved(id) && !idPattern(prefix).test(id));
    return {
      failed: bad.length > 0,
      message: `${name} must hold ${prefix} ids ("${prefix}-" and 8 or 17 hex digits, e.g. "${prefix}-0123456789abcdef0"), got ${JSON.stringify(bad)}. Fix: pass the ids (e.g. from the VPC's outputs), not names or ARNs.`,
    };
  });
  const names = attrs.availabilityZones;
  const invalid = namesAreLiteral(names) ? names.filter((n) => azKeyOf(n) === undefined) : [];
  const regions = namesAreLiteral(names)
    ? new Set(names.map(regionOf).filter((r) => r !== undefined))
    : new Set();
  const logGroup = attrs.flowLogGroupName;
  const group = attrs.databaseSubnetGroupName;
  const ipv6 = attrs.ipv6CidrBlock;
  return [
    ...rules,
    {
      failed:
        group !== undefined &&
        !Token.isUnresolved(group) &&
        (!DB_SUBNET_GROUP_NAME.test(group) || group.toLowerCase() === "default"),
      message: `databaseSubnetGroupName must be a DB subnet group name (1-255 lowercase letters, digits, spaces, "." "_" "-", not "default"), got ${JSON.stringify(group)}.`,
    },
    {
      failed: ipv6 !== undefined && !Token.isUnresolved(ipv6) && !/^[0-9a-f:]+\/\d{1,3}$/.test(ipv6),
      message: `ipv6CidrBlock must be an IPv6 CIDR block such as "2600:1f18:abc:de00::/56", got ${JSON.stringify(ipv6)}.`,
    },
    {
      failed: invalid.length > 0,
      message: `availabilityZones must be AZ names such as "eu-west-1a", got ${JSON.stringify(invalid)}. AZ ids such as "euw1-az1" are not accepted.`,
    },
    {
      failed: regions.size > 1,
      message: `availabilityZones must all be in one region, got ${JSON.stringify(names)}.`,
    },
    {
      failed:
        logGroup !== undefined && !Token.isUnresolved(logGroup) && !LOG_GROUP_NAME_PATTERN.test(logGroup),
      message: `flowLogGroupName must be a CloudWatch log group name (1-512 of letters, digits and . - _ / #, not starting with "aws/"), got ${JSON.stringify(logGroup)}.`,
    },
  ];
}

/** The stack's region when synth can know it: the default AWS provider's literal region, else the literal AZ names'. */
interface KnownRegion {
  readonly name: string;
  /** Where it comes from, for messages. */
  readonly source: string;
}

function knownRegion(scope: IConstruct, names: string[] | undefined): KnownRegion | undefined {
  const provider = AwsContext.literalRegion(scope);
  if (provider !== undefined) return { name: provider, source: "the stack's AWS provider" };
  const fromNames = namesAreLiteral(names) ? [...new Set(names.map(regionOf))] : [];
  return fromNames.length === 1 && fromNames[0] !== undefined
    ? { name: fromNames[0], source: "availabilityZones" }
    : undefined;
}

/** A full interface endpoint service name: AWS services, and PrivateLink (`vpce`) endpoint services. */
const FULL_SERVICE_NAME =
  /^com\.amazonaws\.(?:vpce\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.vpce-svc-[0-9a-f]+|([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.[a-z0-9]+(?:[.-][a-z0-9]+)*)$/;

/**
 * Rules that need the stack's region (skipped when it is unknown at synth time: no default AWS
 * provider with a literal region, and AZ names that are looked up or tokens).
 */
function regionRules(
  scope: IConstruct,
  props: Vpc3AzProps,
  settings: ResolvedVpc3AzSettings,
  region: KnownRegion | undefined,
): ValidationRule[] {
  const full = settings.interfaceEndpoints.filter(
    (s) => !Token.isUnresolved(s) && s.startsWith("com.amazonaws."),
  );
  const malformed = full.filter((s) => !FULL_SERVICE_NAME.test(s));
  const rules: ValidationRule[] = [
    {
      failed: malformed.length > 0,
      message: `interfaceEndpoints ${JSON.stringify(malformed)} start like full service names but are not "com.amazonaws.<region>.<service>" (or "com.amazonaws.vpce.<region>.vpce-svc-<id>"). Fix: give the short name (e.g. "ssm") or the full name with its region.`,
    },
  ];
  if (region === undefined) return rules;
  const serviceRegion = (s: string) => {
    const m = FULL_SERVICE_NAME.exec(s);
    return m?.[1] ?? m?.[2];
  };
  const elsewhere = full.filter((s) => serviceRegion(s) !== undefined && serviceRegion(s) !== region.name);
  const provider = AwsContext.literalRegion(scope);
  const names = props.availabilityZones;
  const azElsewhere =
    provider !== undefined && namesAreLiteral(names)
      ? names.filter((n) => regionOf(n) !== undefined && regionOf(n) !== provider)
      : [];
  return [
    ...rules,
    {
      failed: elsewhere.length > 0,
      message: `interfaceEndpoints ${JSON.stringify(elsewhere)} are services of another region than the stack's ${region.name} (from ${region.source}); an interface endpoint serves its own region only. Fix: use the short names (e.g. "ssm"), which take the stack's region, or services of ${region.name}.`,
    },
    {
      failed: azElsewhere.length > 0,
      message: `availabilityZones ${JSON.stringify(azElsewhere)} are not in ${provider}, the region of the stack's AWS provider. Fix: give AZs of ${provider}, or omit availabilityZones to use its first three.`,
    },
  ];
}

/** The flow log props: a name CloudWatch accepts, and no flow log settings without a flow log. */
function flowLogRules(props: Vpc3AzProps, settings: ResolvedVpc3AzSettings): ValidationRule[] {
  const name = props.flowLogGroupName;
  const unused = (
    [
      ["flowLogGroupName", props.flowLogGroupName],
      ["flowLogRetentionDays", props.flowLogRetentionDays],
      ["flowLogKmsKey", props.flowLogKmsKey],
      ["flowLogTrafficType", props.flowLogTrafficType],
    ] as const
  )
    .filter(([, value]) => value !== undefined)
    .map(([prop]) => prop);
  return [
    {
      failed: name !== undefined && !Token.isUnresolved(name) && !LOG_GROUP_NAME_PATTERN.test(name),
      message: `flowLogGroupName must be a CloudWatch log group name: 1-512 of letters, digits and . - _ / #, not starting with "aws/" (e.g. "/network/flow-logs"), got ${JSON.stringify(name)}.`,
    },
    {
      failed: !settings.flowLogs && unused.length > 0,
      message: `${unused.join(", ")} ${unused.length === 1 ? "is" : "are"} set, but flowLogs is false, so there is no flow log to apply ${unused.length === 1 ? "it" : "them"} to. Fix: remove ${unused.length === 1 ? "it" : "them"}, or set flowLogs: true.`,
    },
  ];
}

/** Longest `name`: it leaves room in the 256-character `Name` tags for what follows it (`_<AZ>_Private`, `_EndpointSecurityGroup`, ...). */
const NAME_MAX_LENGTH = 200;

/** `name` starts every `Name` tag (AWS: at most 256 characters of the tag characters). */
function nameRules(props: Vpc3AzProps): ValidationRule[] {
  const name = props.name;
  if (name === undefined || Token.isUnresolved(name)) return [];
  return [
    {
      failed: Array.from(name).length < 1 || Array.from(name).length > NAME_MAX_LENGTH,
      message: `name must be 1-${NAME_MAX_LENGTH} characters (it starts every Name tag, which AWS limits to 256 with the AZ and tier appended), got ${Array.from(name).length}. Fix: shorten it.`,
    },
    {
      failed: !TAG_CHARACTERS_PATTERN.test(name),
      message: `name ${JSON.stringify(name)} has characters AWS rejects in tag values; allowed: letters, digits, spaces and _ . : / = + - @. Fix: replace the other characters.`,
    },
  ];
}

/** The IPv4 peers of the interface endpoints: CIDR blocks without host bits. */
function peerRules(peers: readonly (IPeer | IConnectable)[] | undefined): ValidationRule[] {
  const cidrs = (peers ?? [])
    .map((p) => ("cidrIpv4" in p ? p.cidrIpv4 : undefined))
    .filter((c): c is string => c !== undefined && !Token.isUnresolved(c));
  return cidrs.flatMap((cidr) => cidrRule("endpointAllowedPeers", cidr, "192.0.2.0/24"));
}

/** A literal CIDR of a peer or NACL entry: it parses, and has no host bits (AWS would store the network address and plan a change forever). */
function cidrRule(where: string, cidr: string, example: string): ValidationRule[] {
  const parsed = parseIpv4Cidr(cidr);
  return [
    {
      failed: parsed === undefined,
      message: `${where} CIDR must be an IPv4 CIDR block such as "${example}", got ${JSON.stringify(cidr)}.`,
    },
    {
      failed: parsed !== undefined && !isNetworkAddress(parsed),
      message: `${where} CIDR ${JSON.stringify(cidr)} has host bits set (AWS would store ${JSON.stringify(parsed && networkCidr(parsed))} and plan a change at every apply). Fix: use ${JSON.stringify(parsed && networkCidr(parsed))}, or "${cidr.split("/")[0]}/32" for that single address.`,
    },
  ];
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

/** Rules of one NACL direction: 40 at most (AWS's hard limit). */
const MAX_NACL_ENTRIES = 40;

/**
 * The rules of the extra NACL ingress entries the user gives for one tier (`name`), of a NACL to
 * which the construct adds `constructEntries` ingress entries.
 */
function networkAclIngressRules(
  name: string,
  entries: NetworkAclIngress[] | undefined,
  mode: NetworkAclMode,
  constructEntries: number,
): ValidationRule[] {
  if (entries === undefined) return [];
  const maxUserEntries = MAX_NACL_ENTRIES - constructEntries;
  const rules: ValidationRule[] = [
    {
      failed: entries.length > 0 && mode !== NetworkAclMode.LEAST_PRIVILEGE,
      message: `${name} only applies with networkAcls "least-privilege" (the allow-all NACLs admit everything), got networkAcls ${JSON.stringify(mode)}. Remove ${name} or use NetworkAclMode.LEAST_PRIVILEGE.`,
    },
  ];
  rules.push({
    failed: entries.length > maxUserEntries,
    message: `${name} has ${entries.length} entries; a network ACL holds at most ${MAX_NACL_ENTRIES} ingress rules (AWS's hard limit; 20 unless the quota was raised), and the construct adds ${constructEntries}. Fix: merge CIDR blocks or port ranges to at most ${maxUserEntries} entries.`,
  });
  entries.forEach((e, i) => {
    const where = `${name}[${i}]`;
    const toPort = e.toPort ?? e.port;
    if (!Token.isUnresolved(e.cidrBlock)) {
      const parsed = parseIpv4Cidr(e.cidrBlock);
      rules.push(
        {
          failed: parsed === undefined,
          message: `${where}.cidrBlock must be an IPv4 CIDR block such as "203.0.113.0/24", got ${JSON.stringify(e.cidrBlock)}.`,
        },
        ...cidrRule(`${where}.cidrBlock`, e.cidrBlock, "203.0.113.0/24").slice(1),
      );
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

/** The props of the database tier, listed for the "set without the tier" rule. */
const DATABASE_PROPS = [
  "databaseSubnetPrefixLength",
  "databaseSubnetBlock",
  "databasePort",
  "databaseNetworkAclIngress",
  "databaseSubnetGroupName",
] as const;

/** A DB subnet group name RDS accepts (the AWS provider checks the same). */
const DB_SUBNET_GROUP_NAME = /^[0-9a-z._ -]{1,255}$/;

/**
 * The database tier: its props only with `databaseSubnets`, subnets smaller than the layout's, a
 * block inside the layout that no AZ's public or private subnet uses, room in it for every AZ's
 * slot, a TCP port and a subnet group name RDS accepts.
 */
function databaseRules(props: Vpc3AzProps, settings: ResolvedVpc3AzSettings): ValidationRule[] {
  const unused = DATABASE_PROPS.filter((p) => props[p] !== undefined);
  if (!settings.databaseSubnets) {
    return [
      {
        failed: unused.length > 0,
        message: `${unused.join(", ")} ${unused.length === 1 ? "is" : "are"} set, but databaseSubnets is not true, so there is no database tier to apply ${unused.length === 1 ? "it" : "them"} to. Fix: set databaseSubnets: true, or remove ${unused.length === 1 ? "it" : "them"}.`,
      },
    ];
  }
  const rules: ValidationRule[] = [];
  const known = (n: number | undefined): n is number => n !== undefined && !Token.isUnresolved(n);
  const port = settings.databasePort;
  rules.push({
    failed: known(port) && !(Number.isInteger(port) && port >= 1 && port <= 65535),
    message: `databasePort must be an integer between 1 and 65535 (the database's TCP port, 5432 for PostgreSQL), got ${port}.`,
  });
  const groupName = settings.databaseSubnetGroupName;
  if (!Token.isUnresolved(groupName)) {
    rules.push({
      failed: !DB_SUBNET_GROUP_NAME.test(groupName) || groupName.toLowerCase() === "default",
      message: `databaseSubnetGroupName must be 1-255 lowercase letters, digits, spaces, ".", "_" or "-" and not "default" (RDS's rule for DB subnet group names), got ${JSON.stringify(groupName)}. Fix: e.g. "prod-database".`,
    });
  }
  const subnetPrefix = settings.subnetPrefixLength;
  const dbPrefix = settings.databaseSubnetPrefixLength;
  const parsed = Token.isUnresolved(settings.cidrBlock) ? undefined : parseIpv4Cidr(settings.cidrBlock);
  if (!known(subnetPrefix) || !known(dbPrefix)) return rules;
  const prefixOk = Number.isInteger(dbPrefix) && dbPrefix > subnetPrefix && dbPrefix <= SUBNET_PREFIX_MAX;
  rules.push({
    failed: !prefixOk,
    message: `databaseSubnetPrefixLength must be an integer longer than subnetPrefixLength (/${subnetPrefix}: the tier's three subnets share one subnet-sized block) and at most ${SUBNET_PREFIX_MAX}, got ${dbPrefix}${props.databaseSubnetPrefixLength === undefined ? " (the default: subnetPrefixLength + 4)" : ""}. Fix: use e.g. ${Math.min(subnetPrefix + 4, SUBNET_PREFIX_MAX)}, or a shorter subnetPrefixLength.`,
  });
  const zones = literalZones(props, settings);
  if (prefixOk && zones !== undefined) {
    const slotsInBlock = 2 ** (dbPrefix - subnetPrefix);
    const outside = zones.filter((z) => z.slot >= slotsInBlock);
    rules.push({
      failed: outside.length > 0,
      message: `the database block holds ${slotsInBlock} subnets of /${dbPrefix} (AZ slots 0-${slotsInBlock - 1}), but ${outside.map((z) => `AZ "${z.key}" has slot ${z.slot}`).join(", ")}. Fix: a longer databaseSubnetPrefixLength, or move the AZ with subnetSlots.`,
    });
  }
  const block = settings.databaseSubnetBlock;
  if (parsed === undefined || !known(block) || subnetPrefix <= parsed.prefixLength) return rules;
  const capacity = subnetCapacity(parsed.prefixLength, subnetPrefix);
  rules.push({
    failed: !Number.isInteger(block) || block < 0 || block >= capacity,
    message: `databaseSubnetBlock must be an integer netnum of the layout, 0-${capacity - 1} (${settings.cidrBlock} holds ${capacity} blocks of /${subnetPrefix}), got ${block}.`,
  });
  const users = (zones ?? []).flatMap((z) => [
    { netnum: 2 * z.slot, what: `AZ "${z.key}"'s public subnet (netnum ${2 * z.slot})` },
    { netnum: 2 * z.slot + 1, what: `AZ "${z.key}"'s private subnet (netnum ${2 * z.slot + 1})` },
  ]);
  const overlap = users.filter((u) => u.netnum === block);
  rules.push({
    failed: overlap.length > 0,
    message: `the database tier's block ${block}${props.databaseSubnetBlock === undefined ? " (the default: the layout's last block)" : ""} overlaps ${overlap.map((u) => u.what).join(", ")}. Fix: set databaseSubnetBlock to a netnum no AZ uses (public 2*slot, private 2*slot+1), or move the AZ with subnetSlots.`,
  });
  return rules;
}

/** The zones when their keys and slots are known at synth time (literal names, or positions). */
function literalZones(props: Vpc3AzProps, settings: ResolvedVpc3AzSettings) {
  const names = props.availabilityZones;
  if (names !== undefined && Token.isUnresolved(names)) return undefined;
  const zones = planZones((names ?? ["", "", ""]).slice(0, 3), namesAreLiteral(names), settings.subnetSlots);
  return zones.some((z) => Token.isUnresolved(z.slot)) ? undefined : zones;
}

/** IPv6 /64 subnets per VPC /56. */
const IPV6_SUBNETS = 256;

/** Dual stack: `ipv6AssignAddressOnCreation` needs `ipv6`, and every AZ's /64 netnums must fit the /56. */
function ipv6Rules(props: Vpc3AzProps, settings: ResolvedVpc3AzSettings): ValidationRule[] {
  if (!settings.ipv6) {
    return [
      {
        failed: props.ipv6AssignAddressOnCreation !== undefined,
        message: `ipv6AssignAddressOnCreation is set, but ipv6 is not true, so the subnets have no IPv6 block to assign addresses from. Fix: set ipv6: true, or remove ipv6AssignAddressOnCreation.`,
      },
    ];
  }
  const tooHigh = (literalZones(props, settings) ?? []).filter((z) => 2 * z.slot + 1 >= IPV6_SUBNETS);
  return [
    {
      failed: tooHigh.length > 0,
      message: `the VPC's IPv6 /56 holds ${IPV6_SUBNETS} subnets of /64 (netnums 0-${IPV6_SUBNETS - 1}, the IPv4 layout's: public 2*slot, private 2*slot+1), but ${tooHigh.map((z) => `AZ "${z.key}" has slot ${z.slot}`).join(", ")}. Fix: move the AZ to a slot below ${IPV6_SUBNETS / 2} with subnetSlots.`,
    },
  ];
}
