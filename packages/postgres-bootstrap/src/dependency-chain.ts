import { ITerraformDependable } from "cdktf";

/**
 * Orders resources one after the other with `depends_on`, so that the engine never runs two of them
 * at once, whatever its parallelism. PostgreSQL rewrites one catalog row per GRANT target (the
 * schema's `pg_namespace` row, the `pg_default_acl` row of an owner and schema, the tables'
 * `pg_class` rows); two sessions updating the same row fail with `tuple concurrently updated`
 * (cyrilgdn/terraform-provider-postgresql#178). Destroy walks the chain backwards, one at a time too.
 */
export class DependencyChain {
  private last: ITerraformDependable[];

  /** @param start what the first resource of the chain waits for (may be empty). */
  constructor(start: readonly ITerraformDependable[] = []) {
    this.last = [...start];
  }

  /** `depends_on` for the next resource: the previous one, or the start of the chain. */
  public next(): ITerraformDependable[] | undefined {
    return this.last.length > 0 ? [...this.last] : undefined;
  }

  /** Records `resource` as the new end of the chain and returns it. */
  public add<T extends ITerraformDependable>(resource: T): T {
    this.last = [resource];
    return resource;
  }

  /** The end of the chain (what a follower should depend on). */
  public get tail(): readonly ITerraformDependable[] {
    return this.last;
  }
}
