import { Construct } from "constructs";
import { arnParts } from "@aurora-cdktf/core";
import {
  DataAwsIamPolicyDocument,
  DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { RdsClusterRoleAssociation } from "@cdktf/provider-aws/lib/rds-cluster-role-association";
import { ClusterS3AccessProps, S3Location } from "./cluster-s3-access-props";
import { validateS3AccessProps } from "./private/validate-integrations";

/** The `feature_name`s of `aws_rds_cluster_role_association` this construct uses. */
/** The two cluster features an S3 role is associated for: `s3Import` and `s3Export`. */
export type S3Feature = "s3Import" | "s3Export";

/** What each feature may do on the objects, and with the bucket's KMS key. */
const FEATURE_ACTIONS: Record<S3Feature, { objects: string[]; kms: string[] }> = {
  s3Import: { objects: ["s3:GetObject"], kms: ["kms:Decrypt"] },
  s3Export: {
    objects: ["s3:PutObject", "s3:AbortMultipartUpload"],
    kms: ["kms:GenerateDataKey", "kms:Decrypt"],
  },
};

/**
 * IAM roles that let an Aurora PostgreSQL cluster import from and export to named S3 buckets and
 * prefixes with the `aws_s3` extension (`aws_s3.table_import_from_s3`,
 * `aws_s3.query_export_to_s3`), associated with the cluster as its `s3Import` and `s3Export`
 * roles (`aws_rds_cluster_role_association`). Each role trusts `rds.amazonaws.com` for this
 * cluster only (`aws:SourceAccount` and `aws:SourceArn`). The database side (the extension and
 * the grants) is `AwsS3Extension` of `@aurora-cdktf/postgres-bootstrap`.
 *
 * @resource aws_rds_cluster_role_association
 */
export class ClusterS3Access extends Construct {
  /** The `s3Import` role, when `importFrom` is given. */
  public readonly importRole?: IamRole;
  /** The `s3Export` role, when `exportTo` is given. */
  public readonly exportRole?: IamRole;
  /** The role associations, by feature name (`s3Import`, `s3Export`). */
  public readonly associations: Readonly<Partial<Record<S3Feature, RdsClusterRoleAssociation>>>;

  constructor(scope: Construct, id: string, props: ClusterS3AccessProps) {
    super(scope, id);
    const cluster = props.cluster;
    const names = {
      s3Import: props.importRoleName ?? `${cluster.clusterIdentifier}-s3-import`,
      s3Export: props.exportRoleName ?? `${cluster.clusterIdentifier}-s3-export`,
    };
    validateS3AccessProps(this, props, names);
    const where = arnParts(cluster.clusterArn);
    const trust = new DataAwsIamPolicyDocument(this, "TrustPolicy", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["rds.amazonaws.com"] }],
          // Confused-deputy guard: RDS may assume the role for this cluster only.
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [where.account] },
            { test: "ArnLike", variable: "aws:SourceArn", values: [cluster.clusterArn] },
          ],
        },
      ],
    });
    const associations: Partial<Record<S3Feature, RdsClusterRoleAssociation>> = {};
    const create = (feature: S3Feature, locations: S3Location[]): IamRole => {
      const label = feature === "s3Import" ? "Import" : "Export";
      const role = new IamRole(this, `${label}Role`, {
        name: names[feature],
        description: `Aurora PostgreSQL cluster ${cluster.clusterIdentifier}: aws_s3 ${feature === "s3Import" ? "import from" : "export to"} S3`,
        assumeRolePolicy: trust.json,
        tags: props.tags,
      });
      const policy = new DataAwsIamPolicyDocument(this, `${label}PolicyDocument`, {
        statement: s3Statements(feature, locations, where.partition),
      });
      const inline = new IamRolePolicy(this, `${label}Policy`, {
        name: `${feature}-${cluster.clusterIdentifier}`,
        role: role.name,
        policy: policy.json,
      });
      associations[feature] = new RdsClusterRoleAssociation(this, `${label}Association`, {
        dbClusterIdentifier: cluster.clusterIdentifier,
        featureName: feature,
        roleArn: role.arn,
        // The role can do its work before RDS starts using it.
        dependsOn: [inline],
      });
      return role;
    };
    if (props.importFrom?.length) this.importRole = create("s3Import", props.importFrom);
    if (props.exportTo?.length) this.exportRole = create("s3Export", props.exportTo);
    this.associations = associations;
  }
}

/** The statements of one feature's policy: objects under each prefix, listing (import), KMS keys. */
function s3Statements(
  feature: S3Feature,
  locations: S3Location[],
  partition: string,
): DataAwsIamPolicyDocumentStatement[] {
  const actions = FEATURE_ACTIONS[feature];
  const bucketArn = (l: S3Location) => `arn:${partition}:s3:::${l.bucketName}`;
  const statements: DataAwsIamPolicyDocumentStatement[] = [
    {
      sid: feature === "s3Import" ? "ReadObjects" : "WriteObjects",
      actions: actions.objects,
      resources: locations.map((l) => `${bucketArn(l)}/${l.prefix ?? ""}*`),
    },
  ];
  if (feature === "s3Import") {
    // ListBucket is granted on the bucket; a prefix limits the keys it lists.
    locations.forEach((l, i) =>
      statements.push({
        sid: `ListBucket${i}`,
        actions: ["s3:ListBucket"],
        resources: [bucketArn(l)],
        condition: l.prefix
          ? [{ test: "StringLike", variable: "s3:prefix", values: [`${l.prefix}*`] }]
          : undefined,
      }),
    );
  }
  const keys = [...new Set(locations.flatMap((l) => (l.kmsKeyArn ? [l.kmsKeyArn] : [])))];
  if (keys.length > 0) {
    statements.push({ sid: "UseBucketKeys", actions: actions.kms, resources: keys });
  }
  return statements;
}
