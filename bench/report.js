#!/usr/bin/env node
// Turns the measurements that bench/run.sh left in bench/work/results into bench/RESULTS.md.
//
//   node bench/report.js <results dir>            prints RESULTS.md
//   node bench/report.js --missed <results dir>   prints which profiles to take: example scale50 unit
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const missedMode = process.argv[2] === "--missed";
const RES = path.resolve(process.argv[missedMode ? 3 : 2]);
const OUT = path.join(path.dirname(RES), "out");

const read = (f) => (fs.existsSync(path.join(RES, f)) ? fs.readFileSync(path.join(RES, f), "utf8") : "");
const facts = Object.fromEntries(
  read("facts.tsv")
    .split("\n")
    .filter(Boolean)
    .map((l) => [l.slice(0, l.indexOf("\t")), l.slice(l.indexOf("\t") + 1)]),
);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** { runs, failed, min, median, max (wall, s), cpu (median user + sys, s), rssMb (peak over the runs) }. */
function stats(key) {
  const rows = read(`${key}.tsv`)
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split(" ").map(Number));
  if (rows.length === 0) return undefined;
  const ok = rows.filter((r) => r[2] === 0);
  const use = ok.length > 0 ? ok : rows;
  const t = use.map((r) => r[0] / 1000);
  const cpu = use.map((r) => (r[3] ?? 0) / 1000);
  return {
    cpu: median(cpu),
    runs: rows.length,
    failed: rows.length - ok.length,
    min: Math.min(...t),
    median: median(t),
    max: Math.max(...t),
    rssMb: Math.max(...rows.map((r) => r[1])) / 1024,
  };
}

const s = (x) => (x === undefined ? "–" : x < 10 ? `${x.toFixed(2)} s` : `${x.toFixed(1)} s`);
const mb = (x) => (x === undefined ? "–" : `${x.toFixed(0)} MB`);

const ex = stats("example_node");
const cli = stats("example_cli");
const cliStart = stats("cli_startup");
const nodeStart = stats("node_startup");
const exLoad = stats("example_load");
const exNoTrace = stats("example_notrace");
const thirdParty = stats("third_party_load");
const cdktfLoad = stats("cdktf_load");
const exDeferred = stats("example_deferred");
const s50NoTrace = stats("scale_50_notrace");
const cdk = stats("cdk_default");
const cdkNv = stats("cdk_novalidation");
const s50 = stats("scale_50");
const unit = stats("unit");
const apply = stats("apply");

// Each target: [id, description, measured text, limit text, met (true/false/undefined = not measured), profile key].
const targets = [];
function target(id, what, measured, limit, met, profile) {
  targets.push({ id, what, measured, limit, met, profile });
}
target(
  "T1",
  "Full example synth, `node dist/main.js` (median)",
  s(ex?.median),
  "≤ 1.0 s",
  ex && ex.median <= 1.0,
  "example",
);
target(
  "T2",
  "Full example synth, `node dist/main.js` (peak RSS)",
  mb(ex?.rssMb),
  "≤ 150 MB",
  ex && ex.rssMb <= 150,
  "example",
);
target(
  "T3",
  "Full example synth vs the AWS CDK app's `app.synth()` (defaults), same run (median ratio)",
  ex && cdk ? `${(ex.median / cdk.median).toFixed(2)}x (${s(ex.median)} / ${s(cdk.median)})` : "–",
  "≤ 0.5x",
  ex && cdk && ex.median <= 0.5 * cdk.median,
  "example",
);
target(
  "T3b",
  "Same, against AWS CDK with its built-in validation off (`CDK_VALIDATION=false`)",
  ex && cdkNv ? `${(ex.median / cdkNv.median).toFixed(2)}x (${s(ex.median)} / ${s(cdkNv.median)})` : "–",
  "≤ 0.5x",
  ex && cdkNv && ex.median <= 0.5 * cdkNv.median,
  "example",
);
target(
  "T1c",
  "Full example synth, `npx cdktf synth` (median)",
  s(cli?.median),
  "≤ 1.0 s",
  cli && cli.median <= 1.0,
  "cli",
);
target(
  "T2c",
  "Full example synth, `npx cdktf synth` (peak RSS of one process)",
  mb(cli?.rssMb),
  "≤ 150 MB",
  cli && cli.rssMb <= 150,
  "cli",
);
target(
  "T4",
  "50 clusters with their bootstrap, one app (median)",
  s(s50?.median),
  "≤ 3 s",
  s50 && s50.median <= 3,
  "scale50",
);
target(
  "T5",
  "Unit-test suite wall time (median)",
  s(unit?.median),
  "≤ 60 s",
  unit && unit.median <= 60,
  "unit",
);
target(
  "T6",
  "Bootstrap apply on the local PostgreSQL (median)",
  s(apply?.median),
  "≤ 15 s",
  apply && apply.median <= 15,
  "",
);

if (missedMode) {
  const keys = new Set(targets.filter((t) => t.met === false && t.profile).map((t) => t.profile));
  console.log([...keys].join(" "));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
const lines = [];
const p = (...l) => lines.push(...l);
const cpu = (() => {
  try {
    return fs
      .readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"))
      .split(":")[1]
      .trim();
  } catch {
    return os.cpus()[0]?.model || "unknown";
  }
})();
const npmVersion = (() => {
  try {
    return execFileSync("npm", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
})();

p("# Benchmark results", "");
p(
  `Written by \`bench/run.sh\` (see [README.md](README.md)) on ${facts.date_utc || new Date().toISOString().replace(/\.\d+Z$/, "Z")}, ` +
    `${facts.runs} runs per measurement (unit suite: ${facts.unit_runs}); the whole script took ${facts.duration_s} s.`,
  "",
);
p("## Machine", "");
p("| | |", "| --- | --- |");
p(`| CPU | ${os.cpus().length} cores, ${cpu} |`);
p(`| Memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |`);
p(`| OS | ${os.type()} ${os.release()} |`);
p(`| Node / npm | ${process.version} / ${npmVersion} |`);
p(`| Load average (1/5/15 min) at start / end | ${facts.load_start} / ${facts.load_end} |`);
p(`| aws-cdk-lib | ${facts.cdk_version || "–"} |`);
p("");
p(
  "A busy machine inflates every figure; compare rows of the same run (the synth rows are interleaved run by run " +
    "so that their ratio holds even under load). Peak RSS is GNU time's `%M`: the largest single process " +
    "(for `cdktf synth` and Jest that is one process of several, not their sum). The CPU column is user + system " +
    "time of the process and its children: it grows less with the load than the wall time, and for the " +
    "single-process node rows it is close to what a quiet machine's wall time would be (V8's GC helper threads " +
    "add some). Targets are judged on the median wall time.",
  "",
);

p("## Results", "");
p(
  "| what | runs | min | median | max | peak RSS | CPU, median |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
);
const ROWS = [
  ["build", "Build packages + examples: `npx tsc -b tsconfig.build.json` (incremental; for reference)"],
  ["example_node", "Synth `examples/reference-architecture`, all stacks: `node dist/main.js`"],
  ["example_cli", "Synth `examples/reference-architecture`, all stacks: `npx cdktf synth`"],
  ["cli_startup", "cdktf-cli start-up alone: `npx cdktf --version` (for reference)"],
  ["node_startup", "Diagnostic: node start-up alone, `node -e 0`"],
  [
    "example_load",
    "Diagnostic: the example's module loading alone, `node -e 'require(\"./dist/stack.js\")'`",
  ],
  [
    "example_notrace",
    "Diagnostic: example synth without cdktf's token stack traces (`-r bench/no-stack-traces.js`)",
  ],
  [
    "third_party_load",
    "Diagnostic: the example's third-party modules alone (cdktf, its dependencies, constructs, bindings: `bench/third-party-load.js`)",
  ],
  ["cdktf_load", "Diagnostic: `node -e 'require(\"cdktf\")'` alone"],
  [
    "example_deferred",
    "Diagnostic: example synth with cdktf's unused start-up requires (archiver, semver) deferred (`-r bench/defer-cdktf-deps.js`)",
  ],
  ["cdk_default", "AWS CDK v2 app, `app.synth()` in node, defaults (built-in CloudFormation validation on)"],
  ["cdk_novalidation", "AWS CDK v2 app, `app.synth()` in node, `CDK_VALIDATION=false`"],
  ["scale_1", "Scale: 1 cluster + bootstrap (Network + 1 Cluster + 1 Bootstrap stack)"],
  ["scale_10", "Scale: 10 clusters + bootstrap (21 stacks)"],
  ["scale_50", "Scale: 50 clusters + bootstrap (101 stacks)"],
  ["scale_50_single", "Scale: 50 clusters + bootstrap, all in one stack"],
  ["scale_50_notrace", "Diagnostic: scale 50 (101 stacks) without cdktf's token stack traces"],
  ["unit", "Unit-test suite: `npx jest --selectProjects unit --ci`"],
  ["apply", "Database-bootstrap apply: `tofu apply -auto-approve` (local PostgreSQL)"],
  ["destroy", "Database-bootstrap destroy: `tofu destroy -auto-approve` (for reference)"],
];
for (const [key, label] of ROWS) {
  const st = stats(key);
  if (!st) continue;
  const runs = st.failed ? `${st.runs} (${st.failed} exited non-zero)` : `${st.runs}`;
  p(
    `| ${label} | ${runs} | ${s(st.min)} | ${s(st.median)} | ${s(st.max)} | ${mb(st.rssMb)} | ${s(st.cpu)} |`,
  );
}
p("");
if (facts.example_missing)
  p("**examples/reference-architecture was not built (no `dist/main.js`): its rows are missing.**", "");

p("What was synthesized and applied:", "");
if (facts.example_stacks)
  p(
    `- Example: ${facts.example_stacks} stacks, ${facts.example_resources} resources (cdktf.json app: \`${facts.example_app}\`).`,
  );
if (facts.cdk_stacks)
  p(
    `- AWS CDK app (\`bench/cdk-app/app.js\`, aws-cdk-lib ${facts.cdk_version}): ${facts.cdk_stacks} stacks, ` +
      `${facts.cdk_resources} CloudFormation resources (network, bastion, database, lineage; AWS side only).` +
      (cdk && cdkNv
        ? ` aws-cdk-lib runs its built-in CloudFormation validation (\`@aws/cloudformation-validate\`) on every ` +
          `synth unless \`CDK_VALIDATION=false\`: ${s(cdk.median - cdkNv.median)} and ` +
          `${mb(cdk.rssMb - cdkNv.rssMb)} of its ${s(cdk.median)} / ${mb(cdk.rssMb)}.`
        : ""),
  );
const jsonl = (key) =>
  read(`${key}.jsonl`)
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const scaleRows = ["scale_1", "scale_10", "scale_50", "scale_50_single", "scale_50_notrace"]
  .map((k) => [k, jsonl(k)])
  .filter(([, r]) => r.length);
if (scaleRows.length) {
  p(
    "- Scale (`bench/scale.js`): in-process medians (ms) of loading modules, building the construct tree and `app.synth()`:",
    "",
  );
  p(
    "  | app | stacks | resources | load | construct | synth | in-process total |",
    "  | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const [key, rs] of scaleRows) {
    const m = (f) => median(rs.map((r) => r[f])).toFixed(0);
    p(
      `  | ${key} | ${rs[0].stacks} | ${rs[0].resources} | ${m("loadMs")} | ${m("constructMs")} | ${m("synthMs")} | ${m("totalMs")} |`,
    );
  }
  const a = stats("scale_1");
  if (a && s50) {
    p(
      "",
      `  Marginal cost: ${(((s50.median - a.median) / 49) * 1000).toFixed(0)} ms and ` +
        `${((s50.rssMb - a.rssMb) / 49).toFixed(1)} MB per additional cluster with its bootstrap.`,
    );
  }
}
if (facts.unit_summary) p(`- Unit suite: tests ${facts.unit_summary}; suites ${facts.unit_suites}.`);
if (facts.apply_source)
  p(
    `- Apply: ${facts.apply_source}, stacks ${facts.apply_stacks}, ${facts.apply_resources} resources ` +
      `(\`tofu init\` once: ${facts.apply_init_s} s).`,
  );
if (facts.apply_missing) p(`- Apply: skipped (${facts.apply_missing}).`);
p("");

p("## Targets", "");
p("| id | target | measured | limit | status |", "| --- | --- | ---: | ---: | --- |");
for (const t of targets) {
  const status = t.met === undefined || t.met === null ? "not measured" : t.met ? "met" : "**missed**";
  p(`| ${t.id} | ${t.what} | ${t.measured} | ${t.limit} | ${status} |`);
}
p("");
p(
  "T1–T3 are the issue's targets for the example as compiled JS; T3b reads T3 against AWS CDK without the " +
    "CloudFormation validation that aws-cdk-lib runs by default; T1c/T2c apply T1/T2 to the `cdktf synth` CLI.",
  "",
);

// ---------------------------------------------------------------------------------------------
const missed = targets.filter((t) => t.met === false);
if (missed.length) {
  p("## Where targets are missed: causes, with numbers", "");
  const ids = new Set(missed.map((t) => t.id));
  if (ids.has("T1c") || ids.has("T2c")) {
    p("### `cdktf synth` (T1c/T2c)", "");
    if (cli && ex) {
      const start = cliStart ? cliStart.median : undefined;
      p(
        `\`cdktf synth\` takes ${s(cli.median)} (median) where the app alone takes ${s(ex.median)}` +
          (start !== undefined ? `, and the CLI's bare start-up (\`npx cdktf --version\`) ${s(start)}` : "") +
          ". The synth command loads far more of the CLI's bundle than `--version` does (its ink/React " +
          "terminal UI with the asm.js yoga-layout, and WebAssembly modules it decompresses with zlib at start-up), " +
          "asks the engine for its version several times, then runs the app as a child process and waits for it. " +
          `Its peak RSS (${mb(cli.rssMb)}) is the CLI's own process; the app's is ${mb(ex.rssMb)}. ` +
          "This is cdktf-cli 0.21.0's fixed cost, the same for any app: the library cannot change it, and " +
          "`node dist/main.js` (what `cdktf.json` runs) gives the same output.",
        "",
      );
    }
    const prof = read("profile-cli.md");
    if (prof) p(prof, "");
  }
  if (["T1", "T2", "T3", "T3b"].some((i) => ids.has(i))) {
    p("### Example synth (T1/T2/T3)", "");
    if (ex && exLoad) {
      const parts = [
        `Where the example's ${s(ex.median)} (median wall; CPU ${s(ex.cpu)}) goes: `,
        nodeStart ? `node's own start-up ${s(nodeStart.median)}, ` : "",
        `loading the modules (\`require("./dist/stack.js")\`, start-up included) ${s(exLoad.median)}, `,
        `building the construct tree and \`app.synth()\` the remaining ${s(Math.max(0, ex.median - exLoad.median))}.`,
      ];
      if (exNoTrace)
        parts.push(
          ` Without the stack trace that cdktf captures (with an unlimited \`Error.stackTraceLimit\`) for every ` +
            `token it creates, the same synth takes ${s(exNoTrace.median)} ` +
            `(${s(ex.median - exNoTrace.median)} less, ${((100 * (ex.median - exNoTrace.median)) / ex.median).toFixed(0)}%).`,
        );
      if (cdkNv)
        parts.push(
          ` The AWS CDK app takes ${s(cdkNv.median)} without its validation and ${s(cdk ? cdk.median : undefined)} with it.`,
        );
      p(parts.join(""), "");
      const ownLoad = jsonl("own_load");
      if (thirdParty && cdkNv) {
        const half = 0.5 * cdkNv.median;
        const floor = [
          `The floor under T3b: node with the example's ${facts.third_party_files || "?"} third-party files alone `,
          `(cdktf, its dependencies, constructs and the provider bindings, before any construct) takes `,
          `${s(thirdParty.median)}, ${(thirdParty.median / cdkNv.median).toFixed(2)}x of the AWS CDK app's whole synth`,
          cdktfLoad
            ? `; \`require("cdktf")\` alone (${facts.cdktf_files || "?"} files) ${s(cdktfLoad.median)}`
            : "",
          ownLoad.length
            ? `. The library's and the example's own ${ownLoad[0].ownFiles} files load in ` +
              `${median(ownLoad.map((r) => r.ownMs)).toFixed(0)} ms on top of it (in-process median, ` +
              `\`bench/third-party-load.js --then\`)`
            : "",
          `. Half of AWS CDK is ${s(half)}: `,
          `it leaves ${s(Math.max(0, half - thirdParty.median))} for building the tree and cdktf's \`app.synth()\` `,
          `of ${facts.example_resources || "?"} resources, which take ${s(Math.max(0, ex.median - exLoad.median))} here.`,
        ];
        if (exDeferred)
          floor.push(
            ` With cdktf's start-up requires that this app never calls (archiver for assets, semver for its version ` +
              `check) deferred to their first use, the example takes ${s(exDeferred.median)} ` +
              `(${(exDeferred.median / cdkNv.median).toFixed(2)}x): that is cdktf's to change, not the app's.`,
          );
        p(floor.join(""), "");
      }
    }
    const rss = read("rss-example.txt").trim().split("\n").pop();
    if (rss) p(`Memory of one \`node dist/main.js\`: ${rss}.`, "");
    const req = read("require-example.md");
    if (req) p("Module loading by package (`bench/require-probe.js`, one run):", "", req, "");
    const prof = read("profile-example.md");
    if (prof) p(prof, "");
  }
  if (ids.has("T4")) {
    p("### 50 clusters (T4)", "");
    const rs = jsonl("scale_50");
    if (rs.length) {
      const m = (f) => median(rs.map((r) => r[f]));
      p(
        `In-process split of one 50-cluster synth (${rs[0].stacks} stacks, ${rs[0].resources} resources; medians): ` +
          `loading modules ${m("loadMs")} ms, building the construct tree ${m("constructMs")} ms, ` +
          `\`app.synth()\` ${m("synthMs")} ms, i.e. ${((m("constructMs") + m("synthMs")) / rs[0].resources).toFixed(2)} ms ` +
          "per resource after loading." +
          (s50NoTrace
            ? ` Without cdktf's per-token stack traces it takes ${s(s50NoTrace.median)} instead of ${s(s50.median)} ` +
              `(${((100 * (s50.median - s50NoTrace.median)) / s50.median).toFixed(0)}% less).`
            : ""),
        "",
      );
    }
    const prof = read("profile-scale50.md");
    if (prof) p(prof, "");
  }
  if (ids.has("T5")) {
    p("### Unit suite (T5)", "");
  }
}

// Slowest test files (from the last unit run's --json output): always useful.
const jestFiles = fs.existsSync(OUT)
  ? fs
      .readdirSync(OUT)
      .filter((f) => /^jest-\d+\.json$/.test(f))
      .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]))
  : [];
if (jestFiles.length) {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(OUT, jestFiles[jestFiles.length - 1]), "utf8"));
    const files = j.testResults
      .map((r) => {
        const inTests = r.assertionResults.reduce((n, a) => n + (a.duration || 0), 0);
        return {
          file: path.relative(path.resolve(RES, "../../.."), r.name),
          ms: r.endTime - r.startTime,
          inTests,
          tests: r.assertionResults.length,
          status: r.status,
        };
      })
      .sort((a, b) => b.ms - a.ms);
    const sum = files.reduce((n, f) => n + f.ms, 0);
    const inTests = files.reduce((n, f) => n + f.inTests, 0);
    const wall = Math.max(...j.testResults.map((r) => r.endTime)) - j.startTime;
    const sec = (x) => `${(x / 1000).toFixed(1)} s`;
    if (!missed.some((t) => t.id === "T5")) p("## Unit suite: where the time goes", "");
    p(
      `Last run: ${j.numTotalTests} tests in ${files.length} files (${j.numFailedTests} failed), ${sec(wall)} from ` +
        `Jest's start to the last file's end. The files' run times add up to ${sec(sum)} ` +
        `(${(sum / wall).toFixed(2)}x the wall time: ` +
        (sum / wall < 1.3
          ? `the files ran one after another; on ${os.cpus().length} cores Jest's default is cores − 1 = ` +
            `${Math.max(1, os.cpus().length - 1)} worker, i.e. in band`
          : "the files ran in parallel workers") +
        `). Of that, ${sec(inTests)} is inside the tests themselves and ${sec(sum - inTests)} ` +
        `(${((100 * (sum - inTests)) / (sum || 1)).toFixed(0)}%) is per-file overhead outside any test: ` +
        "transforming and loading cdktf, the providers and the packages again in each file's fresh module registry.",
      "",
    );
    p("Slowest files:", "");
    p("| file | tests | file time | inside tests |", "| --- | ---: | ---: | ---: |");
    for (const f of files.slice(0, 10))
      p(
        `| \`${f.file}\`${f.status === "failed" ? " (failed)" : ""} | ${f.tests} | ${sec(f.ms)} | ${sec(f.inTests)} |`,
      );
    p("");
    const tests = j.testResults
      .flatMap((r) =>
        r.assertionResults.map((a) => ({
          name: a.fullName,
          ms: a.duration || 0,
          file: path.basename(r.name),
        })),
      )
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8);
    p("Slowest tests:", "");
    p("| test | file | time |", "| --- | --- | ---: |");
    for (const t of tests) p(`| ${t.name.replace(/\|/g, "\\|")} | \`${t.file}\` | ${sec(t.ms)} |`);
    p("");
  } catch (err) {
    p(`(could not read the Jest JSON output: ${err.message})`, "");
  }
}

process.stdout.write(lines.join("\n"));
