/** Shared fixtures of the AuroraPostgresCluster unit tests. */
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { AuroraPostgresClusterProps, MandatoryTags } from "../src";
import { fakeVpc } from "../../../test/helpers/unit";

/** A 3-AZ VPC given as an object literal (the Vpc3Az construct is not needed here). */
export const VPC: IVpc3Az = fakeVpc("us-east-1");

export const TAGS: MandatoryTags = {
  application: "Orders App",
  projectCostCenter: "CC42",
  serviceOwnersEmailContact: "owners@example.com",
  confidentiality: "confidential",
  compliance: "none",
};

/** The smallest valid props. */
export function minimalProps(
  overrides: Partial<AuroraPostgresClusterProps> = {},
): AuroraPostgresClusterProps {
  return { vpc: VPC, clusterIdentifier: "orders", databaseName: "orders", mandatoryTags: TAGS, ...overrides };
}

export { testStack, synthJson, resources as resourcesOf, onlyResource } from "../../../test/helpers/unit";

/** `parameter` blocks of a parameter group as a name -> value map. */
export function parameterMap(group: Record<string, unknown>): Record<string, string> {
  const blocks = group.parameter as { name: string; value: string }[];
  return Object.fromEntries(blocks.map((b) => [b.name, b.value]));
}
