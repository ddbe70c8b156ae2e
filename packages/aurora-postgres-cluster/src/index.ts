// The public API of @aurora-cdktf/aurora-postgres-cluster, listed name by name (see the README's
// "API" section). Everything else (validation, defaults, src/private/) is internal.
export { AuroraPostgresCluster } from "./aurora-postgres-cluster";
export type {
  AuroraPostgresClusterProps,
  Compliance,
  Confidentiality,
  DatabaseInsightsMode,
  MandatoryTags,
  PointInTimeRestore,
  PublicReader,
  RestoreType,
} from "./aurora-postgres-cluster-props";
export type {
  AuroraPostgresClusterAttributes,
  AuroraPostgresClusterOutputs,
  IAuroraPostgresCluster,
  IParameterGroupTarget,
  ParameterApplyMethod,
} from "./aurora-postgres-cluster-ref";
export type {
  CustomEndpoint,
  CustomEndpointType,
  InstanceSettings,
  ReaderAutoScaling,
  ReaderAutoScalingMetric,
  ReaderGroup,
  ServerlessV2Scaling,
  WriterSettings,
} from "./cluster-shapes";
export { ENVIRONMENT_STAGES, STAGE_PRESETS } from "./stage-presets";
export type { EnvironmentStage, StagePreset } from "./stage-presets";
export { AURORA_POSTGRES_FAMILIES, DEFAULT_ENGINE_VERSION } from "./engine";
export { ClusterS3Access } from "./cluster-s3-access";
export type { S3Feature } from "./cluster-s3-access";
export type { ClusterS3AccessProps, S3Location } from "./cluster-s3-access-props";
export { ClusterActivityStream } from "./activity-stream";
export type { ActivityStreamMode, ClusterActivityStreamProps } from "./activity-stream-props";
export { AuroraGlobalDatabase } from "./global-database";
export type {
  AuroraGlobalDatabaseProps,
  GlobalDatabaseMembership,
  GlobalDatabaseRole,
  IAuroraGlobalDatabase,
} from "./global-database-props";
