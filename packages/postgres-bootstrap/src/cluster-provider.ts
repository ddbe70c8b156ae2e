import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { PostgresqlProviderConfig } from "@cdktf/provider-postgresql/lib/provider";
import { ClusterProviderSettingsOptions, PostgresClusterEndpoint } from "./cluster-provider-props";
import { resolveClusterProviderSettings } from "./private/defaults";
import { validateClusterProviderSettings } from "./validate";

/**
 * Settings of a `postgresql` provider for a cluster, from the cluster's outputs and its RDS-managed
 * master secret, which is read at plan time (`aws_secretsmanager_secret_version` + `jsondecode`):
 * the password never appears in the configuration. The provider is not created here: the stack
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
  /** The data source that reads the master secret. */
  public readonly masterSecret: DataAwsSecretsmanagerSecretVersion;

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

    this.masterSecret = new DataAwsSecretsmanagerSecretVersion(this, "MasterUserSecret", {
      secretId: s.masterUserSecretArn as string,
    });
    this.database = s.database;
    const forwarded = tunnel.kind === "port-forward";
    this.config = {
      alias: options.alias,
      host: forwarded ? tunnel.localHost : cluster.clusterEndpoint,
      port: forwarded ? tunnel.localPort : cluster.port,
      database: this.database,
      username: cluster.masterUsername,
      password: Token.asString(Fn.lookup(Fn.jsondecode(this.masterSecret.secretString), "password")),
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
