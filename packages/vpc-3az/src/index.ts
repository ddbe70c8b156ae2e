export * from "./vpc-3az-ref";
export * from "./vpc-3az-props";
export * from "./vpc-3az";
