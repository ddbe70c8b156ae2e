#!/usr/bin/env bash
# The main job (`npm run main`): set everything up, then run both examples end to end on this machine.
#   1. scripts/setup.sh (idempotent), the toolchain environment, `tsc -b` (packages + examples)
#   2. per example: `cdktf synth`; `tofu init/validate/plan` of every stack. The AWS stacks plan
#      against a throwaway moto server; each is applied to it (minus what moto cannot create) so that
#      the stacks depending on it can plan (cdktf cross-stack references read upstream state).
#   3. a throwaway PostgreSQL 15: `cdktf deploy` of the database stacks (local mode), a summary of
#      what was created, `cdktf destroy`, and a check that nothing is left.
# Exits non-zero on any failure; moto, PostgreSQL and the work folder are removed on exit.
# AURORA_MAIN_SKIP_SETUP=1 skips step 1's setup.sh (when it already ran).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
T0=$SECONDS
TIMINGS=()
log() { echo "main: [$((SECONDS - T0))s] $*"; }

# Resource types moto cannot create (left out of the apply); see examples/*/README.md. What was
# applied to moto is not destroyed: moto is stopped at the end and its state goes with it.
MOTO_EXCLUDE_TYPES="aws_autoscaling_notification"

if [ "${AURORA_MAIN_SKIP_SETUP:-0}" = 1 ]; then
  log "setup skipped (AURORA_MAIN_SKIP_SETUP=1)"
else
  t=$SECONDS
  bash scripts/setup.sh
  TIMINGS+=("setup: $((SECONDS - t))s")
fi
# shellcheck disable=SC1090
source "$(bash scripts/toolchain.sh --env-file)"
export CHECKPOINT_DISABLE=1 CI=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/aurora-cdktf-main.XXXXXX")
LOGS=$WORK/logs
mkdir -p "$LOGS"
PG_STATE=$WORK/pg.json
MOTO_STATE=$WORK/moto.json
LOCAL_DEPLOYS=() # "example|outdir|stacks..." still deployed to PostgreSQL

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  for entry in "${LOCAL_DEPLOYS[@]}"; do
    IFS='|' read -r ex out stacks <<<"$entry"
    log "clean-up: cdktf destroy $stacks ($ex)"
    # shellcheck disable=SC2086
    (cd "examples/$ex" && npx cdktf destroy $stacks --skip-provider-lock --auto-approve --output "$out") >>"$LOGS/cleanup.log" 2>&1
  done
  [ -f "$PG_STATE" ] && node scripts/lib/pg-server.js stop "$PG_STATE"
  if [ -f "$MOTO_STATE" ]; then
    node -e 'require(process.argv[1]).stop(JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")))' \
      "$ROOT/scripts/lib/moto-server.js" "$MOTO_STATE"
  fi
  rm -rf "$WORK"
  if [ $rc -ne 0 ]; then log "FAILED (exit $rc)"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run NAME CMD...: runs CMD with its output in $LOGS/NAME.log, a progress line every 30 s, and the
# log's tail on failure.
run() {
  local name=$1
  shift
  local logf="$LOGS/$name.log" t=$SECONDS
  "$@" >"$logf" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then log "  ... $name still running ($((SECONDS - t))s)"; fi
  done
  if ! wait "$pid"; then
    log "  $name FAILED after $((SECONDS - t))s; last lines of its output:"
    tail -n 40 "$logf" | sed 's/^/    | /'
    return 1
  fi
}

# Planned creates of a saved plan, as "type xN" (or the addresses of the given types with --addresses).
plan_summary() {
  local dir=$1
  shift
  # shellcheck disable=SC2016
  (cd "$dir" && tofu show -json tfplan) | node -e '
    const plan = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const creates = (plan.resource_changes || []).filter((c) => c.change.actions.includes("create"));
    if (process.argv[1] === "--addresses") {
      const types = process.argv[2].split(" ");
      console.log(creates.filter((c) => types.includes(c.type)).map((c) => c.address).join(" "));
    } else {
      const n = {};
      for (const c of creates) n[c.type] = (n[c.type] || 0) + 1;
      console.log(`${creates.length} to create (${Object.entries(n).map(([t, k]) => `${t} x${k}`).join(", ")})`);
    }' -- "$@"
}

# tofu_stack STACKS_DIR STACK plan|apply: init, validate, plan; with apply, applies all but what moto lacks.
tofu_stack() {
  local dir="$1/$2" name=$3 mode=$4
  run "$name-init" bash -c "cd '$dir' && tofu init -input=false -no-color"
  run "$name-validate" bash -c "cd '$dir' && tofu validate -no-color"
  run "$name-plan" bash -c "cd '$dir' && tofu plan -input=false -no-color -lock=false -out=tfplan"
  log "  $2: valid; plan: $(plan_summary "$dir")"
  if [ "$mode" = apply ]; then
    local excluded args=()
    excluded=$(plan_summary "$dir" --addresses "$MOTO_EXCLUDE_TYPES")
    for a in $excluded; do args+=("-exclude=$a"); done
    local apply="cd '$dir' && tofu apply -input=false -no-color -auto-approve ${args[*]:-}"
    if ! run "$name-apply" bash -c "$apply"; then
      # moto's EC2 is not safe under load (seen once: a new security group's default egress rule
      # "does not exist" when the provider revokes it): one retry.
      log "  $2: retrying the apply once"
      run "$name-apply-retry" bash -c "$apply"
    fi
    log "  $2: applied to moto ($(cd "$dir" && tofu state list | grep -vc '^data\.') resources)${excluded:+; left out (moto cannot create them): $excluded}"
  fi
}

cdktf_in() {
  local ex=$1
  shift
  (cd "examples/$ex" && npx cdktf "$@")
}

# --- build ---------------------------------------------------------------------------------------
t=$SECONDS
log "building the packages and the examples (tsc -b)"
run build npx tsc -b tsconfig.build.json
TIMINGS+=("build: $((SECONDS - t))s")

AWS_OK=0
if [ -n "${AURORA_CDKTF_AWS_PROVIDER_VERSION:-}" ] &&
  [ -d "${AURORA_CDKTF_MIRROR:-/nonexistent}/registry.opentofu.org/hashicorp/aws/${AURORA_CDKTF_AWS_PROVIDER_VERSION}" ]; then
  AWS_OK=1
  t=$SECONDS
  log "starting moto (AWS fake)"
  node -e 'require(process.argv[1]).start().then((s) => require("fs").writeFileSync(process.argv[2], JSON.stringify(s)))' \
    "$ROOT/scripts/lib/moto-server.js" "$MOTO_STATE"
  MOTO_ENDPOINT=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).endpoint' "$MOTO_STATE")
  export AWS_ENDPOINT_URL=$MOTO_ENDPOINT AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
    AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true AWS_MAX_ATTEMPTS=3
  export TF_PLUGIN_CACHE_DIR=${TF_PLUGIN_CACHE_DIR:-$HOME/.terraform.d/plugin-cache}
  mkdir -p "$TF_PLUGIN_CACHE_DIR"
  TIMINGS+=("moto start: $((SECONDS - t))s")
else
  log "SKIPPED: every AWS stack's plan (no hashicorp/aws provider in the toolchain mirror; see README)"
fi
export EXAMPLE_AWS_PROVIDER_VERSION=${AURORA_CDKTF_AWS_PROVIDER_VERSION:-}
unset DB_TARGET STAGE PGDATABASE 2>/dev/null || true

# --- reference architecture: synth and plan ------------------------------------------------------
t=$SECONDS
REF_OUT=$WORK/ref/cdktf.out
mkdir -p "$WORK/ref"
log "reference-architecture: cdktf synth (stage dev, database stacks through the tunnel)"
run ref-synth cdktf_in reference-architecture synth --output "$REF_OUT"
log "  stacks: $(find "$REF_OUT/stacks" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tr '\n' ' ')"
if [ $AWS_OK = 1 ]; then
  for s in network bastion database lineage-aws; do
    log "reference-architecture/$s: validate, plan and apply to moto"
    tofu_stack "$REF_OUT/stacks" "$s" "ref-$s" apply
  done
  for s in database-bootstrap lineage-database; do
    log "reference-architecture/$s: validate and plan (reads the cluster's secret from moto)"
    tofu_stack "$REF_OUT/stacks" "$s" "ref-$s" plan
  done
fi
TIMINGS+=("reference-architecture synth + plan: $((SECONDS - t))s")

# --- lineage on an existing cluster: synth and plan ----------------------------------------------
t=$SECONDS
EX_OUT=$WORK/existing/cdktf.out
mkdir -p "$WORK/existing"
context='{}'
if [ $AWS_OK = 1 ]; then
  # The existing cluster's master secret, in moto (the database stack reads it at plan time).
  # shellcheck disable=SC2016
  context=$(node -e '
    (async () => {
      const [endpoint, dist] = process.argv.slice(1);
      const res = await fetch(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": "secretsmanager.CreateSecret",
          Authorization: "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0",
        },
        body: JSON.stringify({ Name: "main-existing-cluster-master", SecretString: JSON.stringify({ username: "postgres", password: "plan-only" }) }),
      });
      if (!res.ok) throw new Error(`moto CreateSecret: HTTP ${res.status} ${await res.text()}`);
      const { ARN } = await res.json();
      const sample = require(dist).SAMPLE_EXISTING_CLUSTER;
      console.log(JSON.stringify({ existingCluster: { ...sample, masterUserSecretArn: ARN } }));
    })().catch((e) => { console.error(e.message); process.exit(1); });' \
    "$MOTO_ENDPOINT" "$ROOT/examples/lineage-on-existing-cluster/dist/existing-cluster.js")
fi
log "lineage-on-existing-cluster: cdktf synth (the sample cluster, by attributes)"
run existing-synth env CDKTF_CONTEXT_JSON="$context" bash -c \
  "cd examples/lineage-on-existing-cluster && npx cdktf synth --output '$EX_OUT'"
if [ $AWS_OK = 1 ]; then
  log "lineage-on-existing-cluster/lineage-aws: validate, plan and apply to moto"
  tofu_stack "$EX_OUT/stacks" lineage-aws existing-lineage-aws apply
  log "lineage-on-existing-cluster/lineage-database: validate and plan"
  tofu_stack "$EX_OUT/stacks" lineage-database existing-lineage-database plan
fi
TIMINGS+=("lineage-on-existing-cluster synth + plan: $((SECONDS - t))s")

# --- local PostgreSQL: deploy the database stacks ------------------------------------------------
t=$SECONDS
log "starting a throwaway PostgreSQL 15"
# Exports PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSSLMODE PGSUPERUSER for the RDS-like master.
eval "$(node scripts/lib/pg-server.js start "$PG_STATE")"
PSQL="$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).binDir' "$PG_STATE")/psql"
export DB_TARGET=local
TIMINGS+=("PostgreSQL start: $((SECONDS - t))s")

summary() {
  "$PSQL" -X -q -P pager=off <<'SQL'
\echo 'roles:'
SELECT rolname AS role, rolcanlogin AS login, rolsuper AS superuser FROM pg_roles
 WHERE rolname !~ '^pg_' AND rolname NOT IN ('postgres', 'rds_master') ORDER BY 1;
\echo 'schemas:'
SELECT nspname AS schema, pg_get_userbyid(nspowner) AS owner, array_to_string(nspacl, ' ') AS privileges
  FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY 1;
\echo 'extensions:'
SELECT extname AS extension, extversion AS version FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1;
\echo 'table privileges:'
SELECT table_schema || '.' || table_name AS "table", grantee, string_agg(privilege_type, ', ' ORDER BY privilege_type) AS privileges
  FROM information_schema.role_table_grants WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
  GROUP BY 1, 2 ORDER BY 1, 2;
\echo 'default privileges (future objects):'
SELECT pg_get_userbyid(defaclrole) AS "for role", defaclnamespace::regnamespace AS schema,
       CASE defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' ELSE defaclobjtype::text END AS objects,
       array_to_string(defaclacl, ' ') AS privileges FROM pg_default_acl ORDER BY 1, 2, 3;
SQL
}

# Roles and schemas beyond the server's own, and resources in the stacks' state, after a destroy.
leftovers() { # OUTDIR STACKS...
  local out=$1
  shift
  "$PSQL" -X -A -t -c "SELECT 'role ' || rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname NOT IN ('postgres', 'rds_master')
    UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname NOT IN ('public', 'information_schema')"
  for s in "$@"; do (cd "$out/stacks/$s" && tofu state list | sed "s/^/state $s: /"); done
}

deploy_local() { # EXAMPLE OUTDIR STACKS...
  local ex=$1 out=$2
  shift 2
  LOCAL_DEPLOYS+=("$ex|$out|$*")
  run "$ex-deploy" cdktf_in "$ex" deploy "$@" --skip-provider-lock --auto-approve --output "$out"
}

destroy_local() { # EXAMPLE OUTDIR STACKS...
  local ex=$1 out=$2
  shift 2
  run "$ex-destroy" cdktf_in "$ex" destroy "$@" --skip-provider-lock --auto-approve --output "$out"
  LOCAL_DEPLOYS=()
  local left
  left=$(leftovers "$out" "$@")
  if [ -n "$left" ]; then
    log "  destroy left something behind:"
    while IFS= read -r line; do echo "    $line"; done <<<"$left"
    return 1
  fi
  log "  destroyed: no role, schema or state entry left"
}

t=$SECONDS
mkdir -p "$WORK/ref-local"
log "reference-architecture: cdktf deploy database-bootstrap lineage-database (DB_TARGET=local, as the RDS-like master $PGUSER)"
deploy_local reference-architecture "$WORK/ref-local/cdktf.out" database-bootstrap lineage-database
log "  created in database $PGDATABASE:"
summary | sed 's/^/    /'
log "reference-architecture: cdktf destroy database-bootstrap lineage-database"
destroy_local reference-architecture "$WORK/ref-local/cdktf.out" database-bootstrap lineage-database
TIMINGS+=("reference-architecture deploy + destroy: $((SECONDS - t))s")

t=$SECONDS
mkdir -p "$WORK/existing-local"
"$PSQL" -X -q -c "CREATE TABLE public.legacy_orders (id int PRIMARY KEY)"
log "lineage-on-existing-cluster: cdktf deploy lineage-database (DB_TARGET=local; observes schema public)"
deploy_local lineage-on-existing-cluster "$WORK/existing-local/cdktf.out" lineage-database
log "  created in database $PGDATABASE:"
summary | sed 's/^/    /'
log "lineage-on-existing-cluster: cdktf destroy lineage-database"
destroy_local lineage-on-existing-cluster "$WORK/existing-local/cdktf.out" lineage-database
TIMINGS+=("lineage-on-existing-cluster deploy + destroy: $((SECONDS - t))s")

log "done. Timings:"
for line in "${TIMINGS[@]}"; do echo "  $line"; done
echo "  total: $((SECONDS - T0))s"
if [ $AWS_OK = 0 ]; then echo "NOTE: the AWS stacks were not planned (no AWS provider in the toolchain mirror)."; fi
if [ "${AURORA_CDKTF_POSTGRESQL_PROVIDER_KIND:-}" = stand-in ]; then
  echo "NOTE: the database stacks ran with the project's STAND-IN postgresql/random providers (tools/compat-providers)."
fi
