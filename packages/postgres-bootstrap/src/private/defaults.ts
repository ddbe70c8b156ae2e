import { ApplicationSchemaProps } from "../application-schema-props";
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
}

/** Applies the defaults documented on {@link ApplicationSchemaProps}. Never throws. */
export function resolveApplicationSchemaSettings(
  props: ApplicationSchemaProps,
): ResolvedApplicationSchemaSettings {
  return {
    roleNames: {
      owner: props.owner?.name ?? `${props.schemaName}_owner`,
      readWrite: props.readWrite?.name ?? `${props.schemaName}_rw`,
      readOnly: props.readOnly?.name ?? `${props.schemaName}_ro`,
    },
    dropCascade: props.dropCascade ?? false,
  };
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
