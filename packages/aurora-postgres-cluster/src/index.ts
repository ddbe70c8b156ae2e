export * from "./cluster-ref";
export * from "./cluster";
export * from "./bootstrap";
