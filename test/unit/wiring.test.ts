/**
 * Cross-package wiring with the real constructs (not fakes): the bastion is admitted on the
 * cluster's port, lineage logging sets log_statement=mod on the cluster's own instance parameter
 * group (no second group), and reuses the cluster's postgresql log group.
 */
import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc3Az } from "@aurora-cdktf/vpc-3az";
import { BastionAsg } from "@aurora-cdktf/bastion-asg";
import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { LineageLogging } from "@aurora-cdktf/lineage-logging";

interface Synthesized {
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

function platform() {
  const stack = new TerraformStack(Testing.app(), "platform");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const vpc = new Vpc3Az(stack, "Network");
  const bastion = new BastionAsg(stack, "Bastion", { vpc, sshAllowedCidrs: ["203.0.113.0/24"] });
  const cluster = new AuroraPostgresCluster(stack, "Db", {
    vpc,
    clusterIdentifier: "orders-dev",
    databaseName: "orders",
    stage: "dev",
    mandatoryTags: {
      application: "Orders Service",
      projectCostCenter: "CC1234",
      serviceOwnersEmailContact: "orders-team@example.com",
      confidentiality: "confidential",
      compliance: "none",
    },
  });
  cluster.connections.allowDefaultPortFrom(bastion);
  new LineageLogging(stack, "Lineage", { cluster });
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

describe("four packages in one stack", () => {
  it("admits the bastion's security group on the cluster's port", () => {
    // GIVEN / WHEN
    const out = platform();
    // THEN one ingress rule on the cluster SG references the bastion SG on 5432
    const rules = Object.values(out.resource.aws_vpc_security_group_ingress_rule ?? {});
    const toCluster = rules.filter(
      (r) =>
        typeof r.referenced_security_group_id === "string" &&
        (r.referenced_security_group_id as string).includes("aws_security_group.Bastion") &&
        r.from_port === 5432 &&
        r.to_port === 5432,
    );
    expect(toCluster).toHaveLength(1);
    expect(toCluster[0].security_group_id).toMatch(/aws_security_group\.Db/);
  });

  it("sets log_statement = mod on the cluster's own instance parameter group, and creates no other", () => {
    const out = platform();
    const groups = out.resource.aws_db_parameter_group ?? {};
    expect(Object.keys(groups)).toHaveLength(1);
    const params = (Object.values(groups)[0].parameter ?? []) as { name: string; value: string }[];
    expect(params).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "log_statement", value: "mod" })]),
    );
    // AND the cluster instances use that group
    for (const inst of Object.values(out.resource.aws_rds_cluster_instance)) {
      expect(inst.db_parameter_group_name).toMatch(/aws_db_parameter_group\./);
    }
  });

  it("reuses the cluster's postgresql log group instead of creating a second one", () => {
    const out = platform();
    const names = Object.values(out.resource.aws_cloudwatch_log_group).map((g) => g.name);
    expect(names.filter((n) => n === "/aws/rds/cluster/orders-dev/postgresql")).toHaveLength(1);
  });
});
