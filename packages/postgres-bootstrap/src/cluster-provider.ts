import { Fn, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { PostgresqlProviderConfig } from "@cdktf/provider-postgresql/lib/provider";
import {
  ClusterProviderSettingsOptions,
  MasterSecretRead,
  PostgresClusterEndpoint,
} from "./cluster-provider-props";
import { resolveClusterProviderSettings } from "./private/defaults";
import { ephemeralAttribute } from "./private/ephemeral";
import { validateClusterProviderSettings } from "./validate";

/**
 * Settings of a `postgresql` provider for a cluster, from the cluster's outputs and its RDS-managed
 * master secret, which is read at plan and apply time (`aws_secretsmanager_secret_version` +
 * `jsondecode`): the password never appears in the configuration and, read as an ephemeral
 * resource (the default), never in the state or the saved plan either. The provider is not created here: the stack
 * does it, `new PostgresqlProvider(stack, "Postgresql", settings.config)`.
 *
 * The provider runs with `superuser = false` (the RDS master is not a SUPERUSER) and TLS required.
 * Use it in a stack apart from the cluster's (two phases), so plan never dials a host that does
 * not exist yet.
 */
export class ClusterProviderSettings extends Construct {
  /** The provider configuration (pass it to `new PostgresqlProvider`). */
  public readonly config: PostgresqlProviderConfig;
  /** The database the provider connects to. */
  public readonly database: string;
  /** How the master secret is read. */
  public readonly masterSecretRead: MasterSecretRead;
  /**
   * The data source that reads the master secret (`masterSecretRead: "data-source"` only).
   *
   * @default - undefined: the secret is read by an ephemeral resource
   */
  public readonly masterSecret?: DataAwsSecretsmanagerSecretVersion;
  /** The address of the ephemeral resource that reads the master secret (`ephemeral` only). */
  public readonly masterSecretAddress?: string;

  constructor(
    scope: Construct,
    id: string,
    cluster: PostgresClusterEndpoint,
    options: ClusterProviderSettingsOptions = {},
  ) {
    super(scope, id);
    const s = resolveClusterProviderSettings(cluster, options);
    validateClusterProviderSettings(this, options, s);
    const { tunnel } = s;

    this.masterSecretRead = s.masterSecretRead;
    let secretString: string;
    if (s.masterSecretRead === "data-source") {
      this.masterSecret = new DataAwsSecretsmanagerSecretVersion(this, "MasterUserSecret", {
        secretId: s.masterUserSecretArn as string,
      });
      secretString = this.masterSecret.secretString;
    } else {
      // The ARN goes through a local: cdktf wires cross-stack references of elements, not of overrides.
      const secretArn = new TerraformLocal(this, "MasterUserSecretArn", s.masterUserSecretArn);
      const secret = ephemeralAttribute(
        this,
        "aws_secretsmanager_secret_version",
        "MasterUserSecret",
        { secret_id: secretArn.asString },
        "secret_string",
      );
      this.masterSecretAddress = secret.address;
      secretString = secret.value;
    }
    this.database = s.database;
    const forwarded = tunnel.kind === "port-forward";
    this.config = {
      alias: options.alias,
      host: forwarded ? tunnel.localHost : cluster.clusterEndpoint,
      port: forwarded ? tunnel.localPort : cluster.port,
      database: this.database,
      username: cluster.masterUsername,
      password: Token.asString(Fn.lookup(Fn.jsondecode(secretString), "password")),
      sslmode: s.sslMode,
      sslrootcert: options.sslRootCertFile,
      superuser: false,
      connectTimeout: s.connectTimeoutSeconds,
    };
  }
}

/**
 * Shorthand for `new ClusterProviderSettings(scope, id, cluster, options).config`: the props of
 * `new PostgresqlProvider(stack, "Postgresql", clusterProviderConfig(stack, "Db", cluster, {...}))`.
 */
export function clusterProviderConfig(
  scope: Construct,
  id: string,
  cluster: PostgresClusterEndpoint,
  options: ClusterProviderSettingsOptions = {},
): PostgresqlProviderConfig {
  return new ClusterProviderSettings(scope, id, cluster, options).config;
}
