#!/usr/bin/env bash
# One-time (idempotent) set-up of everything the tests and the main job need, on a new machine too:
#   - Debian packages: PostgreSQL 15 server, pgaudit, shellcheck (when missing; needs root)
#   - npm packages (npm ci)
#   - CDK Terrain (cdktn) and its bindings for the unit tests' second run, into a cache (scripts/cdktn.sh)
#   - OpenTofu, the providers and actionlint, built from the Go module proxy into a cache (scripts/toolchain.sh)
#   - a Python venv with moto[server] (the AWS fake) and checkov (the policy scanner)
# Usage: bash scripts/setup.sh [--no-aws]   (--no-aws: do not build the ~1 GB AWS provider)
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${AURORA_CDKTF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aurora-cdktf}"
export AURORA_CDKTF_TOOLCHAIN_DIR="${AURORA_CDKTF_TOOLCHAIN_DIR:-$CACHE/toolchain}"
VENV="$CACHE/venv"
MOTO_VERSION=5.2.5
CHECKOV_VERSION=3.3.30
start=$SECONDS
step() { echo "setup: [$((SECONDS - start))s] $*"; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<9)) { console.error("setup: Node >= 20.9 is required, found "+process.versions.node); process.exit(1) }'

need_pkgs=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need_pkgs+=(postgresql-15)
[ -f /usr/lib/postgresql/15/lib/pgaudit.so ] || need_pkgs+=(postgresql-15-pgaudit)
command -v shellcheck >/dev/null 2>&1 || need_pkgs+=(shellcheck)
python3 -c 'import venv, ensurepip' 2>/dev/null || need_pkgs+=(python3-venv)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  step "installing Debian packages: ${need_pkgs[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages (${need_pkgs[*]}); run as root or: sudo apt-get install -y ${need_pkgs[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

# npm ci again only when package-lock.json changed since the last one here (a stamp of its hash in
# node_modules; AURORA_SETUP_NPM_CI=1 forces it): it deletes and reinstalls all of node_modules.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.aurora-cdktf-npm-ci
if [ "${AURORA_SETUP_NPM_CI:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  step "npm packages: up to date with package-lock.json (npm ci skipped; AURORA_SETUP_NPM_CI=1 forces it)"
else
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

step "CDK Terrain packages and generated postgresql bindings (scripts/cdktn.sh)"
bash scripts/cdktn.sh

step "engine and providers (scripts/toolchain.sh $*)"
bash scripts/toolchain.sh "$@"

if [ ! -x "$VENV/bin/moto_server" ] || ! "$VENV/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
  step "Python venv with moto[server]==$MOTO_VERSION"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi
if [ ! -x "$CACHE/venv-checkov/bin/checkov" ]; then
  step "Python venv with checkov==$CHECKOV_VERSION"
  python3 -m venv "$CACHE/venv-checkov"
  "$CACHE/venv-checkov/bin/pip" install -q --disable-pip-version-check "checkov==$CHECKOV_VERSION"
fi

step "done; environment: source $(bash scripts/toolchain.sh --env-file)"
