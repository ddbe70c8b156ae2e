import { Validator } from "@aurora-cdktf/core";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { PostgresqlProviderConfig } from "@cdktf/provider-postgresql/lib/provider";

/**
 * What the provider settings need from a cluster. `IAuroraPostgresCluster` satisfies it, and so
 * does any RDS instance or cluster described by hand.
 */
export interface PostgresClusterEndpoint {
  /** Writer endpoint host name. */
  readonly clusterEndpoint: string;
  /** Database port. */
  readonly port: number;
  /** Database the provider connects to. */
  readonly databaseName: string;
  /** Master user name. */
  readonly masterUsername: string;
  /**
   * ARN of the RDS-managed master secret (JSON with a `password` field).
   *
   * @default - not known; pass `masterUserSecretArn` in the options
   */
  readonly masterUserSecretArn?: string;
}

/** How the postgresql provider reaches a private cluster from the machine that runs the engine. */
export class PostgresTunnel {
  /** Connect to the cluster endpoint directly (the engine runs inside the VPC, or over a VPN). */
  public static direct(): PostgresTunnel {
    return new PostgresTunnel("direct");
  }

  /**
   * Connect to the cluster endpoint through a SOCKS5 proxy, e.g. `ssh -D 1080` to the bastion: run
   * the engine with `ALL_PROXY=socks5://127.0.0.1:1080` (the provider honours `ALL_PROXY` and
   * `NO_PROXY`, not `HTTP_PROXY`). The provider settings are those of a direct connection.
   */
  public static socksProxy(): PostgresTunnel {
    return new PostgresTunnel("socks");
  }

  /**
   * Connect to a local port forwarded to the cluster, e.g. SSM port forwarding through the bastion
   * (`aws ssm start-session --document-name AWS-StartPortForwardingSessionToRemoteHost
   * --parameters host=<endpoint>,portNumber=5432,localPortNumber=<localPort>`).
   */
  public static localPortForward(localPort: number, localHost: string = "127.0.0.1"): PostgresTunnel {
    return new PostgresTunnel("port-forward", localHost, localPort);
  }

  private constructor(
    /** "direct", "socks" or "port-forward". */
    public readonly kind: "direct" | "socks" | "port-forward",
    /** Host the provider dials instead of the cluster endpoint (port forwarding only). */
    public readonly localHost?: string,
    /** Port the provider dials instead of the cluster port (port forwarding only). */
    public readonly localPort?: number,
  ) {}
}

/** libpq `sslmode` values the provider accepts. */
export type PostgresSslMode = "disable" | "require" | "verify-ca" | "verify-full";

/** Options of {@link ClusterProviderSettings}. */
export interface ClusterProviderSettingsOptions {
  /**
   * How the provider reaches the cluster.
   *
   * @default PostgresTunnel.direct()
   */
  readonly tunnel?: PostgresTunnel;
  /**
   * Database to connect to.
   *
   * @default - the cluster's databaseName
   */
  readonly database?: string;
  /**
   * TLS mode. The cluster's parameter group sets `rds.force_ssl = 1`, so `disable` only suits a
   * local test server. `verify-full` cannot be used through a local port forward (the certificate
   * names the cluster endpoint, not 127.0.0.1); use `verify-ca` there.
   *
   * @default "require"
   */
  readonly sslMode?: PostgresSslMode;
  /**
   * CA bundle file for `verify-ca`/`verify-full`, e.g. the RDS global bundle
   * (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem) downloaded beforehand.
   *
   * @default - none; required with verify-ca and verify-full
   */
  readonly sslRootCertFile?: string;
  /**
   * ARN of the secret holding the master password (JSON field `password`).
   *
   * @default - the cluster's masterUserSecretArn
   */
  readonly masterUserSecretArn?: string;
  /**
   * Seconds to wait for a connection.
   *
   * @default 15
   */
  readonly connectTimeoutSeconds?: number;
  /**
   * Provider alias, when the stack has more than one postgresql provider.
   *
   * @default - no alias (the stack's default postgresql provider)
   */
  readonly alias?: string;
}

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
    const tunnel = options.tunnel ?? PostgresTunnel.direct();
    const sslMode = options.sslMode ?? "require";
    const secretArn = options.masterUserSecretArn ?? cluster.masterUserSecretArn;
    const v = new Validator(this);
    v.check(
      secretArn === undefined || (!Token.isUnresolved(secretArn) && secretArn === ""),
      'the cluster has no masterUserSecretArn and none was given. Fix: pass options.masterUserSecretArn (the ARN of a secret whose JSON has a "password" field), or use a cluster with manageMasterUserPassword.',
    )
      .oneOf("sslMode", options.sslMode, ["disable", "require", "verify-ca", "verify-full"])
      .check(
        (sslMode === "verify-ca" || sslMode === "verify-full") && !options.sslRootCertFile,
        `sslMode "${sslMode}" verifies the server certificate and needs sslRootCertFile. Fix: download the RDS global bundle and pass its path, or use sslMode "require".`,
      )
      .check(
        sslMode === "verify-full" && tunnel.kind === "port-forward",
        'sslMode "verify-full" checks that the certificate names the host dialled, which a local port forward (127.0.0.1) never matches. Fix: use sslMode "verify-ca" with the port forward, or PostgresTunnel.socksProxy().',
      )
      .integer(
        "tunnel local port",
        tunnel.localPort,
        1,
        65535,
        "Fix: use the localPortNumber of your port forwarding session.",
      )
      .check(
        tunnel.kind === "port-forward" && !Token.isUnresolved(tunnel.localHost) && !tunnel.localHost,
        'tunnel local host must not be empty. Fix: use "127.0.0.1" (the default).',
      )
      .integer("connectTimeoutSeconds", options.connectTimeoutSeconds, 1, 3600);
    v.throwIfAny();

    this.masterSecret = new DataAwsSecretsmanagerSecretVersion(this, "MasterUserSecret", {
      secretId: secretArn as string,
    });
    this.database = options.database ?? cluster.databaseName;
    const forwarded = tunnel.kind === "port-forward";
    this.config = {
      alias: options.alias,
      host: forwarded ? tunnel.localHost : cluster.clusterEndpoint,
      port: forwarded ? tunnel.localPort : cluster.port,
      database: this.database,
      username: cluster.masterUsername,
      password: Token.asString(Fn.lookup(Fn.jsondecode(this.masterSecret.secretString), "password")),
      sslmode: sslMode,
      sslrootcert: options.sslRootCertFile,
      superuser: false,
      connectTimeout: options.connectTimeoutSeconds ?? 15,
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
