/**
 * The real OpenTofu validates, plans and applies Vpc3Az stacks against moto (fake credentials;
 * nothing reaches AWS). Known moto gaps, asserted precisely rather than ignored:
 * - CreateNetworkAclEntry drops the ICMP type/code (moto reads `Icmp.*`, the API sends
 *   `IcmpTypeCode.*`), so the least-privilege NACLs' ICMP entry reads back as type 0 code 0.
 * - A security-group rule that references a group reads back as "<account>/sg-..." without its
 *   description, so the applied stacks keep the default endpoint access (the VPC CIDR); the
 *   `endpointAllowedPeers` variant is planned only.
 * - A subnet's IPv6 CIDR association reads back with its state as an object (`{"State": ...}`)
 *   instead of the string "associated", so the provider waits for the association until it times
 *   out (3 minutes per subnet). Dual stack (`ipv6`) is therefore planned only; the isolated database
 *   tier (subnets, route table, NACL, DB subnet group) is applied, with allow-all NACLs, and its
 *   least-privilege NACL is planned.
 */
import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Peer } from "@aurora-cdktf/core";
import {
  applyCycle,
  PlanJson,
  plannedCreates,
  synthAndPlan,
  synthToDir,
  TofuWorkdir,
} from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { NatGatewayMode, NetworkAclMode, Vpc3Az, Vpc3AzProps } from "../src";

const REFERENCE_COUNTS: [string, number][] = [
  ["aws_vpc", 1],
  ["aws_default_security_group", 1],
  ["aws_internet_gateway", 1],
  ["aws_subnet", 6],
  ["aws_route_table", 4],
  ["aws_route", 4],
  ["aws_route_table_association", 6],
  ["aws_eip", 3],
  ["aws_nat_gateway", 3],
  ["aws_network_acl", 2],
  ["aws_network_acl_association", 6],
  ["aws_vpc_endpoint", 2],
  ["aws_vpc_endpoint_route_table_association", 3],
  ["aws_security_group", 1],
  ["aws_vpc_security_group_ingress_rule", 1],
  ["aws_flow_log", 1],
  ["aws_cloudwatch_log_group", 1],
  ["aws_iam_role", 1],
  ["aws_iam_role_policy", 1],
];

function vpcStack(id: string, props: Vpc3AzProps = {}): MotoAwsStack {
  const stack = new MotoAwsStack(Testing.app(), id);
  new Vpc3Az(stack, "Vpc", props);
  return stack;
}

/** Planned `after` values of the resources of `type`, by address. */
function planned(plan: PlanJson, type: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((c) => c.type === type)
      .map((c) => [c.address, (c.change.after ?? {}) as Record<string, unknown>]),
  );
}

/** Addresses whose planned action is not a no-op, grouped by action ("create", "delete", "update"). */
function changes(plan: PlanJson): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of plan.resource_changes ?? []) {
    const action = c.change.actions.join("+");
    if (action === "no-op" || action === "read") continue;
    (out[action] ??= []).push(c.address);
  }
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

describe("Vpc3Az against OpenTofu and moto", () => {
  itWithAwsProvider(
    "plans the default VPC: the reference's resources in the region's first three AZs",
    () => {
      // GIVEN the construct with no props
      const stack = vpcStack("vpc-default-plan");

      // WHEN validated and planned against moto
      const { plan } = synthAndPlan(stack, awsEnv());

      // THEN every reference resource is planned once per AZ (or once), with 3 NAT gateways
      for (const [type, n] of REFERENCE_COUNTS) {
        expect([type, plannedCreates(plan, type).length]).toEqual([type, n]);
      }
      // AND the subnets follow the reference's /20 layout (VPC-05) in us-east-1a/b/c
      const subnets = Object.values(planned(plan, "aws_subnet"))
        .map((s) => `${s.availability_zone} ${s.cidr_block} ${(s.tags as Record<string, string>).Reach}`)
        .sort();
      expect(subnets).toEqual([
        "us-east-1a 10.0.0.0/20 public",
        "us-east-1a 10.0.16.0/20 private",
        "us-east-1b 10.0.32.0/20 public",
        "us-east-1b 10.0.48.0/20 private",
        "us-east-1c 10.0.64.0/20 public",
        "us-east-1c 10.0.80.0/20 private",
      ]);
      const endpoints = Object.values(planned(plan, "aws_vpc_endpoint")).map((e) => e.service_name);
      expect(endpoints.sort()).toEqual([
        "com.amazonaws.us-east-1.s3",
        "com.amazonaws.us-east-1.secretsmanager",
      ]);
    },
  );

  itWithAwsProvider(
    "plans the maximal VPC: single NAT, extra NACL ingress, more endpoints, KMS-encrypted flow logs",
    () => {
      // GIVEN every option set
      const stack = new MotoAwsStack(Testing.app(), "vpc-maximal-plan");
      const key = new KmsKey(stack, "FlowLogKey", { description: "flow logs", deletionWindowInDays: 7 });
      const clients = new SecurityGroup(stack, "Clients", { description: "endpoint clients" });
      new Vpc3Az(stack, "Vpc", {
        classB: 42,
        availabilityZones: ["us-east-1b", "us-east-1d", "us-east-1f"],
        natGateways: NatGatewayMode.SINGLE,
        publicNetworkAclIngress: [{ cidrBlock: "203.0.113.0/24", port: 22 }],
        privateNetworkAclIngress: [{ cidrBlock: "192.168.0.0/16", port: 53, protocol: "udp" }],
        interfaceEndpoints: ["ssm", "ssmmessages", "ec2messages", "logs"],
        endpointAllowedPeers: [Peer.securityGroupId(clients.id, "Clients")],
        flowLogKmsKey: key,
        flowLogRetentionDays: 30,
        name: "max",
      });

      // WHEN validated and planned
      const { plan } = synthAndPlan(stack, awsEnv());

      // THEN one NAT gateway serves the three private route tables
      expect(plannedCreates(plan, "aws_nat_gateway")).toHaveLength(1);
      expect(plannedCreates(plan, "aws_route")).toHaveLength(4);
      expect(plannedCreates(plan, "aws_vpc_endpoint")).toHaveLength(6);
      // AND the CIDRs come from the AZ letters b, d, f (slots 1, 3, 5) of 10.42.0.0/16
      const cidrs = Object.values(planned(plan, "aws_subnet"))
        .map((s) => `${s.availability_zone} ${s.cidr_block}`)
        .sort();
      expect(cidrs).toEqual([
        "us-east-1b 10.42.32.0/20",
        "us-east-1b 10.42.48.0/20",
        "us-east-1d 10.42.112.0/20",
        "us-east-1d 10.42.96.0/20",
        "us-east-1f 10.42.160.0/20",
        "us-east-1f 10.42.176.0/20",
      ]);
    },
  );

  itWithAwsProvider(
    "plans the database tier and dual stack: isolated /24s in the last /20, the subnet group, IPv6 routes and NACLs",
    () => {
      // GIVEN both options with least-privilege NACLs in us-east-1b/d/f
      const stack = vpcStack("vpc-database-ipv6-plan", {
        availabilityZones: ["us-east-1b", "us-east-1d", "us-east-1f"],
        databaseSubnets: true,
        databaseNetworkAclIngress: [{ cidrBlock: "10.0.32.0/20", port: 5432 }],
        ipv6: true,
      });

      // WHEN validated and planned
      const { plan } = synthAndPlan(stack, awsEnv());

      // THEN the database subnets are slots 1, 3, 5 of 10.0.240.0/20, without IPv6
      const subnets = Object.values(planned(plan, "aws_subnet"))
        .filter((s) => (s.tags as Record<string, string>).Reach === "isolated")
        .map((s) => `${s.availability_zone} ${s.cidr_block} ${s.assign_ipv6_address_on_creation}`)
        .sort();
      expect(subnets).toEqual([
        "us-east-1b 10.0.241.0/24 false",
        "us-east-1d 10.0.243.0/24 false",
        "us-east-1f 10.0.245.0/24 false",
      ]);
      expect(Object.values(planned(plan, "aws_db_subnet_group")).map((g) => g.name)).toEqual([
        "vpc-database-ipv6-plan-vpc-database",
      ]);
      expect(Object.values(planned(plan, "aws_vpc"))[0]).toMatchObject({
        assign_generated_ipv6_cidr_block: true,
      });
      expect(plannedCreates(plan, "aws_egress_only_internet_gateway")).toHaveLength(1);
      const routes = Object.values(planned(plan, "aws_route")).map(
        (r) => r.destination_ipv6_cidr_block ?? r.destination_cidr_block,
      );
      expect(routes.sort()).toEqual([
        "0.0.0.0/0",
        "0.0.0.0/0",
        "0.0.0.0/0",
        "0.0.0.0/0",
        "::/0",
        "::/0",
        "::/0",
        "::/0",
      ]);
      // AND the database NACL admits 5432 from the private /20s of slots 1, 3, 5 and the extra source
      const nacl = Object.entries(planned(plan, "aws_network_acl")).find(([a]) =>
        a.includes("DatabaseNetworkAcl"),
      )![1];
      const entries = (x: unknown) =>
        (x as Record<string, unknown>[])
          .map((e) => `${e.rule_no} ${e.cidr_block} ${e.from_port}-${e.to_port}`)
          .sort();
      expect(entries(nacl.ingress)).toEqual([
        "100 10.0.48.0/20 5432-5432",
        "110 10.0.112.0/20 5432-5432",
        "120 10.0.176.0/20 5432-5432",
        "200 10.0.32.0/20 5432-5432",
      ]);
      expect(entries(nacl.egress)).toEqual([
        "100 10.0.48.0/20 1024-65535",
        "110 10.0.112.0/20 1024-65535",
        "120 10.0.176.0/20 1024-65535",
        "200 10.0.32.0/20 1024-65535",
      ]);
      const publicNacl = Object.entries(planned(plan, "aws_network_acl")).find(([a]) =>
        a.includes("PublicNetworkAcl"),
      )![1];
      expect(
        (publicNacl.ingress as Record<string, unknown>[]).filter((e) => e.ipv6_cidr_block === "::/0"),
      ).toHaveLength(3);
    },
  );

  itWithAwsProvider(
    "applies named AZs idempotently, keeps the untouched AZs when one AZ is replaced, and destroys cleanly",
    async () => {
      // GIVEN a VPC in us-east-1a/b/c with extra endpoints and the database tier (allow-all NACLs
      // and no IPv6: see the moto notes above)
      const props: Vpc3AzProps = {
        availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
        networkAcls: NetworkAclMode.ALLOW_ALL,
        interfaceEndpoints: ["ssm"],
        databaseSubnets: true,
      };
      const stack = vpcStack("vpc-apply", props);

      await applyCycle(stack, awsEnv(), (work) => {
        const applied = work.stateList();
        expect(applied.filter((a) => a.startsWith("aws_nat_gateway."))).toHaveLength(3);
        // the database tier and its subnet group exist in moto, with no route of their own
        const count = (type: string) => applied.filter((a) => a.startsWith(`${type}.`)).length;
        expect([
          count("aws_subnet"),
          count("aws_db_subnet_group"),
          count("aws_route_table"),
          count("aws_route"),
          count("aws_network_acl"),
        ]).toEqual([9, 1, 5, 4, 3]);

        // WHEN us-east-1c is replaced by us-east-1d and the new configuration is planned on that state
        const next = vpcStack("vpc-apply", {
          ...props,
          availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1d"],
        });
        const original = fs.readFileSync(path.join(work.dir, "cdk.tf.json"), "utf8");
        fs.copyFileSync(path.join(synthToDir(next), "cdk.tf.json"), path.join(work.dir, "cdk.tf.json"));
        let plan: PlanJson;
        try {
          plan = work.plan();
        } finally {
          fs.writeFileSync(path.join(work.dir, "cdk.tf.json"), original);
        }

        // THEN only AZ C's resources are destroyed, only AZ D's are created, and the interface
        // endpoints move their ENIs in place; nothing of AZ A or B (subnets, NATs, routes) changes
        const c = changes(plan);
        const strip = (a: string) => a.replace(/_[0-9A-F]{8}$/, "");
        const azC = applied
          .filter((a) =>
            /(Subnet|RouteTable|RouteTableAssociation|NatEip|NatGateway|DefaultRoute|NetworkAclAssociation|S3GatewayEndpointRouteTable)C_/.test(
              a,
            ),
          )
          .sort();
        // 11 resources of the public and private tiers, the database subnet and its two associations
        expect(azC).toHaveLength(14);
        expect(c.delete).toEqual(azC);
        expect(c.create.map(strip)).toEqual(azC.map((a) => strip(a).replace(/C$/, "D")));
        expect(c.update).toEqual([
          "aws_db_subnet_group.Vpc_DatabaseSubnetGroup_8D556293",
          "aws_vpc_endpoint.Vpc_InterfaceEndpointSsm_435957A9",
          "aws_vpc_endpoint.Vpc_SecretsManagerEndpoint_3B7915E0",
        ]);
        expect(Object.keys(c).sort()).toEqual(["create", "delete", "update"]);
      });
    },
  );

  itWithAwsProvider("applies the default VPC (least-privilege NACLs, flow logs) and destroys it", () => {
    // GIVEN the construct with no props
    const work = new TofuWorkdir(synthToDir(vpcStack("vpc-default-apply")), awsEnv());
    work.init();
    work.validate();
    let failure: unknown;
    try {
      // WHEN applied
      work.apply();
      const state = work.stateList();
      expect(state.filter((a) => a.startsWith("aws_flow_log."))).toHaveLength(1);
      expect(state.filter((a) => a.startsWith("aws_nat_gateway."))).toHaveLength(3);

      // THEN a second plan changes nothing but the NACLs' ICMP entry that moto drops (rule 130)
      const second = work.plan();
      const drift = changes(second);
      expect(drift).toEqual({
        update: [
          "aws_network_acl.Vpc_PrivateNetworkAcl_475E0D08",
          "aws_network_acl.Vpc_PublicNetworkAcl_0455A945",
        ],
      });
      for (const change of second.resource_changes ?? []) {
        if (change.type !== "aws_network_acl") continue;
        const { before, after } = change.change as unknown as Record<
          string,
          { ingress: Record<string, unknown>[] }
        >;
        const withoutIcmp = (x: { ingress: Record<string, unknown>[] }) =>
          x.ingress
            .filter((e) => e.rule_no !== 130)
            .map((e) => [e.rule_no, e.cidr_block, e.from_port, e.to_port])
            .sort((a, b) => Number(a[0]) - Number(b[0]));
        expect(withoutIcmp(before)).toEqual(withoutIcmp(after));
        expect(before.ingress.find((e) => e.rule_no === 130)).toMatchObject({ icmp_type: 0, icmp_code: 0 });
        expect(after.ingress.find((e) => e.rule_no === 130)).toMatchObject({ icmp_type: 3, icmp_code: 4 });
      }
    } catch (err) {
      failure = err;
    }
    work.destroy();
    if (failure) throw failure;
    expect(work.stateList()).toEqual([]);
  });
});
