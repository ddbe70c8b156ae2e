import { IAuroraProxy } from "./aurora-proxy-ref";

/** Props of {@link ProxyEndpointService}. */
export interface ProxyEndpointServiceProps {
  /**
   * The proxy to expose (an `AuroraProxy`). It must be deployed before this construct is planned:
   * the load balancer's targets are read from its network interfaces.
   */
  readonly proxy: IAuroraProxy;
  /**
   * Who may create an interface endpoint to the service: IAM ARNs of the reader's account
   * (`arn:aws:iam::<account>:root`), role or user. `*` is refused.
   */
  readonly allowedPrincipals: string[];
  /**
   * Each endpoint connection must be accepted (console or `aws ec2 accept-vpc-endpoint-connections`).
   *
   * @default true
   */
  readonly acceptanceRequired?: boolean;
  /**
   * Subnets of the internal Network Load Balancer (at least two AZs).
   *
   * @default - the proxy's subnets
   */
  readonly subnetIds?: string[];
  /**
   * Name of the load balancer and its target group (1-32 letters, digits and hyphens, not
   * starting or ending with a hyphen, not starting with `internal-`).
   *
   * @default - "<proxy name>-link"
   */
  readonly name?: string;
  /**
   * Cross-zone load balancing: an endpoint in one AZ reaches the proxy's interfaces in every AZ.
   *
   * @default true
   */
  readonly crossZoneLoadBalancing?: boolean;
  /**
   * A private DNS name of yours (e.g. `orders-db.example.com`) that the reader's endpoint resolves;
   * its domain must be verified with the TXT record in `privateDnsNameVerification`. It becomes
   * {@link ProxyEndpointService.host}.
   *
   * @default - none: the reader connects to its endpoint's own DNS name
   */
  readonly privateDnsName?: string;
  /**
   * Tags of the load balancer, target group, security group and endpoint service.
   *
   * @default - none
   */
  readonly tags?: Record<string, string>;
}
