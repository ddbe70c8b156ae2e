import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformVariable } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Route } from "@cdktf/provider-aws/lib/route";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Connections, Peer, Port } from "@aurora-cdktf/core";
import { FlowLogTrafficType, NatGatewayMode, NetworkAclMode, Vpc3Az } from "../src";
import {
  logicalIdOf,
  refOf,
  resolve,
  resourceCounts,
  resources,
  synthJson,
  testStack,
} from "../../../test/helpers/unit";
import { vpcStack } from "./vpc-stack";

const REGION = "${data.aws_region.Vpc_Region_3F0A7D1C.name}";

describe("Vpc3Az", () => {
  describe("props", () => {
    test("classB sets the reference's 10.<classB>.0.0/16 and the subnets follow it", () => {
      // GIVEN / WHEN
      const { stack } = vpcStack({ classB: 42 });
      // THEN
      const synth = Testing.synth(stack);
      expect(synth).toHaveResourceWithProperties(Vpc, { cidr_block: "10.42.0.0/16" });
      expect(synth).toHaveResourceWithProperties(Subnet, {
        cidr_block: '${cidrsubnet("10.42.0.0/16", 4, 5)}',
      });
    });

    test("named AZs are keyed by their letter and need no AZ lookup", () => {
      // GIVEN / WHEN
      const { stack, vpc } = vpcStack({ availabilityZones: ["us-east-1b", "us-east-1d", "us-east-1f"] });
      // THEN subnets and NATs are named after b, d, f and numbered from those letters
      expect(synthJson(stack).data?.aws_availability_zones).toBeUndefined();
      expect(vpc.zones.map((z) => [z.key, z.slot, z.availabilityZone])).toEqual([
        ["b", 1, "us-east-1b"],
        ["d", 3, "us-east-1d"],
        ["f", 5, "us-east-1f"],
      ]);
      expect(Testing.synth(stack)).toHaveResourceWithProperties(Subnet, {
        availability_zone: "us-east-1d",
        cidr_block: '${cidrsubnet("10.0.0.0/16", 4, 7)}',
        tags: { Name: "10.0.0.0/16_us-east-1d_Private", Reach: "private" },
      });
      expect(
        Object.keys(resources(stack, "aws_nat_gateway")).map((id) => id.replace(/_[0-9A-F]{8}$/, "")),
      ).toEqual(["Vpc_NatGatewayB", "Vpc_NatGatewayD", "Vpc_NatGatewayF"]);
    });

    test("subnetPrefixLength and subnetSlots change the layout", () => {
      // GIVEN / WHEN /24 subnets, and AZ "c" moved to slot 10
      const { stack, vpc } = vpcStack({
        availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
        subnetPrefixLength: 24,
        subnetSlots: { c: 10 },
      });
      // THEN
      expect(
        resolve(
          vpc,
          vpc.zones.map((z) => [z.publicSubnetCidrBlock, z.privateSubnetCidrBlock]),
        ),
      ).toEqual([
        ['${cidrsubnet("10.0.0.0/16", 8, 0)}', '${cidrsubnet("10.0.0.0/16", 8, 1)}'],
        ['${cidrsubnet("10.0.0.0/16", 8, 2)}', '${cidrsubnet("10.0.0.0/16", 8, 3)}'],
        ['${cidrsubnet("10.0.0.0/16", 8, 20)}', '${cidrsubnet("10.0.0.0/16", 8, 21)}'],
      ]);
      expect(Object.keys(resources(stack, "aws_subnet"))).toHaveLength(6);
    });

    test("a token CIDR needs subnetPrefixLength and lets the engine compute newbits", () => {
      // GIVEN a CIDR from a variable
      const stack = testStack();
      const cidr = new TerraformVariable(stack, "cidr", { type: "string" }).stringValue;
      // WHEN
      const vpc = new Vpc3Az(stack, "Vpc", { cidrBlock: cidr, subnetPrefixLength: 20 });
      // THEN
      expect(resolve(vpc, vpc.zones[0].privateSubnetCidrBlock)).toBe(
        '${cidrsubnet(var.cidr, (20 - tonumber(element(split("/", var.cidr), 1))), 1)}',
      );
    });

    test("a token classB keeps the /16 layout", () => {
      // GIVEN the second octet from a variable
      const stack = testStack();
      const octet = new TerraformVariable(stack, "octet", { type: "number" }).numberValue;
      // WHEN
      const vpc = new Vpc3Az(stack, "Vpc", { classB: octet });
      // THEN
      expect(resolve(vpc, [vpc.vpcCidrBlock, vpc.zones[2].publicSubnetCidrBlock])).toEqual([
        "10.${var.octet}.0.0/16",
        '${cidrsubnet("10.${var.octet}.0.0/16", 4, 4)}',
      ]);
    });

    test("a token AZ list is keyed by position", () => {
      // GIVEN
      const stack = testStack();
      const azs = new TerraformVariable(stack, "azs", { type: "list(string)" }).listValue;
      // WHEN
      const vpc = new Vpc3Az(stack, "Vpc", { availabilityZones: azs });
      // THEN
      expect(vpc.zones.map((z) => z.key)).toEqual(["a", "b", "c"]);
      expect(resolve(vpc, vpc.availabilityZones)).toEqual([0, 1, 2].map((i) => `\${element(var.azs, ${i})}`));
      expect(synthJson(stack).data?.aws_availability_zones).toBeUndefined();
    });

    test("NatGatewayMode.SINGLE puts one NAT gateway in the first AZ for all private route tables", () => {
      // GIVEN / WHEN
      const { stack, vpc } = vpcStack({ natGateways: NatGatewayMode.SINGLE });
      // THEN
      expect(resourceCounts(stack)).toMatchObject({ aws_nat_gateway: 1, aws_eip: 1, aws_route: 4 });
      for (const k of ["A", "B", "C"]) {
        expect(Testing.synth(stack)).toHaveResourceWithProperties(Route, {
          route_table_id: refOf(vpc, `PrivateRouteTable${k}`),
          nat_gateway_id: refOf(vpc, "NatGatewayA"),
        });
      }
      expect(
        resolve(
          vpc,
          vpc.zones.map((z) => z.natGatewayId),
        ),
      ).toEqual([1, 2, 3].map(() => refOf(vpc, "NatGatewayA")));
    });

    test("NatGatewayMode.NONE creates no NAT gateway and no private default route", () => {
      // GIVEN / WHEN
      const { stack, vpc } = vpcStack({ natGateways: NatGatewayMode.NONE });
      // THEN
      const counts = resourceCounts(stack);
      expect(counts.aws_nat_gateway).toBeUndefined();
      expect(counts.aws_eip).toBeUndefined();
      expect(counts.aws_route).toBe(1);
      expect(vpc.natGatewayIds).toEqual([]);
      expect(vpc.zones.every((z) => z.natGatewayId === undefined)).toBe(true);
    });

    test("NetworkAclMode.ALLOW_ALL reproduces the reference's rule 99 on both NACLs (VPC-11)", () => {
      // GIVEN / WHEN
      const { stack } = vpcStack({ networkAcls: NetworkAclMode.ALLOW_ALL });
      // THEN
      for (const acl of Object.values(resources(stack, "aws_network_acl"))) {
        for (const dir of ["ingress", "egress"]) {
          expect(acl[dir]).toEqual([
            expect.objectContaining({
              rule_no: 99,
              protocol: "-1",
              action: "allow",
              cidr_block: "0.0.0.0/0",
            }),
          ]);
        }
      }
    });

    test("extra NACL ingress goes to its tier from rule 200 in steps of 10", () => {
      // GIVEN / WHEN
      const { stack, vpc } = vpcStack({
        publicNetworkAclIngress: [
          { cidrBlock: "203.0.113.0/24", port: 22 },
          { cidrBlock: "0.0.0.0/0", port: 443 },
        ],
        privateNetworkAclIngress: [{ cidrBlock: "192.168.0.0/16", port: 53, toPort: 53, protocol: "udp" }],
      });
      // THEN
      const acls = resources(stack, "aws_network_acl");
      const extra = (id: string) => acls[logicalIdOf(vpc, id)].ingress as Record<string, unknown>[];
      expect(
        extra("PublicNetworkAcl")
          .filter((e) => Number(e.rule_no) >= 200)
          .map((e) => [e.rule_no, e.protocol, e.cidr_block, e.from_port, e.to_port]),
      ).toEqual([
        [200, "tcp", "203.0.113.0/24", 22, 22],
        [210, "tcp", "0.0.0.0/0", 443, 443],
      ]);
      expect(
        extra("PrivateNetworkAcl")
          .filter((e) => Number(e.rule_no) >= 200)
          .map((e) => [e.rule_no, e.protocol, e.cidr_block, e.from_port, e.to_port]),
      ).toEqual([[200, "udp", "192.168.0.0/16", 53, 53]]);
    });

    test("endpointAllowedPeers admits only the named groups (and members of the endpoint group) on 443", () => {
      // GIVEN a client security group and a connectable (e.g. a bastion)
      const stack = testStack();
      const clients = new SecurityGroup(stack, "Clients", { description: "clients" });
      const bastion = { connections: new Connections({ scope: stack, securityGroupId: "sg-bastion" }) };
      // WHEN
      const vpc = new Vpc3Az(stack, "Vpc", {
        endpointAllowedPeers: [Peer.securityGroupId(clients.id, "Clients"), bastion],
      });
      // THEN no CIDR rule; one rule per peer plus the self reference
      const rules = Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"));
      const sg = resolve(vpc, vpc.endpointSecurityGroupId);
      expect(
        rules.every((r) => r.cidr_ipv4 === undefined && r.from_port === 443 && r.security_group_id === sg),
      ).toBe(true);
      expect(rules.map((r) => r.referenced_security_group_id).sort()).toEqual(
        [sg, "sg-bastion", "${aws_security_group.Clients.id}"].sort(),
      );
    });

    test("endpointConnections admits more peers after construction", () => {
      // GIVEN
      const { stack, vpc } = vpcStack();
      // WHEN
      vpc.endpointConnections?.allowFrom(Peer.ipv4("192.168.0.0/16"), Port.tcp(443), "peered network");
      // THEN
      expect(
        Object.values(resources(stack, "aws_vpc_security_group_ingress_rule")).map((r) => r.cidr_ipv4),
      ).toEqual(["10.0.0.0/16", "192.168.0.0/16"]);
    });

    test("interfaceEndpoints adds endpoints by short or full service name, sharing subnets and group", () => {
      // GIVEN / WHEN
      const { stack, vpc } = vpcStack({
        interfaceEndpoints: ["ssm", "ssmmessages", "com.amazonaws.us-east-1.ec2messages"],
      });
      // THEN
      const synth = Testing.synth(stack);
      for (const service of [
        `com.amazonaws.${REGION}.ssm`,
        `com.amazonaws.${REGION}.ssmmessages`,
        "com.amazonaws.us-east-1.ec2messages",
      ]) {
        expect(synth).toHaveResourceWithProperties(VpcEndpoint, {
          service_name: service,
          vpc_endpoint_type: "Interface",
          private_dns_enabled: true,
          security_group_ids: [resolve(vpc, vpc.endpointSecurityGroupId)],
          subnet_ids: resolve(vpc, vpc.privateSubnetIds),
        });
      }
      expect(Object.keys(vpc.interfaceEndpointIds)).toEqual([
        "secretsmanager",
        "ssm",
        "ssmmessages",
        "ec2messages",
      ]);
      expect(resolve(vpc, vpc.interfaceEndpointIds.ssmmessages)).toBe(
        refOf(vpc, "InterfaceEndpointSsmmessages"),
      );
    });

    test("turning the endpoints and flow logs off leaves no endpoint, security group, region lookup or log", () => {
      // GIVEN / WHEN
      const { stack, vpc } = vpcStack({
        s3GatewayEndpoint: false,
        secretsManagerEndpoint: false,
        flowLogs: false,
      });
      // THEN
      const counts = resourceCounts(stack);
      for (const type of [
        "aws_vpc_endpoint",
        "aws_security_group",
        "aws_flow_log",
        "aws_cloudwatch_log_group",
        "aws_iam_role",
      ]) {
        expect([type, counts[type]]).toEqual([type, undefined]);
      }
      expect(synthJson(stack).data?.aws_region).toBeUndefined();
      expect([vpc.s3GatewayEndpointId, vpc.secretsManagerEndpointId, vpc.endpointSecurityGroupId]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      expect([vpc.endpointConnections, vpc.flowLogGroupName]).toEqual([undefined, undefined]);
    });

    test("flow log options set retention, KMS key, traffic type and group name", () => {
      // GIVEN
      const stack = testStack();
      const key = new KmsKey(stack, "Key", { description: "logs" });
      // WHEN
      new Vpc3Az(stack, "Vpc", {
        flowLogRetentionDays: 0,
        flowLogKmsKey: key,
        flowLogTrafficType: FlowLogTrafficType.REJECT,
        flowLogGroupName: "/network/prod",
      });
      // THEN
      const synth = Testing.synth(stack);
      expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: "/network/prod",
        retention_in_days: 0,
        kms_key_id: "${aws_kms_key.Key.arn}",
      });
      expect(synth).toHaveResourceWithProperties(FlowLog, { traffic_type: "REJECT" });
      // the given key replaces the flow log's own key
      expect(Object.keys(resources(stack, "aws_kms_key"))).toEqual(["Key"]);
    });

    test("name, tags and mapPublicIpOnLaunch apply to every resource", () => {
      // GIVEN / WHEN
      const { stack } = vpcStack({
        name: "prod",
        tags: { Team: "data" },
        mapPublicIpOnLaunch: true,
      });
      // THEN
      const synth = Testing.synth(stack);
      expect(synth).toHaveResourceWithProperties(Vpc, { tags: { Name: "prod", Team: "data" } });
      expect(synth).toHaveResourceWithProperties(Subnet, {
        tags: {
          Name: "prod_${element(data.aws_availability_zones.Vpc_AvailabilityZones_3F7C802F.names, 0)}_Public",
          Reach: "public",
          Team: "data",
        },
      });
      const subnets = Object.values(resources(stack, "aws_subnet"));
      expect(subnets.filter((s) => s.map_public_ip_on_launch === true)).toHaveLength(3);
      const json = synthJson(stack).resource ?? {};
      for (const [type, byId] of Object.entries(json)) {
        for (const [id, r] of Object.entries(byId)) {
          if (r.tags === undefined) continue;
          expect([type, id, (r.tags as Record<string, string>).Team]).toEqual([type, id, "data"]);
        }
      }
    });
  });
});
