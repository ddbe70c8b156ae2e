/** What a member cluster needs of an Aurora global database. */
export interface IAuroraGlobalDatabase {
  /** The global cluster identifier (a reference, so members are created after it). */
  readonly globalClusterIdentifier: string;
  /** The engine version of the global database; every member runs it. */
  readonly engineVersion: string;
  /** The parameter-group family of `engineVersion`, e.g. `aurora-postgresql16`. */
  readonly family: string;
  /**
   * The region of the stack the global database was created in, when it is a literal.
   *
   * @default - not known
   */
  readonly region?: string;
}

/** Props of {@link AuroraGlobalDatabase}. */
export interface AuroraGlobalDatabaseProps {
  /** The global cluster identifier: lowercase letters, digits and single hyphens, starting with a letter. */
  readonly globalClusterIdentifier: string;
  /**
   * Aurora PostgreSQL engine version `major.minor` of every member; majors 15, 16 and 17.
   *
   * @default "16.8"
   */
  readonly engineVersion?: string;
  /**
   * Deletion protection of the global cluster.
   *
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Tags of the global cluster.
   *
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}

/** The part an `AuroraPostgresCluster` plays in a global database. */
export type GlobalDatabaseRole = "primary" | "secondary";

/** How an `AuroraPostgresCluster` joins a global database (`globalDatabase`). */
export interface GlobalDatabaseMembership {
  /** The global database (`AuroraGlobalDatabase`), of this stack or another. */
  readonly globalDatabase: IAuroraGlobalDatabase;
  /**
   * `primary` (the writer region; created first) or `secondary` (a read-only copy in another region).
   *
   * @default "primary"
   */
  readonly role?: GlobalDatabaseRole;
  /**
   * Primary only: the version of the master password. RDS cannot manage the master password of a
   * global database's cluster, so the primary gets a generated one (write-only: never in the
   * state), also written to a Secrets Manager secret encrypted with the cluster key. Increase it to
   * rotate the password: the next apply writes a new one to the cluster and the secret.
   *
   * @default 1
   */
  readonly masterPasswordVersion?: number;
  /**
   * Secondary only (and required there): the ARN of the primary's master secret (the primary's
   * `masterUserSecretArn`). A secondary has no master password of its own; it shares the primary's.
   *
   * @default - none; required for a secondary
   */
  readonly primaryMasterUserSecretArn?: string;
}
