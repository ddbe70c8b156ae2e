// The public API of @aurora-cdktf/vpc-3az, listed name by name (see the README's "API" section).
// Everything else (validation, defaults, src/private/) is internal.
export { Vpc3Az } from "./vpc-3az";
export { FlowLogTrafficType, NatGatewayMode, NetworkAclMode } from "./vpc-3az-props";
export type { NetworkAclIngress, Vpc3AzProps } from "./vpc-3az-props";
export type { IVpc3Az, Vpc3AzAttributes, Vpc3AzOutputs, Vpc3AzZone } from "./vpc-3az-ref";
// The same type as core's (its home); re-exported so that imports from this package keep working.
export type { IKmsKeyRef } from "@aurora-cdktf/core";
