import { Construct } from "constructs";
import { LineageOnExistingClusterOptions, resolveOptions } from "./config";
import { LineageAwsStack } from "./lineage-aws-stack";
import { LineageDatabaseStack } from "./lineage-database-stack";

export * from "./common";
export * from "./config";
export * from "./existing-cluster";
export * from "./lineage-aws-stack";
export * from "./lineage-database-stack";
export * from "./lineage-key";

/** The stack ids, in deployment order (destroy in reverse). */
export const STACK_IDS = ["lineage-aws", "lineage-database"] as const;

/** The two stacks of the example. */
export interface LineageOnExistingCluster {
  readonly lineageAws: LineageAwsStack;
  readonly lineageDatabase: LineageDatabaseStack;
}

/**
 * Adds Datafold lineage for an existing cluster to `app`: the AWS side (parameter groups, log
 * group, IAM user and key) and the database side (role, schema, grants, hand-over), wired with a
 * cdktf cross-stack reference.
 */
export function buildApp(
  app: Construct,
  options: LineageOnExistingClusterOptions = {},
): LineageOnExistingCluster {
  const o = resolveOptions(options);
  const common = {
    region: o.region,
    awsProviderVersion: o.awsProviderVersion,
    stateDirectory: o.stateDirectory,
  };
  const lineageAws = new LineageAwsStack(app, "lineage-aws", {
    ...common,
    existingCluster: o.existingCluster,
  });
  const lineageDatabase = new LineageDatabaseStack(app, "lineage-database", {
    ...common,
    existingCluster: o.existingCluster,
    databaseTarget: o.databaseTarget,
    logging: o.databaseTarget.mode === "cluster" ? lineageAws.logging : undefined,
    observedSchemas: o.observedSchemas,
    tableOwners: o.tableOwners,
  });
  return { lineageAws, lineageDatabase };
}
