import "cdktf/lib/testing/adapters/jest";
import { NatGatewayMode, Vpc3AzProps } from "../src";
import { synthJson } from "../../../test/helpers/unit";
import { vpcStack } from "./vpc-stack";

/** Every resource of a synthesized Vpc3Az stack as "<type>.<logical id>" -> config. */
function addresses(props: Vpc3AzProps): Map<string, Record<string, unknown>> {
  const json = synthJson(vpcStack(props).stack).resource ?? {};
  const out = new Map<string, Record<string, unknown>>();
  for (const [type, byId] of Object.entries(json)) {
    for (const [id, config] of Object.entries(byId)) out.set(`${type}.${id}`, config);
  }
  return out;
}

/** before/after diff: addresses removed, added, and kept with a different config. */
function diff(before: Map<string, Record<string, unknown>>, after: Map<string, Record<string, unknown>>) {
  const removed = [...before.keys()].filter((a) => !after.has(a)).sort();
  const added = [...after.keys()].filter((a) => !before.has(a)).sort();
  const changed = [...before.keys()]
    .filter((a) => after.has(a) && JSON.stringify(before.get(a)) !== JSON.stringify(after.get(a)))
    .sort();
  return { removed, added, changed };
}

const perAz = (addrs: string[], key: string) =>
  addrs
    .filter((a) => new RegExp(`[a-z]${key}_[0-9A-F]{8}$`).test(a))
    .map((a) => a.replace(/_[0-9A-F]{8}$/, ""));

const AZ_RESOURCES = (K: string) =>
  [
    `aws_eip.Vpc_NatEip${K}`,
    `aws_nat_gateway.Vpc_NatGateway${K}`,
    `aws_network_acl_association.Vpc_PrivateNetworkAclAssociation${K}`,
    `aws_network_acl_association.Vpc_PublicNetworkAclAssociation${K}`,
    `aws_route.Vpc_PrivateDefaultRoute${K}`,
    `aws_route_table.Vpc_PrivateRouteTable${K}`,
    `aws_route_table_association.Vpc_PrivateRouteTableAssociation${K}`,
    `aws_route_table_association.Vpc_PublicRouteTableAssociation${K}`,
    `aws_subnet.Vpc_PrivateSubnet${K}`,
    `aws_subnet.Vpc_PublicSubnet${K}`,
    `aws_vpc_endpoint_route_table_association.Vpc_S3GatewayEndpointRouteTable${K}`,
  ].sort();

describe("Vpc3Az", () => {
  describe("AZ stability", () => {
    test("replacing one AZ leaves the other AZs' addresses, CIDRs and NAT gateways untouched", () => {
      // GIVEN a VPC in us-east-1a/b/c
      const before = addresses({ availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] });
      // WHEN us-east-1c is replaced by us-east-1d
      const after = addresses({ availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1d"] });
      // THEN only AZ C's resources go, only AZ D's come, and the interface endpoint's subnet list
      // is the one in-place change
      const d = diff(before, after);
      expect(d.removed.map((a) => a.replace(/_[0-9A-F]{8}$/, ""))).toEqual(AZ_RESOURCES("C"));
      expect(d.added.map((a) => a.replace(/_[0-9A-F]{8}$/, ""))).toEqual(AZ_RESOURCES("D"));
      expect(d.changed).toEqual(["aws_vpc_endpoint.Vpc_SecretsManagerEndpoint_3B7915E0"]);
      // AND the untouched AZs keep their exact addresses and CIDRs (the reference's a/b layout)
      for (const k of ["A", "B"]) {
        expect(perAz([...after.keys()], k)).toEqual(AZ_RESOURCES(k));
      }
      const cidrs = (m: Map<string, Record<string, unknown>>) =>
        [...m].filter(([a]) => a.startsWith("aws_subnet.")).map(([a, c]) => `${a} ${c.cidr_block}`);
      expect(cidrs(after)).toEqual([
        'aws_subnet.Vpc_PrivateSubnetA_43FE330F ${cidrsubnet("10.0.0.0/16", 4, 1)}',
        'aws_subnet.Vpc_PrivateSubnetB_6F9407CD ${cidrsubnet("10.0.0.0/16", 4, 3)}',
        expect.stringMatching(
          /^aws_subnet.Vpc_PrivateSubnetD_[0-9A-F]{8} \$\{cidrsubnet\("10.0.0.0\/16", 4, 7\)\}$/,
        ),
        'aws_subnet.Vpc_PublicSubnetA_6D2CD58D ${cidrsubnet("10.0.0.0/16", 4, 0)}',
        'aws_subnet.Vpc_PublicSubnetB_E8D955AF ${cidrsubnet("10.0.0.0/16", 4, 2)}',
        expect.stringMatching(
          /^aws_subnet.Vpc_PublicSubnetD_[0-9A-F]{8} \$\{cidrsubnet\("10.0.0.0\/16", 4, 6\)\}$/,
        ),
      ]);
    });

    test("changing the order of the AZ list changes nothing but list order", () => {
      // GIVEN / WHEN the same AZs in another order
      const before = addresses({ availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] });
      const after = addresses({ availabilityZones: ["us-east-1c", "us-east-1a", "us-east-1b"] });
      // THEN every per-AZ resource keeps its address and config
      const d = diff(before, after);
      expect(d.removed).toEqual([]);
      expect(d.added).toEqual([]);
      expect(d.changed).toEqual(["aws_vpc_endpoint.Vpc_SecretsManagerEndpoint_3B7915E0"]);
    });

    test("naming the region's first three AZs keeps the addresses and CIDRs of the looked-up ones", () => {
      // GIVEN the default lookup (positions a, b, c)
      const lookedUp = addresses({});
      // WHEN the same AZs are given by name
      const named = addresses({ availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] });
      // THEN the addresses are the same and only the AZ expressions (same values at plan time) differ
      const d = diff(lookedUp, named);
      expect(d.removed).toEqual([]);
      expect(d.added).toEqual([]);
      for (const a of d.changed) {
        const strip = (c: Record<string, unknown>) =>
          JSON.stringify(c).replace(
            /\$\{element\(data\.aws_availability_zones\.[^,]+, (\d)\)\}/g,
            (_m, i) => `us-east-1${"abc"[Number(i)]}`,
          );
        expect([a, strip(lookedUp.get(a)!)]).toEqual([a, JSON.stringify(named.get(a))]);
      }
    });

    test("switching from a NAT per AZ to a single NAT keeps the first AZ's NAT gateway", () => {
      // GIVEN / WHEN
      const before = addresses({ availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] });
      const after = addresses({
        availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
        natGateways: NatGatewayMode.SINGLE,
      });
      // THEN NAT A and its EIP stay; B's and C's go; B's and C's routes now point at A's NAT
      const d = diff(before, after);
      expect(d.added).toEqual([]);
      expect(d.removed.map((a) => a.replace(/_[0-9A-F]{8}$/, ""))).toEqual([
        "aws_eip.Vpc_NatEipB",
        "aws_eip.Vpc_NatEipC",
        "aws_nat_gateway.Vpc_NatGatewayB",
        "aws_nat_gateway.Vpc_NatGatewayC",
      ]);
      expect(d.changed.map((a) => a.replace(/_[0-9A-F]{8}$/, ""))).toEqual([
        "aws_route.Vpc_PrivateDefaultRouteB",
        "aws_route.Vpc_PrivateDefaultRouteC",
      ]);
    });
  });
});
