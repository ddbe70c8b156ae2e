#!/usr/bin/env bash
# Runs ShellCheck on every shell script of the repository: the *.sh files and the files whose first line
# is a sh/bash shebang (such as .ci/run), tracked or new (not ignored). Exits non-zero on any finding.
# Usage: bash scripts/lint-shell.sh [--list]   (--list: only print the scripts it would check)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts=()
while IFS= read -r -d '' f; do
  [ -f "$f" ] || continue # deleted in the working tree
  case $f in
    *.sh) scripts+=("$f") ;;
    *) if head -n 1 "$f" 2>/dev/null | grep -qE '^#!.*[/ ](ba|da|k)?sh([[:space:]]|$)'; then scripts+=("$f"); fi ;;
  esac
done < <(git ls-files -z --cached --others --exclude-standard | sort -zu)

if [ "${1:-}" = --list ]; then
  printf '%s\n' "${scripts[@]}"
  exit 0
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "lint-shell: shellcheck is not installed (bash scripts/setup.sh installs it)" >&2
  exit 1
fi
echo "lint-shell: shellcheck $(shellcheck --version | sed -n 's/^version: //p') on ${#scripts[@]} scripts: ${scripts[*]}"
shellcheck --external-sources "${scripts[@]}"
