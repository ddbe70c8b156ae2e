/** The reference's `EnvironmentStage` values (APG-09). */
export type EnvironmentStage = "dev" | "test" | "pre-prod" | "prod";

/** Every stage, in the reference's order. */
export const ENVIRONMENT_STAGES: readonly EnvironmentStage[] = ["dev", "test", "pre-prod", "prod"];

/**
 * What a stage sets (the reference's environment matrix, APG-19..23, plus MOD-15 for prod).
 * Every value can be overridden by the prop of the same name.
 */
export interface StagePreset {
  /** APG-19: readers besides the writer (`IsReplica` = pre-prod or prod). */
  readonly readers: number;
  /** APG-20: automated backup retention. */
  readonly backupRetentionDays: number;
  /** APG-21: enhanced monitoring interval (0 = off); prod also gets the monitoring role (APG-24). */
  readonly monitoringIntervalSeconds: number;
  /** APG-22: automatic minor version upgrades. */
  readonly autoMinorVersionUpgrade: boolean;
  /** APG-23: Performance Insights retention. */
  readonly performanceInsightsRetentionDays: number;
  /** MOD-15: deletion protection (prod only). */
  readonly deletionProtection: boolean;
  /** MOD-15: a final snapshot on deletion (prod only; mirrors `DeletionPolicy: Snapshot`). */
  readonly finalSnapshot: boolean;
  /** Retention of the `postgresql` log group: 30 days, a year in prod (audit). */
  readonly postgresqlLogRetentionDays: number;
}

const NON_PROD: StagePreset = {
  readers: 0,
  backupRetentionDays: 7,
  monitoringIntervalSeconds: 0,
  autoMinorVersionUpgrade: true,
  performanceInsightsRetentionDays: 7,
  deletionProtection: false,
  finalSnapshot: false,
  postgresqlLogRetentionDays: 30,
};

/** The preset of each stage. */
export const STAGE_PRESETS: Readonly<Record<EnvironmentStage, StagePreset>> = Object.freeze({
  dev: NON_PROD,
  test: NON_PROD,
  "pre-prod": { ...NON_PROD, readers: 1 },
  prod: {
    readers: 1,
    backupRetentionDays: 35,
    monitoringIntervalSeconds: 1,
    autoMinorVersionUpgrade: false,
    performanceInsightsRetentionDays: 731,
    deletionProtection: true,
    finalSnapshot: true,
    postgresqlLogRetentionDays: 365,
  },
});
