import { TerraformStack } from "cdktf";
import { testStack } from "../../../test/helpers/unit";
import { Vpc3Az, Vpc3AzProps } from "../src";

/** A shared test stack (us-east-1) holding one `Vpc3Az` with id "Vpc". */
export function vpcStack(props: Vpc3AzProps = {}, id = "test"): { stack: TerraformStack; vpc: Vpc3Az } {
  const stack = testStack(id);
  return { stack, vpc: new Vpc3Az(stack, "Vpc", props) };
}
