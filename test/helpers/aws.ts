/**
 * AWS side of the integration tests: moto (started by globalSetup) answers the provider's API calls,
 * with fake credentials. Nothing reaches AWS.
 */
import * as fs from "fs";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";

/** The hashicorp/aws version the toolchain builds (the prebuilt bindings target 6.25.0). */
export const AWS_PROVIDER_CONSTRAINT = "~> 6.25";

/** Environment that sends the AWS provider to moto with fake credentials. */
export function awsEnv(): Record<string, string> {
  const file = process.env.AURORA_MOTO_STATE;
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      "No moto server: AURORA_MOTO_STATE is not set. Run integration tests through jest's integration project (npm test).",
    );
  }
  const { endpoint } = JSON.parse(fs.readFileSync(file, "utf8")) as { endpoint: string };
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/** Whether the toolchain's filesystem mirror holds a hashicorp/aws provider. */
export function awsProviderAvailable(): boolean {
  const cfg = process.env.TF_CLI_CONFIG_FILE;
  if (!cfg || !fs.existsSync(cfg)) return false;
  const m = /path\s*=\s*"([^"]+)"/.exec(fs.readFileSync(cfg, "utf8"));
  return !!m && fs.existsSync(path.join(m[1], "registry.opentofu.org", "hashicorp", "aws"));
}

/**
 * `it` when the AWS provider is built, otherwise a loud, counted skip (Jest reports it as skipped and
 * the summary reporter names the reason). With AURORA_REQUIRE_AWS_PROVIDER=1 its absence fails.
 */
export const itWithAwsProvider: jest.It = (() => {
  if (awsProviderAvailable()) return it;
  if (process.env.AURORA_REQUIRE_AWS_PROVIDER === "1") {
    return ((name: string) =>
      it(name, () => {
        throw new Error(
          "hashicorp/aws is not in the provider mirror and AURORA_REQUIRE_AWS_PROVIDER=1: run scripts/toolchain.sh --aws-only",
        );
      })) as unknown as jest.It;
  }
  const skipped = ((name: string, ...rest: unknown[]) => {
    return (it.skip as (n: string, ...r: unknown[]) => void)(`[NO AWS PROVIDER] ${name}`, ...rest);
  }) as unknown as jest.It;
  return skipped;
})();

/** A stack with the AWS provider configured for moto: fake keys, no account lookups, mirror-built version. */
export class MotoAwsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", {
      region: "us-east-1",
      accessKey: "testing",
      secretKey: "testing",
      skipCredentialsValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: "true",
      skipRegionValidation: true,
    });
    this.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_CONSTRAINT);
  }
}
