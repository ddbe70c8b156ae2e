/**
 * The shapes of a cluster besides the default writer + identical readers: Aurora Serverless v2,
 * per-instance settings, named reader groups, read-replica auto scaling and custom endpoints.
 */

/**
 * The capacity range of the cluster's Aurora Serverless v2 (`db.serverless`) instances
 * (`serverlessv2_scaling_configuration`). Required as soon as one instance is `db.serverless`.
 */
export interface ServerlessV2Scaling {
  /**
   * Fewest Aurora capacity units (ACUs) per `db.serverless` instance: 0-256 in steps of 0.5. `0`
   * turns on auto-pause, which needs Aurora PostgreSQL 15.7, 16.3 or any 17.
   */
  readonly minCapacity: number;
  /**
   * Most ACUs per `db.serverless` instance: 1-256 in steps of 0.5, at least `minCapacity`. Above 128
   * needs a recent engine and platform version (RDS refuses it otherwise).
   */
  readonly maxCapacity: number;
  /**
   * Idle seconds before a `db.serverless` instance pauses, 300-86400; only with `minCapacity: 0`.
   *
   * @default - not set; RDS's default, 300, when `minCapacity` is 0
   */
  readonly secondsUntilAutoPause?: number;
}

/** Settings of one instance or of a group of readers. Unset ones follow the cluster-wide props. */
export interface InstanceSettings {
  /**
   * Instance class: `db.serverless`, `db.t3|t4g.medium|large` or `db.r5|r6g|r6i|r7g|r7i|r8g|x2g.<size>`.
   *
   * @default - the `instanceClass` prop
   */
  readonly instanceClass?: string;
  /**
   * Failover priority, 0 (promoted first) to 15 (last). With auto-pause, readers in tiers 0 and 1
   * pause and resume with the writer; readers in tiers 2-15 pause on their own.
   *
   * @default - not set; the provider's default, 0
   */
  readonly promotionTier?: number;
  /**
   * Performance Insights, encrypted with the cluster key.
   *
   * @default true
   */
  readonly performanceInsights?: boolean;
  /**
   * Performance Insights retention in days: 7, 731, or a multiple of 31 up to 713.
   *
   * @default - the `performanceInsightsRetentionDays` prop (from the stage)
   */
  readonly performanceInsightsRetentionDays?: number;
  /**
   * Enhanced monitoring interval in seconds: 0 (off), 1, 5, 10, 15, 30 or 60. Above 0 on any
   * instance creates the monitoring role.
   *
   * @default - the `monitoringIntervalSeconds` prop (from the stage)
   */
  readonly monitoringIntervalSeconds?: number;
}

/** Settings of the writer (the first instance Terraform creates). */
export interface WriterSettings extends InstanceSettings {
  /**
   * Availability zone, one of the VPC's. Readers that are placed by default go to the AZs after it.
   * Changing it replaces the writer.
   *
   * @default - the VPC's first AZ
   */
  readonly availabilityZone?: string;
}

/**
 * A named group of readers with their own settings, e.g. `analytics: { count: 2, promotionTier: 15 }`.
 * Reader `k` of group `name` has the construct id `Reader-<name>-<k>` and the identifier
 * `<clusterIdentifier>-<name>-<k>`, so adding or removing a group, or the last reader of a group,
 * never renames another instance.
 */
export interface ReaderGroup extends InstanceSettings {
  /**
   * Readers in the group, 1-15 (with the other readers, at most 15 per cluster).
   *
   * @default 1
   */
  readonly count?: number;
  /**
   * AZs of the group's readers in turn: reader `k` goes to `availabilityZones[(k - 1) % length]`.
   * Each must be one of the VPC's.
   *
   * @default - reader `k` in the `k`-th AZ after the writer's (wrapping around)
   */
  readonly availabilityZones?: string[];
}

/** The metric read-replica auto scaling tracks. */
export type ReaderAutoScalingMetric = "cpu" | "connections";

/**
 * Aurora read-replica auto scaling: an Application Auto Scaling target on
 * `rds:cluster:ReadReplicaCount` with a target-tracking policy. The readers it adds are named
 * `application-autoscaling-<uuid>` by AWS and are not in the Terraform state (see the README).
 */
export interface ReaderAutoScaling {
  /**
   * Fewest readers, 0-15. The count includes the readers Terraform manages (`readers` and
   * `readerGroups`); auto scaling only removes readers it added.
   */
  readonly minReaders: number;
  /** Most readers, 1-15 and at least `minReaders`, Terraform's readers included. */
  readonly maxReaders: number;
  /**
   * `cpu` (`RDSReaderAverageCPUUtilization`, percent) or `connections`
   * (`RDSReaderAverageDatabaseConnections`).
   *
   * @default "cpu"
   */
  readonly metric?: ReaderAutoScalingMetric;
  /** The value to keep the readers' average at: a percentage above 0 and at most 100 for `cpu`, a count above 0 for `connections`. */
  readonly targetValue: number;
  /**
   * Seconds after a scale-in before the next scale-in, 0-86400.
   *
   * @default 300
   */
  readonly scaleInCooldownSeconds?: number;
  /**
   * Seconds after a scale-out before the next scale-out, 0-86400.
   *
   * @default 300
   */
  readonly scaleOutCooldownSeconds?: number;
  /**
   * Never remove readers (scale out only).
   *
   * @default false
   */
  readonly disableScaleIn?: boolean;
}

/** The instances a custom endpoint routes to: readers only, or every instance. */
export type CustomEndpointType = "READER" | "ANY";

/**
 * A custom endpoint (`aws_rds_cluster_endpoint`) named `<clusterIdentifier>-<name>`. Members are
 * named `"writer"` (the writer Terraform created), `"readers"` (the numbered readers of `readers`)
 * or a reader group's name (all its readers). Give `members` (a static list: readers auto scaling
 * adds never join) or `excludedMembers` (everything else, including readers auto scaling adds
 * later), or neither (every instance of the type).
 */
export interface CustomEndpoint {
  /**
   * `READER` routes to instances that are readers at the time; `ANY` to the writer too.
   *
   * @default "READER"
   */
  readonly type?: CustomEndpointType;
  /**
   * The only instances of the endpoint.
   *
   * @default - not a static list
   */
  readonly members?: string[];
  /**
   * Instances left out of the endpoint; every other one, present or added later, is in it.
   *
   * @default - nothing excluded
   */
  readonly excludedMembers?: string[];
}
