/**
 * Serverless v2, reader groups, reader auto scaling and custom endpoints (real OpenTofu,
 * hashicorp/aws 5.100, moto): everything planned, and the shapes moto can create applied, planned
 * again and destroyed.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformOutput } from "cdktf";
import { AuroraPostgresClusterProps } from "../src";
import { plannedCreates, synthAndPlan, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider } from "../../../test/helpers/aws";
import { clusterStack, expectOnlyMotoDrift, forgetRotationAndDestroy, plannedAfter } from "./cluster-moto";

describe("AuroraPostgresCluster (OpenTofu + moto)", () => {
  describe("Serverless v2, reader groups, auto scaling and custom endpoints", () => {
    const shapes: Partial<AuroraPostgresClusterProps> = {
      instanceClass: "db.serverless",
      serverlessV2Scaling: { minCapacity: 0.5, maxCapacity: 4 },
      writer: { availabilityZone: "us-east-1b", promotionTier: 0 },
      readerGroups: { analytics: { instanceClass: "db.r6g.large", promotionTier: 15 } },
      alarms: false,
      eventSubscriptions: false,
    };

    itWithAwsProvider("validates with hashicorp/aws 5.100 and plans every new resource", () => {
      // GIVEN
      const { stack } = clusterStack(
        "orders-shapes-plan",
        {
          ...shapes,
          readerAutoScaling: { minReaders: 1, maxReaders: 3, metric: "connections", targetValue: 200 },
          engineVersion: "16.3",
          serverlessV2Scaling: { minCapacity: 0, maxCapacity: 8, secondsUntilAutoPause: 900 },
          readerGroups: { analytics: { instanceClass: "db.serverless", promotionTier: 15, count: 2 } },
          customEndpoints: {
            analytics: { members: ["analytics"] },
            online: { excludedMembers: ["analytics"] },
          },
        },
        "orders-shapes-plan-app",
      );
      // WHEN
      const { plan } = synthAndPlan(stack, awsEnv());
      // THEN
      expect(
        plannedAfter(plan, "aws_rds_cluster.Cluster_EB0386A7").serverlessv2_scaling_configuration,
      ).toEqual([{ min_capacity: 0, max_capacity: 8, seconds_until_auto_pause: 900 }]);
      const instances = (plan.resource_changes ?? [])
        .filter((c) => c.type === "aws_rds_cluster_instance")
        .map((c) => c.change.after as Record<string, unknown>)
        .map((a) => [a.identifier, a.instance_class, a.availability_zone, a.promotion_tier]);
      expect(instances.sort()).toEqual([
        ["orders-shapes-plan-1", "db.serverless", "us-east-1b", 0],
        ["orders-shapes-plan-analytics-1", "db.serverless", "us-east-1c", 15],
        ["orders-shapes-plan-analytics-2", "db.serverless", "us-east-1a", 15],
      ]);
      expect(plannedCreates(plan, "aws_appautoscaling_target")).toHaveLength(1);
      expect(plannedCreates(plan, "aws_appautoscaling_policy")).toHaveLength(1);
      const endpoints = (plan.resource_changes ?? [])
        .filter((c) => c.type === "aws_rds_cluster_endpoint")
        .map((c) => c.change.after as Record<string, unknown>)
        .map((a) => [a.cluster_endpoint_identifier, a.custom_endpoint_type]);
      expect(endpoints.sort()).toEqual([
        ["orders-shapes-plan-analytics", "READER"],
        ["orders-shapes-plan-online", "READER"],
      ]);
    });

    itWithAwsProvider(
      "applies a serverless writer and a provisioned reader group on moto, and destroys",
      () => {
        // GIVEN the shapes moto can create. Planned above only: custom endpoints (moto has no
        // CreateDBClusterEndpoint) and reader auto scaling (moto registers the scalable target but answers
        // its ListTagsForResource with a 500, which the provider keeps retrying).
        const { stack, cluster } = clusterStack("orders-shapes", shapes, "orders-shapes-app");
        new TerraformOutput(stack, "instances", { value: cluster.instanceIdentifiers });
        const work = new TofuWorkdir(synthToDir(stack), awsEnv());
        work.init();
        try {
          // WHEN
          work.apply();
          // THEN
          const state = work.stateList();
          expect(state).toContain("aws_rds_cluster_instance.Cluster_Writer_B127F451");
          expect(state).toContain("aws_rds_cluster_instance.Cluster_Reader-analytics-1_801DE111");
          expect(work.outputs().instances.value).toEqual(["orders-shapes-1", "orders-shapes-analytics-1"]);
          // AND a second plan changes nothing but moto's known gaps
          expectOnlyMotoDrift(work.plan());
        } finally {
          forgetRotationAndDestroy(work);
        }
        expect(work.stateList()).toEqual([]);
      },
    );
  });
});
