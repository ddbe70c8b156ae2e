import { TerraformStack, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";

/** Construct ids of the data sources {@link AwsContext} creates (kept per package for stable addresses). */
export interface AwsContextIds {
  /** @default "Partition" */
  readonly partition?: string;
  /** @default "Region" */
  readonly region?: string;
  /** @default "CallerIdentity" */
  readonly account?: string;
}

/**
 * Partition, DNS suffix, region and account of the stack a construct is in, read by the
 * `aws_partition`, `aws_region` and `aws_caller_identity` data sources. Each data source is created
 * in `scope` the first time one of its values is read, so a construct that needs only the partition
 * plans no caller-identity lookup.
 */
export class AwsContext {
  /**
   * The region of the stack's default AWS provider (the one without an alias) when it is a literal
   * set before `scope` was created; undefined otherwise (no such provider yet, several, or a token).
   * Rules that compare a value with the stack's region are skipped when it is undefined.
   */
  public static literalRegion(scope: IConstruct): string | undefined {
    const providers = TerraformStack.of(scope)
      .node.children.filter((c) => (c as { terraformResourceType?: string }).terraformResourceType === "aws")
      .map((c) => c as unknown as { alias?: string; region?: string })
      .filter((p) => p.alias === undefined);
    const region = providers.length === 1 ? providers[0].region : undefined;
    return region === undefined || Token.isUnresolved(region) ? undefined : region;
  }

  private partitionData?: DataAwsPartition;
  private regionData?: DataAwsRegion;
  private accountData?: DataAwsCallerIdentity;

  constructor(
    private readonly scope: Construct,
    private readonly ids: AwsContextIds = {},
  ) {}

  /** The partition, e.g. `aws` or `aws-us-gov`. */
  public get partition(): string {
    return this.partitionSource().partition;
  }

  /** The partition's DNS suffix, e.g. `amazonaws.com`. */
  public get dnsSuffix(): string {
    return this.partitionSource().dnsSuffix;
  }

  /** The region name, e.g. `eu-west-1`. */
  public get region(): string {
    this.regionData ??= new DataAwsRegion(this.scope, this.ids.region ?? "Region", {});
    return this.regionData.name;
  }

  /** The account id. */
  public get accountId(): string {
    this.accountData ??= new DataAwsCallerIdentity(this.scope, this.ids.account ?? "CallerIdentity", {});
    return this.accountData.accountId;
  }

  private partitionSource(): DataAwsPartition {
    this.partitionData ??= new DataAwsPartition(this.scope, this.ids.partition ?? "Partition", {});
    return this.partitionData;
  }
}
