/** Names and roles of an {@link ApplicationSchema}, for outputs and other stacks. */
export interface ApplicationSchemaOutputs {
  /** The schema name. */
  readonly schemaName: string;
  /** Name of the owner role. */
  readonly ownerRoleName: string;
  /** Name of the read-write role. */
  readonly readWriteRoleName: string;
  /** Name of the read-only role. */
  readonly readOnlyRoleName: string;
}
