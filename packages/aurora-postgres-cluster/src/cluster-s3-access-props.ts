import { IAuroraPostgresCluster } from "./aurora-postgres-cluster-ref";

/** A bucket, and optionally a key prefix in it, that the cluster may read from or write to. */
export interface S3Location {
  /** The bucket name (not its ARN), e.g. `orders-exports`. */
  readonly bucketName: string;
  /**
   * The key prefix the cluster is limited to, e.g. `exports/orders/`; the policy allows
   * `arn:<partition>:s3:::<bucket>/<prefix>*`. No `*` or `?`, no leading `/`.
   *
   * @default - the whole bucket
   */
  readonly prefix?: string;
  /**
   * ARN of the KMS key the bucket's objects are encrypted with (SSE-KMS): the role may then
   * `kms:Decrypt` (import) or `kms:GenerateDataKey` and `kms:Decrypt` (export) with it.
   *
   * @default - no KMS permission (objects encrypted with SSE-S3, or not encrypted)
   */
  readonly kmsKeyArn?: string;
}

/** Props of {@link ClusterS3Access}. */
export interface ClusterS3AccessProps {
  /** The cluster (created by this library or imported with `fromClusterAttributes`). */
  readonly cluster: IAuroraPostgresCluster;
  /**
   * Where `aws_s3.table_import_from_s3` may read: an `s3Import` role with `s3:GetObject` on these
   * objects and `s3:ListBucket` on their buckets (limited to the prefixes).
   *
   * @default - no import role
   */
  readonly importFrom?: S3Location[];
  /**
   * Where `aws_s3.query_export_to_s3` may write: an `s3Export` role with `s3:PutObject` and
   * `s3:AbortMultipartUpload` on these objects.
   *
   * @default - no export role
   */
  readonly exportTo?: S3Location[];
  /**
   * Name of the import role.
   *
   * @default "<clusterIdentifier>-s3-import"
   */
  readonly importRoleName?: string;
  /**
   * Name of the export role.
   *
   * @default "<clusterIdentifier>-s3-export"
   */
  readonly exportRoleName?: string;
  /**
   * Tags of the roles.
   *
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}
