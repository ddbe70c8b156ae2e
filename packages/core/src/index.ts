// The exports of @aurora-cdktf/core, listed name by name (see the README's "API" section): the
// primitives the other @aurora-cdktf packages share. Internal to the family, but each is still a
// promise to those packages, so nothing is exported by `export *`.
export { ValidationError, Validator } from "./validation";
export type { ValidationRule } from "./validation";
export { runApp, STACK_TRACE_VARIABLE } from "./run-app";
export type { RunAppIo } from "./run-app";
export { providerVersions, TESTED_PROVIDER_VERSIONS } from "./provider-versions";
export type { ProviderVersionConstraints } from "./provider-versions";
export { Connections, Peer, Port } from "./connections";
export type { ConnectionsProps, IConnectable, IPeer } from "./connections";
export type { IKmsKeyRef } from "./references";
export { AwsContext } from "./aws-context";
export type { AwsContextIds } from "./aws-context";
export {
  arnParts,
  awsManagedPolicyArn,
  checkArn,
  checkKmsKeyArn,
  logGroupArn,
  partitionOfRegion,
} from "./arn";
export type { ArnLocation, ArnParts, ArnRule } from "./arn";
export { canonicalIpv4Cidr, ipv4CidrsOverlap, parseIpv4Cidr } from "./cidr";
export type { Ipv4Cidr } from "./cidr";
export { checkTags, TAG_CHARACTERS_PATTERN } from "./tags";
export type { TagRuleOptions } from "./tags";
export { CLOUDWATCH_LOG_RETENTION_DAYS, rdsPostgresqlLogGroupName } from "./logs";
export {
  duplicatesOf,
  EMAIL_PATTERN,
  LOG_GROUP_NAME_PATTERN,
  RDS_PARAMETER_NAME_PATTERN,
  SECRET_NAME_PATTERN,
} from "./patterns";
export {
  checkDatabaseName,
  checkDisplayName,
  checkDistinct,
  checkExtensionName,
  checkPasswordVersion,
  checkRoleName,
  checkSchemaName,
  EXTENSION_NAME_PATTERN,
  IDENTIFIER_PATTERN,
  isSystemSchema,
  MAX_IDENTIFIER_BYTES,
  reservedRoleReason,
} from "./postgres-names";
export type { PostgresNameUse } from "./postgres-names";
