// The public API of @aurora-cdktf/lineage-logging, listed name by name (see the README's "API"
// section). Everything else (validation, defaults, src/private/) is internal.
export { LineageLogging } from "./lineage-logging";
export type { LineageLoggingProps } from "./lineage-logging-props";
export { LineageDatabaseAccess } from "./lineage-database-access";
export type { LineageDatabaseAccessProps } from "./lineage-database-access-props";
export { LineageHandover } from "./lineage-handover";
export type { LineageHandoverProps } from "./lineage-handover-props";
export { LineageLogAccess, LineageLogStatement } from "./lineage-logging-ref";
export type {
  DatafoldConnectionFields,
  ILineageDatabaseAccess,
  ILineageLogging,
  LineageLoggingOutputs,
} from "./lineage-logging-ref";
// The same type as core's (its home); re-exported so that imports from this package keep working.
export type { IKmsKeyRef } from "@aurora-cdktf/core";
