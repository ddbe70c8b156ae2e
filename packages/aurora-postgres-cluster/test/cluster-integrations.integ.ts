/**
 * S3 import/export roles, the activity stream and a global database (primary and secondary) against
 * the real OpenTofu and hashicorp/aws 5.100: `tofu validate` + `plan` against moto, in one go each.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import {
  AuroraGlobalDatabase,
  AuroraPostgresCluster,
  ClusterActivityStream,
  ClusterS3Access,
  IAuroraGlobalDatabase,
} from "../src";
import { plannedCreates, synthAndPlan, PlanJson } from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";
import { TAGS } from "./cluster-helpers";

/** A stack whose AWS provider sends `region` to moto. */
function motoStack(id: string, region: string): TerraformStack {
  return new MotoAwsStack(Testing.app(), id, region);
}

/** A VPC with three private subnets in `region`. */
function vpcIn(scope: Construct, region: string) {
  const azs = ["a", "b", "c"].map((z) => `${region}${z}`);
  const vpc = new Vpc(scope, "Vpc", { cidrBlock: "10.0.0.0/16" });
  const subnets = azs.map(
    (az, i) =>
      new Subnet(scope, `Private${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: az }),
  );
  return {
    vpcId: vpc.id,
    vpcCidrBlock: vpc.cidrBlock,
    availabilityZones: azs,
    publicSubnetIds: [],
    privateSubnetIds: subnets.map((s) => s.id),
  };
}

function after(plan: PlanJson, type: string): Record<string, unknown>[] {
  return (plan.resource_changes ?? [])
    .filter((c) => c.type === type)
    .map((c) => (c.change.after ?? {}) as Record<string, unknown>);
}

describe("ClusterS3Access, ClusterActivityStream, AuroraGlobalDatabase (OpenTofu + moto)", () => {
  itWithAwsProvider(
    "the primary region: global cluster, primary with a write-only password, S3 roles and an activity stream validate and plan",
    () => {
      // GIVEN
      const stack = motoStack("orders-primary", "us-east-1");
      const global = new AuroraGlobalDatabase(stack, "Global", {
        globalClusterIdentifier: "orders-global",
        engineVersion: "16.8",
        deletionProtection: false,
      });
      const cluster = new AuroraPostgresCluster(stack, "Cluster", {
        vpc: vpcIn(stack, "us-east-1"),
        clusterIdentifier: "orders",
        databaseName: "orders",
        mandatoryTags: TAGS,
        alarms: false,
        eventSubscriptions: false,
        globalDatabase: { globalDatabase: global },
      });
      new ClusterS3Access(stack, "S3", {
        cluster,
        importFrom: [{ bucketName: "orders-in", prefix: "daily/" }],
        exportTo: [
          {
            bucketName: "orders-out",
            kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          },
        ],
      });
      new ClusterActivityStream(stack, "Das", { cluster });
      // WHEN
      const { plan } = synthAndPlan(stack, awsEnv());
      // THEN
      expect(after(plan, "aws_rds_global_cluster")).toEqual([
        expect.objectContaining({
          global_cluster_identifier: "orders-global",
          engine: "aurora-postgresql",
          engine_version: "16.8",
          storage_encrypted: true,
        }),
      ]);
      const [primary] = after(plan, "aws_rds_cluster");
      expect(primary).toMatchObject({
        master_password_wo_version: 1,
        master_username: "postgres",
      });
      // the global cluster's id, known once it is created
      const primaryChange = (plan.resource_changes ?? []).find((c) => c.type === "aws_rds_cluster");
      expect(
        (primaryChange?.change as { after_unknown?: Record<string, unknown> }).after_unknown,
      ).toMatchObject({
        global_cluster_identifier: true,
      });
      // write-only: never in the plan
      expect(primary.master_password_wo ?? null).toBeNull();
      expect(primary.manage_master_user_password ?? null).toBeNull();
      expect(plannedCreates(plan, "aws_secretsmanager_secret_rotation")).toEqual([]);
      expect(after(plan, "aws_secretsmanager_secret_version")).toEqual([
        expect.objectContaining({ secret_string_wo_version: 1 }),
      ]);
      expect(
        after(plan, "aws_rds_cluster_role_association")
          .map((a) => a.feature_name)
          .sort(),
      ).toEqual(["s3Export", "s3Import"]);
      expect(after(plan, "aws_rds_cluster_activity_stream")).toEqual([
        expect.objectContaining({ mode: "async" }),
      ]);
    },
  );

  itWithAwsProvider(
    "a secondary in another region validates and plans without user, password or secret",
    () => {
      // GIVEN: the global database of the primary's stack, as another app would pass it
      const stack = motoStack("orders-secondary", "us-west-2");
      const global: IAuroraGlobalDatabase = {
        globalClusterIdentifier: "orders-global",
        engineVersion: "16.8",
        family: "aurora-postgresql16",
        region: "us-east-1",
      };
      new AuroraPostgresCluster(stack, "Cluster", {
        vpc: vpcIn(stack, "us-west-2"),
        clusterIdentifier: "orders-west",
        databaseName: "orders",
        mandatoryTags: TAGS,
        alarms: false,
        eventSubscriptions: false,
        globalDatabase: {
          globalDatabase: global,
          role: "secondary",
          primaryMasterUserSecretArn:
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/master-AbCdEf",
        },
      });
      // WHEN
      const { plan } = synthAndPlan(stack, awsEnv());
      // THEN
      const [secondary] = after(plan, "aws_rds_cluster");
      expect(secondary).toMatchObject({
        global_cluster_identifier: "orders-global",
        engine_version: "16.8",
        storage_encrypted: true,
        db_cluster_parameter_group_name: "orders-west-aurora-postgresql16-cluster",
      });
      for (const absent of ["master_password_wo_version", "manage_master_user_password"]) {
        expect([absent, secondary[absent] ?? null]).toEqual([absent, null]);
      }
      expect(plannedCreates(plan, "aws_secretsmanager_secret")).toEqual([]);
      expect(plannedCreates(plan, "aws_kms_key")).toHaveLength(1);
    },
  );
});
