import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsAvailabilityZones } from "@cdktf/provider-aws/lib/data-aws-availability-zones";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclAssociation } from "@cdktf/provider-aws/lib/network-acl-association";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcEndpointRouteTableAssociation } from "@cdktf/provider-aws/lib/vpc-endpoint-route-table-association";
import {
  fqnOf,
  logicalIdOf,
  refOf,
  resolve,
  resourceCounts,
  resources,
  synthJson,
} from "../../../test/helpers/unit";
import { vpcStack } from "./vpc-stack";

const AZ = (i: number) =>
  `\${element(data.aws_availability_zones.Vpc_AvailabilityZones_3F7C802F.names, ${i})}`;
const REGION = "${data.aws_region.Vpc_Region_3F0A7D1C.name}";

describe("Vpc3Az", () => {
  describe("defaults", () => {
    const { stack, vpc } = vpcStack();
    const synth = Testing.synth(stack);

    test("creates exactly the reference's resources plus the default-SG lockdown and flow logs", () => {
      // GIVEN a Vpc3Az with no props (synthesized above)
      // WHEN its resources are counted
      // THEN each type appears as often as the reference has it (per AZ or once)
      expect(resourceCounts(stack)).toEqual({
        aws_vpc: 1,
        aws_default_security_group: 1,
        aws_internet_gateway: 1,
        aws_subnet: 6,
        aws_route_table: 4,
        aws_route: 4,
        aws_route_table_association: 6,
        aws_eip: 3,
        aws_nat_gateway: 3,
        aws_network_acl: 2,
        aws_network_acl_association: 6,
        aws_vpc_endpoint: 2,
        aws_vpc_endpoint_route_table_association: 3,
        aws_security_group: 1,
        aws_vpc_security_group_ingress_rule: 1,
        aws_cloudwatch_log_group: 1,
        aws_kms_key: 1,
        aws_iam_role: 1,
        aws_iam_role_policy: 1,
        aws_flow_log: 1,
      });
    });

    test("VPC-01/02: creates a 10.0.0.0/16 VPC with DNS support and hostnames, named <stack>-VPC", () => {
      expect(synth).toHaveResourceWithProperties(Vpc, {
        cidr_block: "10.0.0.0/16",
        enable_dns_support: true,
        enable_dns_hostnames: true,
        instance_tenancy: "default",
        tags: { Name: "test-VPC" },
      });
    });

    test("VPC-03: attaches an internet gateway tagged with the VPC CIDR", () => {
      expect(synth).toHaveResourceWithProperties(InternetGateway, {
        vpc_id: refOf(vpc, "Resource"),
        tags: { Name: "10.0.0.0/16" },
      });
    });

    test("VPC-04: uses the region's first three available AZs, checked at plan time", () => {
      expect(synth).toHaveDataSourceWithProperties(DataAwsAvailabilityZones, {
        state: "available",
        filter: [{ name: "zone-type", values: ["availability-zone"] }],
        lifecycle: { postcondition: [expect.objectContaining({ condition: "${length(self.names) >= 3}" })] },
      });
      expect(vpc.availabilityZones).toHaveLength(3);
      expect(vpc.zones.map((z) => z.key)).toEqual(["a", "b", "c"]);
    });

    test.each([
      ["PublicSubnetA", 0, 0, "Public"],
      ["PrivateSubnetA", 0, 1, "Private"],
      ["PublicSubnetB", 1, 2, "Public"],
      ["PrivateSubnetB", 1, 3, "Private"],
      ["PublicSubnetC", 2, 4, "Public"],
      ["PrivateSubnetC", 2, 5, "Private"],
    ])(
      "VPC-05/06: %s is in AZ %i, /20 netnum %i of the VPC, with the reference's %s tags",
      (id, az, netnum, tier) => {
        const subnet = resources(stack, "aws_subnet")[logicalIdOf(vpc, id)];
        expect(subnet).toMatchObject({
          vpc_id: refOf(vpc, "Resource"),
          availability_zone: AZ(az),
          cidr_block: `\${cidrsubnet("10.0.0.0/16", 4, ${netnum})}`,
          tags: { Name: `10.0.0.0/16_${AZ(az)}_${tier}`, Reach: tier.toLowerCase() },
        });
        // no public IP mapping by default: an instance that needs one asks for it (CKV_AWS_130)
        expect(subnet.map_public_ip_on_launch).toBe(tier === "Public" ? false : undefined);
      },
    );

    test("VPC-07: routes the public subnets to the internet gateway through one route table", () => {
      expect(synth).toHaveResourceWithProperties(Route, {
        route_table_id: refOf(vpc, "PublicRouteTable"),
        destination_cidr_block: "0.0.0.0/0",
        gateway_id: refOf(vpc, "InternetGateway"),
      });
      for (const k of ["A", "B", "C"]) {
        expect(synth).toHaveResourceWithProperties(RouteTableAssociation, {
          subnet_id: refOf(vpc, `PublicSubnet${k}`),
          route_table_id: refOf(vpc, "PublicRouteTable"),
        });
      }
    });

    test.each(["A", "B", "C"])(
      "VPC-08/09: AZ %s has its own private route table, NAT gateway and Elastic IP",
      (k) => {
        expect(synth).toHaveResourceWithProperties(RouteTableAssociation, {
          subnet_id: refOf(vpc, `PrivateSubnet${k}`),
          route_table_id: refOf(vpc, `PrivateRouteTable${k}`),
        });
        expect(synth).toHaveResourceWithProperties(Eip, {
          domain: "vpc",
          depends_on: [fqnOf(vpc, "InternetGateway")],
        });
        expect(synth).toHaveResourceWithProperties(NatGateway, {
          allocation_id: refOf(vpc, `NatEip${k}`, "allocation_id"),
          subnet_id: refOf(vpc, `PublicSubnet${k}`),
        });
        expect(synth).toHaveResourceWithProperties(Route, {
          route_table_id: refOf(vpc, `PrivateRouteTable${k}`),
          destination_cidr_block: "0.0.0.0/0",
          nat_gateway_id: refOf(vpc, `NatGateway${k}`),
        });
      },
    );

    test("VPC-10: associates a public and a private network ACL with their tier's subnets", () => {
      for (const tier of ["Public", "Private"]) {
        expect(synth).toHaveResourceWithProperties(NetworkAcl, {
          vpc_id: refOf(vpc, "Resource"),
          tags: { Name: `10.0.0.0/16_NACL_${tier}` },
        });
        for (const k of ["A", "B", "C"]) {
          expect(synth).toHaveResourceWithProperties(NetworkAclAssociation, {
            network_acl_id: refOf(vpc, `${tier}NetworkAcl`),
            subnet_id: refOf(vpc, `${tier}Subnet${k}`),
          });
        }
      }
    });

    test("VPC-11 (replaced): the NACLs are least-privilege, not allow-all", () => {
      const acls = Object.values(resources(stack, "aws_network_acl"));
      for (const acl of acls) {
        const ingress = acl.ingress as Record<string, unknown>[];
        expect(ingress.map((e) => [e.rule_no, e.protocol, e.cidr_block, e.from_port, e.to_port])).toEqual([
          [100, "-1", "10.0.0.0/16", 0, 0],
          [110, "tcp", "0.0.0.0/0", 1024, 65535],
          [120, "udp", "0.0.0.0/0", 1024, 65535],
          [130, "icmp", "0.0.0.0/0", 0, 0],
        ]);
        expect(ingress[3]).toMatchObject({ icmp_type: 3, icmp_code: 4 });
        expect(acl.egress).toEqual([
          expect.objectContaining({ rule_no: 100, protocol: "-1", cidr_block: "0.0.0.0/0" }),
        ]);
      }
    });

    test("VPC-12: associates an S3 gateway endpoint with every private route table, with the default policy", () => {
      expect(synth).toHaveResourceWithProperties(VpcEndpoint, {
        vpc_id: refOf(vpc, "Resource"),
        service_name: `com.amazonaws.${REGION}.s3`,
        vpc_endpoint_type: "Gateway",
      });
      expect(
        resources(stack, "aws_vpc_endpoint")[logicalIdOf(vpc, "S3GatewayEndpoint")].policy,
      ).toBeUndefined();
      for (const k of ["A", "B", "C"]) {
        expect(synth).toHaveResourceWithProperties(VpcEndpointRouteTableAssociation, {
          vpc_endpoint_id: refOf(vpc, "S3GatewayEndpoint"),
          route_table_id: refOf(vpc, `PrivateRouteTable${k}`),
        });
      }
    });

    test("VPC-13/14/20: puts a Secrets Manager endpoint with private DNS in the private subnets, admitting 443 from the VPC", () => {
      const sg = refOf(vpc.node.findChild("EndpointSecurityGroup"), "Resource");
      expect(synth).toHaveResourceWithProperties(VpcEndpoint, {
        service_name: `com.amazonaws.${REGION}.secretsmanager`,
        vpc_endpoint_type: "Interface",
        private_dns_enabled: true,
        subnet_ids: ["A", "B", "C"].map((k) => refOf(vpc, `PrivateSubnet${k}`)),
        security_group_ids: [sg],
      });
      const rules = Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"));
      expect(rules).toEqual([
        expect.objectContaining({
          security_group_id: sg,
          cidr_ipv4: "10.0.0.0/16",
          ip_protocol: "tcp",
          from_port: 443,
          to_port: 443,
        }),
      ]);
      expect(resolve(vpc, vpc.endpointSecurityGroupId)).toBe(sg);
    });

    test("locks the default security group down: no ingress, no egress", () => {
      expect(synth).toHaveResourceWithProperties(DefaultSecurityGroup, { vpc_id: refOf(vpc, "Resource") });
      const [dsg] = Object.values(resources(stack, "aws_default_security_group"));
      expect(dsg.ingress).toBeUndefined();
      expect(dsg.egress).toBeUndefined();
    });

    test("encrypts the flow log group with its own rotating key, usable by CloudWatch Logs for that group only", () => {
      const flowLog = vpc.node.findChild("FlowLog");
      const key = resources(stack, "aws_kms_key")[logicalIdOf(flowLog, "Key")];
      expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
      const doc = synthJson(stack).data?.aws_iam_policy_document?.[logicalIdOf(flowLog, "KeyPolicy")] as {
        statement: {
          sid: string;
          actions: string[];
          principals: { identifiers: string[] }[];
          condition?: unknown;
        }[];
      };
      expect(doc.statement.map((x) => x.sid)).toEqual([
        "EnableRootAccountPermissions",
        "AllowCloudWatchLogsForTheFlowLogGroup",
      ]);
      const logs = doc.statement[1];
      expect(logs.principals[0].identifiers[0]).toMatch(/^logs\.\$\{data\.aws_region\.[^}]+\.name\}\./);
      expect(logs.condition).toEqual([
        {
          test: "ArnEquals",
          variable: "kms:EncryptionContext:aws:logs:arn",
          values: [expect.stringMatching(/:log-group:\/aws\/vpc\/flow-logs\/\$\{aws_vpc\.[^}]+\.id\}$/)],
        },
      ]);
      expect(logs.actions).not.toContain("kms:*");
    });

    test("VPC-21 (replaced): sends all flow logs to a log group kept 365 days, through a scoped role", () => {
      const flowLog = vpc.node.findChild("FlowLog");
      expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: `/aws/vpc/flow-logs/${refOf(vpc, "Resource")}`,
        retention_in_days: 365,
        kms_key_id: refOf(flowLog, "Key", "arn"),
      });
      expect(synth).toHaveResourceWithProperties(FlowLog, {
        vpc_id: refOf(vpc, "Resource"),
        traffic_type: "ALL",
        log_destination_type: "cloud-watch-logs",
        log_destination: refOf(flowLog, "LogGroup", "arn"),
        iam_role_arn: refOf(flowLog, "Role", "arn"),
      });
      expect(synth).toHaveResourceWithProperties(IamRole, { name_prefix: "vpc-flow-logs-" });
      expect(synth).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
        statement: [
          expect.objectContaining({
            actions: ["sts:AssumeRole"],
            principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
            condition: expect.arrayContaining([expect.objectContaining({ variable: "aws:SourceAccount" })]),
          }),
        ],
      });
      const write = synthJson(stack).data?.aws_iam_policy_document;
      const writeStatements = Object.entries(write ?? {}).find(([id]) => id.includes("WritePolicy"))?.[1]
        .statement as Record<string, unknown>[];
      expect(writeStatements[0]).toMatchObject({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        resources: [refOf(flowLog, "LogGroup", "arn"), `${refOf(flowLog, "LogGroup", "arn")}:*`],
      });
    });

    test("VPC-15..19 (replaced): exposes the reference's outputs as typed attributes", () => {
      const each = (id: string, attr = "id") => ["A", "B", "C"].map((k) => refOf(vpc, `${id}${k}`, attr));
      expect(
        resolve(vpc, {
          vpcId: vpc.vpcId,
          vpcCidrBlock: vpc.vpcCidrBlock,
          availabilityZones: vpc.availabilityZones,
          publicSubnetIds: vpc.publicSubnetIds,
          privateSubnetIds: vpc.privateSubnetIds,
          publicRouteTableId: vpc.publicRouteTableId,
          privateRouteTableIds: vpc.privateRouteTableIds,
          natGatewayIds: vpc.natGatewayIds,
          natGatewayPublicIps: vpc.natGatewayPublicIps,
          internetGatewayId: vpc.internetGatewayId,
          publicNetworkAclId: vpc.publicNetworkAclId,
          privateNetworkAclId: vpc.privateNetworkAclId,
          defaultSecurityGroupId: vpc.defaultSecurityGroupId,
          s3GatewayEndpointId: vpc.s3GatewayEndpointId,
          secretsManagerEndpointId: vpc.secretsManagerEndpointId,
          interfaceEndpointIds: vpc.interfaceEndpointIds,
          flowLogGroupName: vpc.flowLogGroupName,
          flowLogId: vpc.flowLogId,
        }),
      ).toEqual({
        vpcId: refOf(vpc, "Resource"),
        vpcCidrBlock: "10.0.0.0/16",
        availabilityZones: [AZ(0), AZ(1), AZ(2)],
        publicSubnetIds: each("PublicSubnet"),
        privateSubnetIds: each("PrivateSubnet"),
        publicRouteTableId: refOf(vpc, "PublicRouteTable"),
        privateRouteTableIds: each("PrivateRouteTable"),
        natGatewayIds: each("NatGateway"),
        natGatewayPublicIps: each("NatEip", "public_ip"),
        internetGatewayId: refOf(vpc, "InternetGateway"),
        publicNetworkAclId: refOf(vpc, "PublicNetworkAcl"),
        privateNetworkAclId: refOf(vpc, "PrivateNetworkAcl"),
        defaultSecurityGroupId: refOf(vpc, "DefaultSecurityGroup"),
        s3GatewayEndpointId: refOf(vpc, "S3GatewayEndpoint"),
        secretsManagerEndpointId: refOf(vpc, "SecretsManagerEndpoint"),
        interfaceEndpointIds: { secretsmanager: refOf(vpc, "SecretsManagerEndpoint") },
        flowLogGroupName: refOf(vpc.node.findChild("FlowLog"), "LogGroup", "name"),
        flowLogId: refOf(vpc.node.findChild("FlowLog"), "Resource"),
      });
      expect(resolve(vpc, vpc.zones[1])).toEqual({
        key: "b",
        availabilityZone: AZ(1),
        slot: 1,
        publicSubnetId: refOf(vpc, "PublicSubnetB"),
        publicSubnetCidrBlock: '${cidrsubnet("10.0.0.0/16", 4, 2)}',
        privateSubnetId: refOf(vpc, "PrivateSubnetB"),
        privateSubnetCidrBlock: '${cidrsubnet("10.0.0.0/16", 4, 3)}',
        privateRouteTableId: refOf(vpc, "PrivateRouteTableB"),
        natGatewayId: refOf(vpc, "NatGatewayB"),
      });
    });

    test("emits no Terraform outputs", () => {
      expect(synthJson(stack).output).toBeUndefined();
    });
  });
});
