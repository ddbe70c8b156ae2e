/**
 * AWS side of the integration tests: moto (started by globalSetup) answers the provider's API calls,
 * with fake credentials. Nothing reaches AWS.
 */
import * as fs from "fs";
import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { providerVersions } from "@aurora-cdktf/core";
import { awsProviderAvailable, mirroredAwsVersion } from "../../scripts/lib/aws";
import {
  awsEnv as motoAwsEnv,
  forceDeleteSecret,
  getSecretString,
  type MotoState,
} from "../../scripts/lib/moto-server";
import { ARGS, TofuError, TofuWorkdir, tail } from "../../scripts/lib/tofu";

// What the main job (scripts/main.js) uses too lives in scripts/lib: aws.js, moto-server.js.
export { awsProviderAvailable, mirroredAwsVersion };

/** Pins a stack's aws provider to the mirrored version (no-op when none is mirrored). */
export function pinAwsToMirror(stack: TerraformStack): void {
  const v = mirroredAwsVersion();
  if (v) providerVersions(stack, { aws: v });
}

/** This run's moto (started by test/helpers/global-setup.js). */
function motoState(): MotoState {
  const file = process.env.AURORA_MOTO_STATE;
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      "No moto server: AURORA_MOTO_STATE is not set. Run integration tests through jest's integration project (npm test).",
    );
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as MotoState;
}

/** Environment that sends the AWS provider to this run's moto with fake credentials. */
export function awsEnv(): Record<string, string> {
  return motoAwsEnv(motoState());
}

/**
 * `apply` against moto, retried once in one known case: the provider's CreateSecret answered with
 * ResourceExistsException for a secret that no earlier step created (seen once under load: the
 * SDK's retry of a first attempt that moto had carried out). That secret is in no state, so it is
 * deleted from moto and the whole apply runs again; any other failure, or a second one, throws.
 */
export async function applyOnMoto(work: TofuWorkdir): Promise<void> {
  const first = work.run(ARGS.apply);
  if (first.code === 0) return;
  const orphan = /creating Secrets Manager Secret \(([^)]+)\):[^\n]*ResourceExistsException/.exec(
    first.stderr,
  );
  if (!orphan) {
    throw new TofuError(
      `apply exited ${first.code} in ${work.dir}\n--- stdout ---\n${tail(first.stdout)}\n--- stderr ---\n${tail(first.stderr)}`,
    );
  }
  console.warn(`moto: CreateSecret met its own earlier attempt (${orphan[1]}); deleted it, applying again`);
  await forceDeleteSecret(motoState(), orphan[1]);
  work.apply();
}

/** The current SecretString of a secret in this run's moto. */
export function motoSecretString(secretId: string): Promise<string> {
  return getSecretString(motoState(), secretId);
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
          "hashicorp/aws is not in the provider mirror and AURORA_REQUIRE_AWS_PROVIDER=1: run bash scripts/toolchain.sh (the AWS provider could not be built or found)",
        );
      })) as unknown as jest.It;
  }
  const skipped = ((name: string, ...rest: unknown[]) => {
    return (it.skip as (n: string, ...r: unknown[]) => void)(`[NO AWS PROVIDER] ${name}`, ...rest);
  }) as unknown as jest.It;
  return skipped;
})();

/** A stack with the AWS provider configured for moto (in `region`): fake keys, no account lookups, mirror-built version. */
export class MotoAwsStack extends TerraformStack {
  constructor(scope: Construct, id: string, region = "us-east-1") {
    super(scope, id);
    new AwsProvider(this, "aws", {
      region,
      accessKey: "testing",
      secretKey: "testing",
      skipCredentialsValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: "true",
      skipRegionValidation: true,
    });
    pinAwsToMirror(this);
  }
}
