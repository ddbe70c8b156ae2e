#!/usr/bin/env bash
# Runs actionlint on every GitHub Actions workflow of the repository, tracked or new (not ignored):
# the YAML files under a .github/workflows folder and the YAML files with top-level `on:` and `jobs:`
# keys (such as examples/*/ci/github-actions.yml). actionlint also runs ShellCheck on the `run:`
# blocks (ShellCheck is on PATH after scripts/setup.sh). Exits non-zero on any finding, and when it
# finds no workflow at all, so the step cannot pass by checking nothing.
# Configuration (self-hosted runner labels): .github/actionlint.yaml.
# Usage: bash scripts/lint-workflows.sh [--list | FILE...]   (FILE...: lint only these files)
set -euo pipefail
args=()
for a in "$@"; do
  case $a in --*) args+=("$a") ;; *) args+=("$(realpath -- "$a")") ;; esac
done
set -- "${args[@]+"${args[@]}"}"
cd "$(dirname "$0")/.."

is_workflow() {
  case $1 in
    */.github/workflows/*.yml | */.github/workflows/*.yaml | .github/workflows/*.yml | .github/workflows/*.yaml) return 0 ;;
    *.yml | *.yaml) grep -qE '^jobs:' "$1" && grep -qE '^("?on"?|true):' "$1" ;;
    *) return 1 ;;
  esac
}

files=()
if [ $# -gt 0 ] && [ "$1" != --list ]; then
  files=("$@")
else
  while IFS= read -r -d '' f; do
    [ -f "$f" ] || continue # deleted in the working tree
    if is_workflow "$f"; then files+=("$f"); fi
  done < <(git ls-files -z --cached --others --exclude-standard | sort -zu)
fi

if [ "${1:-}" = --list ]; then
  printf '%s\n' "${files[@]}"
  exit 0
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "lint-workflows: no workflow file found" >&2
  exit 1
fi
if ! command -v actionlint >/dev/null 2>&1; then
  # Not sourced the toolchain's env file: use the actionlint scripts/toolchain.sh built, if any.
  toolchain_path="$(dirname "$(bash scripts/toolchain.sh --env-file)")/path"
  if [ -x "$toolchain_path/actionlint" ]; then PATH="$toolchain_path:$PATH"; fi
fi
if ! command -v actionlint >/dev/null 2>&1; then
  echo "lint-workflows: actionlint is not on PATH (bash scripts/setup.sh builds it; then source the toolchain's env file)" >&2
  exit 1
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "lint-workflows: shellcheck is not installed, so the run: blocks would go unchecked (bash scripts/setup.sh installs it)" >&2
  exit 1
fi
echo "lint-workflows: actionlint $(actionlint -version | head -n 1) on ${#files[@]} workflows: ${files[*]}"
actionlint -config-file .github/actionlint.yaml -shellcheck "$(command -v shellcheck)" "${files[@]}"
