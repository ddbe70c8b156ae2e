import * as fs from "fs";
import * as path from "path";
import { App, Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { providerVersions, TESTED_PROVIDER_VERSIONS, ValidationError } from "../src";
import { bindingsPins } from "../../../test/helpers/bindings-pins";

/** The pins of the loaded bindings (cdktf's @cdktf/provider-aws, or CDK Terrain's @cdktn one). */
const pins = bindingsPins();

type Required = Record<string, { version?: string; source?: string }>;

function requiredProviders(stack: TerraformStack): Required {
  const json = JSON.parse(Testing.synth(stack)) as { terraform?: { required_providers?: Required } };
  return json.terraform?.required_providers ?? {};
}

function stacks(app: App): { aws: TerraformStack; db: TerraformStack } {
  const aws = new TerraformStack(app, "network");
  new AwsProvider(aws, "Aws", { region: "us-east-1" });
  const db = new TerraformStack(app, "database");
  new PostgresqlProvider(db, "Postgresql", {});
  new RandomProvider(db, "Random");
  return { aws, db };
}

describe("providerVersions", () => {
  it("without it, the bindings pin their exact versions (what fails init where only others exist)", () => {
    const { aws, db } = stacks(Testing.app());
    expect(requiredProviders(aws).aws).toEqual({ source: pins.aws.source, version: pins.aws.version });
    expect(pins.aws.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(requiredProviders(db).postgresql?.version).toBe("1.26.0");
  });

  it("sets each constrained provider's version in every stack of the app that uses it", () => {
    const app = Testing.app();
    const { aws, db } = stacks(app);
    providerVersions(app, { aws: ">= 5.100, < 7", random: "~> 3.7" });
    expect(requiredProviders(aws)).toEqual({ aws: { source: pins.aws.source, version: ">= 5.100, < 7" } });
    expect(requiredProviders(db)).toEqual({
      postgresql: { source: "cyrilgdn/postgresql", version: "1.26.0" },
      random: { source: "hashicorp/random", version: "~> 3.7" },
    });
  });

  it("adds no required_providers entry to a stack without that provider", () => {
    const app = Testing.app();
    const { db } = stacks(app);
    providerVersions(app, { aws: "5.100.0" });
    expect(Object.keys(requiredProviders(db)).sort()).toEqual(["postgresql", "random"]);
  });

  it("applies to one stack only when called on that stack", () => {
    const app = Testing.app();
    const { aws } = stacks(app);
    const other = new TerraformStack(app, "bastion");
    new AwsProvider(other, "Aws", { region: "us-east-1" });
    providerVersions(aws, { aws: "5.100.0" });
    expect(requiredProviders(aws).aws?.version).toBe("5.100.0");
    expect(requiredProviders(other).aws?.version).toBe(pins.aws.version);
    expect(pins.aws.version).not.toBe("5.100.0");
  });

  it.each([
    [
      "an empty constraint",
      { aws: "" },
      /constraint for "aws" must be a Terraform version constraint.*got ""/,
    ],
    ["a constraint that is not one", { aws: "latest" }, /got "latest"/],
    ["a bad operator", { aws: "=> 5.0" }, /got "=> 5.0"/],
    ["a dangling comma", { aws: ">= 5.0," }, /got ">= 5.0,"/],
    [
      "a source address instead of a local name",
      { "hashicorp/aws": "5.100.0" },
      /"hashicorp\/aws" is not a provider local name/,
    ],
  ])("refuses %s, naming the scope", (_what, constraints, message) => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "network");
    expect(() => providerVersions(stack, constraints)).toThrow(ValidationError);
    expect(() => providerVersions(stack, constraints)).toThrow(message);
    expect(() => providerVersions(stack, constraints)).toThrow(/^\[network\] invalid props: /);
  });

  it.each([["5.100.0"], [">= 5.83, < 7"], ["~> 6.0"], ["!= 6.1.0"], ["6.0.0-beta1"]])("accepts %s", (c) => {
    const app = Testing.app();
    stacks(app);
    expect(() => providerVersions(app, { aws: c })).not.toThrow();
  });

  it("refuses a scope without any stack yet, saying when to call it", () => {
    expect(() => providerVersions(Testing.app(), { aws: "5.100.0" })).toThrow(
      /there is no stack under this scope yet. Fix: call it after creating the stacks/,
    );
  });

  it("covers a provider added to a stack after the call, and shows in a real app synth", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "late");
    providerVersions(app, { aws: "5.100.0" });
    new AwsProvider(stack, "Aws", { region: "us-east-1" });
    app.synth();
    const json = JSON.parse(
      fs.readFileSync(path.join(app.outdir, "stacks", "late", "cdk.tf.json"), "utf8"),
    ) as {
      terraform: { required_providers: Required };
    };
    expect(json.terraform.required_providers.aws.version).toBe("5.100.0");
  });

  it("lists the tested versions, the bindings' among them", () => {
    expect(TESTED_PROVIDER_VERSIONS.aws).toContain("6.25.0");
    expect(TESTED_PROVIDER_VERSIONS.postgresql).toEqual(["1.26.0"]);
    expect(TESTED_PROVIDER_VERSIONS.random).toEqual(["3.7.2"]);
  });
});
