import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { CLOUDWATCH_LOG_RETENTION_DAYS } from "@aurora-cdktf/core";
import * as publicApi from "../src";
import { DEFAULT_BANNER_TEXT } from "../src";
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
