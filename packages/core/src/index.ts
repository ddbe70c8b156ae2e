export * from "./validation";
export * from "./connections";
