#!/usr/bin/env node
// Scaling benchmark: N Aurora clusters, each with its database bootstrap, in one cdktf app, built
// from the compiled packages (packages/*/dist, run `npx tsc -b tsconfig.build.json` first).
//
//   node bench/scale.js <clusters> [--layout stacks|single] [--outdir DIR]
//
// Layouts:
//   stacks (default) - the reference architecture's layout: one Network stack (Vpc3Az), then per
//                      cluster a Cluster<i> stack (AuroraPostgresCluster, cross-stack references to
//                      the VPC) and a Bootstrap<i> stack (postgresql provider from the cluster's
//                      outputs and managed secret, PostgresExtensions, ApplicationSchema with owner /
//                      read-write / read-only roles). 2N + 1 stacks.
//   single           - everything in one stack (one aliased postgresql provider per cluster).
//
// Prints one JSON line on stdout: { clusters, layout, stacks, resources, constructMs, synthMs, totalMs }.
"use strict";
const started = process.hrtime.bigint();
const path = require("path");
const fs = require("fs");
const os = require("os");

const args = process.argv.slice(2);
const clusters = Number(args[0]);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const layout = opt("layout", "stacks");
const outdir = opt("outdir", fs.mkdtempSync(path.join(os.tmpdir(), "aurora-cdktf-scale-")));
if (!Number.isInteger(clusters) || clusters < 1 || !["stacks", "single"].includes(layout)) {
  console.error("usage: node bench/scale.js <clusters >= 1> [--layout stacks|single] [--outdir DIR]");
  process.exit(2);
}

const { App, TerraformStack, TerraformOutput } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { PostgresqlProvider } = require("@cdktf/provider-postgresql/lib/provider");
const { RandomProvider } = require("@cdktf/provider-random/lib/provider");
const { Vpc3Az } = require("@aurora-cdktf/vpc-3az");
const { AuroraPostgresCluster } = require("@aurora-cdktf/aurora-postgres-cluster");
const {
  ApplicationSchema,
  PostgresExtensions,
  PostgresTunnel,
  SessionLogging,
  clusterProviderConfig,
} = require("@aurora-cdktf/postgres-bootstrap");
const loaded = process.hrtime.bigint();

const REGION = "eu-west-1";
const TAGS = {
  application: "Orders App",
  projectCostCenter: "CC42",
  serviceOwnersEmailContact: "owners@example.com",
  confidentiality: "confidential",
  compliance: "none",
};

function cluster(scope, i, vpc) {
  return new AuroraPostgresCluster(scope, `Cluster${i}`, {
    vpc,
    clusterIdentifier: `orders-${i}`,
    databaseName: `orders${i}`,
    mandatoryTags: TAGS,
    stage: "prod",
    notificationEmails: ["dba@example.com"],
  });
}

function bootstrap(scope, i, db, alias) {
  const provider = new PostgresqlProvider(
    scope,
    alias ? `Postgresql${i}` : "Postgresql",
    clusterProviderConfig(scope, `Db${i}`, db, {
      tunnel: PostgresTunnel.localPortForward(15432 + (i % 1000)),
      alias,
    }),
  );
  const connection = { provider, database: db.databaseName, sessionLogging: SessionLogging.SUPPRESSED };
  const extensions = new PostgresExtensions(scope, `Extensions${i}`, { connection });
  const schema = new ApplicationSchema(scope, `App${i}`, {
    connection,
    schemaName: "app",
    dependsOn: [extensions.dependable],
  });
  new TerraformOutput(scope, `app_rw_password_${i}`, {
    value: schema.readWriteRole.password,
    sensitive: true,
  });
}

function awsStack(app, id) {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "Aws", { region: REGION });
  return stack;
}

const app = new App({ outdir, skipValidation: false });
let stacks;
if (layout === "stacks") {
  const network = awsStack(app, "Network");
  const vpc = new Vpc3Az(network, "Vpc", { name: "bench" });
  stacks = 1;
  for (let i = 1; i <= clusters; i++) {
    const db = cluster(awsStack(app, `Cluster${i}`), i, vpc);
    const boot = awsStack(app, `Bootstrap${i}`);
    new RandomProvider(boot, "Random");
    bootstrap(boot, i, db);
    stacks += 2;
  }
} else {
  const stack = awsStack(app, "All");
  new RandomProvider(stack, "Random");
  const vpc = new Vpc3Az(stack, "Vpc", { name: "bench" });
  for (let i = 1; i <= clusters; i++) bootstrap(stack, i, cluster(stack, i, vpc), `db${i}`);
  stacks = 1;
}
const constructed = process.hrtime.bigint();
app.synth();
const synthesized = process.hrtime.bigint();

// Count what was written (outside the timed part).
let resources = 0;
for (const dir of fs.readdirSync(path.join(outdir, "stacks"))) {
  const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", dir, "cdk.tf.json"), "utf8"));
  for (const byType of Object.values(json.resource || {})) resources += Object.keys(byType).length;
}
if (!opt("outdir")) fs.rmSync(outdir, { recursive: true, force: true });
const ms = (a, b) => Number(b - a) / 1e6;
console.log(
  JSON.stringify({
    clusters,
    layout,
    stacks,
    resources,
    loadMs: Math.round(ms(started, loaded)),
    constructMs: Math.round(ms(loaded, constructed)),
    synthMs: Math.round(ms(constructed, synthesized)),
    totalMs: Math.round(ms(started, synthesized)),
  }),
);
