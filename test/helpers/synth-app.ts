/** Synthesizes every stack of an example app built by its `buildApp` (unit tests of examples). */
import { App, Testing, TerraformStack } from "cdktf";

/** A synthesized stack as an object. */
export interface StackJson {
  readonly terraform?: {
    readonly backend?: Record<string, Record<string, unknown>>;
    readonly required_providers?: Record<string, { version?: string; source?: string }>;
  };
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
  /** Ephemeral resources (cdktf 0.21 has no class for them: added by stack overrides). */
  readonly ephemeral?: Record<string, Record<string, Record<string, string>>>;
  readonly locals?: Record<string, string>;
}

/** The app built by `buildApp` on a testing app, with every stack synthesized (as strings). */
export interface SynthesizedApp<S> {
  readonly app: App;
  readonly stacks: S;
  /** Testing.synth output by stack id. */
  readonly synth: Record<string, string>;
  /** Parsed Testing.synth output by stack id. */
  readonly json: Record<string, StackJson>;
}

/**
 * Builds the app with `build` and synthesizes every stack. Like `App.synth`, every stack is
 * prepared first, so the cross-stack outputs exist in the producing stacks.
 */
export function synthAppWith<S, O>(build: (app: App, options: O) => S, options: O): SynthesizedApp<S> {
  const app = Testing.app();
  const stacks = build(app, options);
  const all = app.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  all.forEach((s) => s.prepareStack());
  const synth: Record<string, string> = {};
  const json: Record<string, StackJson> = {};
  for (const s of all) {
    synth[s.node.id] = Testing.synth(s);
    json[s.node.id] = JSON.parse(synth[s.node.id]) as StackJson;
  }
  return { app, stacks, synth, json };
}

/** The resources of one type in a synthesized stack, by logical id. */
export function resourcesOf(stack: StackJson, type: string): Record<string, Record<string, unknown>> {
  return stack.resource?.[type] ?? {};
}
