import {
  App,
  DefaultTokenResolver,
  StringConcat,
  Testing,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  Tokenization,
} from "cdktf";
import { IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc3Az, Vpc3AzProps } from "../src";

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

/** A stack with an AWS provider, as a user's stack would have. */
export function testStack(id = "test", app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  return stack;
}

/** A test stack holding one `Vpc3Az` with id "Vpc". */
export function vpcStack(props: Vpc3AzProps = {}, id = "test"): { stack: TerraformStack; vpc: Vpc3Az } {
  const stack = testStack(id);
  return { stack, vpc: new Vpc3Az(stack, "Vpc", props) };
}

/** The synthesized stack as an object. */
export function synthJson(stack: TerraformStack): {
  resource?: Blocks;
  data?: Blocks;
  output?: Record<string, Record<string, unknown>>;
} {
  return JSON.parse(Testing.synth(stack));
}

/** The resources of one type, by logical id. */
export function resources(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  return synthJson(stack).resource?.[type] ?? {};
}

/** How many resources of each type the stack has. */
export function resourceCounts(stack: TerraformStack): Record<string, number> {
  const all = synthJson(stack).resource ?? {};
  return Object.fromEntries(Object.entries(all).map(([type, byId]) => [type, Object.keys(byId).length]));
}

let probe = 0;
/** What `value` renders as in the synthesized JSON (through a throwaway output). */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `resolved_probe_${probe++}`;
  new TerraformOutput(stack, id, { value });
  return synthJson(stack).output?.[id]?.value;
}

/** The `${...}` reference to a resource's attribute, e.g. ref("aws_vpc", "Vpc_8378EB38", "id"). */
export function ref(type: string, logicalId: string, attr: string): string {
  return `\${${type}.${logicalId}.${attr}}`;
}

/** The logical id of the only resource of `type` whose id starts with `prefix` (e.g. "Vpc_PublicSubnetA_"). */
export function idOf(stack: TerraformStack, type: string, prefix: string): string {
  const ids = Object.keys(resources(stack, type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1)
    throw new Error(`expected one ${type} starting with ${prefix}, got ${JSON.stringify(ids)}`);
  return ids[0];
}

type Element = TerraformElement & { terraformResourceType: string };

/** `<type>.<logical id>` of the child `id` of `scope` (as in `depends_on`). */
export function fqnOf(scope: IConstruct, id: string): string {
  const child = scope.node.findChild(id) as Element;
  return `${child.terraformResourceType}.${child.friendlyUniqueId}`;
}

/** `${<type>.<logical id>.<attr>}` of the child `id` of `scope` (e.g. refOf(vpc, "PublicSubnetA")). */
export function refOf(scope: IConstruct, id: string, attr = "id"): string {
  return `\${${fqnOf(scope, id)}.${attr}}`;
}

/** The logical id of the child `id` of `scope` (its key in the synthesized JSON). */
export function logicalIdOf(scope: IConstruct, id: string): string {
  return (scope.node.findChild(id) as TerraformElement).friendlyUniqueId;
}

/** `value` with its tokens rendered as in the synthesized JSON. */
export function resolve<T>(scope: IConstruct, value: T): T {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}
