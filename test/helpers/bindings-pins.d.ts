/** The source and version a prebuilt provider binding writes into `terraform.required_providers`. */
export interface BindingsPin {
  readonly source: string;
  readonly version: string;
}

/** The loaded bindings' pins, by provider local name (`aws`, `postgresql`, `random`). */
export function bindingsPins(): Readonly<Record<"aws" | "postgresql" | "random", BindingsPin>>;
