/**
 * Access to the throwaway PostgreSQL that the integration project's globalSetup started, and SQL
 * sessions to probe what a role may and may not do.
 */
import * as fs from "fs";
import { Client, ClientConfig } from "pg";

export interface PgUser {
  readonly user: string;
  readonly password: string;
}

export interface PgServer {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly superuser: PgUser;
  /** RDS-like master: LOGIN CREATEDB CREATEROLE, no SUPERUSER; owns `database` and its public schema. */
  readonly master: PgUser;
  readonly logFile: string;
}

/** Which administrative login a bootstrap runs as. */
export type MasterKind = "superuser" | "master";

/** The server of this test run (started by test/helpers/global-setup.js). */
export function pgServer(): PgServer {
  const file = process.env.AURORA_PG_STATE;
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      "No test PostgreSQL: AURORA_PG_STATE is not set. Run integration tests through jest's integration project (npm test).",
    );
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as PgServer;
}

/** Connection settings for the postgresql provider, as the given administrative login. */
export function providerConfig(kind: MasterKind, database?: string) {
  const s = pgServer();
  const u = s[kind];
  return {
    host: s.host,
    port: s.port,
    database: database ?? s.database,
    username: u.user,
    password: u.password,
    sslmode: "disable",
    superuser: kind === "superuser",
    connectTimeout: 15,
  };
}

/** Runs `fn` with a connected client, always closing it. */
export async function withSession<T>(
  config: Partial<ClientConfig> & { user: string },
  fn: (c: Client) => Promise<T>,
): Promise<T> {
  const s = pgServer();
  const client = new Client({ host: s.host, port: s.port, database: s.database, ssl: false, ...config });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs statements as the superuser (test set-up only). */
export async function asSuperuser<T>(fn: (c: Client) => Promise<T>, database?: string): Promise<T> {
  const s = pgServer();
  return withSession({ ...s.superuser, ...(database ? { database } : {}) }, fn);
}

/** Creates a fresh database owned by the RDS-like master (public schema owned by it too). */
export async function createDatabase(name: string): Promise<string> {
  const s = pgServer();
  await asSuperuser(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}" OWNER "${s.master.user}"`);
  });
  await asSuperuser((c) => c.query(`ALTER SCHEMA public OWNER TO "${s.master.user}"`), name);
  return name;
}

export interface ProbeResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly code?: string;
}

/** A session as one role, for asserting what it may and may not do. */
export class RoleSession {
  private constructor(private readonly client: Client) {}

  public static async open(user: string, password: string, database?: string): Promise<RoleSession> {
    const s = pgServer();
    const client = new Client({
      host: s.host,
      port: s.port,
      database: database ?? s.database,
      user,
      password,
      ssl: false,
    });
    await client.connect();
    return new RoleSession(client);
  }

  /** Runs `sql`; returns ok or the server's error (with SQLSTATE), never throws on SQL errors. */
  public async try(sql: string, params: unknown[] = []): Promise<ProbeResult> {
    try {
      await this.client.query(sql, params);
      return { ok: true };
    } catch (err) {
      const e = err as { message: string; code?: string };
      return { ok: false, error: e.message, code: e.code };
    }
  }

  public async query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return (await this.client.query(sql, params)).rows as R[];
  }

  /** Throws unless `sql` succeeds. */
  public async mustSucceed(sql: string): Promise<void> {
    const r = await this.try(sql);
    if (!r.ok) throw new Error(`expected to succeed as ${this.client.user}: ${sql}\n  -> ${r.error}`);
  }

  /** Throws unless `sql` fails with a permission error (SQLSTATE 42501) or the given code. */
  public async mustBeDenied(sql: string, codes: string[] = ["42501"]): Promise<void> {
    const r = await this.try(sql);
    if (r.ok) throw new Error(`expected to be denied as ${this.client.user}, but it succeeded: ${sql}`);
    if (!codes.includes(r.code ?? "")) {
      throw new Error(
        `expected SQLSTATE ${codes.join("/")} as ${this.client.user} for: ${sql}\n  -> got ${r.code}: ${r.error}`,
      );
    }
  }

  public async close(): Promise<void> {
    await this.client.end();
  }
}

/** Opens a session as `user`, runs `fn`, closes it. */
export async function asRole<T>(
  user: string,
  password: string,
  fn: (s: RoleSession) => Promise<T>,
  database?: string,
): Promise<T> {
  const session = await RoleSession.open(user, password, database);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
