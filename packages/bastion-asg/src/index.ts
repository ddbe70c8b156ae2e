export * from "./bastion-asg-ref";
export * from "./bastion-asg-props";
export * from "./bastion-asg";
export * from "./validate";
