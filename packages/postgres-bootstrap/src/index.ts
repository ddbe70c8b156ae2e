export type { PostgresConnection } from "./connection";
export { PostgresRole, GENERATED_PASSWORD_LENGTH } from "./postgres-role";
export type { PostgresRoleProps } from "./postgres-role";
export { PostgresExtensions, DEFAULT_EXTENSIONS } from "./postgres-extensions";
export type { PostgresExtensionsProps } from "./postgres-extensions";
export {
  ApplicationSchema,
  READ_ONLY_TABLE_PRIVILEGES,
  READ_WRITE_SEQUENCE_PRIVILEGES,
  READ_WRITE_TABLE_PRIVILEGES,
} from "./application-schema";
export type {
  ApplicationSchemaOutputs,
  ApplicationSchemaProps,
  SchemaRoleOptions,
} from "./application-schema";
export { ClusterProviderSettings, clusterProviderConfig, PostgresTunnel } from "./cluster-provider";
export type {
  ClusterProviderSettingsOptions,
  PostgresClusterEndpoint,
  PostgresSslMode,
} from "./cluster-provider";
export { DependencyChain } from "./dependency-chain";
