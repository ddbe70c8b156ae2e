/**
 * A KMS key given by reference: anything with the key ARN, e.g. a `KmsKey` or `DataAwsKmsKey` of
 * `@cdktf/provider-aws`. Pass the key ARN, not an alias ARN: CloudWatch Logs accepts key ARNs only.
 */
export interface IKmsKeyRef {
  /** The key ARN. */
  readonly arn: string;
}
