import "cdktf/lib/testing/adapters/jest";
import { ValidationError } from "@aurora-cdktf/core";
import { BastionAccessMode, BastionAsg, BastionAsgProps } from "../src";
import { logicalIdOf, resolve, resources, thrownBy } from "../../../test/helpers/unit";
import { bastionTestStack, bastionTestVpc } from "./bastion-stack";

function bastion(extra: Partial<BastionAsgProps> = {}) {
  const stack = bastionTestStack();
  const b = new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc(), ...extra });
  return { stack, bastion: b };
}

/** The ingress rules of the bastion's security group, as "<source> <ports>". */
function bastionIngress(extra: Partial<BastionAsgProps>): string[] {
  const { stack, bastion: b } = bastion(extra);
  const sg = `\${aws_security_group.${logicalIdOf(b, "SecurityGroup")}.id}`;
  return Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"))
    .filter((r) => r.security_group_id === sg)
    .map(
      (r) => `${r.referenced_security_group_id ?? r.cidr_ipv4} ${r.ip_protocol} ${r.from_port}-${r.to_port}`,
    );
}

const LOOKUP =
  `"$(aws autoscaling describe-auto-scaling-groups --region \${element(split(":", aws_autoscaling_group.Bastion_AutoScalingGroup_48B6F54C.arn), 3)} ` +
  `--auto-scaling-group-names stack-Bastion --query "AutoScalingGroups[0].Instances[?LifecycleState=='InService'] | [0].InstanceId" --output text)"`;

describe("BastionAsg EC2 Instance Connect Endpoint (instanceConnectEndpoint)", () => {
  test("is off by default: no endpoint, no extra security group, no commands", () => {
    // GIVEN / WHEN
    const { stack, bastion: b } = bastion();
    // THEN
    expect(resources(stack, "aws_ec2_instance_connect_endpoint")).toEqual({});
    expect(Object.keys(resources(stack, "aws_security_group"))).toHaveLength(1);
    expect(b.instanceConnectEndpointId).toBeUndefined();
    expect(Object.keys(b.outputs).filter((k) => k.startsWith("instanceConnect"))).toEqual([]);
  });

  test("creates the endpoint in the first private subnet with its own group, client IP not preserved", () => {
    // GIVEN / WHEN
    const { stack, bastion: b } = bastion({ instanceConnectEndpoint: true });
    // THEN
    const sg = logicalIdOf(b, "InstanceConnectEndpointSecurityGroup");
    expect(Object.values(resources(stack, "aws_ec2_instance_connect_endpoint"))).toEqual([
      {
        subnet_id: "subnet-priv-a",
        security_group_ids: [`\${aws_security_group.${sg}.id}`],
        preserve_client_ip: false,
        tags: { Name: "stack-Bastion-eice" },
      },
    ]);
    expect(resources(stack, "aws_security_group")[sg]).toMatchObject({
      name: "stack-Bastion-eice",
      vpc_id: "vpc-0123456789abcdef0",
    });
  });

  test("the endpoint's group only sends SSH to the bastion's group, which admits SSH from it only", () => {
    // GIVEN / WHEN
    const { stack, bastion: b } = bastion({ instanceConnectEndpoint: true });
    // THEN
    const eiceSg = `\${aws_security_group.${logicalIdOf(b, "InstanceConnectEndpointSecurityGroup")}.id}`;
    const bastionSg = `\${aws_security_group.${logicalIdOf(b, "SecurityGroup")}.id}`;
    const egress = Object.values(resources(stack, "aws_vpc_security_group_egress_rule")).filter(
      (r) => r.security_group_id === eiceSg,
    );
    expect(egress).toEqual([
      {
        security_group_id: eiceSg,
        description: "SSH to the bastion",
        ip_protocol: "tcp",
        from_port: 22,
        to_port: 22,
        referenced_security_group_id: bastionSg,
      },
    ]);
    expect(
      Object.values(resources(stack, "aws_vpc_security_group_ingress_rule")).filter(
        (r) => r.security_group_id === eiceSg,
      ),
    ).toEqual([]);
    expect(bastionIngress({ instanceConnectEndpoint: true })).toEqual([`${eiceSg} tcp 22-22`]);
  });

  test("also admits SSH from the endpoint in SSH_AND_SSM mode, beside the SSH CIDRs", () => {
    const rules = bastionIngress({
      instanceConnectEndpoint: true,
      accessMode: BastionAccessMode.SSH_AND_SSM,
      sshAllowedCidrs: ["203.0.113.0/24"],
      allowIcmpFromSshCidrs: false,
    });
    expect(rules).toHaveLength(2);
    expect(rules).toContain("203.0.113.0/24 tcp 22-22");
  });

  test("instanceConnectEndpointSubnetId places the endpoint", () => {
    const { stack } = bastion({
      instanceConnectEndpoint: true,
      instanceConnectEndpointSubnetId: "subnet-pub-b",
    });
    expect(Object.values(resources(stack, "aws_ec2_instance_connect_endpoint"))[0].subnet_id).toBe(
      "subnet-pub-b",
    );
  });

  test("with the client IP preserved the bastion admits the client CIDRs instead of the endpoint's group", () => {
    // GIVEN
    const extra: Partial<BastionAsgProps> = {
      instanceConnectEndpoint: true,
      instanceConnectEndpointPreserveClientIp: true,
      instanceConnectEndpointClientCidrs: ["198.51.100.0/24", "192.0.2.10/32"],
    };
    // WHEN / THEN
    expect(bastionIngress(extra).sort()).toEqual(["192.0.2.10/32 tcp 22-22", "198.51.100.0/24 tcp 22-22"]);
    const { stack } = bastion(extra);
    expect(Object.values(resources(stack, "aws_ec2_instance_connect_endpoint"))[0].preserve_client_ip).toBe(
      true,
    );
  });

  test("renders the ssh and open-tunnel commands and puts them and the endpoint id in the outputs", () => {
    // GIVEN / WHEN
    const { bastion: b } = bastion({ instanceConnectEndpoint: true });
    // THEN
    const eice = `\${aws_ec2_instance_connect_endpoint.${logicalIdOf(b, "InstanceConnectEndpoint")}`;
    const region = '${element(split(":", aws_autoscaling_group.Bastion_AutoScalingGroup_48B6F54C.arn), 3)}';
    expect(resolve(b, b.instanceConnectSshCommand)).toBe(
      `aws ec2-instance-connect ssh --region ${region} --instance-id ${LOOKUP} --os-user ec2-user --connection-type eice`,
    );
    expect(resolve(b, b.instanceConnectTunnelCommand)).toBe(
      `aws ec2-instance-connect open-tunnel --region ${region} --instance-connect-endpoint-id ${eice}.id} ` +
        `--instance-id ${LOOKUP} --remote-port 22 --local-port 2222`,
    );
    expect(resolve(b, b.instanceConnectEndpointArn)).toBe(`${eice}.arn}`);
    expect(b.outputs).toMatchObject({
      instanceConnectEndpointId: b.instanceConnectEndpointId,
      instanceConnectSshCommand: b.instanceConnectSshCommand,
      instanceConnectTunnelCommand: b.instanceConnectTunnelCommand,
    });
  });
});

const BAD: [string, Partial<BastionAsgProps>, string][] = [
  [
    "a subnet without the endpoint",
    { instanceConnectEndpointSubnetId: "subnet-priv-a" },
    "instanceConnectEndpointSubnetId is set, but instanceConnectEndpoint is not true, so there is no endpoint to apply it to. Fix: set instanceConnectEndpoint: true, or remove it.",
  ],
  [
    "endpoint settings with the endpoint off",
    {
      instanceConnectEndpoint: false,
      instanceConnectEndpointPreserveClientIp: false,
      instanceConnectEndpointClientCidrs: [],
    },
    "instanceConnectEndpointPreserveClientIp, instanceConnectEndpointClientCidrs are set, but instanceConnectEndpoint is not true",
  ],
  [
    "no private subnet for the endpoint",
    {
      instanceConnectEndpoint: true,
      vpc: { ...bastionTestVpc(), privateSubnetIds: [] },
      subnets: undefined,
      accessMode: BastionAccessMode.SSH_AND_SSM,
      sshAllowedCidrs: ["203.0.113.0/24"],
    },
    "instanceConnectEndpoint needs a subnet: the VPC has no private subnets (the default) and instanceConnectEndpointSubnetId is not set. Fix: set instanceConnectEndpointSubnetId to one of the VPC's subnets.",
  ],
  [
    "a subnet of another VPC",
    { instanceConnectEndpoint: true, instanceConnectEndpointSubnetId: "subnet-0123456789abcdef0" },
    'instanceConnectEndpointSubnetId must be one of the VPC\'s subnets (the endpoint lives in the bastion\'s VPC), got "subnet-0123456789abcdef0"; the VPC has ["subnet-pub-a","subnet-pub-b","subnet-pub-c","subnet-priv-a","subnet-priv-b","subnet-priv-c"].',
  ],
  [
    "preserve client IP without client CIDRs",
    { instanceConnectEndpoint: true, instanceConnectEndpointPreserveClientIp: true },
    "instanceConnectEndpointPreserveClientIp is true but instanceConnectEndpointClientCidrs is empty: with the client IP preserved the bastion sees the client's address, not the endpoint's, so no rule would admit anyone.",
  ],
  [
    "client CIDRs without preserve client IP",
    { instanceConnectEndpoint: true, instanceConnectEndpointClientCidrs: ["198.51.100.0/24"] },
    "instanceConnectEndpointClientCidrs is set but instanceConnectEndpointPreserveClientIp is not true: the endpoint's own address is then the source",
  ],
  [
    "a client CIDR with host bits",
    {
      instanceConnectEndpoint: true,
      instanceConnectEndpointPreserveClientIp: true,
      instanceConnectEndpointClientCidrs: ["198.51.100.7/24"],
    },
    'instanceConnectEndpointClientCidrs entry "198.51.100.7/24" has host bits set (AWS would store "198.51.100.0/24" and plan a change forever).',
  ],
  [
    "a client CIDR that is no CIDR",
    {
      instanceConnectEndpoint: true,
      instanceConnectEndpointPreserveClientIp: true,
      instanceConnectEndpointClientCidrs: ["office"],
    },
    'instanceConnectEndpointClientCidrs must hold IPv4 CIDR blocks such as "203.0.113.0/24", got "office".',
  ],
  [
    "a client CIDR twice",
    {
      instanceConnectEndpoint: true,
      instanceConnectEndpointPreserveClientIp: true,
      instanceConnectEndpointClientCidrs: ["198.51.100.0/24", "198.51.100.0/24"],
    },
    'instanceConnectEndpointClientCidrs has duplicates: ["198.51.100.0/24"].',
  ],
  [
    "a client CIDR that SSH already admits",
    {
      instanceConnectEndpoint: true,
      instanceConnectEndpointPreserveClientIp: true,
      instanceConnectEndpointClientCidrs: ["203.0.113.0/24"],
      sshAllowedCidrs: ["203.0.113.0/24"],
    },
    'instanceConnectEndpointClientCidrs ["203.0.113.0/24"] are in sshAllowedCidrs too, which already admits them to SSH. Fix: remove them from one of the two.',
  ],
];

describe("BastionAsg Instance Connect Endpoint rules", () => {
  test.each(BAD)("refuses %s", (_name, extra, message) => {
    const error = thrownBy(() => bastion(extra));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(`[stack/Bastion] invalid props: ${message}`);
  });

  test("accepts a database subnet of the VPC for the endpoint", () => {
    const vpc = { ...bastionTestVpc(), databaseSubnetIds: ["subnet-db-a", "subnet-db-b", "subnet-db-c"] };
    expect(() =>
      bastion({ vpc, instanceConnectEndpoint: true, instanceConnectEndpointSubnetId: "subnet-db-c" }),
    ).not.toThrow();
  });
});
