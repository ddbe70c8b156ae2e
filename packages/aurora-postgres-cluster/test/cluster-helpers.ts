/** Shared fixtures of the AuroraPostgresCluster unit tests. */
import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { AuroraPostgresClusterProps, MandatoryTags } from "../src";

/** A 3-AZ VPC given as an object literal (the Vpc3Az construct is not needed here). */
export const VPC: IVpc3Az = {
  vpcId: "vpc-0123456789abcdef0",
  vpcCidrBlock: "10.0.0.0/16",
  availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
  publicSubnetIds: ["subnet-pub-a", "subnet-pub-b", "subnet-pub-c"],
  privateSubnetIds: ["subnet-priv-a", "subnet-priv-b", "subnet-priv-c"],
};

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

/** A stack with an AWS provider, on a fresh test app. */
export function testStack(id = "test"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  return stack;
}

interface SynthJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
}

/** The synthesized stack as JSON. */
export function synthJson(stack: TerraformStack): SynthJson {
  return JSON.parse(Testing.synth(stack)) as SynthJson;
}

/** Resources of one type, by logical id. */
export function resourcesOf(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  return synthJson(stack).resource?.[type] ?? {};
}

/** The single resource of `type` (fails when there is not exactly one). */
export function onlyResource(stack: TerraformStack, type: string): Record<string, unknown> {
  const all = Object.values(resourcesOf(stack, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** `parameter` blocks of a parameter group as a name -> value map. */
export function parameterMap(group: Record<string, unknown>): Record<string, string> {
  const blocks = group.parameter as { name: string; value: string }[];
  return Object.fromEntries(blocks.map((b) => [b.name, b.value]));
}
