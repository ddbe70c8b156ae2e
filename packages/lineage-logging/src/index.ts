export * from "./lineage-logging-ref";
export * from "./lineage-logging";
export * from "./lineage-database-access";
export * from "./lineage-handover";
