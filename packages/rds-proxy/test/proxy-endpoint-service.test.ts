import { ProxyEndpointService, ProxyEndpointServiceProps } from "../src";
import { dataSources, fakeVpc, onlyResource, proxyStack, resolved, resources } from "./util";

const DATAFOLD = "arn:aws:iam::111122223333:root";

function linkStack(props: Partial<ProxyEndpointServiceProps> = {}) {
  const { stack, proxy } = proxyStack({ proxyName: "orders" });
  const link = new ProxyEndpointService(stack, "Link", { proxy, allowedPrincipals: [DATAFOLD], ...props });
  return { stack, proxy, link };
}

describe("ProxyEndpointService", () => {
  test("is an internal NLB in the proxy's subnets with its own security group, cross-zone", () => {
    const { stack } = linkStack();
    expect(onlyResource(stack, "aws_lb")).toMatchObject({
      name: "orders-link",
      internal: true,
      load_balancer_type: "network",
      subnets: fakeVpc().privateSubnetIds,
      enable_cross_zone_load_balancing: true,
      enforce_security_group_inbound_rules_on_private_link_traffic: "off",
      security_groups: [expect.stringMatching(/aws_security_group\.Link_SecurityGroup_\w+\.id/)],
    });
  });

  test("forwards TCP 5432 to an IP target group in the VPC", () => {
    const { stack } = linkStack();
    expect(onlyResource(stack, "aws_lb_listener")).toMatchObject({ port: 5432, protocol: "TCP" });
    expect(onlyResource(stack, "aws_lb_target_group")).toMatchObject({
      name: "orders-link",
      port: 5432,
      protocol: "TCP",
      target_type: "ip",
      vpc_id: fakeVpc().vpcId,
    });
  });

  test("targets the address of every network interface RDS made for the proxy, failing the plan when there is none", () => {
    const { stack } = linkStack();
    const [lookup] = Object.values(dataSources(stack, "aws_network_interfaces"));
    expect(lookup.filter).toEqual([
      { name: "description", values: ["Network interface for DBProxy orders"] },
      { name: "vpc-id", values: [fakeVpc().vpcId] },
    ]);
    expect(lookup.lifecycle).toEqual({
      postcondition: [
        {
          condition: "${length(self.ids) > 0}",
          error_message: expect.stringContaining("deploy the proxy's stack first"),
        },
      ],
    });
    const [eni] = Object.values(dataSources(stack, "aws_network_interface"));
    expect(eni.for_each).toMatch(
      /^\$\{toset\(data\.aws_network_interfaces\.Link_ProxyInterfaces_\w+\.ids\)\}$/,
    );
    expect(onlyResource(stack, "aws_lb_target_group_attachment")).toMatchObject({
      for_each: expect.stringMatching(/^\$\{data\.aws_network_interface\.Link_ProxyInterface_\w+\}$/),
      target_id: "${each.value.private_ip}",
      port: 5432,
    });
  });

  test("exposes the NLB as an endpoint service for the allowed principals only, acceptance required", () => {
    const { stack, link } = linkStack();
    expect(onlyResource(stack, "aws_vpc_endpoint_service")).toMatchObject({
      acceptance_required: true,
      allowed_principals: [DATAFOLD],
      network_load_balancer_arns: [expect.stringMatching(/aws_lb\.Link_LoadBalancer_\w+\.arn/)],
      supported_ip_address_types: ["ipv4"],
    });
    expect(resolved(stack, link.serviceName)).toMatch(
      /aws_vpc_endpoint_service\.Link_Service_\w+\.service_name/,
    );
    expect(link.host).toBeUndefined();
    expect(link.port).toBe(5432);
  });

  test("with a private DNS name, has it as host and exposes its verification record", () => {
    const { stack, link } = linkStack({ privateDnsName: "orders-db.example.com", acceptanceRequired: false });
    expect(onlyResource(stack, "aws_vpc_endpoint_service")).toMatchObject({
      private_dns_name: "orders-db.example.com",
      acceptance_required: false,
    });
    expect(link.host).toBe("orders-db.example.com");
    expect(resolved(stack, link.privateDnsNameVerification?.value)).toMatch(
      /aws_vpc_endpoint_service\.Link_Service_\w+\.private_dns_name_configuration\[0\]\.value/,
    );
  });

  test("its load balancer reaches only the proxy on 5432, with both rules in its own scope", () => {
    const { stack } = linkStack();
    const egress = Object.entries(resources(stack, "aws_vpc_security_group_egress_rule")).filter(([id]) =>
      id.startsWith("Link_"),
    );
    expect(egress.map(([, r]) => r)).toEqual([
      expect.objectContaining({
        security_group_id: expect.stringMatching(/Link_SecurityGroup/),
        referenced_security_group_id: expect.stringMatching(/Proxy_SecurityGroup/),
        from_port: 5432,
        to_port: 5432,
      }),
    ]);
    const ingress = Object.entries(resources(stack, "aws_vpc_security_group_ingress_rule")).filter(([id]) =>
      id.startsWith("Link_"),
    );
    expect(ingress.map(([, r]) => r)).toEqual([
      expect.objectContaining({
        security_group_id: expect.stringMatching(/Proxy_SecurityGroup/),
        referenced_security_group_id: expect.stringMatching(/Link_SecurityGroup/),
        from_port: 5432,
      }),
    ]);
    expect(onlyResource(stack, "aws_lb")).not.toHaveProperty("ingress");
  });

  test("can use other subnets, a name and no cross-zone balancing", () => {
    const { stack } = linkStack({
      subnetIds: ["subnet-x", "subnet-y"],
      name: "datafold",
      crossZoneLoadBalancing: false,
    });
    expect(onlyResource(stack, "aws_lb")).toMatchObject({
      name: "datafold",
      subnets: ["subnet-x", "subnet-y"],
      enable_cross_zone_load_balancing: false,
    });
  });
});
