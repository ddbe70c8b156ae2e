// The public API of @aurora-cdktf/bastion-asg, listed name by name (see the README's "API" section).
// Everything else (validation, defaults, src/private/) is internal.
export { BastionAsg } from "./bastion-asg";
export { BastionAccessMode, BastionSubnets, BastionTenancy, DEFAULT_BANNER_TEXT } from "./bastion-asg-props";
export type { BastionAsgProps } from "./bastion-asg-props";
export type { BastionAsgAttributes, BastionAsgOutputs, IBastionAsg } from "./bastion-asg-ref";
// The same type as core's (its home); re-exported so that imports from this package keep working.
export type { IKmsKeyRef } from "@aurora-cdktf/core";
