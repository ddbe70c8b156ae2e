import { IKmsKeyRef } from "@aurora-cdktf/core";
import { IAuroraPostgresCluster } from "./aurora-postgres-cluster-ref";

/**
 * How the database waits for the activity stream: `async` never waits (an event may be lost if the
 * stream cannot keep up), `sync` makes each session wait until its events are recorded (no event
 * is lost; the database slows down when the stream falls behind).
 */
export type ActivityStreamMode = "async" | "sync";

/** Props of {@link ClusterActivityStream}. */
export interface ClusterActivityStreamProps {
  /**
   * The cluster: one created by this library (its instance classes are then checked: activity
   * streams need provisioned `db.r*`/`db.x2g` instances, not `db.t*` nor `db.serverless`) or an
   * imported one.
   */
  readonly cluster: IAuroraPostgresCluster;
  /**
   * `async` or `sync`.
   *
   * @default "async"
   */
  readonly mode?: ActivityStreamMode;
  /**
   * The customer-managed KMS key (of the cluster's region) that encrypts the stream's records; the
   * consumers of the Kinesis stream need `kms:Decrypt` on it.
   *
   * @default - a key created for the stream, with rotation, alias `alias/<clusterIdentifier>-activity-stream`
   */
  readonly kmsKey?: IKmsKeyRef;
  /**
   * Waiting period before the created key is deleted after a destroy, 7-30 days (only without `kmsKey`).
   *
   * @default 30
   */
  readonly keyDeletionWindowDays?: number;
  /**
   * Tags of the created key.
   *
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}
