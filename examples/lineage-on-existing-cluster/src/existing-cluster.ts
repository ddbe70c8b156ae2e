import { AuroraPostgresClusterAttributes } from "@aurora-cdktf/aurora-postgres-cluster";

/**
 * The cluster this library did not create, given by attributes (copy them from the RDS console,
 * `aws rds describe-db-clusters`, or the outputs of the tool that manages the cluster), plus what
 * lineage needs to build its parameter groups.
 */
export interface ExistingCluster extends AuroraPostgresClusterAttributes {
  /** Parameter group family of the cluster's engine, e.g. `aurora-postgresql16`. */
  readonly parameterGroupFamily: string;
  /**
   * Parameters the cluster's instances use today (their current DB parameter group): the new
   * instance group replaces it, so carry them over.
   *
   * @default - only log_statement
   */
  readonly instanceParameters?: { [name: string]: string };
  /**
   * Parameters of the cluster's current cluster parameter group, carried over likewise.
   *
   * @default - only log_statement
   */
  readonly clusterParameters?: { [name: string]: string };
}

/**
 * A made-up cluster (account 123456789012), used when no `existingCluster` is given in the cdktf
 * context. Replace it with yours (see README).
 */
export const SAMPLE_EXISTING_CLUSTER: ExistingCluster = {
  clusterIdentifier: "legacy-orders",
  clusterArn: "arn:aws:rds:us-east-1:123456789012:cluster:legacy-orders",
  clusterResourceId: "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  clusterEndpoint: "legacy-orders.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com",
  readerEndpoint: "legacy-orders.cluster-ro-abcdefghijkl.us-east-1.rds.amazonaws.com",
  port: 5432,
  databaseName: "orders",
  masterUsername: "postgres",
  masterUserSecretArn:
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-legacy-orders-AbCdEf",
  securityGroupId: "sg-0123456789abcdef0",
  parameterGroupFamily: "aurora-postgresql16",
  instanceParameters: { "pgaudit.log": "ddl" },
};

const REQUIRED: (keyof ExistingCluster)[] = [
  "clusterIdentifier",
  "clusterArn",
  "clusterResourceId",
  "clusterEndpoint",
  "databaseName",
  "masterUsername",
  "securityGroupId",
  "parameterGroupFamily",
];

/** Checks an `existingCluster` object from the context: every required attribute, as a string. */
export function parseExistingCluster(value: unknown): ExistingCluster {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(
      `the cdktf context "existingCluster" must be an object of the cluster's attributes, got ${JSON.stringify(value)}.`,
    );
  }
  const v = value as Record<string, unknown>;
  const missing = REQUIRED.filter((k) => typeof v[k] !== "string" || (v[k] as string).trim() === "");
  if (missing.length > 0) {
    throw new Error(
      `the cdktf context "existingCluster" lacks ${missing.join(", ")} (each a non-empty string). ` +
        `Fix: give every attribute of the cluster; see the README's "Your cluster" section.`,
    );
  }
  if (v.port !== undefined && (typeof v.port !== "number" || !Number.isInteger(v.port))) {
    throw new Error(`existingCluster.port must be an integer, got ${JSON.stringify(v.port)}.`);
  }
  return v as unknown as ExistingCluster;
}
