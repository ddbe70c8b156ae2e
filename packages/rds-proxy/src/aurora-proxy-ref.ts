import { IConnectable } from "@aurora-cdktf/core";

/** What a {@link ProxyEndpointService} (or an application) needs from a proxy. */
export interface IAuroraProxy extends IConnectable {
  /** The proxy's name (its ENIs are described as `Network interface for DBProxy <name>`). */
  readonly proxyName: string;
  /** The proxy's ARN. */
  readonly proxyArn: string;
  /** Host name of the default (read/write) endpoint: it follows the cluster's writer. */
  readonly endpoint: string;
  /** Port the proxy listens on: 5432 for PostgreSQL, whatever the cluster's port is. */
  readonly port: number;
  /** The VPC the proxy is in. */
  readonly vpcId: string;
  /** The subnets of the proxy's network interfaces. */
  readonly subnetIds: string[];
}
