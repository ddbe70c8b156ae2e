#!/usr/bin/env node
// A small database-bootstrap stack for the apply benchmark, used by bench/run.sh when
// examples/reference-architecture has no local-database mode. Built from the compiled packages
// (packages/*/dist). Connects to the PostgreSQL given by the PG* environment variables that
// `node scripts/lib/pg-server.js start` prints (the RDS-like master: CREATEROLE CREATEDB, no
// SUPERUSER), and creates what the reference architecture's two database stacks create:
//   - extensions (pgcrypto and citext: trusted, so the non-superuser master may create them, as
//     rds_superuser may create pg_stat_statements/pgaudit on Aurora),
//   - the application schema with its owner / read-write / read-only roles and default privileges,
//   - the Datafold lineage role with its scratch schema and read grants on the application schema.
//
//   node bench/bootstrap-local.js <outdir>    writes <outdir>/stacks/bootstrap/cdk.tf.json
"use strict";
const path = require("path");
const { App, TerraformStack, TerraformOutput, LocalBackend } = require("cdktf");
const { PostgresqlProvider } = require("@cdktf/provider-postgresql/lib/provider");
const { RandomProvider } = require("@cdktf/provider-random/lib/provider");
const { ApplicationSchema, PostgresExtensions, SessionLogging } = require("@aurora-cdktf/postgres-bootstrap");
const { LineageDatabaseAccess } = require("@aurora-cdktf/lineage-logging");

const outdir = path.resolve(process.argv[2] || "cdktf.out");
for (const k of ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"]) {
  if (!process.env[k]) {
    console.error(`bootstrap-local: ${k} is not set (source the output of scripts/lib/pg-server.js start)`);
    process.exit(2);
  }
}
const env = process.env;
const app = new App({ outdir });
const stack = new TerraformStack(app, "bootstrap");
new LocalBackend(stack, { path: path.join(outdir, "bootstrap.tfstate") });
const provider = new PostgresqlProvider(stack, "Postgresql", {
  host: env.PGHOST,
  port: Number(env.PGPORT),
  database: env.PGDATABASE,
  username: env.PGUSER,
  password: env.PGPASSWORD,
  sslmode: "disable",
  superuser: env.PGSUPERUSER === "true",
  connectTimeout: 15,
});
new RandomProvider(stack, "Random");
// Applied with PGOPTIONS = SUPPRESSED_SESSION_PGOPTIONS (bench/run.sh), as the connection says.
const connection = { provider, database: env.PGDATABASE, sessionLogging: SessionLogging.SUPPRESSED };
const extensions = new PostgresExtensions(stack, "Extensions", {
  connection,
  extensions: env.PGSUPERUSER === "true" ? ["pg_stat_statements", "pgaudit"] : ["pgcrypto", "citext"],
});
const schema = new ApplicationSchema(stack, "App", {
  connection,
  schemaName: "app",
  dependsOn: [extensions.dependable],
});
new LineageDatabaseAccess(stack, "Lineage", {
  connection,
  observedSchemas: [schema.schemaName],
  tableOwners: [schema.ownerRole.roleName],
  dependsOn: [schema.dependable],
});
new TerraformOutput(stack, "app_rw_password", { value: schema.readWriteRole.password, sensitive: true });
app.synth();
