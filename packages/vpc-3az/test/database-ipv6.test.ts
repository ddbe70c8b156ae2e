import "cdktf/lib/testing/adapters/jest";
import { TerraformVariable } from "cdktf";
import { NetworkAclIngress, NetworkAclMode, Vpc3Az, Vpc3AzAttributes, Vpc3AzProps } from "../src";
import { logicalIdOf, resolve, resources, synthJson, testStack, thrownBy } from "../../../test/helpers/unit";
import { propRuleTests, vpcStack } from "./vpc-stack";

type Res = Record<string, unknown>;
type Entry = Record<string, unknown>;

/** The resources of `type` whose construct id (the logical id's middle part) starts with `prefix`. */
function byId(props: Vpc3AzProps, type: string, prefix: string): Record<string, Res> {
  const { stack } = vpcStack(props);
  return Object.fromEntries(
    Object.entries(resources(stack, type)).filter(([id]) => id.startsWith(`Vpc_${prefix}`)),
  );
}

/** The inline entries of the NACL `tier` ("Public", "Private", "Database"), as compact strings. */
function naclEntries(props: Vpc3AzProps, tier: string, direction: "ingress" | "egress"): string[] {
  const [nacl] = Object.values(byId(props, "aws_network_acl", `${tier}NetworkAcl_`));
  return (nacl[direction] as Entry[]).map(
    (e) =>
      `${e.rule_no} ${e.protocol} ${e.cidr_block ?? e.ipv6_cidr_block} ${e.from_port}-${e.to_port}` +
      (e.icmp_type != null ? ` icmp ${e.icmp_type}/${e.icmp_code}` : ""),
  );
}

const PRIVATE_CIDRS = [0, 1, 2].map((slot) => `\${cidrsubnet("10.0.0.0/16", 4, ${2 * slot + 1})}`);
const ssh = (n: number): NetworkAclIngress[] =>
  Array.from({ length: n }, (_, i) => ({ cidrBlock: `203.0.113.${i}/32`, port: 22 }));

describe("Vpc3Az database tier (databaseSubnets)", () => {
  test("is off by default: no database subnet, route table, NACL or subnet group", () => {
    // GIVEN / WHEN
    const { stack, vpc } = vpcStack();
    // THEN
    const json = JSON.stringify(synthJson(stack));
    expect(json).not.toMatch(
      /Database|aws_db_subnet_group|egress_only|"(assign_generated_)?ipv6_cidr_block":[^n]/,
    );
    expect(vpc.databaseSubnetIds).toBeUndefined();
    expect(vpc.databaseSubnetGroupName).toBeUndefined();
    expect(vpc.outputs.databaseSubnetGroupName).toBeUndefined();
  });

  test("creates one subnet per AZ in the layout's last block, keyed by AZ slot, tagged isolated", () => {
    // GIVEN / WHEN
    const subnets = byId({ databaseSubnets: true }, "aws_subnet", "DatabaseSubnet");
    // THEN /24s in cidrsubnet(10.0.0.0/16, 4, 15) = 10.0.240.0/20, slots a=0, b=1, c=2
    expect(
      Object.values(subnets).map((s) => [s.cidr_block, (s.tags as Record<string, string>).Reach]),
    ).toEqual(
      [0, 1, 2].map((slot) => [`\${cidrsubnet(cidrsubnet("10.0.0.0/16", 4, 15), 4, ${slot})}`, "isolated"]),
    );
    expect(Object.keys(subnets).map((id) => id.split("_")[1])).toEqual([
      "DatabaseSubnetA",
      "DatabaseSubnetB",
      "DatabaseSubnetC",
    ]);
  });

  test("keys the database subnets by the AZ letter of named AZs", () => {
    // GIVEN / WHEN
    const subnets = byId(
      { databaseSubnets: true, availabilityZones: ["us-east-1b", "us-east-1d", "us-east-1f"] },
      "aws_subnet",
      "DatabaseSubnet",
    );
    // THEN
    expect(Object.entries(subnets).map(([id, s]) => `${id.split("_")[1]} ${s.cidr_block}`)).toEqual([
      'DatabaseSubnetB ${cidrsubnet(cidrsubnet("10.0.0.0/16", 4, 15), 4, 1)}',
      'DatabaseSubnetD ${cidrsubnet(cidrsubnet("10.0.0.0/16", 4, 15), 4, 3)}',
      'DatabaseSubnetF ${cidrsubnet(cidrsubnet("10.0.0.0/16", 4, 15), 4, 5)}',
    ]);
  });

  test.each<[string, Vpc3AzProps]>([
    ["the database tier", { databaseSubnets: true }],
    ["dual stack", { ipv6: true }],
    ["both", { databaseSubnets: true, ipv6: true }],
  ])("turning on %s adds resources and renumbers or renames nothing that exists", (_name, extra) => {
    // GIVEN the default VPC, and the same VPC with the option
    const before = synthJson(vpcStack().stack).resource ?? {};
    const after = synthJson(vpcStack(extra).stack).resource ?? {};
    // THEN every resource keeps its logical id, and every subnet, route and NACL association its values
    for (const [type, byLogicalId] of Object.entries(before)) {
      expect([type, Object.keys(after[type] ?? {})]).toEqual([
        type,
        expect.arrayContaining(Object.keys(byLogicalId)),
      ]);
    }
    for (const [id, subnet] of Object.entries(before.aws_subnet)) {
      // dual stack adds only the IPv6 block and its assignment setting (an in-place update)
      const added = Object.keys(after.aws_subnet[id]).filter((k) => !(k in subnet));
      expect(added).toEqual(extra.ipv6 ? ["assign_ipv6_address_on_creation", "ipv6_cidr_block"] : []);
      expect(after.aws_subnet[id]).toMatchObject(subnet);
    }
    for (const type of ["aws_route", "aws_route_table_association", "aws_network_acl_association"]) {
      for (const [id, value] of Object.entries(before[type])) expect(after[type][id]).toEqual(value);
    }
  });

  test("routes nothing out of the VPC: its route table has no route and is not the private one", () => {
    // GIVEN / WHEN
    const { stack, vpc } = vpcStack({ databaseSubnets: true });
    // THEN
    const rt = logicalIdOf(vpc, "DatabaseRouteTable");
    const routes = Object.values(resources(stack, "aws_route"));
    expect(routes.filter((r) => String(r.route_table_id).includes(rt))).toEqual([]);
    expect(resources(stack, "aws_route_table")[rt]).not.toHaveProperty("route");
    const associations = Object.entries(resources(stack, "aws_route_table_association")).filter(([id]) =>
      id.startsWith("Vpc_DatabaseRouteTableAssociation"),
    );
    expect(associations.map(([, a]) => a.route_table_id)).toEqual([
      `\${aws_route_table.${rt}.id}`,
      `\${aws_route_table.${rt}.id}`,
      `\${aws_route_table.${rt}.id}`,
    ]);
    expect(resolve(vpc, vpc.databaseRouteTableId)).toBe(`\${aws_route_table.${rt}.id}`);
    const s3Associations = Object.values(resources(stack, "aws_vpc_endpoint_route_table_association"));
    expect(s3Associations.map((a) => a.route_table_id)).not.toContain(`\${aws_route_table.${rt}.id}`);
  });

  test("the database NACL admits the database port from each private subnet and only replies out", () => {
    // GIVEN / WHEN / THEN
    expect(naclEntries({ databaseSubnets: true }, "Database", "ingress")).toEqual(
      PRIVATE_CIDRS.map((cidr, i) => `${100 + 10 * i} tcp ${cidr} 5432-5432`),
    );
    expect(naclEntries({ databaseSubnets: true }, "Database", "egress")).toEqual(
      PRIVATE_CIDRS.map((cidr, i) => `${100 + 10 * i} tcp ${cidr} 1024-65535`),
    );
    const associations = byId({ databaseSubnets: true }, "aws_network_acl_association", "DatabaseNetworkAcl");
    expect(Object.keys(associations).map((id) => id.split("_")[1])).toEqual([
      "DatabaseNetworkAclAssociationA",
      "DatabaseNetworkAclAssociationB",
      "DatabaseNetworkAclAssociationC",
    ]);
  });

  test("databasePort and databaseNetworkAclIngress shape the database NACL (replies to each source)", () => {
    // GIVEN
    const props: Vpc3AzProps = {
      databaseSubnets: true,
      databasePort: 3306,
      databaseNetworkAclIngress: [{ cidrBlock: "10.0.0.0/20", port: 3306 }],
    };
    // WHEN / THEN
    expect(naclEntries(props, "Database", "ingress")).toEqual([
      ...PRIVATE_CIDRS.map((cidr, i) => `${100 + 10 * i} tcp ${cidr} 3306-3306`),
      "200 tcp 10.0.0.0/20 3306-3306",
    ]);
    expect(naclEntries(props, "Database", "egress")).toEqual([
      ...PRIVATE_CIDRS.map((cidr, i) => `${100 + 10 * i} tcp ${cidr} 1024-65535`),
      "200 tcp 10.0.0.0/20 1024-65535",
    ]);
  });

  test("with allow-all NACLs the database NACL allows all too (rule 99)", () => {
    const props: Vpc3AzProps = { databaseSubnets: true, networkAcls: NetworkAclMode.ALLOW_ALL };
    expect(naclEntries(props, "Database", "ingress")).toEqual(["99 -1 0.0.0.0/0 0-0"]);
    expect(naclEntries(props, "Database", "egress")).toEqual(["99 -1 0.0.0.0/0 0-0"]);
  });

  test.each<[string, Vpc3AzProps, string]>([
    ["the construct path", {}, "test-vpc-database"],
    ["name", { name: "Prod/Orders" }, "prod-orders-database"],
    ["databaseSubnetGroupName", { databaseSubnetGroupName: "shared db_1.a" }, "shared db_1.a"],
  ])("names the DB subnet group after %s and exposes it on IVpc3Az", (_name, extra, expected) => {
    // GIVEN / WHEN
    const { stack, vpc } = vpcStack({ databaseSubnets: true, ...extra });
    // THEN
    const groupId = logicalIdOf(vpc, "DatabaseSubnetGroup");
    const group = resources(stack, "aws_db_subnet_group")[groupId];
    expect(group.name).toBe(expected);
    expect(group.subnet_ids).toEqual(resolve(vpc, vpc.databaseSubnetIds));
    expect(group.subnet_ids).toEqual(
      ["A", "B", "C"].map((k) => `\${aws_subnet.${logicalIdOf(vpc, `DatabaseSubnet${k}`)}.id}`),
    );
    expect(vpc.databaseSubnetIds).toEqual(vpc.zones.map((z) => z.databaseSubnetId));
    expect(resolve(vpc, vpc.databaseSubnetGroupName)).toBe(`\${aws_db_subnet_group.${groupId}.name}`);
    expect(vpc.outputs).toMatchObject({
      databaseSubnetIds: vpc.databaseSubnetIds,
      databaseSubnetGroupName: vpc.databaseSubnetGroupName,
    });
  });

  test.each<[string, Vpc3AzProps, string]>([
    ["databaseSubnetPrefixLength", { databaseSubnetPrefixLength: 26 }, '"10.0.0.0/16", 4, 15), 6, 2)'],
    ["databaseSubnetBlock", { databaseSubnetBlock: 8 }, '"10.0.0.0/16", 4, 8), 4, 2)'],
    ["a /20 VPC with /24 subnets", { cidrBlock: "10.1.0.0/20" }, '"10.1.0.0/20", 4, 15), 4, 2)'],
  ])("%s places the database subnets", (_name, extra, expected) => {
    const subnets = byId({ databaseSubnets: true, ...extra }, "aws_subnet", "DatabaseSubnetC");
    expect(Object.values(subnets)[0].cidr_block).toBe(`\${cidrsubnet(cidrsubnet(${expected}}`);
  });

  test("with a token CIDR the default block is the layout's last, computed by the engine", () => {
    // GIVEN
    const stack = testStack();
    const cidr = new TerraformVariable(stack, "cidr", { type: "string" }).stringValue;
    // WHEN
    new Vpc3Az(stack, "Vpc", { cidrBlock: cidr, subnetPrefixLength: 20, databaseSubnets: true });
    // THEN
    const subnet = Object.entries(resources(stack, "aws_subnet")).find(([id]) =>
      id.startsWith("Vpc_DatabaseSubnetA"),
    )?.[1];
    expect(subnet?.cidr_block).toBe(
      '${cidrsubnet(cidrsubnet(var.cidr, (20 - tonumber(element(split("/", var.cidr), 1))), (pow(2, (20 - tonumber(element(split("/", var.cidr), 1)))) - 1)), 4, 0)}',
    );
  });
});

describe("Vpc3Az dual stack (ipv6)", () => {
  test("asks for an Amazon /56 and gives each public and private subnet the /64 of its IPv4 netnum", () => {
    // GIVEN / WHEN
    const { stack, vpc } = vpcStack({ ipv6: true });
    // THEN
    const vpcId = logicalIdOf(vpc, "Resource");
    expect(resources(stack, "aws_vpc")[vpcId].assign_generated_ipv6_cidr_block).toBe(true);
    const subnets = Object.entries(resources(stack, "aws_subnet")).map(
      ([id, s]) => `${id.split("_")[1]} ${s.ipv6_cidr_block} ${s.assign_ipv6_address_on_creation}`,
    );
    const v6 = (n: number) => `\${cidrsubnet(aws_vpc.${vpcId}.ipv6_cidr_block, 8, ${n})}`;
    expect(subnets.sort()).toEqual(
      [
        `PublicSubnetA ${v6(0)} false`,
        `PrivateSubnetA ${v6(1)} false`,
        `PublicSubnetB ${v6(2)} false`,
        `PrivateSubnetB ${v6(3)} false`,
        `PublicSubnetC ${v6(4)} false`,
        `PrivateSubnetC ${v6(5)} false`,
      ].sort(),
    );
    expect(
      resolve(
        vpc,
        vpc.zones.map((z) => [z.publicSubnetIpv6CidrBlock, z.privateSubnetIpv6CidrBlock]),
      ),
    ).toEqual([
      [v6(0), v6(1)],
      [v6(2), v6(3)],
      [v6(4), v6(5)],
    ]);
    expect(resolve(vpc, vpc.ipv6CidrBlock)).toBe(`\${aws_vpc.${vpcId}.ipv6_cidr_block}`);
    expect(vpc.outputs.ipv6CidrBlock).toBe(vpc.ipv6CidrBlock);
  });

  test("ipv6AssignAddressOnCreation turns on address assignment in the public and private subnets", () => {
    const subnets = Object.values(
      resources(vpcStack({ ipv6: true, ipv6AssignAddressOnCreation: true }).stack, "aws_subnet"),
    );
    expect(subnets.map((s) => s.assign_ipv6_address_on_creation)).toEqual(Array(6).fill(true));
  });

  test("routes ::/0 of the public tier to the IGW and of each private table to one egress-only gateway", () => {
    // GIVEN / WHEN
    const { stack, vpc } = vpcStack({ ipv6: true });
    // THEN
    const eigw = logicalIdOf(vpc, "EgressOnlyInternetGateway");
    expect(Object.keys(resources(stack, "aws_egress_only_internet_gateway"))).toEqual([eigw]);
    expect(resolve(vpc, vpc.egressOnlyInternetGatewayId)).toBe(
      `\${aws_egress_only_internet_gateway.${eigw}.id}`,
    );
    const v6Routes = Object.entries(resources(stack, "aws_route"))
      .filter(([, r]) => r.destination_ipv6_cidr_block === "::/0")
      .map(
        ([id, r]) => `${id.split("_")[1]} ${r.route_table_id} ${r.gateway_id ?? r.egress_only_gateway_id}`,
      );
    const rt = (id: string) => `\${aws_route_table.${logicalIdOf(vpc, id)}.id}`;
    expect(v6Routes.sort()).toEqual(
      [
        `PublicDefaultRouteIpv6 ${rt("PublicRouteTable")} \${aws_internet_gateway.${logicalIdOf(vpc, "InternetGateway")}.id}`,
        ...["A", "B", "C"].map(
          (k) =>
            `PrivateDefaultRouteIpv6${k} ${rt(`PrivateRouteTable${k}`)} \${aws_egress_only_internet_gateway.${eigw}.id}`,
        ),
      ].sort(),
    );
  });

  test("least-privilege NACLs get the IPv6 counterparts of their rules, numbered next to the IPv4 ones", () => {
    // GIVEN / WHEN
    const { vpc } = vpcStack({ ipv6: true });
    const vpcV6 = `\${aws_vpc.${logicalIdOf(vpc, "Resource")}.ipv6_cidr_block}`;
    // THEN
    for (const tier of ["Public", "Private"]) {
      expect(naclEntries({ ipv6: true }, tier, "ingress")).toEqual([
        "100 -1 10.0.0.0/16 0-0",
        `101 -1 ${vpcV6} 0-0`,
        "110 tcp 0.0.0.0/0 1024-65535",
        "111 tcp ::/0 1024-65535",
        "120 udp 0.0.0.0/0 1024-65535",
        "121 udp ::/0 1024-65535",
        "130 icmp 0.0.0.0/0 0-0 icmp 3/4",
        "131 58 ::/0 0-0 icmp 2/0",
      ]);
      expect(naclEntries({ ipv6: true }, tier, "egress")).toEqual([
        "100 -1 0.0.0.0/0 0-0",
        "101 -1 ::/0 0-0",
      ]);
    }
  });

  test("allow-all NACLs get rule 98 for IPv6", () => {
    const props: Vpc3AzProps = { ipv6: true, networkAcls: NetworkAclMode.ALLOW_ALL };
    expect(naclEntries(props, "Public", "ingress")).toEqual(["99 -1 0.0.0.0/0 0-0", "98 -1 ::/0 0-0"]);
    expect(naclEntries(props, "Private", "egress")).toEqual(["99 -1 0.0.0.0/0 0-0", "98 -1 ::/0 0-0"]);
  });

  test("the database tier stays IPv4-only", () => {
    const subnets = byId({ ipv6: true, databaseSubnets: true }, "aws_subnet", "DatabaseSubnet");
    expect(Object.values(subnets).map((s) => s.ipv6_cidr_block)).toEqual([undefined, undefined, undefined]);
    expect(naclEntries({ ipv6: true, databaseSubnets: true }, "Database", "ingress")).toHaveLength(3);
  });
});

/** Props that fail at synth time (each breaks exactly one rule, so the message is the only one). */
const BAD: [string, Vpc3AzProps, string][] = [
  [
    "a database prop without databaseSubnets",
    { databasePort: 5432 },
    "databasePort is set, but databaseSubnets is not true, so there is no database tier to apply it to. Fix: set databaseSubnets: true, or remove it.",
  ],
  [
    "database props with databaseSubnets false",
    { databaseSubnets: false, databaseSubnetBlock: 8, databaseSubnetGroupName: "db" },
    "databaseSubnetBlock, databaseSubnetGroupName are set, but databaseSubnets is not true",
  ],
  [
    "database subnets as large as the tier subnets",
    { databaseSubnets: true, databaseSubnetPrefixLength: 20 },
    "databaseSubnetPrefixLength must be an integer longer than subnetPrefixLength (/20: the tier's three subnets share one subnet-sized block) and at most 28, got 20. Fix: use e.g. 24, or a shorter subnetPrefixLength.",
  ],
  [
    "database subnets under /28",
    { databaseSubnets: true, databaseSubnetPrefixLength: 29 },
    "databaseSubnetPrefixLength must be an integer longer than subnetPrefixLength (/20",
  ],
  [
    "a default database prefix past /28",
    { databaseSubnets: true, cidrBlock: "10.0.0.0/24", subnetPrefixLength: 27 },
    "databaseSubnetPrefixLength must be an integer longer than subnetPrefixLength (/27: the tier's three subnets share one subnet-sized block) and at most 28, got 31 (the default: subnetPrefixLength + 4). Fix: use e.g. 28, or a shorter subnetPrefixLength.",
  ],
  [
    "a database block too small for the AZ slots",
    { databaseSubnets: true, databaseSubnetPrefixLength: 21 },
    'the database block holds 2 subnets of /21 (AZ slots 0-1), but AZ "c" has slot 2. Fix: a longer databaseSubnetPrefixLength, or move the AZ with subnetSlots.',
  ],
  [
    "a database block outside the layout",
    { databaseSubnets: true, databaseSubnetBlock: 16 },
    "databaseSubnetBlock must be an integer netnum of the layout, 0-15 (10.0.0.0/16 holds 16 blocks of /20), got 16.",
  ],
  [
    "a database block overlapping a private subnet",
    { databaseSubnets: true, databaseSubnetBlock: 3 },
    `the database tier's block 3 overlaps AZ "b"'s private subnet (netnum 3). Fix: set databaseSubnetBlock to a netnum no AZ uses (public 2*slot, private 2*slot+1), or move the AZ with subnetSlots.`,
  ],
  [
    "the default database block taken by AZ h",
    { databaseSubnets: true, availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1h"] },
    `the database tier's block 15 (the default: the layout's last block) overlaps AZ "h"'s private subnet (netnum 15).`,
  ],
  [
    "a database block overlapping a moved AZ's public subnet",
    { databaseSubnets: true, subnetSlots: { a: 7 } },
    `the database tier's block 15 (the default: the layout's last block) overlaps AZ "a"'s private subnet (netnum 15)`,
  ],
  [
    "database port 0",
    { databaseSubnets: true, databasePort: 0 },
    "databasePort must be an integer between 1 and 65535 (the database's TCP port, 5432 for PostgreSQL), got 0.",
  ],
  [
    "a subnet group named default",
    { databaseSubnets: true, databaseSubnetGroupName: "Default" },
    'databaseSubnetGroupName must be 1-255 lowercase letters, digits, spaces, ".", "_" or "-" and not "default" (RDS\'s rule for DB subnet group names), got "Default". Fix: e.g. "prod-database".',
  ],
  [
    "a subnet group name with capitals",
    { databaseSubnets: true, databaseSubnetGroupName: "Prod-DB" },
    'databaseSubnetGroupName must be 1-255 lowercase letters, digits, spaces, ".", "_" or "-" and not "default"',
  ],
  [
    "database NACL extras with allow-all NACLs",
    {
      databaseSubnets: true,
      networkAcls: NetworkAclMode.ALLOW_ALL,
      databaseNetworkAclIngress: [{ cidrBlock: "10.0.0.0/20", port: 5432 }],
    },
    'databaseNetworkAclIngress only applies with networkAcls "least-privilege"',
  ],
  [
    "38 database NACL extras",
    { databaseSubnets: true, databaseNetworkAclIngress: ssh(38) },
    "databaseNetworkAclIngress has 38 entries; a network ACL holds at most 40 ingress rules (AWS's hard limit; 20 unless the quota was raised), and the construct adds 3. Fix: merge CIDR blocks or port ranges to at most 37 entries.",
  ],
  [
    "a database NACL extra with host bits",
    { databaseSubnets: true, databaseNetworkAclIngress: [{ cidrBlock: "10.0.0.1/20", port: 5432 }] },
    'databaseNetworkAclIngress[0].cidrBlock CIDR "10.0.0.1/20" has host bits set',
  ],
  [
    "ipv6AssignAddressOnCreation without ipv6",
    { ipv6AssignAddressOnCreation: true },
    "ipv6AssignAddressOnCreation is set, but ipv6 is not true, so the subnets have no IPv6 block to assign addresses from. Fix: set ipv6: true, or remove ipv6AssignAddressOnCreation.",
  ],
  [
    "an AZ slot beyond the IPv6 /56",
    { ipv6: true, subnetPrefixLength: 28, subnetSlots: { c: 128 } },
    `the VPC's IPv6 /56 holds 256 subnets of /64 (netnums 0-255, the IPv4 layout's: public 2*slot, private 2*slot+1), but AZ "c" has slot 128. Fix: move the AZ to a slot below 128 with subnetSlots.`,
  ],
  [
    "33 NACL extras in a dual-stack tier",
    { ipv6: true, publicNetworkAclIngress: ssh(33) },
    "publicNetworkAclIngress has 33 entries; a network ACL holds at most 40 ingress rules (AWS's hard limit; 20 unless the quota was raised), and the construct adds 8. Fix: merge CIDR blocks or port ranges to at most 32 entries.",
  ],
];

const GOOD: [string, Vpc3AzProps][] = [
  [
    "every database option",
    {
      databaseSubnets: true,
      databaseSubnetPrefixLength: 28,
      databaseSubnetBlock: 6,
      databasePort: 65535,
      databaseNetworkAclIngress: ssh(37),
      databaseSubnetGroupName: "a".repeat(255),
    },
  ],
  [
    "the default block with AZ g (slot 6, netnums 12-13)",
    { databaseSubnets: true, availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1g"] },
  ],
  ["32 NACL extras in a dual-stack tier", { ipv6: true, privateNetworkAclIngress: ssh(32) }],
  ["slot 127 dual stack", { ipv6: true, subnetPrefixLength: 28, subnetSlots: { c: 127 } }],
  ["ipv6AssignAddressOnCreation false with ipv6", { ipv6: true, ipv6AssignAddressOnCreation: false }],
];

describe("Vpc3Az database tier and dual-stack rules", () => {
  propRuleTests(BAD, GOOD);
});

const ATTRS: Vpc3AzAttributes = {
  vpcId: "vpc-0123456789abcdef0",
  vpcCidrBlock: "10.0.0.0/16",
  availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
  publicSubnetIds: ["subnet-0123abcd", "subnet-1123abcd", "subnet-2123abcd"],
  privateSubnetIds: ["subnet-3123abcd", "subnet-4123abcd", "subnet-5123abcd"],
};

describe("Vpc3Az.fromAttributes with a database tier and IPv6", () => {
  test("passes the database subnets, their group and the IPv6 block through", () => {
    const attrs: Vpc3AzAttributes = {
      ...ATTRS,
      databaseSubnetIds: ["subnet-6123abcd", "subnet-7123abcd", "subnet-8123abcd"],
      databaseSubnetGroupName: "prod-database",
      ipv6CidrBlock: "2600:1f18:abc:de00::/56",
    };
    expect(Vpc3Az.fromAttributes(testStack(), "Vpc", attrs)).toMatchObject(attrs);
  });

  test.each<[string, Partial<Vpc3AzAttributes>, string]>([
    [
      "two database subnets",
      { databaseSubnetIds: ["subnet-6123abcd", "subnet-7123abcd"] },
      "databaseSubnetIds must have exactly 3 entries (one per AZ, in availabilityZones order), got 2.",
    ],
    [
      "a database subnet name",
      { databaseSubnetIds: ["db-a", "subnet-7123abcd", "subnet-8123abcd"] },
      'databaseSubnetIds must hold subnet ids ("subnet-" and 8 or 17 hex digits, e.g. "subnet-0123456789abcdef0"), got ["db-a"].',
    ],
    [
      "a subnet group named default",
      { databaseSubnetGroupName: "default" },
      'databaseSubnetGroupName must be a DB subnet group name (1-255 lowercase letters, digits, spaces, "." "_" "-", not "default"), got "default".',
    ],
    [
      "an IPv4 block as IPv6",
      { ipv6CidrBlock: "10.0.0.0/16" },
      'ipv6CidrBlock must be an IPv6 CIDR block such as "2600:1f18:abc:de00::/56", got "10.0.0.0/16".',
    ],
  ])("refuses %s", (_name, extra, message) => {
    const error = thrownBy(() => Vpc3Az.fromAttributes(testStack(), "Vpc", { ...ATTRS, ...extra }));
    expect(error.message).toContain(`invalid props: ${message}`);
  });
});
