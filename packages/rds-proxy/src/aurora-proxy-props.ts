import { IKmsKeyRef } from "@aurora-cdktf/core";
import { IAuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";

/** Whether a login through the proxy must use an IAM authentication token (`iam_auth`). */
export enum ProxyIamAuth {
  /** Clients connect with an IAM token (`rds-db:connect` on the proxy); no password is accepted. */
  REQUIRED = "REQUIRED",
  /** Clients connect with the password held in the secret (e.g. a SaaS reader such as Datafold). */
  DISABLED = "DISABLED",
}

/**
 * One database user the proxy may log in as: a Secrets Manager secret whose JSON has the keys
 * `username` and `password` (what the cluster's managed master secret and the bootstrap's role
 * secrets, `ApplicationSchema` `passwordSecrets`, hold).
 */
export interface ProxyAuthEntry {
  /** ARN of the secret. */
  readonly secretArn: string;
  /**
   * Customer-managed KMS key the secret is encrypted with: the proxy's role may decrypt with it,
   * through Secrets Manager only.
   *
   * @default - the account's AWS-managed key `aws/secretsmanager` (nothing to grant)
   */
  readonly kmsKey?: IKmsKeyRef;
  /**
   * IAM authentication for this user.
   *
   * @default ProxyIamAuth.REQUIRED
   */
  readonly iamAuth?: ProxyIamAuth;
  /**
   * Description of the entry (visible in the RDS console).
   *
   * @default - none
   */
  readonly description?: string;
}

/** Connection pool settings of the proxy's default target group (`connection_pool_config`). */
export interface ProxyConnectionPool {
  /**
   * Most connections the proxy opens to the cluster, as a percentage of `max_connections`.
   *
   * @default 100
   */
  readonly maxConnectionsPercent?: number;
  /**
   * Idle connections the proxy keeps open, as a percentage of `max_connections` (at most
   * `maxConnectionsPercent`).
   *
   * @default 50
   */
  readonly maxIdleConnectionsPercent?: number;
  /**
   * Seconds a client waits for a free connection of the pool before the proxy times out.
   *
   * @default 120
   */
  readonly connectionBorrowTimeoutSeconds?: number;
  /**
   * Statements that do not pin a session to one connection (`session_pinning_filters`).
   *
   * @default - none (every pinning statement pins)
   */
  readonly sessionPinningFilters?: readonly "EXCLUDE_VARIABLE_SETS"[];
  /**
   * SQL run on each new connection to the cluster (e.g. `SET search_path TO app`).
   *
   * @default - none
   */
  readonly initQuery?: string;
}

/** Props of {@link AuroraProxy}. */
export interface AuroraProxyProps {
  /** The cluster the proxy fronts (built by this library or imported by attributes). */
  readonly cluster: IAuroraPostgresCluster;
  /** The cluster's VPC: the proxy and its endpoints go into its private subnets. */
  readonly vpc: IVpc3Az;
  /**
   * Subnets of the proxy and its reader endpoint (at least two, in different AZs).
   *
   * @default - the VPC's private subnets
   */
  readonly subnetIds?: string[];
  /**
   * Name of the proxy (1-60 characters: a letter, then letters, digits and single hyphens, not
   * ending with a hyphen). It names the security group, the IAM role and the reader endpoint too.
   *
   * @default - "<cluster identifier>-proxy"
   */
  readonly proxyName?: string;
  /**
   * Include the cluster's RDS-managed master secret as an auth entry.
   *
   * @default true (an error when the cluster's `masterUserSecretArn` is not known)
   */
  readonly includeMasterSecret?: boolean;
  /**
   * IAM authentication of the master user's entry.
   *
   * @default ProxyIamAuth.REQUIRED
   */
  readonly masterIamAuth?: ProxyIamAuth;
  /**
   * More database users: the bootstrap's role secrets (`ApplicationSchema` `passwordSecrets`,
   * `PostgresRole.passwordSecretArn`), the lineage hand-over secret, ...
   *
   * @default - none
   */
  readonly auth?: ProxyAuthEntry[];
  /**
   * Seconds a client connection may stay idle before the proxy closes it (1-28800).
   *
   * @default 1800
   */
  readonly idleClientTimeoutSeconds?: number;
  /**
   * Pool settings of the default target group.
   *
   * @default - the defaults of {@link ProxyConnectionPool}
   */
  readonly connectionPool?: ProxyConnectionPool;
  /**
   * Add a READ_ONLY proxy endpoint (`<proxyName>-ro`) that spreads connections over the readers.
   * It serves only while the cluster has at least one reader.
   *
   * @default false
   */
  readonly readerEndpoint?: boolean;
  /**
   * Tags of the proxy, its endpoint, security group and role.
   *
   * @default - none
   */
  readonly tags?: Record<string, string>;
}
