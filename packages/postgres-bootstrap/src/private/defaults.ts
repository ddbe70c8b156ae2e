import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { ApplicationSchemaProps } from "../application-schema-props";
import { PostgresConnection } from "../connection";
import {
  ClusterProviderSettingsOptions,
  MasterSecretRead,
  PostgresClusterEndpoint,
  PostgresSslMode,
  PostgresTunnel,
} from "../cluster-provider-props";
import { DEFAULT_EXTENSIONS, PostgresExtensionsProps } from "../postgres-extensions-props";
import { PostgresRoleProps } from "../postgres-role-props";

/** The props of a `PostgresRole` with every default applied: the one place that knows them. */
export interface ResolvedRoleSettings {
  readonly login: boolean;
  /** The version of the generated password (set on the role only when it logs in). */
  readonly passwordVersion: number;
}

/** Applies the defaults documented on {@link PostgresRoleProps}. Never throws: validation reports bad input. */
export function resolveRoleSettings(props: PostgresRoleProps): ResolvedRoleSettings {
  return { login: props.login ?? true, passwordVersion: props.passwordVersion ?? 1 };
}

/** The props of a `PostgresExtensions` with every default applied. */
export interface ResolvedExtensionsSettings {
  /** The extension names, in creation order. */
  readonly extensions: readonly string[];
}

/** Applies the defaults documented on {@link PostgresExtensionsProps}. Never throws. */
export function resolveExtensionsSettings(props: PostgresExtensionsProps): ResolvedExtensionsSettings {
  return { extensions: props.extensions ?? [...DEFAULT_EXTENSIONS] };
}

/** The props of an `ApplicationSchema` with every default applied. */
export interface ResolvedApplicationSchemaSettings {
  /** The three role names: as given, or `<schemaName>_owner`, `<schemaName>_rw`, `<schemaName>_ro`. */
  readonly roleNames: { readonly owner: string; readonly readWrite: string; readonly readOnly: string };
  readonly dropCascade: boolean;
  readonly revokePublicDatabaseAccess: boolean;
  /** The roles besides the owner whose objects in the schema are covered: as given, else the provider's login. */
  readonly objectCreators: readonly string[];
}

/**
 * Applies the defaults documented on {@link ApplicationSchemaProps}. `providerLogin` is the
 * `username` of the connection's provider (see {@link connectionLogin}). Never throws.
 */
export function resolveApplicationSchemaSettings(
  props: ApplicationSchemaProps,
  providerLogin?: string,
): ResolvedApplicationSchemaSettings {
  return {
    roleNames: {
      owner: props.owner?.name ?? `${props.schemaName}_owner`,
      readWrite: props.readWrite?.name ?? `${props.schemaName}_rw`,
      readOnly: props.readOnly?.name ?? `${props.schemaName}_ro`,
    },
    dropCascade: props.dropCascade ?? false,
    revokePublicDatabaseAccess: props.revokePublicDatabaseAccess ?? true,
    objectCreators: props.objectCreators ?? (providerLogin ? [providerLogin] : []),
  };
}

/**
 * The `username` the connection's provider logs in as: `connection.provider`'s, else that of the
 * stack's un-aliased postgresql provider; undefined when the configuration does not set it (the
 * provider then takes `PGUSER` from the environment).
 */
export function connectionLogin(scope: IConstruct, connection: PostgresConnection): string | undefined {
  const provider =
    connection.provider ??
    TerraformStack.of(scope)
      .node.findAll()
      .find((c): c is PostgresqlProvider => c instanceof PostgresqlProvider && c.alias === undefined);
  return provider?.username;
}

/** The options of a `ClusterProviderSettings` with every default applied. */
export interface ResolvedClusterProviderSettings {
  readonly tunnel: PostgresTunnel;
  readonly sslMode: PostgresSslMode;
  /** The options' secret, else the cluster's; undefined when neither has one (reported by validation). */
  readonly masterUserSecretArn?: string;
  /** The options' database, else the cluster's. */
  readonly database: string;
  readonly connectTimeoutSeconds: number;
  readonly masterSecretRead: MasterSecretRead;
}

/** Applies the defaults documented on {@link ClusterProviderSettingsOptions}. Never throws. */
export function resolveClusterProviderSettings(
  cluster: PostgresClusterEndpoint,
  options: ClusterProviderSettingsOptions,
): ResolvedClusterProviderSettings {
  return {
    tunnel: options.tunnel ?? PostgresTunnel.direct(),
    sslMode: options.sslMode ?? "require",
    masterUserSecretArn: options.masterUserSecretArn ?? cluster.masterUserSecretArn,
    database: options.database ?? cluster.databaseName,
    connectTimeoutSeconds: options.connectTimeoutSeconds ?? 15,
    masterSecretRead: options.masterSecretRead ?? "ephemeral",
  };
}
