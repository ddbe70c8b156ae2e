import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { providerVersions } from "@aurora-cdktf/core";
import { bindingsPins } from "../helpers/bindings-pins";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const serializer = require("../helpers/synth-serializer") as {
  test(val: unknown): boolean;
  serialize(val: unknown): string;
};

/** What the snapshot of `val` reads (the serializer's text inside its quotes), parsed. */
function printed(val: string): { terraform: { required_providers: Record<string, unknown> } } {
  expect(serializer.test(val)).toBe(true);
  const text = serializer.serialize(val);
  expect(text.startsWith('"') && text.endsWith('"')).toBe(true);
  return JSON.parse(text.slice(1, -1));
}

function awsStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "network");
  new AwsProvider(stack, "Aws", { region: "us-east-1" });
  return stack;
}

describe("the snapshot serializer of synthesized stacks", () => {
  it("shows the loaded bindings' own pin as a placeholder", () => {
    const synth = Testing.synth(awsStack());
    expect(JSON.parse(synth).terraform.required_providers.aws).toEqual(bindingsPins().aws);
    expect(printed(synth).terraform.required_providers.aws).toEqual({
      source: "<aws bindings' source>",
      version: "<aws bindings' version>",
    });
  });

  it("keeps any other version literal, so a changed pin still shows in the snapshot", () => {
    const stack = awsStack();
    providerVersions(stack, { aws: ">= 5.100, < 7" });
    expect(printed(Testing.synth(stack)).terraform.required_providers.aws).toEqual({
      source: "<aws bindings' source>",
      version: ">= 5.100, < 7",
    });
  });

  it("prints canonically: empty objects and arrays alike on every framework, keys sorted", () => {
    const cdktf021 = '{\n  "terraform": {\n    "b": [\n    ],\n    "a": {\n    }\n  }\n}';
    expect(serializer.serialize(cdktf021)).toBe(
      `"${JSON.stringify({ terraform: { a: {}, b: [] } }, null, 2)}"`,
    );
    expect(serializer.serialize(cdktf021)).toBe(serializer.serialize('{"terraform":{"a":{},"b":[]}}'));
  });

  it.each([["not JSON"], ['{"name": "x"}'], ["[]"], ["{}"], [42]])("leaves %p to Jest", (val) => {
    expect(serializer.test(val)).toBe(false);
  });
});
