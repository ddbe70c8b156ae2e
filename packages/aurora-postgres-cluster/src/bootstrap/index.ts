export * from "./connection";
export * from "./validate";
export * from "./postgres-role";
export * from "./postgres-extensions";
export * from "./application-schema";
export * from "./cluster-provider";
