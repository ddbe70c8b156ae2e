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

/** How `ClusterProviderSettings` reads the master secret. */
export type MasterSecretRead = "ephemeral" | "data-source";

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
   * How the master secret is read at plan and apply time.
   *
   * - `ephemeral`: an `ephemeral "aws_secretsmanager_secret_version"` block: the secret (and so the
   *   master password) is in neither the state nor the saved plan. Needs OpenTofu >= 1.11 or
   *   Terraform >= 1.10, and hashicorp/aws >= 5.83. cdktf 0.21 has no class for ephemeral
   *   resources, so the block is added with a stack override.
   * - `data-source`: a `data "aws_secretsmanager_secret_version"`, for older engines: the secret
   *   string, master password included, is stored in this stack's state (marked sensitive).
   *
   * @default "ephemeral"
   */
  readonly masterSecretRead?: MasterSecretRead;
  /**
   * Provider alias, when the stack has more than one postgresql provider.
   *
   * @default - no alias (the stack's default postgresql provider)
   */
  readonly alias?: string;
}
