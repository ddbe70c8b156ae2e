import { TerraformStack } from "cdktf";
import { IVpc3Az } from "@aurora-cdktf/vpc-3az";
import { fakeVpc, testStack } from "../../../test/helpers/unit";

/** The region of the bastion tests' stacks, as in the README. */
export const REGION = "eu-west-1";

/**
 * A shared test stack in {@link REGION}. Its id is part of the construct path, which names the
 * bastion's resources ("stack-Bastion") and prefixes its errors ("[stack/Bastion]").
 */
export function bastionTestStack(id = "stack"): TerraformStack {
  return testStack(id, { region: REGION });
}

/** The shared fake VPC (literal ids, no `Vpc3Az` needed) in {@link REGION}. */
export function bastionTestVpc(): IVpc3Az {
  return fakeVpc(REGION);
}
