#!/usr/bin/env bash
# Builds the Terraform-compatible engine (OpenTofu) and the providers this project's stacks use from
# the Go module proxy, lays them out as a filesystem mirror and writes a CLI config that uses only it.
# Also builds actionlint (the GitHub Actions workflow linter of scripts/lint-workflows.sh).
#
#   scripts/toolchain.sh            build what is missing (idempotent), write env file, print summary
#   scripts/toolchain.sh --no-aws   skip the AWS provider (about 1 GB and a long cold build)
#   source "$(scripts/toolchain.sh --env-file)"   export TF_CLI_CONFIG_FILE, TERRAFORM_BINARY_NAME, PATH
#
# Everything lands in a cache outside the repository, keyed by version:
#   ${AURORA_CDKTF_TOOLCHAIN_DIR:-$XDG_CACHE_HOME/aurora-cdktf/toolchain}
set -euo pipefail

TOFU_VERSION=1.12.6
TOFU_HCL_REPLACE="github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828"
PG_VERSION=1.26.0
ACTIONLINT_VERSION=1.7.12
RANDOM_VERSION=3.7.2
RANDOM_PSEUDO=v1.3.2-0.20250422105519-bc2ddb552b46
# hashicorp/aws has no /v6 module suffix, so only a pseudo-version resolves. This commit's
# version/VERSION reads 6.36.0. Where the proxy refuses it, an AWS provider mirror already on the
# machine is used if there is one. Test stacks pin aws to whichever version the mirror holds
# (AURORA_CDKTF_AWS_PROVIDER_VERSION, see test/helpers/aws.ts).
AWS_VERSION=6.36.0
AWS_COMMIT=00a35305dc1b297a6fcdecdfbba33f1e63c3da39
AWS_PLUGIN_LOG_REPLACE="github.com/hashicorp/terraform-plugin-log => github.com/gdavison/terraform-plugin-log v0.0.0-20230928191232-6c653d8ef8fb"

ROOT="${AURORA_CDKTF_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aurora-cdktf/toolchain}"
BIN="$ROOT/bin"
BUILD="$ROOT/build"
MIRROR="$ROOT/mirror"
LOGS="$ROOT/logs"
ENV_FILE="$ROOT/env.sh"
RC_FILE="$ROOT/tofu.rc"

mode=all
case "${1:-}" in
  --env-file) echo "$ENV_FILE"; exit 0 ;;
  --no-aws) mode=no-aws ;;
  "") ;;
  *) echo "usage: $0 [--no-aws|--env-file]" >&2; exit 2 ;;
esac

die() { echo "toolchain: ERROR: $*" >&2; exit 1; }
log() { echo "toolchain: $*"; }

command -v go >/dev/null 2>&1 || die "Go is not installed (need go >= 1.26.6 on PATH, e.g. /usr/local/go/bin). Install Go, then re-run."
gov=$(go env GOVERSION | sed 's/^go//')
case "$gov" in 1.2[6-9]*|1.[3-9]*) ;; *) die "Go $gov is too old: OpenTofu $TOFU_VERSION needs Go >= 1.26.6." ;; esac

mkdir -p "$BIN" "$BUILD" "$MIRROR" "$LOGS"
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local

probe_proxy() {
  local out
  if ! out=$(cd "$BUILD" && timeout 120 go list -m -json "github.com/opentofu/opentofu@v$TOFU_VERSION" 2>&1); then
    die "the Go module proxy ($(go env GOPROXY)) did not serve github.com/opentofu/opentofu@v$TOFU_VERSION:
$out
Set GOPROXY to a reachable module proxy and re-run."
  fi
}

declare -a SUMMARY=()

# with_progress WHAT LOG CMD...: runs CMD with its output in LOG and, as a cold build takes minutes
# without a word, prints "still building WHAT (2m30s)" every 30 s; returns CMD's exit status.
with_progress() {
  local what=$1 logfile=$2; shift 2
  local start=$SECONDS next=30 pid
  "$@" >"$logfile" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ $((SECONDS - start)) -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
      log "  still building $what ($(( (SECONDS - start) / 60 ))m$(printf '%02d' $(( (SECONDS - start) % 60 )))s)"
      next=$((next + 30))
    fi
  done
  wait "$pid"
}

# build_binary NAME VERSION OUT MAIN_PKG REQUIRE_LINE [REPLACE_LINE...]
build_binary() {
  local name=$1 version=$2 out=$3 pkg=$4 req=$5; shift 5
  if [ -x "$out" ]; then
    SUMMARY+=("$(printf '%-22s %-8s cached  %6s  %s' "$name" "$version" "$(du -h "$out" | cut -f1)" "$out")")
    return 0
  fi
  [ -n "${PROXY_OK:-}" ] || { probe_proxy; PROXY_OK=1; }
  local dir="$BUILD/$name-$version"
  rm -rf "$dir"; mkdir -p "$dir"
  {
    echo "module aurora-cdktf.invalid/build-$name"
    echo
    echo "go 1.26"
    echo
    echo "require $req"
    for r in "$@"; do echo "replace $r"; done
  } > "$dir/go.mod"
  log "building $name $version (log: $LOGS/$name-$version.log) ..."
  local start=$SECONDS ldflags="-s -w"
  [ "$name" = tofu ] && ldflags="$ldflags -X github.com/opentofu/opentofu/version.dev=no"
  [ "$name" = actionlint ] && ldflags="$ldflags -X github.com/rhysd/actionlint.version=v$version"
  local tmp="$out.tmp.$$"
  mkdir -p "$(dirname "$out")"
  if ! with_progress "$name $version" "$LOGS/$name-$version.log" \
    env -C "$dir" /usr/bin/time -v go build -trimpath -ldflags "$ldflags" -o "$tmp" "$pkg"; then
    tail -n 30 "$LOGS/$name-$version.log" >&2
    rm -f "$tmp"
    die "building $name $version failed (full log: $LOGS/$name-$version.log)"
  fi
  mv "$tmp" "$out"
  local secs=$((SECONDS - start)) rss
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d MB", $2/1024}' "$LOGS/$name-$version.log")
  SUMMARY+=("$(printf '%-22s %-8s built   %6s  in %ss, peak RSS of go build %s' "$name" "$version" "$(du -h "$out" | cut -f1)" "$secs" "$rss")")
  echo "$name $version built_in_seconds=$secs peak_rss=\"$rss\" size_bytes=$(stat -c %s "$out") date=$(date -u +%FT%TZ)" >> "$LOGS/build-times.txt"
}

# mirror NAMESPACE TYPE VERSION BINARY: hard links under both registry host names
mirror() {
  local ns=$1 type=$2 version=$3 src=$4 host
  for host in registry.opentofu.org registry.terraform.io; do
    local d="$MIRROR/$host/$ns/$type/$version/linux_amd64"
    mkdir -p "$d"
    ln -f "$src" "$d/terraform-provider-${type}_v$version" 2>/dev/null || cp -f "$src" "$d/terraform-provider-${type}_v$version"
  done
}

total_start=$SECONDS
# Providers are built from the Go module proxy. Where the proxy refuses a provider module (some
# proxies serve only part of the module world), the project's own stand-in providers in
# tools/compat-providers are built instead and flagged loudly: they implement the subset of the
# real schema that the constructs use, against a real PostgreSQL, but they are not the real provider.
declare -A PROVIDER_KIND=()
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"

# refused MODULE@VERSION: true when the module proxy answers that it will not serve it
refused() {
  local out
  out=$(cd "$BUILD" && timeout 120 go mod download -json "$1" 2>&1) && return 1
  if grep -q -E '403|404|410|not available|not found|invalid version' <<<"$out"; then return 0; fi
  die "could not ask the Go module proxy for $1:
$out"
}

# compat_source_hash: SHA-256 over the stand-ins' sources (every *.go, go.mod, go.sum, sorted by
# path; the sha256sum lines hashed again). The binary carries it (-version prints it) and the
# conformance test recomputes it from the checkout (test/integration/standin-conformance.test.ts).
compat_source_hash() {
  (cd "$REPO_ROOT/tools/compat-providers" &&
    find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# build_compat TYPE VERSION OUT: the stand-in, rebuilt whenever its sources (or Go) changed. The
# key is a content hash kept next to the binary, not file times: a checkout of older sources, or
# another clone sharing this cache, must not reuse a binary built from different code.
build_compat() {
  local type=$1 version=$2 out=$3
  [ -d "$REPO_ROOT/tools/compat-providers" ] || die "the proxy refuses the $type provider and tools/compat-providers is missing"
  local hash key
  hash=$(compat_source_hash)
  key="$hash $(go env GOVERSION)"
  if [ -x "$out" ] && [ -f "$out.source" ] && [ "$(cat "$out.source")" = "$key" ]; then
    SUMMARY+=("$(printf '%-22s %-8s cached  %6s  STAND-IN (tools/compat-providers, source %s)' "$type" "$version" "$(du -h "$out" | cut -f1)" "${hash:0:12}")")
    return 0
  fi
  log "building the STAND-IN $type provider from tools/compat-providers (source ${hash:0:12}) ..."
  local start=$SECONDS
  mkdir -p "$(dirname "$out")"
  with_progress "the stand-in $type" "$LOGS/compat-$type.log" env -C "$REPO_ROOT/tools/compat-providers" GOFLAGS=-mod=readonly go build -trimpath \
    -ldflags "-s -w -X aurora-cdktf/tools/compat-providers/internal/standin.SourceHash=$hash" -o "$out.tmp" "./$type" \
    || { tail -n 30 "$LOGS/compat-$type.log" >&2; die "building the stand-in $type provider failed"; }
  mv "$out.tmp" "$out"
  echo "$key" > "$out.source"
  SUMMARY+=("$(printf '%-22s %-8s built   %6s  in %ss  STAND-IN (tools/compat-providers, source %s)' "$type" "$version" "$(du -h "$out" | cut -f1)" "$((SECONDS - start))" "${hash:0:12}")")
}

# provider TYPE NAMESPACE VERSION MODULE_PATH REPLACE_TARGET@VERSION
provider() {
  local type=$1 ns=$2 version=$3 modpath=$4 target=$5
  local real="$BIN/$type-$version/terraform-provider-$type" compat="$BIN/$type-$version-standin/terraform-provider-$type"
  if [ -x "$real" ] || ! refused "$target"; then
    build_binary "$type" "$version" "$real" "$modpath" "$modpath v$version" "$modpath => ${target/@/ }"
    PROVIDER_KIND[$type]=real
    mirror "$ns" "$type" "$version" "$real"
  else
    log "the Go module proxy refuses $target: using the project's stand-in $type provider"
    build_compat "$type" "$version" "$compat"
    PROVIDER_KIND[$type]=stand-in
    mirror "$ns" "$type" "$version" "$compat"
  fi
}

# An AWS provider another tool left on this machine (a filesystem mirror tree), newest version first.
find_machine_aws() {
  local dirs=("${AURORA_CDKTF_AWS_MIRROR:-}" /opt /usr/local/share /usr/share "$HOME/.terraform.d/plugins")
  local d
  for d in "${dirs[@]}"; do
    if [ -z "$d" ] || [ ! -d "$d" ]; then continue; fi
    find "$d" -maxdepth 7 -path '*/hashicorp/aws/*/linux_amd64/terraform-provider-aws_*' -type f -perm -u+x 2>/dev/null
  done | awk -F/ '{ for (i = 1; i <= NF; i++) if ($i == "aws") { print $(i+1) "\t" $0; break } }' | sort -t. -k1,1nr -k2,2nr -k3,3nr | head -n 1
}

build_binary tofu "$TOFU_VERSION" "$BIN/tofu-$TOFU_VERSION/tofu" github.com/opentofu/opentofu/cmd/tofu \
    "github.com/opentofu/opentofu v$TOFU_VERSION" "$TOFU_HCL_REPLACE"
build_binary actionlint "$ACTIONLINT_VERSION" "$BIN/actionlint-$ACTIONLINT_VERSION/actionlint" \
    github.com/rhysd/actionlint/cmd/actionlint "github.com/rhysd/actionlint v$ACTIONLINT_VERSION"
  provider postgresql cyrilgdn "$PG_VERSION" github.com/terraform-providers/terraform-provider-postgresql \
    "github.com/cyrilgdn/terraform-provider-postgresql@v$PG_VERSION"
  provider random hashicorp "$RANDOM_VERSION" github.com/terraform-providers/terraform-provider-random \
    "github.com/hashicorp/terraform-provider-random@$RANDOM_PSEUDO"
AWS_KIND=none
if [ "$mode" != no-aws ]; then
  if [ -x "$BIN/aws-$AWS_VERSION/terraform-provider-aws" ] || ! refused "github.com/hashicorp/terraform-provider-aws@$AWS_COMMIT"; then
    aws_pseudo=$(cd "$BUILD" && go list -m -json "github.com/hashicorp/terraform-provider-aws@$AWS_COMMIT" | sed -n 's/.*"Version": "\(.*\)".*/\1/p')
    build_binary aws "$AWS_VERSION" "$BIN/aws-$AWS_VERSION/terraform-provider-aws" \
      github.com/hashicorp/terraform-provider-aws \
      "github.com/hashicorp/terraform-provider-aws $aws_pseudo" "$AWS_PLUGIN_LOG_REPLACE"
    mirror hashicorp aws "$AWS_VERSION" "$BIN/aws-$AWS_VERSION/terraform-provider-aws"
    AWS_KIND=built
  else
    log "the Go module proxy refuses hashicorp/terraform-provider-aws@$AWS_COMMIT: looking for an AWS provider already on this machine"
  fi
fi
if [ "$AWS_KIND" = none ]; then
  found=$(find_machine_aws || true)
  if [ -n "$found" ]; then
    AWS_VERSION=${found%%$'\t'*}
    mirror hashicorp aws "$AWS_VERSION" "${found#*$'\t'}"
    AWS_KIND=machine
    SUMMARY+=("$(printf '%-22s %-8s found   %6s  (a provider mirror already on this machine)' aws "$AWS_VERSION" "$(du -h "${found#*$'\t'}" | cut -f1)")")
  fi
fi
# Forget mirrored aws versions other than the one chosen, so the constraint resolves to it.
for host in registry.opentofu.org registry.terraform.io; do
  for d in "$MIRROR/$host/hashicorp/aws"/*; do
    [ -d "$d" ] && [ "$(basename "$d")" != "$AWS_VERSION" ] && rm -rf "$d"
  done
done
[ "$AWS_KIND" != none ] || rm -rf "$MIRROR"/*/hashicorp/aws

# A CLI config that installs providers only from the mirror: no "direct" block, so nothing is fetched.
cat > "$RC_FILE" <<RC
provider_installation {
  filesystem_mirror {
    path = "$MIRROR"
  }
}
disable_checkpoint = true
RC

# A bin dir with "tofu" (and "actionlint"); a "terraform" alias for tools that ignore TERRAFORM_BINARY_NAME.
mkdir -p "$ROOT/path"
if [ -x "$BIN/tofu-$TOFU_VERSION/tofu" ]; then
  ln -sf "$BIN/tofu-$TOFU_VERSION/tofu" "$ROOT/path/tofu"
fi
ln -sf "$BIN/actionlint-$ACTIONLINT_VERSION/actionlint" "$ROOT/path/actionlint"
cat > "$ENV_FILE" <<ENV
# written by scripts/toolchain.sh; source it before running tests or cdktf
export TF_CLI_CONFIG_FILE="$RC_FILE"
export TERRAFORM_BINARY_NAME=tofu
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export AURORA_CDKTF_MIRROR="$MIRROR"
export AURORA_CDKTF_AWS_PROVIDER_VERSION="$([ "$AWS_KIND" != none ] && echo "$AWS_VERSION")"
export AURORA_CDKTF_AWS_PROVIDER_KIND="$AWS_KIND"
export AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND="${PROVIDER_KIND[postgresql]:-}"
export AURORA_CDKTF_RANDOM_PROVIDER_KIND="${PROVIDER_KIND[random]:-}"
# Python venvs made by scripts/setup.sh (moto for the AWS fake, checkov for the policy scan)
export AURORA_CDKTF_VENV="$(dirname "$ROOT")/venv"
export AURORA_CDKTF_CHECKOV="$(dirname "$ROOT")/venv-checkov/bin/checkov"
case ":\$PATH:" in *":$ROOT/path:"*) ;; *) export PATH="$ROOT/path:\$PATH" ;; esac
ENV

log "cache: $ROOT"
for line in "${SUMMARY[@]}"; do log "  $line"; done
[ "$AWS_KIND" != none ] || log "  aws: NOT AVAILABLE (the proxy refuses it and none is on this machine); AWS plans are counted as skipped"
for t in postgresql random; do
  [ "${PROVIDER_KIND[$t]:-}" != stand-in ] || log "  NOTE: $t is the project's STAND-IN provider, not the real one (the module proxy refuses it)"
done
log "done in $((SECONDS - total_start))s; environment: source $ENV_FILE"
