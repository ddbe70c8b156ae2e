#!/usr/bin/env bash
# The main job (`npm run main`): set everything up, then run both examples end to end on this machine.
#   1. scripts/setup.sh (idempotent) and the toolchain environment (scripts/toolchain.sh --env-file)
#   2. scripts/main.js: `tsc -b` (packages + examples); per example `cdktf synth` and OpenTofu
#      init/validate/plan of every stack, the AWS stacks applied to a throwaway moto so that the
#      stacks depending on them can plan; then `cdktf deploy` of the database stacks to a throwaway
#      PostgreSQL 15 (local mode), a summary of what was created, `cdktf destroy`, and a check that
#      nothing is left. It drives OpenTofu, moto and PostgreSQL with the tests' own code (scripts/lib).
# Exits non-zero on any failure; moto, PostgreSQL and the work folder are removed on exit.
# AURORA_MAIN_SKIP_SETUP=1 skips step 1's setup.sh (when it already ran).
set -euo pipefail
cd "$(dirname "$0")/.."

timing=()
if [ "${AURORA_MAIN_SKIP_SETUP:-0}" = 1 ]; then
  echo "main: [${SECONDS}s] setup skipped (AURORA_MAIN_SKIP_SETUP=1)"
else
  bash scripts/setup.sh
  timing=(--setup-seconds "$SECONDS")
fi
# shellcheck source=/dev/null # written by scripts/toolchain.sh, outside the repository
source "$(bash scripts/toolchain.sh --env-file)"
exec node scripts/main.js --elapsed "$SECONDS" "${timing[@]}"
