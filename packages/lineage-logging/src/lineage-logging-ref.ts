/** What `log_statement` is set to. Datafold needs at least `mod` (DDL + data-modifying statements). */
export enum LineageLogStatement {
  /** DDL plus INSERT/UPDATE/DELETE/TRUNCATE/COPY FROM: what Datafold asks for (LIN-05). */
  MOD = "mod",
  /** Every statement, SELECTs included: much more log volume, only if something else needs it. */
  ALL = "all",
}

/** How the lineage tool's IAM user may read CloudWatch Logs. */
export enum LineageLogAccess {
  /**
   * An inline group policy that can read only the cluster's `postgresql` log group
   * (`logs:FilterLogEvents`, `logs:GetLogEvents`, `logs:DescribeLogStreams` on that group) and list
   * log groups (`logs:DescribeLogGroups`, which has no resource-level scope).
   */
  LOG_GROUP_ONLY = "log-group-only",
  /**
   * The AWS-managed policy `CloudWatchLogsReadOnlyAccess`, as the Datafold guide does (LIN-09): the
   * key can read every log group of the account.
   */
  CLOUDWATCH_LOGS_READ_ONLY = "cloudwatch-logs-read-only",
}

/** The AWS side of lineage logging, as needed by a hand-over (possibly in another stack). */
export interface ILineageLogging {
  /** Identifier of the observed cluster. */
  readonly clusterIdentifier: string;
  /** Writer endpoint of the cluster (where Datafold connects by default). */
  readonly clusterEndpoint: string;
  /** Database port of the cluster. */
  readonly clusterPort: number;
  /** Name of the CloudWatch log group Datafold reads (`/aws/rds/cluster/<cluster>/postgresql`). */
  readonly logGroupName: string;
  /** Access key id of the lineage tool's IAM user. */
  readonly accessKeyId: string;
  /**
   * ARN of the Secrets Manager secret holding the access key as JSON
   * (`{"accessKeyId": ..., "secretAccessKey": ...}`).
   */
  readonly accessKeySecretArn: string;
}

/** Plain values of a {@link LineageLogging}, e.g. for a stack's own outputs. No secret in here. */
export interface LineageLoggingOutputs {
  /** Identifier of the observed cluster. */
  readonly clusterIdentifier: string;
  /** Name of the CloudWatch log group that receives the `postgresql` log export. */
  readonly logGroupName: string;
  /** ARN of that log group. */
  readonly logGroupArn: string;
  /** What `log_statement` is set to. */
  readonly logStatement: string;
  /** Name of the lineage tool's IAM user. */
  readonly iamUserName: string;
  /** ARN of the lineage tool's IAM user. */
  readonly iamUserArn: string;
  /** Name of the IAM group that carries the read permissions. */
  readonly iamGroupName: string;
  /** Access key id of the IAM user (not a secret). */
  readonly accessKeyId: string;
  /** ARN of the Secrets Manager secret holding the access key. */
  readonly accessKeySecretArn: string;
  /**
   * Name of the instance parameter group created for an existing cluster.
   *
   * @default - not created: the cluster built by this library carries the setting
   */
  readonly instanceParameterGroupName?: string;
  /**
   * Name of the cluster parameter group created for an existing cluster.
   *
   * @default - not created: the cluster built by this library carries the setting
   */
  readonly clusterParameterGroupName?: string;
}

/** The database side of lineage access, as needed by a hand-over. */
export interface ILineageDatabaseAccess {
  /** The database Datafold connects to. */
  readonly database: string;
  /** The login role Datafold uses (e.g. `datafold`). */
  readonly roleName: string;
  /** The role's generated password (a sensitive value). */
  readonly password: string;
  /** The schema for Datafold's temporary tables (e.g. `datafold_tmp`). */
  readonly tempSchemaName: string;
  /**
   * The version of the generated password: a change of it (a rotation) writes a new version of
   * the hand-over secret.
   *
   * @default - 1
   */
  readonly passwordVersion?: number;
}

/**
 * Every field of Datafold's "Configure in Datafold" form (LIN-11), keyed after the form's labels.
 * The AWS secret key is not copied in here: `awsSecretReference` names the secret that holds it.
 */
export interface DatafoldConnectionFields {
  /** "Name": the data source's name in Datafold. */
  readonly name: string;
  /** "Host": the host name Datafold connects to. */
  readonly host: string;
  /** "Port". */
  readonly port: number;
  /** "User": the lineage role. */
  readonly user: string;
  /** "Password": the lineage role's password (sensitive). */
  readonly password: string;
  /** "Database Name". */
  readonly databaseName: string;
  /** "AWS Access Key": the access key id. */
  readonly awsAccessKey: string;
  /**
   * "AWS Secret": ARN of the Secrets Manager secret whose JSON key `secretAccessKey` holds the
   * secret access key. Read it once with `aws secretsmanager get-secret-value` and paste it into the form.
   */
  readonly awsSecretReference: string;
  /** "Cloudwatch Postgres Log Group". */
  readonly cloudwatchPostgresLogGroup: string;
  /** "Schema for temporary tables". */
  readonly schemaForTemporaryTables: string;
}
