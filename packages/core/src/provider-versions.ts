import { Aspects, IAspect, TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { Validator } from "./validation";

/**
 * Version constraints by provider local name (`aws`, `postgresql`, `random`, or any other provider
 * in the stacks), in Terraform's syntax: `"5.100.0"`, `">= 5.83, < 7"`, `"~> 6.0"`.
 */
export type ProviderVersionConstraints = Readonly<Record<string, string>>;

/** One constraint: an optional operator and a version of one to three numbers (with a pre-release). */
const CONSTRAINT_PART = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?\s*$/;
/** A provider's local name as `required_providers` keys it. */
const LOCAL_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The versions the constructs of this library are tested with, by provider local name: the
 * prebuilt bindings' versions (synthesized by default) and the versions the integration tests
 * run (see core's README, "Provider versions", for the arguments that need a minimum).
 */
export const TESTED_PROVIDER_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  aws: ["5.100.0", "6.25.0"],
  postgresql: ["1.26.0"],
  random: ["3.7.2"],
};

/**
 * Sets `terraform.required_providers.<name>.version` in every stack under `scope` that uses that
 * provider, instead of the exact version the prebuilt bindings write (e.g. hashicorp/aws 6.25.0,
 * which fails `init` where only another version is available). Stacks without that provider are
 * left alone. Call it on the app after creating the stacks (or on one stack), before `app.synth()`:
 *
 * ```ts
 * providerVersions(app, { aws: ">= 5.100, < 7" });
 * ```
 *
 * It adds an aspect to each stack that exists under `scope` at the call (cdktf runs only stacks'
 * aspects, never the app's), so `Testing.synth(stack)` shows the constraint too; providers added to
 * those stacks later are covered, stacks created after the call are not. Invalid names or
 * constraints, or a scope without any stack, fail at once with a `ValidationError`.
 */
export function providerVersions(scope: IConstruct, constraints: ProviderVersionConstraints): void {
  const v = new Validator(scope);
  for (const [name, constraint] of Object.entries(constraints)) {
    v.check(
      !LOCAL_NAME.test(name),
      `providerVersions: ${JSON.stringify(name)} is not a provider local name (lowercase letters, digits and "-", a letter first, as in required_providers: "aws", "postgresql", "random").`,
    );
    v.check(
      typeof constraint !== "string" ||
        constraint.trim() === "" ||
        !constraint.split(",").every((p) => CONSTRAINT_PART.test(p)),
      `providerVersions: the constraint for ${JSON.stringify(name)} must be a Terraform version constraint (e.g. "5.100.0", ">= 5.83, < 7", "~> 6.0"), got ${JSON.stringify(constraint)}.`,
    );
  }
  const stacks = scope.node.findAll().filter((c): c is TerraformStack => c instanceof TerraformStack);
  v.check(
    stacks.length === 0,
    "providerVersions: there is no stack under this scope yet. Fix: call it after creating the stacks, before app.synth().",
  );
  v.throwIfAny();
  const aspect = new ProviderVersionAspect(constraints);
  for (const stack of stacks) Aspects.of(stack).add(aspect);
}

/** Overrides the version of each constrained provider in the stack of every provider visited. */
class ProviderVersionAspect implements IAspect {
  constructor(private readonly constraints: ProviderVersionConstraints) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformProvider)) return;
    const name = node.terraformResourceType;
    const constraint = this.constraints[name];
    if (constraint === undefined) return;
    TerraformStack.of(node).addOverride(`terraform.required_providers.${name}.version`, constraint.trim());
  }
}
