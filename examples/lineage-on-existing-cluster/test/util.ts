import { buildApp, LineageOnExistingCluster, LineageOnExistingClusterOptions } from "../src/stack";
import { resourcesOf, StackJson, SynthesizedApp, synthAppWith } from "../../../test/helpers/synth-app";

export { resourcesOf };
export type { StackJson };

/** Builds this example on a testing app and synthesizes every stack. */
export function synthApp(
  options: LineageOnExistingClusterOptions = {},
): SynthesizedApp<LineageOnExistingCluster> {
  return synthAppWith(buildApp, options);
}
