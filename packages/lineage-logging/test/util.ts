import { App, Testing, TerraformStack } from "cdktf";
import { testStack as sharedTestStack } from "../../../test/helpers/unit";

export { synthJson, resources, resolved } from "../../../test/helpers/unit";

/** A stack with AWS (eu-west-1), postgresql and random providers, as a user's stack would have. */
export function testStack(id = "test", app: App = Testing.app()): TerraformStack {
  return sharedTestStack(id, { app, region: "eu-west-1", database: true });
}
