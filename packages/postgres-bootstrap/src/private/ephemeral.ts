import { ref, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";

/**
 * Writes an `ephemeral "<type>" "<name>"` block into `scope`'s stack and returns a reference to
 * `attribute` of it. cdktf 0.21 has no class for ephemeral resources, so the block is a stack
 * override, named after `scope`'s logical id plus `suffix` (stable across synths). Tokens in `body`
 * must be of the same stack: cdktf wires cross-stack references only for elements (pass such
 * values through a `TerraformLocal`).
 */
export function ephemeralAttribute(
  scope: IConstruct,
  type: string,
  suffix: string,
  body: Record<string, unknown>,
  attribute: string,
): { readonly address: string; readonly value: string } {
  const stack = TerraformStack.of(scope);
  const address = `ephemeral.${type}.${stack.getLogicalId(scope.node)}_${suffix}`;
  stack.addOverride(address, body);
  return { address, value: Token.asString(ref(`${address}.${attribute}`, stack)) };
}
