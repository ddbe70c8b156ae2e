import { TerraformStack } from "cdktf";
import { ValidationError } from "@aurora-cdktf/core";
import { testStack, thrownBy } from "../../../test/helpers/unit";
import { Vpc3Az, Vpc3AzProps } from "../src";

/** A shared test stack (us-east-1) holding one `Vpc3Az` with id "Vpc". */
export function vpcStack(props: Vpc3AzProps = {}, id = "test"): { stack: TerraformStack; vpc: Vpc3Az } {
  const stack = testStack(id);
  return { stack, vpc: new Vpc3Az(stack, "Vpc", props) };
}

/**
 * Table-driven prop rules: each `bad` row fails at synth time with its message (each breaks exactly
 * one rule, so the message is the only one), each `good` row synthesizes.
 */
export function propRuleTests(bad: [string, Vpc3AzProps, string][], good: [string, Vpc3AzProps][]): void {
  test.each(bad)("refuses %s", (_name, props, message) => {
    const error = thrownBy(() => new Vpc3Az(testStack(), "Vpc", props));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(`[test/Vpc] invalid props: ${message}`);
  });

  test.each(good)("accepts %s", (_name, props) => {
    expect(() => new Vpc3Az(testStack(), "Vpc", props)).not.toThrow();
  });
}
