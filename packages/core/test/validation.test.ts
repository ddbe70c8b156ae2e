import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ValidationError, Validator } from "../src";

function scope(): Construct {
  return new Construct(new TerraformStack(Testing.app(), "stack"), "Thing");
}

describe("Validator", () => {
  it("does not throw when every rule passes", () => {
    const v = new Validator(scope()).integer("count", 3, 1, 5).oneOf("mode", "a", ["a", "b"]);
    expect(() => v.throwIfAny()).not.toThrow();
  });

  it("fails when an integer is out of range, naming the construct path, the value and the range", () => {
    const v = new Validator(scope()).integer("backupRetentionDays", 40, 1, 35, "Use 35 or less.");
    expect(() => v.throwIfAny()).toThrow(
      "[stack/Thing] invalid props: backupRetentionDays must be an integer between 1 and 35, got 40. Use 35 or less.",
    );
  });

  it("fails when a value is not one of the allowed values", () => {
    expect(() => new Validator(scope()).oneOf("stage", "qa", ["dev", "prod"]).throwIfAny()).toThrow(
      /stage must be one of "dev", "prod", got "qa"/,
    );
  });

  it("reports every failure at once", () => {
    const v = new Validator(scope())
      .integer("a", 0.5, 0, 1)
      .matches("name", "9x", /^[a-z]/, "must start with a letter");
    expect(v.messages).toHaveLength(2);
    expect(() => v.throwIfAny()).toThrow(
      /- a must be an integer.*\n.*- name must start with a letter, got "9x"/s,
    );
  });

  it("accepts unresolved tokens without checking them", () => {
    const s = new TerraformStack(Testing.app(), "stack");
    const n = new TerraformVariable(s, "n", { type: "number" }).numberValue;
    expect(() => new Validator(s).integer("n", n, 1, 2).throwIfAny()).not.toThrow();
  });

  it("throws a ValidationError carrying the construct path", () => {
    const err = (() => {
      try {
        new Validator(scope()).check(true, "bad").throwIfAny();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).constructPath).toBe("stack/Thing");
  });
});

describe("Validator.oneOf with tokens", () => {
  it("accepts an unresolved numeric token without checking it", () => {
    const s = new TerraformStack(Testing.app(), "stack");
    const n = new TerraformVariable(s, "n", { type: "number" }).numberValue;
    expect(() => new Validator(s).oneOf("days", n, [1, 3]).throwIfAny()).not.toThrow();
  });
});
