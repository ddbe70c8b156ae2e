// The public API of @aurora-cdktf/postgres-bootstrap, listed name by name (see the README's "API"
// section). Everything else (validation, defaults, src/private/) is internal.
export type { PostgresConnection } from "./connection";
export { PostgresRole } from "./postgres-role";
export { GENERATED_PASSWORD_LENGTH } from "./postgres-role-props";
export type { PostgresRoleProps, RolePasswordSecret } from "./postgres-role-props";
export { PostgresExtensions } from "./postgres-extensions";
export { DEFAULT_EXTENSIONS } from "./postgres-extensions-props";
export type { PostgresExtensionsProps } from "./postgres-extensions-props";
export { AwsS3Extension } from "./aws-s3-extension";
export { AWS_S3_EXTENSIONS } from "./aws-s3-extension-props";
export type { AwsS3ExtensionProps } from "./aws-s3-extension-props";
export { ApplicationSchema } from "./application-schema";
export {
  READ_ONLY_TABLE_PRIVILEGES,
  READ_WRITE_SEQUENCE_PRIVILEGES,
  READ_WRITE_TABLE_PRIVILEGES,
} from "./application-schema-props";
export type { ApplicationSchemaProps, SchemaRoleOptions } from "./application-schema-props";
export type { ApplicationSchemaOutputs } from "./application-schema-ref";
export { ClusterProviderSettings, clusterProviderConfig } from "./cluster-provider";
export { PostgresTunnel } from "./cluster-provider-props";
export type {
  ClusterProviderSettingsOptions,
  MasterSecretRead,
  PostgresClusterEndpoint,
  PostgresSslMode,
} from "./cluster-provider-props";
export { DependencyChain } from "./dependency-chain";
export { SessionLogging, SUPPRESSED_SESSION_PGOPTIONS } from "./session-logging";
