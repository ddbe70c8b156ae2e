/**
 * The cluster's version guard against a cluster deployed by another configuration (real OpenTofu,
 * hashicorp/aws 5.100, moto): a skipped major is refused at plan time, the replacement guard names
 * what differs, and the next major plans. The downgrade refusals and the applied upgrade are in
 * cluster.integ.ts.
 */
import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { synthAndPlan, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { clusterStack, plannedAfter, refusedPlan } from "./cluster-moto";

describe("AuroraPostgresCluster version guard (OpenTofu + moto)", () => {
  itWithAwsProvider("refuses a skipped major at plan time and plans the next major", () => {
    // GIVEN a 15.10 cluster "orders-skip", deployed by another configuration
    const seed = new MotoAwsStack(Testing.app(), "orders-skip-seed");
    new RdsCluster(seed, "Seed", {
      clusterIdentifier: "orders-skip",
      engine: "aurora-postgresql",
      engineVersion: "15.10",
      masterUsername: "postgres",
      manageMasterUserPassword: true,
      skipFinalSnapshot: true,
    });
    const seedWork = new TofuWorkdir(synthToDir(seed), awsEnv());
    seedWork.init();
    seedWork.apply();
    try {
      // WHEN the construct plans 17.5 for it (allowReplacement: the seed has the default subnet group and no
      // database, which the replacement guard would refuse as well; this test is about the version guard)
      const skipping = new TofuWorkdir(
        synthToDir(
          clusterStack("orders-skip", { engineVersion: "17.5", allowReplacement: true }, "orders-skip-app")
            .stack,
        ),
        awsEnv(),
      );
      skipping.init();
      // THEN
      expect(refusedPlan(skipping)).toContain(
        "engineVersion 17.5 skips a major version: cluster orders-skip runs 15.10. Upgrade one major at a time",
      );
      // AND without allowReplacement the replacement guard refuses it, naming the subnet group and the empty
      // database name (null) of the deployed cluster
      const guarded = new TofuWorkdir(
        synthToDir(clusterStack("orders-skip", { engineVersion: "16.8" }, "orders-skip-app").stack),
        awsEnv(),
      );
      guarded.init();
      const refusal = refusedPlan(guarded);
      expect(refusal).toContain(
        "vpc would set db_subnet_group_name of cluster orders-skip to orders-skip, but the deployed cluster has default",
      );
      expect(refusal).toContain(
        'databaseName would set database_name of cluster orders-skip to "orders", but the deployed cluster has (none)',
      );
      // AND 16.8, the next major, plans
      const { plan } = synthAndPlan(
        clusterStack("orders-skip", { engineVersion: "16.8", allowReplacement: true }, "orders-skip-app")
          .stack,
        awsEnv(),
      );
      expect(plannedAfter(plan, "aws_rds_cluster.Cluster_EB0386A7")).toMatchObject({
        engine_version: "16.8",
      });
    } finally {
      seedWork.destroy();
    }
  });
});
