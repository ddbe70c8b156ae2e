import { App, Testing, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";

/** A stack with AWS, postgresql and random providers, as a user's stack would have. */
export function testStack(id = "test", app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new PostgresqlProvider(stack, "pg", { host: "127.0.0.1", superuser: false });
  new RandomProvider(stack, "random");
  return stack;
}

/** The synthesized stack as an object. */
export function synthJson(stack: TerraformStack): {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Record<string, unknown>>;
} {
  return JSON.parse(Testing.synth(stack));
}

/** The resources of one type, by logical id. */
export function resources(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  return synthJson(stack).resource?.[type] ?? {};
}

let probe = 0;
/** What `value` renders as in the synthesized JSON (through a throwaway output). */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `resolved_probe_${probe++}`;
  new TerraformOutput(stack, id, { value });
  return synthJson(stack).output?.[id]?.value;
}
