export * from "./validation";
export * from "./connections";
export * from "./references";
export * from "./aws-context";
export * from "./arn";
export * from "./logs";
export * from "./patterns";
export * from "./postgres-names";
