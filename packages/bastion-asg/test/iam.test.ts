import "cdktf/lib/testing/adapters/jest";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Testing } from "cdktf";
import { BastionAccessMode, BastionAsg, BastionAsgProps } from "../src";
import { dataSources } from "../../../test/helpers/unit";
import { bastionTestStack, bastionTestVpc } from "./bastion-stack";

interface Statement {
  sid: string;
  actions: string[];
  resources: string[];
  condition?: { test: string; variable: string; values: string[] }[];
}

function scopedStatements(props: Partial<BastionAsgProps> = {}): Record<string, Statement> {
  const stack = bastionTestStack();
  new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc(), ...props });
  const doc = dataSources(stack, "aws_iam_policy_document").Bastion_ScopedPolicyDocument_2D394436 as {
    statement: Statement[];
  };
  return Object.fromEntries(doc.statement.map((s) => [s.sid, s]));
}

const PARTITION = "${data.aws_partition.Bastion_Partition_17FB5C87.partition}";

describe("BastionAsg", () => {
  describe("IAM (BAS-21/22)", () => {
    it("creates a role for EC2 and its instance profile", () => {
      const stack = bastionTestStack();
      new BastionAsg(stack, "Bastion", { vpc: bastionTestVpc() });
      const synth = Testing.synth(stack);
      expect(synth).toHaveResourceWithProperties(IamRole, { name: "stack-Bastion-role", path: "/" });
      expect(synth).toHaveResourceWithProperties(IamInstanceProfile, {
        name: "stack-Bastion-profile",
        role: "${aws_iam_role.Bastion_Role_3FB8E918.name}",
      });
      const trust = dataSources(stack, "aws_iam_policy_document").Bastion_AssumeRolePolicy_2E35D0E3;
      expect(trust).toEqual({
        statement: [
          {
            effect: "Allow",
            actions: ["sts:AssumeRole"],
            principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }],
          },
        ],
      });
    });

    it("lets the instance associate only its own Elastic IP, to itself, within its VPC", () => {
      const s = scopedStatements({ accessMode: BastionAccessMode.SSH_AND_SSM });
      expect(s.AssociateOwnElasticIp).toMatchObject({
        actions: ["ec2:AssociateAddress"],
        resources: ["${aws_eip.Bastion_ElasticIp_E50486BA.arn}"],
      });
      expect(s.AssociateOwnElasticIp.condition).toBeUndefined();
      expect(s.AssociateToOwnInstance).toMatchObject({
        actions: ["ec2:AssociateAddress"],
        resources: [`arn:${PARTITION}:ec2:*:*:instance/*`],
        condition: [
          {
            test: "ArnEquals",
            variable: "ec2:InstanceProfile",
            values: ["${aws_iam_instance_profile.Bastion_InstanceProfile_95B62D1E.arn}"],
          },
        ],
      });
      expect(s.AssociateThroughOwnVpc).toMatchObject({
        resources: [`arn:${PARTITION}:ec2:*:*:network-interface/*`],
        condition: [
          {
            test: "ArnLike",
            variable: "ec2:Vpc",
            values: [`arn:${PARTITION}:ec2:*:*:vpc/vpc-0123456789abcdef0`],
          },
        ],
      });
    });

    it("lets the agent write only to the bastion's log group", () => {
      const s = scopedStatements();
      expect(s.WriteOwnLogGroup).toEqual({
        sid: "WriteOwnLogGroup",
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        resources: [
          "${aws_cloudwatch_log_group.Bastion_LogGroup_D8D94FBA.arn}",
          "${aws_cloudwatch_log_group.Bastion_LogGroup_D8D94FBA.arn}:log-stream:*",
        ],
      });
    });

    it("has no wildcard resource on any write action, and no other statement", () => {
      const s = scopedStatements({
        accessMode: BastionAccessMode.SSH_AND_SSM,
        bootstrapScriptUrl: "s3://ops-bucket/bastion/init.sh",
      });
      expect(Object.keys(s)).toEqual([
        "AssociateOwnElasticIp",
        "AssociateToOwnInstance",
        "AssociateThroughOwnVpc",
        "WriteOwnLogGroup",
        "ReadBootstrapScript",
      ]);
      for (const statement of Object.values(s)) {
        expect(statement.resources).not.toContain("*");
        if (statement.resources.some((r) => r.endsWith("/*"))) expect(statement.condition).toBeDefined();
      }
    });

    it("grants s3:GetObject on exactly the s3:// bootstrap script, and nothing for https", () => {
      expect(
        scopedStatements({ bootstrapScriptUrl: "s3://ops-bucket/bastion/init.sh" }).ReadBootstrapScript,
      ).toMatchObject({
        actions: ["s3:GetObject"],
        resources: [`arn:${PARTITION}:s3:::ops-bucket/bastion/init.sh`],
      });
      expect(
        scopedStatements({ bootstrapScriptUrl: "https://example.com/init.sh" }).ReadBootstrapScript,
      ).toBeUndefined();
    });

    it("drops the Elastic IP statements in SSM-only mode", () => {
      expect(Object.keys(scopedStatements({ accessMode: BastionAccessMode.SSM_ONLY }))).toEqual([
        "WriteOwnLogGroup",
      ]);
    });
  });
});
