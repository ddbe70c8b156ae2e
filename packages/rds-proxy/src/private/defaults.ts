import { IKmsKeyRef } from "@aurora-cdktf/core";
import { AuroraProxyProps, ProxyAuthEntry, ProxyIamAuth } from "../aurora-proxy-props";
import { ProxyEndpointServiceProps } from "../proxy-endpoint-service-props";
import { IAuroraProxy } from "../aurora-proxy-ref";

/** RDS Proxy listens on the engine family's default port; for PostgreSQL that is 5432. */
export const PROXY_PORT = 5432;

/** An auth entry with its defaults applied. */
export interface ResolvedAuthEntry {
  readonly secretArn: string;
  readonly kmsKey?: IKmsKeyRef;
  readonly iamAuth: ProxyIamAuth;
  readonly description?: string;
}

/** The props of an `AuroraProxy` with every default applied. */
export interface ResolvedProxySettings {
  readonly proxyName: string;
  readonly subnetIds: string[];
  /** The master secret's entry first (when included), then `auth`. */
  readonly auth: ResolvedAuthEntry[];
  readonly includeMasterSecret: boolean;
  readonly idleClientTimeoutSeconds: number;
  readonly maxConnectionsPercent: number;
  readonly maxIdleConnectionsPercent: number;
  readonly connectionBorrowTimeoutSeconds: number;
  readonly sessionPinningFilters: readonly string[];
  readonly initQuery?: string;
  readonly readerEndpoint: boolean;
  /** `<proxyName>-ro`. */
  readonly readerEndpointName: string;
  /** `<proxyName>-secrets`: the role RDS Proxy assumes to read the secrets. */
  readonly roleName: string;
}

/** Applies the defaults documented on {@link AuroraProxyProps}. Never throws. */
export function resolveProxySettings(props: AuroraProxyProps): ResolvedProxySettings {
  const { cluster } = props;
  const proxyName = props.proxyName ?? `${cluster.clusterIdentifier}-proxy`;
  const includeMasterSecret = props.includeMasterSecret ?? true;
  const entry = (e: ProxyAuthEntry): ResolvedAuthEntry => ({
    ...e,
    iamAuth: e.iamAuth ?? ProxyIamAuth.REQUIRED,
  });
  const master: ResolvedAuthEntry[] =
    includeMasterSecret && cluster.masterUserSecretArn !== undefined
      ? [
          entry({
            secretArn: cluster.masterUserSecretArn,
            kmsKey: cluster.encryptionKey,
            iamAuth: props.masterIamAuth,
            description: `master user ${cluster.masterUsername} (RDS-managed secret)`,
          }),
        ]
      : [];
  const pool = props.connectionPool ?? {};
  return {
    proxyName,
    subnetIds: props.subnetIds ?? props.vpc.privateSubnetIds,
    auth: [...master, ...(props.auth ?? []).map(entry)],
    includeMasterSecret,
    idleClientTimeoutSeconds: props.idleClientTimeoutSeconds ?? 1800,
    maxConnectionsPercent: pool.maxConnectionsPercent ?? 100,
    maxIdleConnectionsPercent: pool.maxIdleConnectionsPercent ?? 50,
    connectionBorrowTimeoutSeconds: pool.connectionBorrowTimeoutSeconds ?? 120,
    sessionPinningFilters: pool.sessionPinningFilters ?? [],
    initQuery: pool.initQuery,
    readerEndpoint: props.readerEndpoint ?? false,
    readerEndpointName: `${proxyName}-ro`,
    roleName: `${proxyName}-secrets`,
  };
}

/** The props of a `ProxyEndpointService` with every default applied. */
export interface ResolvedEndpointServiceSettings {
  readonly subnetIds: string[];
  /** `<proxyName>-link`: the load balancer's and the target group's name. */
  readonly name: string;
  readonly allowedPrincipals: string[];
  readonly acceptanceRequired: boolean;
  readonly crossZoneLoadBalancing: boolean;
  readonly privateDnsName?: string;
}

/** Applies the defaults documented on {@link ProxyEndpointServiceProps}. Never throws. */
export function resolveEndpointServiceSettings(
  proxy: IAuroraProxy,
  props: ProxyEndpointServiceProps,
): ResolvedEndpointServiceSettings {
  return {
    subnetIds: props.subnetIds ?? proxy.subnetIds,
    name: props.name ?? `${proxy.proxyName}-link`,
    allowedPrincipals: props.allowedPrincipals ?? [],
    acceptanceRequired: props.acceptanceRequired ?? true,
    crossZoneLoadBalancing: props.crossZoneLoadBalancing ?? true,
    privateDnsName: props.privateDnsName,
  };
}
