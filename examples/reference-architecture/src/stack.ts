import { Construct } from "constructs";
import { BastionStack } from "./bastion-stack";
import { ReferenceArchitectureOptions, resolveOptions } from "./config";
import { DatabaseBootstrapStack } from "./database-bootstrap-stack";
import { DatabaseStack } from "./database-stack";
import { LineageAwsStack, LineageDatabaseStack } from "./lineage-stacks";
import { NetworkStack } from "./network-stack";

export * from "./bastion-stack";
export * from "./common";
export * from "./config";
export * from "./database-bootstrap-stack";
export * from "./database-stack";
export * from "./flow-log-key";
export * from "./lineage-stacks";
export * from "./network-stack";

/** The stack ids, in deployment order (destroy in reverse). */
export const STACK_IDS = [
  "network",
  "bastion",
  "database",
  "database-bootstrap",
  "lineage-aws",
  "lineage-database",
] as const;

/** The six stacks of the reference architecture. */
export interface ReferenceArchitecture {
  readonly network: NetworkStack;
  readonly bastion: BastionStack;
  readonly database: DatabaseStack;
  readonly databaseBootstrap: DatabaseBootstrapStack;
  readonly lineageAws: LineageAwsStack;
  readonly lineageDatabase: LineageDatabaseStack;
}

/**
 * Adds the reference architecture to `app`: network, bastion, database, database bootstrap, and
 * lineage (AWS side, database side), wired with cdktf cross-stack references. The database stacks
 * reach the cluster through a tunnel (default) or a local PostgreSQL (`databaseTarget`).
 */
export function buildApp(app: Construct, options: ReferenceArchitectureOptions = {}): ReferenceArchitecture {
  const o = resolveOptions(options);
  const common = {
    stage: o.stage,
    region: o.region,
    awsProviderVersion: o.awsProviderVersion,
    stateDirectory: o.stateDirectory,
    stateBucket: o.stateBucket,
  };
  const cluster = o.databaseTarget.mode === "cluster";

  const network = new NetworkStack(app, "network", {
    ...common,
    sshAllowedCidrs: o.sshAllowedCidrs,
    availabilityZones: o.availabilityZones,
  });
  const bastion = new BastionStack(app, "bastion", {
    ...common,
    vpc: network.vpc.outputs,
    sshAllowedCidrs: o.sshAllowedCidrs,
  });
  const database = new DatabaseStack(app, "database", {
    ...common,
    vpc: network.vpc.outputs,
    bastion: bastion.bastion,
  });
  const databaseBootstrap = new DatabaseBootstrapStack(app, "database-bootstrap", {
    ...common,
    databaseTarget: o.databaseTarget,
    cluster: cluster ? database.cluster : undefined,
    secretKmsKey: cluster ? database.cluster.encryptionKey : undefined,
    extensions: o.extensions,
    schemaName: o.schemaName,
    passwordVersion: o.passwordVersion,
  });
  // Sets log_statement = mod on the cluster's instance parameter group (database stack).
  const lineageAws = new LineageAwsStack(app, "lineage-aws", { ...common, cluster: database.cluster });
  const app_ = databaseBootstrap.application;
  const lineageDatabase = new LineageDatabaseStack(app, "lineage-database", {
    ...common,
    databaseTarget: o.databaseTarget,
    cluster: cluster ? database.cluster : undefined,
    logging: cluster ? lineageAws.logging : undefined,
    observedSchemas: [app_.schemaName],
    tableOwners: [app_.ownerRole.roleName],
    passwordVersion: o.passwordVersion,
  });
  // The observed schema is created by the bootstrap: deploy that first (no value crosses stacks).
  lineageDatabase.addDependency(databaseBootstrap);
  return { network, bastion, database, databaseBootstrap, lineageAws, lineageDatabase };
}
