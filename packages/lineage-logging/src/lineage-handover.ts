import { Fn, TerraformOutput } from "cdktf";
import { writeOnlyVersion } from "./private/write-only";
import { Construct } from "constructs";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { LineageHandoverProps } from "./lineage-handover-props";
import { DatafoldConnectionFields } from "./lineage-logging-ref";
import { resolveHandoverSettings } from "./private/defaults";
import { validateHandoverProps } from "./validate";

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
    const s = resolveHandoverSettings(props);
    validateHandoverProps(this, props, s);

    this.fields = {
      name: s.dataSourceName,
      host: s.host,
      port: s.port,
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
      this.output.overrideLogicalId(s.outputName);
    }

    if (props.createSecret) {
      const secret = new SecretsmanagerSecret(this, "Secret", {
        name: s.secretName,
        description: `Datafold data source fields for cluster ${logging.clusterIdentifier}`,
        kmsKeyId: props.secretKmsKey?.arn,
      });
      // `username` repeats `user` under the key RDS Proxy reads, so that the secret can be an
      // auth entry of an `AuroraProxy` (@aurora-cdktf/rds-proxy) that Datafold logs in through.
      const { name, host, port, user, ...rest } = this.fields;
      const stored = { name, host, port, user, username: user, ...rest };
      new SecretsmanagerSecretVersion(this, "SecretValue", {
        secretId: secret.id,
        // Write-only: the fields, password included, stay out of this resource's state.
        secretStringWo: Fn.jsonencode(stored),
        // A new secret version whenever a field changes: a number derived from the fields without
        // the password, and the password's version.
        secretStringWoVersion: writeOnlyVersion({
          ...stored,
          password: undefined,
          passwordVersion: databaseAccess.passwordVersion ?? 1,
        }),
      });
      this.secretArn = secret.arn;
    }
  }
}
