// moto_server (PyPI moto[server]) on a free loopback port: the closest real fake of the AWS control
// plane, used to plan (and, where moto supports it, apply) the AWS stacks without touching AWS.
// Used by the integration tests (test/helpers/global-setup.js, aws.ts; types in moto-server.d.ts)
// and the main job (scripts/main.js).
"use strict";
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const net = require("net");
const path = require("path");

function motoBinary() {
  const candidates = [
    process.env.AURORA_CDKTF_MOTO,
    process.env.AURORA_CDKTF_VENV && path.join(process.env.AURORA_CDKTF_VENV, "bin", "moto_server"),
  ].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    return execFileSync("sh", ["-c", "command -v moto_server"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      `moto_server not found (looked at ${candidates.join(", ") || "AURORA_CDKTF_VENV unset"} and PATH). ` +
        `Install it with "bash scripts/setup.sh" (a Python venv with moto[server]).`,
    );
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer at ${url} within ${ms} ms (${last})`);
}

/**
 * The Python that runs moto_server: the one its script names on its first line (a venv's), else
 * the python3 on PATH (for a wrapper such as a pyenv shim).
 */
function motoPython(bin) {
  const first = fs.readFileSync(bin, "utf8").split("\n", 1)[0];
  const words = first.startsWith("#!") ? first.slice(2).trim().split(/\s+/) : [];
  const interpreter = path.basename(words[0] ?? "") === "env" ? words[1] : words[0];
  return interpreter && /^python/.test(path.basename(interpreter)) ? interpreter : "python3";
}

/**
 * moto_server's own entry point, after one correction: a new DB instance's certificate authority.
 * moto answers "rds-ca-default" (a name RDS no longer uses); RDS gives new instances
 * rds-ca-rsa2048-g1. With moto's answer the AWS provider sees a difference from the construct's
 * default (rds-ca-rsa2048-g1), modifies the CA and reboots: about three minutes of the provider's
 * fixed waits per instance that real AWS never causes. An instance asking for another CA still
 * takes the provider's modify path.
 */
const MOTO_MAIN = [
  "import sys",
  "import moto.rds.models as rds",
  "init = rds.DBInstance.__init__",
  'init.__defaults__ = tuple("rds-ca-rsa2048-g1" if d == "rds-ca-default" else d for d in init.__defaults__)',
  "from moto.server import main",
  "sys.exit(main())",
].join("\n");

/** Starts moto_server; resolves to { pid, port, endpoint }. */
async function start() {
  const bin = motoBinary();
  const port = await freePort();
  // AWS managed policies (AmazonSSMManagedInstanceCore, CloudWatchLogsReadOnlyAccess, ...) exist in
  // moto only when it loads them at start.
  const child = spawn(motoPython(bin), ["-c", MOTO_MAIN, "-H", "127.0.0.1", "-p", String(port)], {
    stdio: "ignore",
    detached: true,
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true" },
  });
  child.unref();
  const state = { pid: child.pid, port, endpoint: `http://127.0.0.1:${port}` };
  try {
    await waitFor(`${state.endpoint}/moto-api/`, 30000);
  } catch (err) {
    stop(state);
    throw err;
  }
  return state;
}

function stop(state) {
  if (!state || !state.pid) return;
  try {
    process.kill(-state.pid, "SIGTERM");
  } catch {
    try {
      process.kill(state.pid, "SIGTERM");
    } catch {
      /* gone */
    }
  }
}

/** Environment that points the AWS provider (and SDKs) at moto with fake credentials. */
function awsEnv(state) {
  return {
    AWS_ENDPOINT_URL: state.endpoint,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/**
 * Creates a Secrets Manager secret in moto (moto accepts any signature); resolves to its ARN.
 * Stands in for a secret that exists before the stacks, such as an existing cluster's master secret.
 */
/** One Secrets Manager call to moto (unsigned: moto does not check signatures). */
async function secretsManager(state, action, body) {
  const res = await fetch(state.endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": `secretsmanager.${action}`,
      Authorization:
        "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`moto ${action}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

async function createSecret(state, name, secretString) {
  return (await secretsManager(state, "CreateSecret", { Name: name, SecretString: secretString })).ARN;
}

/** The current SecretString of a secret (by name or ARN). */
async function getSecretString(state, secretId) {
  return (await secretsManager(state, "GetSecretValue", { SecretId: secretId })).SecretString;
}

/** Deletes a secret at once (no recovery window), so that its name can be created again. */
async function forceDeleteSecret(state, secretId) {
  await secretsManager(state, "DeleteSecret", { SecretId: secretId, ForceDeleteWithoutRecovery: true });
}

module.exports = { start, stop, awsEnv, createSecret, getSecretString, forceDeleteSecret };
