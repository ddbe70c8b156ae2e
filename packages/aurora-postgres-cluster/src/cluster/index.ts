export * from "./aurora-postgres-cluster";
export * from "./engine";
export * from "./props";
export * from "./stage-presets";
export { INSTANCE_ALARMS, EVENT_CATEGORIES } from "./notifications";
export type { InstanceAlarmDefinition } from "./notifications";
export {
  DEFAULT_CLUSTER_PARAMETERS,
  DEFAULT_INSTANCE_PARAMETERS,
  SHARED_PRELOAD_LIBRARIES,
} from "./parameters";
export {
  CA_CERTIFICATES,
  LOG_RETENTION_DAYS,
  MONITORING_INTERVALS,
  PERFORMANCE_INSIGHTS_RETENTIONS,
} from "./validate";
export type { ResolvedSettings } from "./settings";
