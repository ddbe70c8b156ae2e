#!/usr/bin/env bash
# Benchmark: synth time and peak memory of examples/reference-architecture against the same
# architecture in AWS CDK v2, how synth grows with the number of Aurora clusters, the unit-test
# suite's wall time, and the database-bootstrap apply time on a local PostgreSQL.
# Writes bench/RESULTS.md. See bench/README.md.
#
#   bash bench/run.sh                 # or: npm run bench
#   RUNS=1 bash bench/run.sh          # quick dry run
#   BENCH_SECTIONS=synth,scale bash bench/run.sh
#
# Environment:
#   RUNS            runs per measurement (default 5)
#   UNIT_RUNS       runs of the unit-test suite (default: RUNS)
#   BENCH_SECTIONS  comma list of synth,scale,unit,apply (default: all)
#   BENCH_PROFILE   1 = always write CPU profiles, 0 = never, auto (default) = where a target is missed
set -euo pipefail

RUNS=${RUNS:-5}
UNIT_RUNS=${UNIT_RUNS:-$RUNS}
SECTIONS=",${BENCH_SECTIONS:-synth,scale,unit,apply},"
PROFILE=${BENCH_PROFILE:-auto}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
WORK=$BENCH/work
RES=$WORK/results
OUT=$WORK/out
EXAMPLE=$ROOT/examples/reference-architecture
TIME=/usr/bin/time
SCALE_SIZES=(1 10 50)

die() { echo "bench: ERROR: $*" >&2; exit 1; }
say() { echo "bench: $*"; }
has() { [[ $SECTIONS == *",$1,"* ]]; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ $UNIT_RUNS =~ ^[0-9]+$ ]] || die "UNIT_RUNS must be a non-negative integer (got '$UNIT_RUNS')"
if ! { [ -x "$TIME" ] && "$TIME" -f "%e %M" true 2>/dev/null; }; then
  die "GNU time is needed at $TIME (apt-get install -y time)"
fi
command -v node >/dev/null || die "node is not on PATH"

STARTED=$(date +%s)
rm -rf "$RES" "$OUT" "$WORK/logs" "$WORK/prof"
mkdir -p "$RES" "$OUT" "$WORK/logs" "$WORK/prof" "$WORK/tmp"
export TMPDIR=$WORK/tmp CHECKPOINT_DISABLE=1

# The project's toolchain (OpenTofu, provider mirror, TERRAFORM_BINARY_NAME for cdktf-cli), if built.
ENV_FILE=$(bash "$ROOT/scripts/toolchain.sh" --env-file 2>/dev/null || true)
if [ -n "$ENV_FILE" ] && [ -f "$ENV_FILE" ]; then
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  HAVE_TOOLCHAIN=1
else
  HAVE_TOOLCHAIN=0
fi

fact() { printf '%s\t%s\n' "$1" "$2" >> "$RES/facts.tsv"; }
: > "$RES/facts.tsv"

PG_STATE=
cleanup() {
  if [ -n "$PG_STATE" ] && [ -f "$PG_STATE" ]; then
    node "$ROOT/scripts/lib/pg-server.js" stop "$PG_STATE" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# measure DIR KEY CMD...: one timed run of CMD in DIR. Appends "wall_ms peak_rss_kb exit cpu_ms" to
# $RES/KEY.tsv and keeps the output in $WORK/logs/KEY.<n>.log. GNU time's %M is the peak RSS of
# the largest single process (the CLI's or Jest's children are not summed); cpu_ms is user + system
# CPU time of the process and its children.
measure() {
  local dir=$1 key=$2; shift 2
  local n=1 rc=0 t0 t1 rss cpu
  if [ -f "$RES/$key.tsv" ]; then n=$(( $(wc -l < "$RES/$key.tsv") + 1 )); fi
  local log=$WORK/logs/$key.$n.log
  t0=$(date +%s%N)
  ( cd "$dir" && exec "$TIME" -f "%e %M %U %S" -o "$WORK/time.out" "$@" ) > "$log" 2>&1 || rc=$?
  t1=$(date +%s%N)
  read -r _ rss cpu < <(tail -n 1 "$WORK/time.out" | awk '{printf "%s %s %d\n", $1, $2, ($3 + $4) * 1000}')
  echo "$(( (t1 - t0) / 1000000 )) ${rss:-0} $rc ${cpu:-0}" >> "$RES/$key.tsv"
  printf 'bench:   %-22s run %d: %7.2f s  %5d MB  (CPU %.2f s)%s\n' "$key" "$n" "$(( (t1 - t0) / 1000000 ))e-3" \
    "$(( ${rss:-0} / 1024 ))" "${cpu:-0}e-3" "$([ "$rc" = 0 ] || echo "  (exit $rc, see $log)")"
  return 0
}

# count_tf DIR: "<stacks> <resources>" in a cdktf output folder.
count_tf() {
  node -e '
    const fs = require("fs"), path = require("path");
    const dir = path.join(process.argv[1], "stacks");
    let stacks = 0, resources = 0;
    for (const s of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const f = path.join(dir, s, "cdk.tf.json");
      if (!fs.existsSync(f)) continue;
      stacks++;
      for (const t of Object.values(JSON.parse(fs.readFileSync(f, "utf8")).resource || {})) resources += Object.keys(t).length;
    }
    console.log(stacks + " " + resources);' "$1"
}

# ---------------------------------------------------------------------------------------------
say "runs per measurement: $RUNS (unit suite: $UNIT_RUNS); sections: ${SECTIONS:1:-1}"
fact runs "$RUNS"
fact unit_runs "$UNIT_RUNS"
fact sections "${SECTIONS:1:-1}"
fact load_start "$(cut -d' ' -f1-3 /proc/loadavg)"

say "building packages and examples: npx tsc -b tsconfig.build.json"
measure "$ROOT" build npx tsc -b tsconfig.build.json
[ "$(awk '{print $3}' "$RES/build.tsv")" = 0 ] || die "the build failed: $(tail -n 20 "$WORK/logs/build.1.log")"

HAVE_EXAMPLE=0
EXAMPLE_BUILT=1
if [ -f "$EXAMPLE/src/main.ts" ]; then
  if ! grep -q 'examples/reference-architecture' "$ROOT/tsconfig.build.json"; then
    # The root build does not reference the example: build it on its own (incremental, so a fresh
    # dist is guaranteed without rebuilding what is up to date).
    for cfg in tsconfig.build.json tsconfig.json; do
      if [ -f "$EXAMPLE/$cfg" ]; then
        say "building the example: npx tsc -b examples/reference-architecture/$cfg"
        if ! (cd "$EXAMPLE" && npx tsc -b "$cfg") > "$WORK/logs/example-build.log" 2>&1; then
          say "WARNING: the example does not build (see bench/work/logs/example-build.log)"
          EXAMPLE_BUILT=0
        fi
        break
      fi
    done
  fi
  if [ "$EXAMPLE_BUILT" = 1 ] && [ -f "$EXAMPLE/dist/main.js" ]; then HAVE_EXAMPLE=1; fi
fi
if [ "$HAVE_EXAMPLE" = 1 ]; then
  fact example_app "$(node -e 'try{console.log(require(process.argv[1]).app)}catch{console.log("(no cdktf.json)")}' "$EXAMPLE/cdktf.json")"
else
  say "WARNING: examples/reference-architecture/dist/main.js does not exist: its rows are skipped"
  fact example_missing 1
fi

# ---------------------------------------------------------------------------------------------
if has synth; then
  CDK=$WORK/cdk-app
  mkdir -p "$CDK"
  cp "$BENCH/cdk-app/package.json" "$BENCH/cdk-app/package-lock.json" "$BENCH/cdk-app/app.js" "$CDK/"
  want=$(node -p 'require(process.argv[1]).dependencies["aws-cdk-lib"]' "$CDK/package.json")
  have=$(node -p 'try{require(process.argv[1]).version}catch{""}' "$CDK/node_modules/aws-cdk-lib/package.json")
  if [ "$want" != "$have" ]; then
    say "installing aws-cdk-lib $want into bench/work/cdk-app (npm install --prefer-offline)"
    t0=$(date +%s%N)
    (cd "$CDK" && npm install --prefer-offline --no-audit --no-fund) > "$WORK/logs/cdk-install.log" 2>&1 ||
      die "npm install in bench/work/cdk-app failed: $(tail -n 20 "$WORK/logs/cdk-install.log")"
    fact cdk_install_s "$(printf '%.2f' "$(( ($(date +%s%N) - t0) / 1000000 ))e-3")"
  fi
  fact cdk_version "$(node -p 'require(process.argv[1]).version' "$CDK/node_modules/aws-cdk-lib/package.json")"

  say "synth: example (node, cdktf synth, cdktf --version) and the AWS CDK app, interleaved, $RUNS runs"
  THIRD_PARTY=$WORK/third-party-modules.txt
  if [ "$HAVE_EXAMPLE" = 1 ]; then
    # Every file the example loads from node_modules (cdktf, its dependencies, constructs, the
    # provider bindings), in load order: the third-party floor under its synth.
    (cd "$EXAMPLE" && node -e 'require("./dist/stack.js");
      console.log(Object.keys(require.cache).filter((f) => f.includes("/node_modules/")).join("\n"))') > "$THIRD_PARTY"
    fact third_party_files "$(wc -l < "$THIRD_PARTY")"
    fact cdktf_files "$(cd "$EXAMPLE" && node -e 'require("cdktf"); console.log(Object.keys(require.cache).length)')"
  fi
  for ((i = 1; i <= RUNS; i++)); do
    if [ "$HAVE_EXAMPLE" = 1 ]; then
      rm -rf "$OUT/example-node" "$OUT/example-cli" "$OUT/example-notrace" "$OUT/example-deferred"
      measure "$EXAMPLE" example_node env CDKTF_OUTDIR="$OUT/example-node" node dist/main.js
      measure "$EXAMPLE" example_cli npx cdktf synth --output "$OUT/example-cli"
      measure "$EXAMPLE" cli_startup npx cdktf --version
      # Diagnostics: module loading alone, and synth without cdktf's per-token stack traces.
      measure "$EXAMPLE" node_startup node -e 0
      measure "$EXAMPLE" example_load node -e 'require("./dist/stack.js")'
      measure "$EXAMPLE" example_notrace env CDKTF_OUTDIR="$OUT/example-notrace" \
        node -r "$BENCH/no-stack-traces.js" dist/main.js
      # The floor: the third-party modules alone, cdktf alone, and the example with the two
      # dependencies cdktf loads at start-up but this app never calls deferred to their first use.
      measure "$EXAMPLE" third_party_load node "$BENCH/third-party-load.js" "$THIRD_PARTY"
      measure "$EXAMPLE" cdktf_load node -e 'require("cdktf")'
      measure "$EXAMPLE" example_deferred env CDKTF_OUTDIR="$OUT/example-deferred" \
        node -r "$BENCH/defer-cdktf-deps.js" dist/main.js
    fi
    rm -rf "$OUT/cdk-default" "$OUT/cdk-novalidation"
    measure "$CDK" cdk_default node app.js "$OUT/cdk-default"
    measure "$CDK" cdk_novalidation env CDK_VALIDATION=false node app.js "$OUT/cdk-novalidation"
  done
  if [ "$HAVE_EXAMPLE" = 1 ]; then
    # In-process: the third-party floor, then the library's and the example's own modules on top.
    for ((i = 1; i <= RUNS; i++)); do
      (cd "$EXAMPLE" && node "$BENCH/third-party-load.js" "$THIRD_PARTY" --then dist/stack.js)
    done > "$RES/own_load.jsonl"
    read -r s r < <(count_tf "$OUT/example-node")
    fact example_stacks "$s"
    fact example_resources "$r"
  fi
  fact cdk_stacks "$(find "$OUT/cdk-default" -maxdepth 1 -name '*.template.json' | wc -l)"
  fact cdk_resources "$(node -e '
    const fs = require("fs"), path = require("path"), d = process.argv[1]; let n = 0;
    for (const f of fs.readdirSync(d)) if (f.endsWith(".template.json"))
      n += Object.keys(JSON.parse(fs.readFileSync(path.join(d, f), "utf8")).Resources || {}).length;
    console.log(n)' "$OUT/cdk-default")"
fi

# ---------------------------------------------------------------------------------------------
if has scale; then
  say "scale: 1, 10, 50 clusters with their bootstrap (one stack per cluster + bootstrap), and 50 in one stack"
  for ((i = 1; i <= RUNS; i++)); do
    for n in "${SCALE_SIZES[@]}"; do
      measure "$ROOT" "scale_$n" node bench/scale.js "$n" --outdir "$OUT/scale-$n"
    done
    measure "$ROOT" scale_50_single node bench/scale.js 50 --layout single --outdir "$OUT/scale-50-single"
    measure "$ROOT" scale_50_notrace node -r "$BENCH/no-stack-traces.js" bench/scale.js 50 --outdir "$OUT/scale-50-nt"
  done
  for key in "${SCALE_SIZES[@]/#/scale_}" scale_50_single scale_50_notrace; do
    # The in-process breakdown printed by scale.js (a JSON line per run).
    cat "$WORK"/logs/"$key".*.log | grep '^{' > "$RES/$key.jsonl" || true
  done
fi

# ---------------------------------------------------------------------------------------------
if has unit && [ "$UNIT_RUNS" -gt 0 ]; then
  say "unit-test suite: npx jest --selectProjects unit --ci, $UNIT_RUNS runs"
  for ((i = 1; i <= UNIT_RUNS; i++)); do
    measure "$ROOT" unit npx jest --selectProjects unit --ci --json --outputFile="$OUT/jest-$i.json"
  done
  fact unit_summary "$(grep -h '^Tests:' "$WORK"/logs/unit.*.log | tail -n 1 | sed 's/^Tests: *//')"
  fact unit_suites "$(grep -h '^Test Suites:' "$WORK"/logs/unit.*.log | tail -n 1 | sed 's/^Test Suites: *//')"
fi

# ---------------------------------------------------------------------------------------------
if has apply; then
  if [ "$HAVE_TOOLCHAIN" != 1 ] || ! command -v tofu >/dev/null; then
    say "WARNING: no OpenTofu toolchain (run bash scripts/toolchain.sh): the apply rows are skipped"
    fact apply_missing "no toolchain"
  else
    say "bootstrap apply: starting a local PostgreSQL"
    PG_STATE=$WORK/tmp/pg-state.json
    node "$ROOT/scripts/lib/pg-server.js" start "$PG_STATE" > "$WORK/tmp/pg.env" 2> "$WORK/logs/pg-start.log" ||
      die "PostgreSQL did not start: $(cat "$WORK/logs/pg-start.log")"
    # shellcheck disable=SC1091
    source "$WORK/tmp/pg.env"
    # The session settings the database stacks declare (SessionLogging.SUPPRESSED): no generated
    # password reaches the server log or pg_stat_statements.
    PGOPTIONS=$(cd "$ROOT" && node -p 'require("./packages/postgres-bootstrap").SUPPRESSED_SESSION_PGOPTIONS') ||
      die "could not read SUPPRESSED_SESSION_PGOPTIONS (are the packages built?)"
    export PGOPTIONS

    APPLY_OUT=$OUT/apply
    APPLY_DIRS=()
    if [ "$HAVE_EXAMPLE" = 1 ]; then
      # The example in local-database mode: its stacks that need only the postgresql/random providers.
      (cd "$EXAMPLE" && DB_TARGET=local CDKTF_OUTDIR="$APPLY_OUT" node dist/main.js) > "$WORK/logs/apply-synth.log" 2>&1 || true
      mapfile -t APPLY_DIRS < <(node "$BENCH/local-stacks.js" "$APPLY_OUT" 2>> "$WORK/logs/apply-synth.log" || true)
      if [ "${#APPLY_DIRS[@]}" -gt 0 ]; then fact apply_source "examples/reference-architecture (DB_TARGET=local)"; fi
    fi
    if [ "${#APPLY_DIRS[@]}" = 0 ]; then
      rm -rf "$APPLY_OUT"
      node "$BENCH/bootstrap-local.js" "$APPLY_OUT" > "$WORK/logs/apply-synth.log" 2>&1 ||
        die "bench/bootstrap-local.js failed: $(tail -n 20 "$WORK/logs/apply-synth.log")"
      mapfile -t APPLY_DIRS < <(node "$BENCH/local-stacks.js" "$APPLY_OUT")
      fact apply_source "bench/bootstrap-local.js"
    fi
    fact apply_stacks "$(for d in "${APPLY_DIRS[@]}"; do basename "$d"; done | paste -sd, -)"
    fact apply_resources "$(node "$BENCH/local-stacks.js" "$APPLY_OUT" --count)"
    t0=$(date +%s%N)
    for d in "${APPLY_DIRS[@]}"; do
      (cd "$d" && tofu init -input=false -no-color) >> "$WORK/logs/apply-init.log" 2>&1 ||
        die "tofu init failed in $d: $(tail -n 20 "$WORK/logs/apply-init.log")"
    done
    fact apply_init_s "$(printf '%.2f' "$(( ($(date +%s%N) - t0) / 1000000 ))e-3")"
    printf '%s\n' "${APPLY_DIRS[@]}" > "$WORK/tmp/apply-dirs"
    reversed=$(tac "$WORK/tmp/apply-dirs" | paste -sd' ' -)
    forward=$(paste -sd' ' "$WORK/tmp/apply-dirs")
    say "bootstrap apply: tofu apply -auto-approve on ${#APPLY_DIRS[@]} stack(s), then destroy, $RUNS runs"
    for ((i = 1; i <= RUNS; i++)); do
      # shellcheck disable=SC2016
      measure "$ROOT" apply bash -c 'set -e; for d in $0; do cd "$d"; tofu apply -auto-approve -input=false -no-color; done' "$forward"
      # shellcheck disable=SC2016
      measure "$ROOT" destroy bash -c 'set -e; for d in $0; do cd "$d"; tofu destroy -auto-approve -input=false -no-color; done' "$reversed"
    done
  fi
fi

# ---------------------------------------------------------------------------------------------
# CPU profiles where a target is missed (or always with BENCH_PROFILE=1).
if [ "$PROFILE" != 0 ]; then
  if [ "$PROFILE" = 1 ]; then
    wanted="example cli scale50 unit"
  else
    wanted=$(node "$BENCH/report.js" --missed "$RES")
  fi
  for what in $wanted; do
    case $what in
      example)
        [ "$HAVE_EXAMPLE" = 1 ] || continue
        say "profiling the example's synth (node --cpu-prof)"
        (cd "$EXAMPLE" && CDKTF_OUTDIR="$OUT/example-prof" node --cpu-prof --cpu-prof-dir="$WORK/prof/example" dist/main.js) \
          > "$WORK/logs/prof-example.log" 2>&1 || true
        profs=("$WORK"/prof/example/*.cpuprofile)
        node "$BENCH/profile.js" "${profs[0]}" \
          "examples/reference-architecture, node dist/main.js" > "$RES/profile-example.md" || true
        (cd "$EXAMPLE" && CDKTF_OUTDIR="$OUT/example-prof" node --expose-gc -r "$BENCH/rss-probe.js" dist/main.js) \
          > /dev/null 2> "$RES/rss-example.txt" || true
        (cd "$EXAMPLE" && CDKTF_OUTDIR="$OUT/example-prof" REQUIRE_PROBE_OUT="$RES/require-example.md" \
          node -r "$BENCH/require-probe.js" dist/main.js) > "$WORK/logs/require-example.log" 2>&1 || true
        ;;
      scale50)
        say "profiling scale.js 50 (node --cpu-prof)"
        node --cpu-prof --cpu-prof-dir="$WORK/prof/scale50" "$BENCH/scale.js" 50 --outdir "$OUT/scale-prof" \
          > "$WORK/logs/prof-scale50.log" 2>&1 || true
        profs=("$WORK"/prof/scale50/*.cpuprofile)
        node "$BENCH/profile.js" "${profs[0]}" \
          "bench/scale.js 50 (101 stacks)" > "$RES/profile-scale50.md" || true
        ;;
      cli)
        [ "$HAVE_EXAMPLE" = 1 ] || continue
        say "profiling cdktf synth's own process (node --cpu-prof)"
        cli_js=$(node -p 'require.resolve("cdktf-cli/bundle/bin/cdktf.js", { paths: [process.argv[1]] })' "$ROOT")
        (cd "$EXAMPLE" && node --cpu-prof --cpu-prof-dir="$WORK/prof/cli" "$cli_js" synth --output "$OUT/cli-prof") \
          > "$WORK/logs/prof-cli.log" 2>&1 || true
        profs=("$WORK"/prof/cli/*.cpuprofile)
        node "$BENCH/profile.js" "${profs[0]}" "cdktf synth (the CLI's process; the app runs in a child)" \
          "the CLI's synchronous start-up code" \
          > "$RES/profile-cli.md" || true
        ;;
      unit) ;; # the per-file times come from the runs' --json output
    esac
  done
fi

fact load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
fact duration_s "$(( $(date +%s) - STARTED ))"
fact date_utc "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
node "$BENCH/report.js" "$RES" > "$BENCH/RESULTS.md"
say "wrote bench/RESULTS.md in $(( $(date +%s) - STARTED )) s"
