#!/usr/bin/env bash
# The whole test suite: type check, lint (TypeScript, formatting, ShellCheck on every shell script,
# actionlint on every GitHub Actions workflow),
# `go vet` and `go test` of the stand-in providers (tools/compat-providers), unit tests (synth),
# integration tests (real OpenTofu against a throwaway PostgreSQL 15 and moto). Ends with one
# "N passed, N failed, N skipped" line: Jest's and Go's tests together.
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

run_step typecheck npx tsc -p tsconfig.json --noEmit
run_step lint npx eslint . --max-warnings 0
run_step format npx prettier --check . --log-level warn
run_step shellcheck bash scripts/lint-shell.sh
run_step workflows bash scripts/lint-workflows.sh
run_step go-vet node scripts/lib/go-check.js vet tools/compat-providers
run_step go-test node scripts/lib/go-check.js test tools/compat-providers
run_step unit npx jest --ci --selectProjects unit "$@"
run_step integration npx jest --ci --selectProjects integration --runInBand "$@"

# shellcheck disable=SC2016
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
const t = lines.reduce((a, l) => ({ passed: a.passed + l.passed, failed: a.failed + l.failed, skipped: a.skipped + l.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`\n${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
' "$AURORA_TEST_SUMMARY"
echo "engine: $(tofu version | head -n 1); providers: postgresql=${AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND:-?} random=${AURORA_CDKTF_RANDOM_PROVIDER_KIND:-?} aws=${AURORA_CDKTF_AWS_PROVIDER_VERSION:-none} (${AURORA_CDKTF_AWS_PROVIDER_KIND:-none})"
if [ "${AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND:-}" = stand-in ] || [ "${AURORA_CDKTF_RANDOM_PROVIDER_KIND:-}" = stand-in ]; then
  echo "NOTE: database tests ran with the project's STAND-IN postgresql/random providers (tools/compat-providers),"
  echo "      because the module proxy refuses the real ones; see README.md."
fi
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "test: failed steps: ${failed_steps[*]}"
  exit 1
fi
