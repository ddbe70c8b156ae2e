// The public API of @aurora-cdktf/rds-proxy, listed name by name (see the README's "API" section).
// Everything else (validation, defaults, src/private/) is internal.
export { AuroraProxy } from "./aurora-proxy";
export { ProxyIamAuth } from "./aurora-proxy-props";
export type { AuroraProxyProps, ProxyAuthEntry, ProxyConnectionPool } from "./aurora-proxy-props";
export type { IAuroraProxy } from "./aurora-proxy-ref";
export { ProxyEndpointService } from "./proxy-endpoint-service";
export type { ProxyEndpointServiceProps } from "./proxy-endpoint-service-props";
