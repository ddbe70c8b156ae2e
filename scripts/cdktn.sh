#!/usr/bin/env bash
# Installs CDK Terrain (cdktn) and its provider bindings (tools/cdktn/package.json, exact pins) into a
# cache outside the repository, keyed by tools/cdktn/package-lock.json's hash, and generates the
# postgresql bindings there from the committed schema (tools/cdktn/postgresql-1.26.0-schema.json) with
# cdktn's provider generator. `npm run test:unit:cdktn` (jest.cdktn.config.js) runs the unit tests
# against them. Idempotent: what is already in the cache is reused ("cached").
#
#   scripts/cdktn.sh         install / generate what is missing, print the cache folder's summary
#   scripts/cdktn.sh --dir   print the cache folder only (it may not exist yet)
#
# Cache: ${AURORA_CDKTF_CACHE:-$XDG_CACHE_HOME/aurora-cdktf}/cdktn/<hash of the lock file>
set -euo pipefail
cd "$(dirname "$0")/.."

SRC=tools/cdktn
CACHE="${AURORA_CDKTF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aurora-cdktf}"
key=$(sha256sum "$SRC/package-lock.json" | cut -c1-16)
DIR="$CACHE/cdktn/$key"

case "${1:-}" in
  --dir) echo "$DIR"; exit 0 ;;
  "") ;;
  *) echo "usage: $0 [--dir]" >&2; exit 2 ;;
esac

log() { echo "cdktn: $*"; }
die() { echo "cdktn: ERROR: $*" >&2; exit 1; }
[ -x node_modules/.bin/tsc ] || die "the project's npm packages are missing (TypeScript compiles the generated bindings). Run: bash scripts/setup.sh"
start=$SECONDS

# npm packages: npm ci from the lock file into a temporary folder, renamed into place when complete
# (an interrupted run leaves no half-installed cache behind).
if [ -f "$DIR/.installed" ]; then
  log "npm packages cached ($DIR)"
else
  log "npm ci of $SRC/package-lock.json into $DIR (about 630 MB)"
  mkdir -p "$CACHE/cdktn"
  tmp=$(mktemp -d "$CACHE/cdktn/.install.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/.npmrc" "$tmp/"
  # The @cdktn bindings declare node >= 22.11; they run on the project's node >= 20.9 (EBADENGINE warning).
  (cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false)
  touch "$tmp/.installed"
  if [ -f "$DIR/.installed" ]; then
    rm -rf "$tmp" # another run finished the same install meanwhile
  else
    rm -rf "$DIR"
    mv "$tmp" "$DIR"
  fi
  trap - EXIT
fi

# postgresql bindings, generated (and compiled to JavaScript with declarations) when the schema or
# the generator script changed since the last generation here.
gen_hash=$(cat "$SRC/postgresql-1.26.0-schema.json" "$SRC/generate-postgresql.js" "$SRC/tsconfig.gen.json" | sha256sum | cut -d' ' -f1)
if [ -f "$DIR/gen/.generated" ] && [ "$(cat "$DIR/gen/.generated")" = "$gen_hash" ]; then
  log "postgresql bindings cached ($DIR/gen)"
else
  log "generating the postgresql bindings into $DIR/gen"
  rm -rf "$DIR/gen"
  # The generator asks the engine on PATH for its version at load: no checkpoint call, no CLI config.
  CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null node "$SRC/generate-postgresql.js" "$DIR" "$SRC/postgresql-1.26.0-schema.json" "$DIR/gen/src"
  cp "$SRC/tsconfig.gen.json" "$DIR/gen/tsconfig.json"
  node_modules/.bin/tsc -p "$DIR/gen/tsconfig.json"
  echo "$gen_hash" > "$DIR/gen/.generated"
fi

log "ready in $((SECONDS - start))s: $DIR ($(du -sh "$DIR" | cut -f1))"
