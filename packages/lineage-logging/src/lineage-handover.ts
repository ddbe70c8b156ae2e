import { Fn, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Validator } from "@aurora-cdktf/core";
import {
  DatafoldConnectionFields,
  IKmsKeyRef,
  ILineageDatabaseAccess,
  ILineageLogging,
} from "./lineage-logging-ref";
import { SECRET_NAME } from "./private/names";

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
   * fronts it on your network path (see README, LIN-12).
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

/**
 * Everything the Datafold form asks for (LIN-11), in one place: {@link fields} as a typed value,
 * optionally one sensitive output and/or a Secrets Manager secret. The AWS secret access key stays
 * in the secret made by `LineageLogging`; the fields reference it (LIN-10).
 */
export class LineageHandover extends Construct {
  /** The form fields. `password` is sensitive: output it only as sensitive. */
  public readonly fields: DatafoldConnectionFields;
  /**
   * The sensitive output, when `registerOutputs` is true.
   *
   * @default - undefined unless registerOutputs
   */
  public readonly output?: TerraformOutput;
  /**
   * ARN of the connection secret, when `createSecret` is true.
   *
   * @default - undefined unless createSecret
   */
  public readonly secretArn?: string;

  constructor(scope: Construct, id: string, props: LineageHandoverProps) {
    super(scope, id);
    const { logging, databaseAccess } = props;
    const secretName = props.secretName ?? `datafold/${logging.clusterIdentifier}/connection`;
    const v = new Validator(this);
    v.integer("port", props.port, 1, 65535);
    v.matches("secretName", secretName, SECRET_NAME, "must be 1-512 characters of [A-Za-z0-9/_+=.@-]");
    v.matches(
      "outputName",
      props.outputName,
      /^[a-zA-Z_][a-zA-Z0-9_-]*$/,
      "must be a valid Terraform output name",
    );
    v.check(
      !props.createSecret && (props.secretName !== undefined || props.secretKmsKey !== undefined),
      "secretName/secretKmsKey were given without createSecret: true. Fix: set createSecret: true or remove them.",
    );
    v.check(
      !props.registerOutputs && props.outputName !== undefined,
      "outputName was given without registerOutputs: true. Fix: set registerOutputs: true or remove it.",
    );
    v.throwIfAny();

    this.fields = {
      name: props.dataSourceName ?? logging.clusterIdentifier,
      host: props.host ?? logging.clusterEndpoint,
      port: props.port ?? logging.clusterPort,
      user: databaseAccess.roleName,
      password: databaseAccess.password,
      databaseName: databaseAccess.database,
      awsAccessKey: logging.accessKeyId,
      awsSecretReference: logging.accessKeySecretArn,
      cloudwatchPostgresLogGroup: logging.logGroupName,
      schemaForTemporaryTables: databaseAccess.tempSchemaName,
    };

    if (props.registerOutputs) {
      this.output = new TerraformOutput(this, "Connection", {
        value: this.fields,
        sensitive: true,
        description: "Datafold data source fields (LIN-11); the AWS secret key is referenced, not copied.",
      });
      this.output.overrideLogicalId(props.outputName ?? "datafold_connection");
    }

    if (props.createSecret) {
      const secret = new SecretsmanagerSecret(this, "Secret", {
        name: secretName,
        description: `Datafold data source fields for cluster ${logging.clusterIdentifier}`,
        kmsKeyId: props.secretKmsKey?.arn,
      });
      new SecretsmanagerSecretVersion(this, "SecretValue", {
        secretId: secret.id,
        secretString: Fn.jsonencode(this.fields),
      });
      this.secretArn = secret.arn;
    }
  }
}
