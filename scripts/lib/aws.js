// Which AWS provider the toolchain's filesystem mirror holds (scripts/toolchain.sh). Shared by the
// tests (test/helpers/aws.ts, types in aws.d.ts) and the main job (scripts/main.js): without a
// mirrored hashicorp/aws the AWS stacks cannot be planned, and both say so instead of failing.
"use strict";
const fs = require("fs");
const path = require("path");

/**
 * The hashicorp/aws version in the toolchain's mirror. The prebuilt bindings pin 6.25.0; stacks
 * are pinned to the mirrored version instead, so plans run offline.
 */
function mirroredAwsVersion() {
  return process.env.AURORA_CDKTF_AWS_PROVIDER_VERSION || undefined;
}

/** Whether the toolchain's filesystem mirror holds a hashicorp/aws provider. */
function awsProviderAvailable() {
  const v = mirroredAwsVersion();
  const mirror = process.env.AURORA_CDKTF_MIRROR;
  return !!v && !!mirror && fs.existsSync(path.join(mirror, "registry.opentofu.org", "hashicorp", "aws", v));
}

module.exports = { awsProviderAvailable, mirroredAwsVersion };
