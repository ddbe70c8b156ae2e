/**
 * `publicReader` against the real OpenTofu and hashicorp/aws 5.100: `tofu validate` + `plan`
 * against moto, checking what the plan sends for the subnet group, the instances and the rules.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput, Testing } from "cdktf";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { AuroraPostgresCluster } from "../src";
import { PlanJson, synthAndPlan } from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { TAGS } from "./cluster-helpers";

const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];
const CIDRS = ["23.23.71.47/32", "35.166.223.86/32"];

function after(plan: PlanJson, type: string): Record<string, unknown>[] {
  return (plan.resource_changes ?? [])
    .filter((c) => c.type === type && c.change.actions.includes("create"))
    .map((c) => (c.change.after ?? {}) as Record<string, unknown>);
}

describe("publicReader (OpenTofu + moto)", () => {
  itWithAwsProvider(
    "validates with hashicorp/aws 5.100 and plans one public reader over the public subnets",
    () => {
      const stack = new MotoAwsStack(Testing.app(), "orders-public");
      const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.0.0.0/16" });
      new InternetGateway(stack, "Igw", { vpcId: vpc.id });
      const subnet = (kind: string, offset: number) =>
        AZS.map(
          (az, i) =>
            new Subnet(stack, `${kind}${i}`, {
              vpcId: vpc.id,
              cidrBlock: `10.0.${offset + i}.0/24`,
              availabilityZone: az,
            }),
        );
      const publicSubnets = subnet("Public", 10);
      const privateSubnets = subnet("Private", 0);
      const cluster = new AuroraPostgresCluster(stack, "Cluster", {
        vpc: {
          vpcId: vpc.id,
          vpcCidrBlock: vpc.cidrBlock,
          availabilityZones: AZS,
          publicSubnetIds: publicSubnets.map((s) => s.id),
          privateSubnetIds: privateSubnets.map((s) => s.id),
        },
        clusterIdentifier: "orders-public",
        databaseName: "orders",
        mandatoryTags: TAGS,
        readers: 1,
        readerGroups: { datafold: { promotionTier: 15 } },
        publicReader: { allowedCidrs: CIDRS, readerGroup: "datafold" },
        alarms: false,
        eventSubscriptions: false,
      });
      new TerraformOutput(stack, "public_host", { value: cluster.publicReaderEndpoint });
      new TerraformOutput(stack, "port", { value: cluster.port });

      const { plan } = synthAndPlan(stack, awsEnv());

      expect(after(plan, "aws_db_subnet_group")).toEqual([
        expect.objectContaining({ name: "orders-public-public" }),
      ]);
      const flags = Object.fromEntries(
        after(plan, "aws_rds_cluster_instance").map((i) => [i.identifier, i.publicly_accessible]),
      );
      expect(flags).toEqual({
        "orders-public-1": false,
        "orders-public-2": false,
        "orders-public-datafold-1": true,
      });
      for (const i of after(plan, "aws_rds_cluster_instance")) {
        expect(i.db_subnet_group_name).toBe("orders-public-public");
      }
      const cidrRules = after(plan, "aws_vpc_security_group_ingress_rule").filter((r) => r.cidr_ipv4 != null);
      expect(cidrRules.map((r) => [r.cidr_ipv4, r.ip_protocol, r.from_port, r.to_port])).toEqual(
        CIDRS.map((c) => [c, "tcp", 5432, 5432]),
      );
      const params = after(plan, "aws_rds_cluster_parameter_group")[0].parameter as {
        name: string;
        value: string;
      }[];
      expect(params.find((p) => p.name === "rds.force_ssl")?.value).toBe("1");
      const outputs = (
        plan as unknown as { output_changes: Record<string, { after_unknown?: boolean; after?: unknown }> }
      ).output_changes;
      expect(outputs.public_host.after_unknown).toBe(true); // the instance's endpoint, known after apply
      expect(outputs.port.after).toBe(5432);
    },
  );
});
