#!/usr/bin/env bash
# Builds the Terraform-compatible engine (OpenTofu) and the providers this project's stacks use from
# the Go module proxy, lays them out as a filesystem mirror and writes a CLI config that uses only it.
#
#   scripts/toolchain.sh            build what is missing (idempotent), write env file, print summary
#   scripts/toolchain.sh --no-aws   skip the AWS provider (about 1 GB and a long cold build)
#   scripts/toolchain.sh --aws-only build only the AWS provider (in the background while tests run)
#   source "$(scripts/toolchain.sh --env-file)"   export TF_CLI_CONFIG_FILE, TERRAFORM_BINARY_NAME, PATH
#
# Everything lands in a cache outside the repository, keyed by version:
#   ${AURORA_CDKTF_TOOLCHAIN_DIR:-$XDG_CACHE_HOME/aurora-cdktf/toolchain}
set -euo pipefail

TOFU_VERSION=1.12.6
TOFU_HCL_REPLACE="github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828"
PG_VERSION=1.26.0
RANDOM_VERSION=3.7.2
RANDOM_PSEUDO=v1.3.2-0.20250422105519-bc2ddb552b46
# hashicorp/aws has no /v6 module suffix, so only a pseudo-version resolves. This commit's
# version/VERSION reads 6.36.0; the prebuilt cdktf bindings generate for 6.25.0, so stacks that are
# planned with it constrain aws to "~> 6.25" (see test/helpers/tofu.ts).
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
  --aws-only) mode=aws-only ;;
  "") ;;
  *) echo "usage: $0 [--no-aws|--aws-only|--env-file]" >&2; exit 2 ;;
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
  local tmp="$out.tmp.$$"
  mkdir -p "$(dirname "$out")"
  if ! (cd "$dir" && /usr/bin/time -v go build -trimpath -ldflags "$ldflags" -o "$tmp" "$pkg") >"$LOGS/$name-$version.log" 2>&1; then
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
if [ "$mode" != aws-only ]; then
  build_binary tofu "$TOFU_VERSION" "$BIN/tofu-$TOFU_VERSION/tofu" github.com/opentofu/opentofu/cmd/tofu \
    "github.com/opentofu/opentofu v$TOFU_VERSION" "$TOFU_HCL_REPLACE"
  build_binary postgresql "$PG_VERSION" "$BIN/postgresql-$PG_VERSION/terraform-provider-postgresql" \
    github.com/terraform-providers/terraform-provider-postgresql \
    "github.com/terraform-providers/terraform-provider-postgresql v$PG_VERSION" \
    "github.com/terraform-providers/terraform-provider-postgresql => github.com/cyrilgdn/terraform-provider-postgresql v$PG_VERSION"
  build_binary random "$RANDOM_VERSION" "$BIN/random-$RANDOM_VERSION/terraform-provider-random" \
    github.com/terraform-providers/terraform-provider-random \
    "github.com/terraform-providers/terraform-provider-random v$RANDOM_VERSION" \
    "github.com/terraform-providers/terraform-provider-random => github.com/hashicorp/terraform-provider-random $RANDOM_PSEUDO"
  mirror cyrilgdn postgresql "$PG_VERSION" "$BIN/postgresql-$PG_VERSION/terraform-provider-postgresql"
  mirror hashicorp random "$RANDOM_VERSION" "$BIN/random-$RANDOM_VERSION/terraform-provider-random"
fi
if [ "$mode" != no-aws ]; then
  aws_pseudo=$(cd "$BUILD" && go list -m -json "github.com/hashicorp/terraform-provider-aws@$AWS_COMMIT" 2>/dev/null | sed -n 's/.*"Version": "\(.*\)".*/\1/p')
  [ -n "$aws_pseudo" ] || die "the Go module proxy did not resolve github.com/hashicorp/terraform-provider-aws@$AWS_COMMIT"
  build_binary aws "$AWS_VERSION" "$BIN/aws-$AWS_VERSION/terraform-provider-aws" \
    github.com/hashicorp/terraform-provider-aws \
    "github.com/hashicorp/terraform-provider-aws $aws_pseudo" "$AWS_PLUGIN_LOG_REPLACE"
  mirror hashicorp aws "$AWS_VERSION" "$BIN/aws-$AWS_VERSION/terraform-provider-aws"
fi

# A CLI config that installs providers only from the mirror: no "direct" block, so nothing is fetched.
cat > "$RC_FILE" <<RC
provider_installation {
  filesystem_mirror {
    path = "$MIRROR"
  }
}
plugin_cache_dir = ""
disable_checkpoint = true
RC
sed -i '/plugin_cache_dir = ""/d' "$RC_FILE"

# A bin dir with "tofu" and a "terraform" alias for tools that ignore TERRAFORM_BINARY_NAME.
mkdir -p "$ROOT/path"
if [ -x "$BIN/tofu-$TOFU_VERSION/tofu" ]; then
  ln -sf "$BIN/tofu-$TOFU_VERSION/tofu" "$ROOT/path/tofu"
fi
cat > "$ENV_FILE" <<ENV
# written by scripts/toolchain.sh; source it before running tests or cdktf
export TF_CLI_CONFIG_FILE="$RC_FILE"
export TERRAFORM_BINARY_NAME=tofu
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export AURORA_CDKTF_MIRROR="$MIRROR"
export AURORA_CDKTF_AWS_PROVIDER_VERSION="$AWS_VERSION"
case ":\$PATH:" in *":$ROOT/path:"*) ;; *) export PATH="$ROOT/path:\$PATH" ;; esac
ENV

log "cache: $ROOT"
for line in "${SUMMARY[@]}"; do log "  $line"; done
[ -x "$BIN/aws-$AWS_VERSION/terraform-provider-aws" ] || log "  aws $AWS_VERSION: not built (run scripts/toolchain.sh --aws-only); AWS plans are counted as skipped"
log "done in $((SECONDS - total_start))s; environment: source $ENV_FILE"
