import {
  checkDatabaseName,
  checkDistinct,
  checkExtensionName,
  checkSchemaName,
  Validator,
} from "@aurora-cdktf/core";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { Extension } from "@cdktf/provider-postgresql/lib/extension";
import { PostgresConnection } from "./connection";
import { DependencyChain } from "./dependency-chain";

/** The extensions the reference's bootstrap creates (BOOT-04). */
export const DEFAULT_EXTENSIONS: readonly string[] = ["pg_stat_statements", "pgaudit"];

/** Props of {@link PostgresExtensions}. */
export interface PostgresExtensionsProps {
  /** The provider and database in which the extensions are created. */
  readonly connection: PostgresConnection;
  /**
   * Extension names, created in this order. `pg_stat_statements` and `pgaudit` also need
   * `shared_preload_libraries` (the cluster's parameter group sets it). Untrusted extensions need
   * `rds_superuser` on RDS/Aurora (the master user has it) or SUPERUSER elsewhere.
   *
   * @default ["pg_stat_statements", "pgaudit"]
   */
  readonly extensions?: string[];
  /**
   * Schema that receives the extensions' objects.
   *
   * @default - the provider's default: the first schema of the search path (normally `public`)
   */
  readonly schema?: string;
  /**
   * Whether destroying an extension also drops the objects that depend on it (`DROP ... CASCADE`).
   *
   * @default false
   */
  readonly dropCascade?: boolean;
  /**
   * Resources the first extension is created after (and destroyed before).
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
}

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
    const names = props.extensions ?? [...DEFAULT_EXTENSIONS];
    const v = new Validator(this);
    v.check(
      names.length === 0,
      "extensions must name at least one extension, got an empty list. Fix: omit it for the defaults (pg_stat_statements, pgaudit) or list the extensions you need.",
    );
    names.forEach((name, i) => checkExtensionName(v, `extensions[${i}]`, name));
    checkDistinct(v, "extensions", names);
    checkSchemaNameIfGiven(v, props.schema);
    checkDatabaseName(v, "connection.database", props.connection.database);
    v.throwIfAny();

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

function checkSchemaNameIfGiven(v: Validator, schema: string | undefined): void {
  if (schema === undefined) return;
  // Extensions may go to public (the default) or to an application schema.
  if (schema === "public") return;
  checkSchemaName(v, "schema", schema);
}
