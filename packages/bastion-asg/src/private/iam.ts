/** The bastion's instance role (BAS-21/22): managed SSM + CloudWatch agent policies, plus scoped extras. */
import { awsManagedPolicyArn } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import {
  DataAwsIamPolicyDocument,
  DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";

export interface InstanceRoleOptions {
  readonly name: string;
  readonly partition: string;
  readonly vpcId: string;
  readonly logGroupArn: string;
  /** ARN of the Elastic IP the instance associates; unset without one. */
  readonly elasticIpArn?: string;
  readonly attachCloudWatchAgentServerPolicy: boolean;
  /** S3 object the user script is read from; unset for none. */
  readonly bootstrapScriptObject?: { readonly bucket: string; readonly key: string };
}

export interface InstanceRole {
  readonly role: IamRole;
  readonly profile: IamInstanceProfile;
  readonly policy: IamRolePolicy;
}

/**
 * Creates the role, its managed-policy attachments, the instance profile and one inline policy
 * ("ScopedPolicy") holding only what the user data does with this bastion's own resources:
 *
 * - `ec2:AssociateAddress`: EC2 authorizes each resource of the call separately, so there is one
 *   statement per resource type. The Elastic IP statement names this bastion's allocation (the only
 *   required resource of the action). The instance statement allows only instances launched with
 *   this bastion's instance profile (`ec2:InstanceProfile`), i.e. the bastion itself. The network
 *   interface statement, in case EC2 also authorizes the primary interface, is limited to this VPC.
 *   Together: the role can move its own address to its own instance, nothing else.
 * - `logs:CreateLogStream`, `logs:PutLogEvents`, `logs:DescribeLogStreams` on this bastion's log
 *   group and its streams (what the CloudWatch agent calls).
 * - `s3:GetObject` on the user script object, when it is an s3:// URL.
 */
export function createInstanceRole(scope: Construct, o: InstanceRoleOptions): InstanceRole {
  const trust = new DataAwsIamPolicyDocument(scope, "AssumeRolePolicy", {
    statement: [
      {
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }],
      },
    ],
  });
  const role = new IamRole(scope, "Role", {
    name: `${o.name}-role`,
    path: "/",
    description: `Instance role of the bastion ${o.name}`,
    assumeRolePolicy: trust.json,
  });
  const managed = [["SsmManagedInstanceCore", "AmazonSSMManagedInstanceCore"]];
  if (o.attachCloudWatchAgentServerPolicy)
    managed.push(["CloudWatchAgentServerPolicy", "CloudWatchAgentServerPolicy"]);
  for (const [id, policy] of managed) {
    new IamRolePolicyAttachment(scope, id, {
      role: role.name,
      policyArn: awsManagedPolicyArn(o.partition, policy),
    });
  }
  const profile = new IamInstanceProfile(scope, "InstanceProfile", {
    name: `${o.name}-profile`,
    role: role.name,
  });

  const stmts: DataAwsIamPolicyDocumentStatement[] = [];
  if (o.elasticIpArn !== undefined) {
    stmts.push(
      {
        sid: "AssociateOwnElasticIp",
        effect: "Allow",
        actions: ["ec2:AssociateAddress"],
        resources: [o.elasticIpArn],
      },
      {
        sid: "AssociateToOwnInstance",
        effect: "Allow",
        actions: ["ec2:AssociateAddress"],
        resources: [`arn:${o.partition}:ec2:*:*:instance/*`],
        condition: [{ test: "ArnEquals", variable: "ec2:InstanceProfile", values: [profile.arn] }],
      },
      {
        sid: "AssociateThroughOwnVpc",
        effect: "Allow",
        actions: ["ec2:AssociateAddress"],
        resources: [`arn:${o.partition}:ec2:*:*:network-interface/*`],
        condition: [
          { test: "ArnLike", variable: "ec2:Vpc", values: [`arn:${o.partition}:ec2:*:*:vpc/${o.vpcId}`] },
        ],
      },
    );
  }
  stmts.push({
    sid: "WriteOwnLogGroup",
    effect: "Allow",
    actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
    resources: [o.logGroupArn, `${o.logGroupArn}:log-stream:*`],
  });
  if (o.bootstrapScriptObject !== undefined) {
    stmts.push({
      sid: "ReadBootstrapScript",
      effect: "Allow",
      actions: ["s3:GetObject"],
      resources: [`arn:${o.partition}:s3:::${o.bootstrapScriptObject.bucket}/${o.bootstrapScriptObject.key}`],
    });
  }
  const document = new DataAwsIamPolicyDocument(scope, "ScopedPolicyDocument", { statement: stmts });
  const policy = new IamRolePolicy(scope, "ScopedPolicy", {
    name: "bastion-scoped",
    role: role.id,
    policy: document.json,
  });
  return { role, profile, policy };
}
