import { IConnectable, IPeer } from "@aurora-cdktf/core";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { EnvironmentStage } from "./stage-presets";
import { GlobalDatabaseMembership } from "./global-database-props";
import {
  CustomEndpoint,
  ReaderAutoScaling,
  ReaderGroup,
  ServerlessV2Scaling,
  WriterSettings,
} from "./cluster-shapes";

/** The reference's `Confidentiality` tag values (APG-14). */
export type Confidentiality = "public" | "private" | "confidential" | "pii/phi";

/** The reference's `Compliance` tag values (APG-15). */
export type Compliance = "hipaa" | "sox" | "fips" | "other" | "none";

/**
 * The reference's mandatory tags (APG-10..15, APG-41). Together with `EnvironmentStage` (the
 * stage) they are applied to the cluster and its instances, with the reference's patterns.
 */
export interface MandatoryTags {
  /** `Application`: letters and spaces, starting and ending with a letter (APG-10). */
  readonly application: string;
  /**
   * `ApplicationVersion`: letters, digits, dots and hyphens (APG-11).
   *
   * @default "1.0.0"
   */
  readonly applicationVersion?: string;
  /** `ProjectCostCenter`: letters and digits (APG-12). */
  readonly projectCostCenter: string;
  /** `ServiceOwnersEmailContact`: an e-mail address (APG-13). */
  readonly serviceOwnersEmailContact: string;
  /** `Confidentiality` (APG-14). */
  readonly confidentiality: Confidentiality;
  /** `Compliance` (APG-15). */
  readonly compliance: Compliance;
}

/**
 * Database Insights mode of the cluster (MOD-04). `advanced` keeps Performance Insights data for
 * at least 465 days (15 months) and is billed by CloudWatch; `standard` is AWS's free mode.
 */
export type DatabaseInsightsMode = "standard" | "advanced";

/**
 * How a restored cluster copies its source: `full-copy` copies the storage, `copy-on-write` makes
 * an Aurora clone that shares the source's pages until either side changes them.
 */
export type RestoreType = "full-copy" | "copy-on-write";

/**
 * Point-in-time restore or clone of an existing cluster (`restore_to_point_in_time`). Name one
 * source: `sourceClusterIdentifier` or `sourceClusterResourceId`.
 */
export interface PointInTimeRestore {
  /**
   * Identifier or ARN of the source cluster.
   *
   * @default - none; then `sourceClusterResourceId` is required
   */
  readonly sourceClusterIdentifier?: string;
  /**
   * Resource id of the source cluster (`cluster-...`), e.g. of a cluster that was deleted with
   * retained automated backups.
   *
   * @default - none; then `sourceClusterIdentifier` is required
   */
  readonly sourceClusterResourceId?: string;
  /**
   * The time to restore to, UTC in RFC 3339 (`2025-06-01T12:00:00Z`). Not with `copy-on-write`.
   *
   * @default - the latest restorable time (`use_latest_restorable_time = true`)
   */
  readonly restoreToTime?: string;
  /**
   * `full-copy` or `copy-on-write` (an Aurora clone).
   *
   * @default "full-copy"
   */
  readonly restoreType?: RestoreType;
}

/**
 * A public path to one reader (`publicReader`), for a client outside the VPC with published egress
 * addresses, e.g. Datafold reading lineage. TLS stays required (`rds.force_ssl = 1`).
 */
export interface PublicReader {
  /**
   * The clients' published IPv4 CIDR blocks, 1-50: each becomes one ingress rule on the database
   * port. Internet addresses only (not `0.0.0.0/0`, not 10/8, 100.64/10, 127/8, 169.254/16,
   * 172.16/12 or 192.168/16), /16 or narrower, without host bits, no duplicates, not also given in
   * `allowConnectionsFrom`.
   */
  readonly allowedCidrs: string[];
  /**
   * The reader group (of `readerGroups`) whose one reader becomes publicly accessible; the group
   * must have `count: 1`. A group with `promotionTier: 15` keeps a failover away from it while
   * other readers exist.
   *
   * @default - the first numbered reader (`Reader1`, `<clusterIdentifier>-2`); `readers` must be 1 or more
   */
  readonly readerGroup?: string;
}

/** Props of {@link AuroraPostgresCluster}. */
export interface AuroraPostgresClusterProps {
  /** The VPC: the cluster goes into its private subnets (APG-26). */
  readonly vpc: IVpc3Az;
  /**
   * Cluster identifier; instance identifiers are `<clusterIdentifier>-<n>`. Lowercase letters,
   * digits and single hyphens, starting with a letter, at most 60 characters.
   */
  readonly clusterIdentifier: string;
  /** Name of the database created with the cluster (APG-02): a letter, then letters, digits or `_`. */
  readonly databaseName: string;
  /** The reference's mandatory tags (APG-41). */
  readonly mandatoryTags: MandatoryTags;
  /**
   * Environment stage: selects the preset of APG-19..23 (see `STAGE_PRESETS`) and is the
   * `EnvironmentStage` tag.
   *
   * @default "dev"
   */
  readonly stage?: EnvironmentStage;
  /**
   * Master user name (APG-04): a letter, then letters, digits or `_`, at most 16 characters. Its
   * password is generated and rotated by RDS in Secrets Manager (MOD-01).
   *
   * @default "postgres"
   */
  readonly masterUsername?: string;
  /**
   * Database port, 1150-65535 (APG-03).
   *
   * @default 5432
   */
  readonly port?: number;
  /**
   * Aurora PostgreSQL engine version `major.minor`; majors 15, 16 and 17 are supported and the
   * parameter-group family is derived from the major (APG-05/17, MOD-02).
   *
   * @default "16.8"
   */
  readonly engineVersion?: string;
  /**
   * RDS Extended Support after the major leaves standard support (MOD-03). `false` sets
   * `engine_lifecycle_support = "open-source-rds-extended-support-disabled"` (creation then fails
   * for a major past standard support); `true` enrols explicitly.
   *
   * @default - not set; AWS default (enrolled in Extended Support, billed after standard support ends)
   */
  readonly extendedSupport?: boolean;
  /**
   * Let a change of `engineVersion`'s major apply (`allow_major_version_upgrade`). The cluster also
   * passes its instance parameter group as `db_instance_parameter_group_name`, so RDS moves the
   * instances to the new family's group in the same modification. A downgrade or a skipped major is
   * refused at plan time (the deployed version is read then). `false` makes RDS refuse a major
   * change.
   *
   * @default true
   */
  readonly allowMajorVersionUpgrade?: boolean;
  /**
   * Let a plan replace the deployed cluster. By default the plan is refused (a precondition, checked
   * against the deployed cluster while OpenTofu plans) when a change would make OpenTofu destroy the
   * cluster and create an empty one: another DB subnet group (e.g. a VPC that gained
   * `databaseSubnets`), database name or master user. Set `true` only to replace the cluster on
   * purpose, after taking a snapshot.
   *
   * @default false
   */
  readonly allowReplacement?: boolean;
  /**
   * Instance class of the writer and readers (APG-06): `db.t3|t4g.medium|large`,
   * `db.r5|r6g|r6i|r7g|r7i|r8g|x2g.<size>`, or `db.serverless` (Aurora Serverless v2, with
   * `serverlessV2Scaling`). `writer` and `readerGroups` can set their own.
   *
   * @default "db.r6g.large"
   */
  readonly instanceClass?: string;
  /**
   * Readers besides the writer, 0-15; they are placed in other AZs than the writer (APG-19/40).
   *
   * @default - from the stage: 0 for dev and test, 1 for pre-prod and prod
   */
  readonly readers?: number;
  /**
   * The capacity range of the Aurora Serverless v2 (`db.serverless`) instances: required when any
   * instance is `db.serverless`, refused when none is. `minCapacity: 0` turns on auto-pause.
   *
   * @default - not set; provisioned instances only
   */
  readonly serverlessV2Scaling?: ServerlessV2Scaling;
  /**
   * The writer's own settings (instance class, AZ, promotion tier, Performance Insights,
   * monitoring), instead of the cluster-wide props.
   *
   * @default - the cluster-wide props, in the VPC's first AZ
   */
  readonly writer?: WriterSettings;
  /**
   * Named groups of readers with their own settings, besides the `readers` ones, e.g.
   * `{ analytics: { count: 2, promotionTier: 15 } }`. Keyed by name, so adding or removing a group
   * never renames another instance.
   *
   * @default - no reader group
   */
  readonly readerGroups?: Record<string, ReaderGroup>;
  /**
   * Read-replica auto scaling on the readers' CPU or connections (Application Auto Scaling). The
   * readers it adds are not in the Terraform state; see the README before destroying.
   *
   * @default - no auto scaling
   */
  readonly readerAutoScaling?: ReaderAutoScaling;
  /**
   * Custom endpoints, keyed by name (`<clusterIdentifier>-<name>`), e.g. an `analytics` endpoint
   * on a reader group that is not the failover target.
   *
   * @default - no custom endpoint
   */
  readonly customEndpoints?: Record<string, CustomEndpoint>;
  /**
   * Automated backup retention in days, 1-35 (APG-20).
   *
   * @default - from the stage: 35 for prod, 7 otherwise
   */
  readonly backupRetentionDays?: number;
  /**
   * Enhanced monitoring interval in seconds: 0 (off), 1, 5, 10, 15, 30 or 60 (APG-21). A value
   * above 0 creates the monitoring role (APG-24).
   *
   * @default - from the stage: 1 for prod, 0 otherwise
   */
  readonly monitoringIntervalSeconds?: number;
  /**
   * Automatic minor version upgrades of the instances (APG-22).
   *
   * @default - from the stage: false for prod, true otherwise
   */
  readonly autoMinorVersionUpgrade?: boolean;
  /**
   * Performance Insights retention in days: 7, 731, or a multiple of 31 up to 713 (APG-23).
   * Performance Insights is always on, encrypted with the cluster key.
   *
   * @default - from the stage: 731 for prod, 7 otherwise; at least 465 with `databaseInsightsMode: "advanced"`
   */
  readonly performanceInsightsRetentionDays?: number;
  /**
   * Database Insights mode (`database_insights_mode`, MOD-04). Setting it also sets Performance
   * Insights on the cluster (enabled, the cluster key, `performanceInsightsRetentionDays`), as RDS
   * requires. `advanced` needs a retention of at least 465 days: left out, the retention becomes
   * 465 unless the stage keeps more (prod: 731).
   *
   * @default - not set; AWS's default (`standard`)
   */
  readonly databaseInsightsMode?: DatabaseInsightsMode;
  /**
   * Deletion protection on the cluster (MOD-15).
   *
   * @default - from the stage: true for prod, false otherwise
   */
  readonly deletionProtection?: boolean;
  /**
   * Take a final snapshot when the cluster is destroyed (MOD-15, mirrors `DeletionPolicy: Snapshot`).
   *
   * @default - from the stage: true for prod, false otherwise
   */
  readonly finalSnapshot?: boolean;
  /**
   * Name of the final snapshot (used when `finalSnapshot` is on). It must not exist yet.
   *
   * @default - "<clusterIdentifier>-final-snapshot"
   */
  readonly finalSnapshotIdentifier?: string;
  /**
   * Restore the cluster from this DB cluster snapshot (identifier or ARN) instead of creating an
   * empty one (APG-07/52). The database name and master user name then come from the snapshot;
   * the storage is encrypted with the cluster key and the master password becomes RDS-managed.
   *
   * @default - a new, empty cluster
   */
  readonly snapshotIdentifier?: string;
  /**
   * Restore the cluster from another cluster's continuous backups to a point in time, or clone it
   * (`restoreType: "copy-on-write"`), instead of creating an empty one. As with
   * `snapshotIdentifier` (which it excludes), the database name, master user and engine version
   * come from the source; the storage is encrypted with the cluster key and the master password
   * becomes RDS-managed.
   *
   * @default - a new, empty cluster
   */
  readonly restoreToPointInTime?: PointInTimeRestore;
  /**
   * Join an Aurora global database (`AuroraGlobalDatabase`) as its primary or as a secondary in
   * another region (`global_cluster_identifier`). `engineVersion` then defaults to the global
   * database's and must equal it. A member's master password cannot be RDS-managed: the primary
   * gets a generated write-only one in a secret of its own, a secondary shares the primary's.
   * See the README, "Global database".
   *
   * @default - a standalone cluster
   */
  readonly globalDatabase?: GlobalDatabaseMembership;
  /**
   * Use Aurora I/O-Optimized storage (`storage_type = "aurora-iopt1"`, MOD-16); `false` sets
   * Aurora standard storage explicitly.
   *
   * @default - not set; Aurora standard storage
   */
  readonly ioOptimizedStorage?: boolean;
  /**
   * Certificate authority of the instances' server certificates (MOD-06).
   *
   * @default "rds-ca-rsa2048-g1"
   */
  readonly caCertificateIdentifier?: string;
  /**
   * Days between rotations of the RDS-managed master password, 1-1000 (APG-37, MOD-01).
   *
   * @default 30
   */
  readonly masterPasswordRotationDays?: number;
  /**
   * IAM database authentication (`grantConnect`).
   *
   * @default true
   */
  readonly iamDatabaseAuthentication?: boolean;
  /**
   * Peers admitted on the database port, e.g. the bastion and application security groups
   * (APG-27). More can be added with `cluster.connections.allowDefaultPortFrom(peer)`.
   *
   * @default - no peer (only the security group's self-reference rule)
   */
  readonly allowConnectionsFrom?: (IPeer | IConnectable)[];
  /**
   * Opt in to a public path: one chosen reader gets `publicly_accessible = true` and the cluster's
   * security group admits `allowedCidrs` on the database port. The DB subnet group becomes one over
   * the VPC's public subnets (`<clusterIdentifier>-public`), shared by every instance; the writer
   * and the other readers stay without a public address. On a deployed cluster that is another
   * subnet group, which the replacement guard refuses (see the README, "Public reader").
   *
   * @default - no public path: every instance private, subnet group over the private (or database) subnets
   */
  readonly publicReader?: PublicReader;
  /**
   * Allow all outbound IPv4 traffic from the cluster's security group (the reference keeps the
   * default egress rule).
   *
   * @default true
   */
  readonly allowAllOutbound?: boolean;
  /**
   * Parameters added to or overriding the cluster parameter group defaults (APG-28, APG-54).
   *
   * @default - only the defaults (`rds.force_ssl = 1`, preloaded libraries, pgaudit)
   */
  readonly clusterParameters?: Record<string, string>;
  /**
   * Parameters added to or overriding the instance parameter group defaults (APG-29). The
   * instance group wins over the cluster group for instance-level parameters.
   *
   * @default - only the APG-29 settings
   */
  readonly instanceParameters?: Record<string, string>;
  /**
   * Retention of the `/aws/rds/cluster/<id>/postgresql` log group, in days (one of the values
   * CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, ... 3653).
   *
   * @default - the stage preset: 365 for prod, 30 for dev, test and pre-prod
   */
  readonly postgresqlLogRetentionDays?: number;
  /**
   * Encrypt the PostgreSQL log group with the cluster key (adds a CloudWatch Logs statement to
   * the key policy, for that log group only). The statement log can hold data and DDL.
   *
   * @default true
   */
  readonly encryptPostgresqlLogs?: boolean;
  /**
   * E-mail addresses subscribed to the notification topic (APG-25). Each must confirm its
   * subscription.
   *
   * @default - no subscription; subscribe to `notificationTopicArn` yourself
   */
  readonly notificationEmails?: string[];
  /**
   * Create the per-instance CloudWatch alarms of APG-42..44.
   *
   * @default true
   */
  readonly alarms?: boolean;
  /**
   * Create the RDS event subscriptions of APG-45..47.
   *
   * @default true
   */
  readonly eventSubscriptions?: boolean;
  /**
   * Daily backup window (UTC), `hh24:mi-hh24:mi`.
   *
   * @default - not set; RDS picks a window
   */
  readonly preferredBackupWindow?: string;
  /**
   * Weekly maintenance window (UTC), `ddd:hh24:mi-ddd:hh24:mi`.
   *
   * @default - not set; RDS picks a window
   */
  readonly preferredMaintenanceWindow?: string;
  /**
   * Apply modifications immediately instead of in the next maintenance window.
   *
   * @default - not set; RDS default (next maintenance window)
   */
  readonly applyImmediately?: boolean;
  /**
   * Waiting period before the KMS key is deleted after a destroy, 7-30 days (replaces the
   * reference's `DeletionPolicy: Retain`, APG-30).
   *
   * @default 30
   */
  readonly keyDeletionWindowDays?: number;
  /**
   * Extra tags for every resource this construct creates (the mandatory tags go to the cluster
   * and instances only, as in the reference).
   *
   * @default - no extra tags
   */
  readonly tags?: Record<string, string>;
}
