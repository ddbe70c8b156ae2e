import { IKmsKeyRef } from "@aurora-cdktf/core";
import { ILineageDatabaseAccess, ILineageLogging } from "./lineage-logging-ref";

/** Props of {@link LineageHandover}. */
export interface LineageHandoverProps {
  /** The AWS side (log group, access key); may live in another stack. */
  readonly logging: ILineageLogging;
  /** The database side (role, password, temporary schema). */
  readonly databaseAccess: ILineageDatabaseAccess;
  /**
   * "Name" of the data source in Datafold.
   *
   * @default - the cluster identifier
   */
  readonly dataSourceName?: string;
  /**
   * "Host" Datafold connects to: the writer (Datafold writes to its temporary schema), or whatever
   * fronts it on your network path (see README, LIN-12), e.g. `cluster.publicReaderEndpoint` of a
   * cluster with `publicReader` (read-only: no temporary tables there).
   *
   * @default - the cluster's writer endpoint
   */
  readonly host?: string;
  /**
   * "Port" Datafold connects to.
   *
   * @default - the cluster's port
   */
  readonly port?: number;
  /**
   * Create one sensitive TerraformOutput holding {@link DatafoldConnectionFields}.
   *
   * @default false
   */
  readonly registerOutputs?: boolean;
  /**
   * Name of that output in the state (`tofu output -json <name>`).
   *
   * @default "datafold_connection"
   */
  readonly outputName?: string;
  /**
   * Also store the fields as JSON in a Secrets Manager secret (needs an AWS provider in this stack).
   *
   * @default false
   */
  readonly createSecret?: boolean;
  /**
   * Name of that secret.
   *
   * @default - "datafold/<cluster identifier>/connection"
   */
  readonly secretName?: string;
  /**
   * KMS key that encrypts that secret.
   *
   * @default - the account's AWS-managed key `aws/secretsmanager`
   */
  readonly secretKmsKey?: IKmsKeyRef;
}
