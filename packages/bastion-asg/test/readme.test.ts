import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { CLOUDWATCH_LOG_RETENTION_DAYS } from "@aurora-cdktf/core";
import * as publicApi from "../src";
import { DEFAULT_BANNER_TEXT } from "../src";
import { Ec2InstanceConnectEndpoint } from "@cdktf/provider-aws/lib/ec2-instance-connect-endpoint";
import { TunnelStack } from "./fixtures/readme-import";
import { ConnectStack } from "./fixtures/readme-instance-connect";
import { BastionStack } from "./fixtures/readme-usage";
import { bastionTestVpc } from "./bastion-stack";
import { describeReadmeApi } from "../../../test/helpers/unit";

const PKG = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(PKG, "README.md"), "utf8");

describe("README", () => {
  it("has a first snippet identical to test/fixtures/readme-usage.ts, which tsc type-checks", () => {
    // GIVEN
    const fixture = fs.readFileSync(path.join(PKG, "test", "fixtures", "readme-usage.ts"), "utf8");
    // WHEN
    const first = /```ts\n([\s\S]*?)```/.exec(README);
    // THEN
    expect(first?.[1]).toBe(fixture);
  });

  it("has a first snippet that synthesizes a bastion reachable over SSH from the office CIDR", () => {
    // GIVEN / WHEN
    const stack = new BastionStack(Testing.app(), "bastion", bastionTestVpc());
    // THEN
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(AutoscalingGroup, { min_size: 1, max_size: 1 });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      cidr_ipv4: "203.0.113.0/24",
      from_port: 22,
    });
    const outputs = (JSON.parse(synth) as { output: Record<string, { value: string }> }).output;
    expect(outputs.ssh.value).toBe(
      'ssh -i "ops.pem" ec2-user@${aws_eip.Bastion_ElasticIp_E50486BA.public_ip}',
    );
    expect(outputs.ssm.value).toMatch(/^aws ssm start-session --region /);
  });

  it('has an "Importing a bastion" snippet identical to test/fixtures/readme-import.ts', () => {
    // GIVEN
    const fixture = fs.readFileSync(path.join(PKG, "test", "fixtures", "readme-import.ts"), "utf8");
    // WHEN
    const section = README.slice(README.indexOf("\n## Importing a bastion\n"));
    const snippet = /```ts\n([\s\S]*?)```/.exec(section);
    // THEN
    expect(snippet?.[1]).toBe(fixture);
  });

  it("has an import snippet whose stack reads the bastion of another stack through remote state", () => {
    // GIVEN the first snippet's bastion stack in the same app
    const app = Testing.app();
    const bastionStack = new BastionStack(app, "bastion", bastionTestVpc());
    // WHEN
    new TunnelStack(app, "tunnel", bastionStack.bastion.outputs, "db.example.com");
    app.synth();
    // THEN the tunnel command reads the bastion stack's ASG ARN (for the region) from its remote state
    const read = (id: string) =>
      JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8")) as {
        output: Record<string, { value: string }>;
        resource?: unknown;
      };
    const tunnel = read("tunnel");
    expect(tunnel.resource).toBeUndefined();
    const arn =
      "data.terraform_remote_state.cross-stack-reference-input-bastion.outputs." +
      "cross-stack-output-aws_autoscaling_groupBastion_AutoScalingGroup_48B6F54Carn";
    const region = `\${element(split(":", ${arn}), 3)}`;
    expect(tunnel.output.tunnel.value).toBe(
      `aws ssm start-session --region ${region} --target "$(aws autoscaling describe-auto-scaling-groups ` +
        `--region ${region} --auto-scaling-group-names bastion-Bastion ` +
        `--query "AutoScalingGroups[0].Instances[?LifecycleState=='InService'] | [0].InstanceId" --output text)" ` +
        "--document-name AWS-StartPortForwardingSessionToRemoteHost " +
        `--parameters '{"host":["db.example.com"],"portNumber":["5432"],"localPortNumber":["15432"]}'`,
    );
    expect(Object.keys(read("bastion").output)).toContain(
      "cross-stack-output-aws_autoscaling_groupBastion_AutoScalingGroup_48B6F54Carn",
    );
  });

  it('has an "EC2 Instance Connect Endpoint" snippet identical to test/fixtures/readme-instance-connect.ts', () => {
    // GIVEN
    const fixture = fs.readFileSync(path.join(PKG, "test", "fixtures", "readme-instance-connect.ts"), "utf8");
    // WHEN
    const section = README.slice(README.indexOf("\n## EC2 Instance Connect Endpoint\n"));
    const snippet = /```ts\n([\s\S]*?)```/.exec(section);
    // THEN
    expect(snippet?.[1]).toBe(fixture);
  });

  it("has an Instance Connect snippet that synthesizes the endpoint and outputs its commands", () => {
    // GIVEN / WHEN
    const stack = new ConnectStack(Testing.app(), "connect", bastionTestVpc());
    // THEN
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(Ec2InstanceConnectEndpoint, {
      subnet_id: "subnet-priv-a",
      preserve_client_ip: false,
    });
    const outputs = (JSON.parse(synth) as { output: Record<string, { value: string }> }).output;
    expect(outputs.eice_ssh.value).toMatch(
      /^aws ec2-instance-connect ssh --region .* --connection-type eice$/,
    );
    expect(outputs.eice_tunnel.value).toMatch(
      /^aws ec2-instance-connect open-tunnel --region .* --instance-connect-endpoint-id \$\{aws_ec2_instance_connect_endpoint\..*\.id\} .* --remote-port 22 --local-port 2222$/,
    );
    expect(outputs.eice_arn.value).toMatch(/^\$\{aws_ec2_instance_connect_endpoint\..*\.arn\}$/);
  });

  it("maps every BAS and MOD-07..13 reference id", () => {
    // GIVEN
    const ids = [
      ...Array.from({ length: 35 }, (_, i) => `BAS-${String(i + 1).padStart(2, "0")}`),
      ...Array.from({ length: 7 }, (_, i) => `MOD-${String(i + 7).padStart(2, "0")}`),
    ];
    // WHEN
    const table = README.slice(README.indexOf("## Reference ids"));
    // THEN every id starts a row of the table
    const missing = ids.filter((id) => !new RegExp(`^\\| ${id} \\|`, "m").test(table));
    expect(missing).toEqual([]);
  });

  it("lists the retention values the code accepts", () => {
    expect(README).toContain(CLOUDWATCH_LOG_RETENTION_DAYS.join(", "));
  });

  it("shows the default banner the code uses", () => {
    expect(README).toContain(DEFAULT_BANNER_TEXT.trim().split("\n")[1].trim());
  });
});

describeReadmeApi(PKG, publicApi, [
  "BastionAccessMode",
  "BastionAsg",
  "BastionSubnets",
  "BastionTenancy",
  "DEFAULT_BANNER_TEXT",
]);
