import { Token } from "cdktf";
import { Construct } from "constructs";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";

/** A protocol and port range for a security-group rule. */
export class Port {
  /** One TCP port. */
  public static tcp(port: number): Port {
    return new Port("tcp", port, port, `tcp/${port}`);
  }

  /** A range of TCP ports, both ends included. */
  public static tcpRange(fromPort: number, toPort: number): Port {
    return new Port("tcp", fromPort, toPort, `tcp/${fromPort}-${toPort}`);
  }

  /** All ICMP (IPv4) types and codes. */
  public static allIcmp(): Port {
    return new Port("icmp", -1, -1, "icmp");
  }

  private constructor(
    /** IP protocol: "tcp", "udp", "icmp" or "-1". */
    public readonly protocol: string,
    /** First port (or ICMP type; -1 for all). */
    public readonly fromPort: number,
    /** Last port (or ICMP code; -1 for all). */
    public readonly toPort: number,
    /** Short label used in construct ids and descriptions, e.g. "tcp/5432". */
    public readonly label: string,
  ) {}
}

/** The source of an ingress rule: a CIDR block or a security group. */
export interface IPeer {
  /** A stable, unique label for this peer (used in construct ids). */
  readonly uniqueId: string;
  /** Set when the peer is an IPv4 CIDR block. */
  readonly cidrIpv4?: string;
  /** Set when the peer is a security group. */
  readonly securityGroupId?: string;
}

/** Factories for {@link IPeer}. */
export class Peer {
  /** An IPv4 CIDR block such as "203.0.113.0/24". */
  public static ipv4(cidr: string): IPeer {
    return { uniqueId: Token.isUnresolved(cidr) ? "cidr" : cidr, cidrIpv4: cidr };
  }

  /**
   * A security group by id. `uniqueId` must be stable and unique among the peers of one target
   * (e.g. "AppServers"); it becomes part of the rule's construct id.
   */
  public static securityGroupId(securityGroupId: string, uniqueId: string): IPeer {
    return { uniqueId, securityGroupId };
  }
}

/** Anything that owns a security group and can be reached through {@link Connections}. */
export interface IConnectable {
  readonly connections: Connections;
}

/** Props of {@link Connections}. */
export interface ConnectionsProps {
  /** The construct that owns the security group; rules are created inside it. */
  readonly scope: Construct;
  /** Id of the owned security group. */
  readonly securityGroupId: string;
  /**
   * Port used by {@link Connections.allowDefaultPortFrom}.
   *
   * @default - none; allowDefaultPortFrom throws
   */
  readonly defaultPort?: Port;
}

/**
 * The CDKTF counterpart of AWS CDK's `ec2.Connections`: manages ingress to one security group with
 * `aws_vpc_security_group_ingress_rule` resources (one rule per resource, so adding a peer never
 * rewrites the others). `cluster.connections.allowDefaultPortFrom(bastion)` admits the bastion's
 * security group on the cluster's port.
 */
export class Connections implements IConnectable, IPeer {
  public readonly securityGroupId: string;
  public readonly defaultPort?: Port;
  /** Path-derived label of the owning construct, used when this group is another group's peer. */
  public readonly uniqueId: string;
  private readonly scope: Construct;

  constructor(props: ConnectionsProps) {
    this.scope = props.scope;
    this.securityGroupId = props.securityGroupId;
    this.defaultPort = props.defaultPort;
    this.uniqueId = props.scope.node.path.replace(/\//g, "-");
  }

  public get connections(): Connections {
    return this;
  }

  /**
   * Admits `peer` (a CIDR, a security group, or another connectable) on `port`. Returns the rule.
   * Calling it twice for the same peer and port is an error (the construct id would repeat).
   */
  public allowFrom(peer: IPeer | IConnectable, port: Port, description: string): VpcSecurityGroupIngressRule {
    const source = toPeer(peer);
    const id = `Ingress-${sanitize(source.uniqueId)}-${sanitize(port.label)}`;
    return new VpcSecurityGroupIngressRule(this.scope, id, {
      securityGroupId: this.securityGroupId,
      description,
      ipProtocol: port.protocol,
      fromPort: port.protocol === "-1" ? undefined : port.fromPort,
      toPort: port.protocol === "-1" ? undefined : port.toPort,
      cidrIpv4: source.cidrIpv4,
      referencedSecurityGroupId: source.securityGroupId,
    });
  }

  /** Admits `peer` on this group's default port (e.g. the database port). */
  public allowDefaultPortFrom(peer: IPeer | IConnectable, description?: string): VpcSecurityGroupIngressRule {
    if (!this.defaultPort) {
      throw new Error(
        `[${this.scope.node.path}] allowDefaultPortFrom: this security group has no default port. Use allowFrom(peer, Port.tcp(n), description).`,
      );
    }
    return this.allowFrom(
      peer,
      this.defaultPort,
      description ?? `from ${toPeer(peer).uniqueId} on ${this.defaultPort.label}`,
    );
  }
}

function toPeer(peer: IPeer | IConnectable): IPeer {
  return "connections" in peer && peer.connections instanceof Connections
    ? peer.connections
    : (peer as IPeer);
}

function sanitize(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}
