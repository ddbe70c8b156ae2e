#!/usr/bin/env bash
# The whole test suite: type check, lint (TypeScript, formatting, ShellCheck on every shell script,
# actionlint on every GitHub Actions workflow),
# `go vet` and `go test` of the stand-in providers (tools/compat-providers), unit tests (synth),
# the type check and unit tests again on CDK Terrain (cdktn 0.24, jest.cdktn.config.js),
# integration tests (real OpenTofu against throwaway PostgreSQL 15 servers and moto).
# Two lanes side by side, as the integration tests mostly wait on moto and the provider's polling:
#   - the checks (typecheck ... unit), one after the other, each with its output in
#     .tmp/steps/<step>.log and one line when it ends (its log's tail when it fails);
#   - the integration tests: packaging.test.ts alone first (scripts/pack.sh rebuilds every dist/
#     the other files synthesize from), then the rest on three Jest workers (a PostgreSQL and a moto
#     each), with a line per file start/end and a heartbeat every minute.
# With arguments (Jest filters, e.g. a test path) the integration tests run in one band instead.
# Ends with one verdict line: PASSED/FAILED, "N passed, N failed, N skipped" (Jest's and Go's tests
# together), the time, and the engine and providers (real, stand-in or the machine's).
# Needs scripts/setup.sh to have run once on the machine.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export AURORA_CDKTF_TOOLCHAIN_DIR="${AURORA_CDKTF_TOOLCHAIN_DIR:-${AURORA_CDKTF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aurora-cdktf}/toolchain}"
env_file=$(bash scripts/toolchain.sh --env-file)
if [ ! -f "$env_file" ]; then
  echo "test: no toolchain environment ($env_file). Run: bash scripts/setup.sh" >&2
  exit 1
fi
# shellcheck disable=SC1090
source "$env_file"
# Testing.app() leaves one temp folder per call: keep them inside the project and clear them.
rm -rf .tmp && mkdir -p .tmp
export TMPDIR="$PWD/.tmp"
export AURORA_TEST_SUMMARY="$PWD/.tmp/summary.jsonl"
: > "$AURORA_TEST_SUMMARY"

failed_steps=()
run_step() {
  local name=$1; shift
  echo "=== $name: $*"
  local t=$SECONDS
  if "$@"; then echo "=== $name: ok ($((SECONDS - t))s)"; else echo "=== $name: FAILED ($((SECONDS - t))s)"; failed_steps+=("$name"); fi
}

# A step of the checks lane: output to .tmp/steps/NAME.log, one line at its end, the log's tail on
# failure, and its name in .tmp/steps/failed (the lane is a subshell).
mkdir -p .tmp/steps
: > .tmp/steps/failed
lane_step() {
  local name=$1; shift
  local t=$SECONDS log=.tmp/steps/$name.log
  if "$@" > "$log" 2>&1; then
    echo "=== $name: ok ($((SECONDS - t))s)"
  else
    echo "=== $name: FAILED ($((SECONDS - t))s); last lines of $log:"
    tail -n 40 "$log" | sed 's/^/    | /'
    echo "$name" >> .tmp/steps/failed
  fi
}
# CDK Terrain (cdktn): the same type check and unit tests against the packages scripts/cdktn.sh
# installed (a cache outside the repository). A missing cache fails the step, never skips it.
typecheck_cdktn() {
  node scripts/lib/cdktn.js tsconfig .tmp/tsconfig.cdktn.json && npx tsc -p .tmp/tsconfig.cdktn.json --noEmit
}
unit_cdktn() {
  node scripts/lib/cdktn.js check && npx jest --ci --config jest.cdktn.config.js "$@"
}
checks() {
  lane_step typecheck npx tsc -p tsconfig.json --noEmit
  lane_step typecheck-cdktn typecheck_cdktn
  lane_step lint npx eslint . --max-warnings 0
  lane_step format npx prettier --check . --log-level warn
  lane_step shellcheck bash scripts/lint-shell.sh
  lane_step workflows bash scripts/lint-workflows.sh
  lane_step go-vet node scripts/lib/go-check.js vet tools/compat-providers
  lane_step go-test node scripts/lib/go-check.js test tools/compat-providers
  lane_step unit npx jest --ci --selectProjects unit "$@"
  lane_step unit-cdktn unit_cdktn "$@"
}

echo "=== checks (typecheck and on cdktn, lint, format, shellcheck, workflows, go vet, go test, unit and on cdktn) in the background; logs in .tmp/steps/"
checks "$@" &
checks_pid=$!
trap 'kill "$checks_pid" 2>/dev/null' EXIT

if [ $# -gt 0 ]; then
  run_step integration npx jest --ci --selectProjects integration --runInBand "$@"
else
  run_step integration-packaging npx jest --ci --selectProjects integration --runInBand test/integration/packaging.test.ts
  run_step integration npx jest --ci --selectProjects integration --maxWorkers=3 --testPathIgnorePatterns /test/integration/packaging.test.ts
fi

echo "=== waiting for the checks"
wait "$checks_pid"
trap - EXIT
while IFS= read -r step; do failed_steps+=("$step"); done < .tmp/steps/failed

node scripts/lib/verdict.js test "$AURORA_TEST_SUMMARY" "$SECONDS" "${failed_steps[@]}"
