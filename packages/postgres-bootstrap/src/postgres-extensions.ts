import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { Extension } from "@cdktf/provider-postgresql/lib/extension";
import { DependencyChain } from "./dependency-chain";
import { PostgresExtensionsProps } from "./postgres-extensions-props";
import { resolveExtensionsSettings } from "./private/defaults";
import { validateExtensionsProps } from "./validate";

/**
 * PostgreSQL extensions as `postgresql_extension` resources (BOOT-04), one after the other. Unlike
 * the reference's Lambda (BOOT-05) a failure fails the apply.
 */
export class PostgresExtensions extends Construct {
  /** Names of the extensions, in creation order. */
  public readonly extensionNames: string[];
  /** The `postgresql_extension` resources by extension name. */
  public readonly resources: Record<string, Extension> = {};
  /**
   * Depend on this to run after every extension exists (it depends, transitively, on all of them).
   */
  public readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: PostgresExtensionsProps) {
    super(scope, id);
    const s = resolveExtensionsSettings(props);
    validateExtensionsProps(this, props, s);
    const names = s.extensions;

    this.extensionNames = [...names];
    const chain = new DependencyChain(props.dependsOn);
    for (const name of names) {
      this.resources[name] = chain.add(
        new Extension(this, name, {
          provider: props.connection.provider,
          database: props.connection.database,
          name,
          schema: props.schema,
          dropCascade: props.dropCascade,
          dependsOn: chain.next(),
        }),
      );
    }
    this.dependable = chain.tail[0];
  }
}
