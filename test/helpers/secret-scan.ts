/**
 * Looks for secrets where they must not be: the test PostgreSQL's server log, `pg_stat_statements`,
 * state files, plan JSON and synthesized JSON. Counts every occurrence of every secret per place and
 * prints the table, so a run shows the figures and a regression shows where a password went.
 */
import * as fs from "fs";
import * as path from "path";
import { asSuperuser, pgServer } from "./postgres";

/** One place that is scanned: a name and its text. */
export interface ScanPlace {
  readonly place: string;
  readonly text: string;
}

/** Hits of one place. */
export interface ScanHits {
  readonly place: string;
  readonly hits: number;
}

/** Where the server log ends now: pass it to {@link serverLogSince} to read only what comes after. */
export function serverLogOffset(): number {
  return fs.statSync(pgServer().logFile).size;
}

/** The server log written since `offset`. */
export function serverLogSince(offset: number): ScanPlace {
  const all = fs.readFileSync(pgServer().logFile);
  return { place: "server log", text: all.subarray(offset).toString("utf8") };
}

/**
 * Every statement text `pg_stat_statements` holds, for all databases (read as the superuser, from
 * the `postgres` database, where the extension is created if missing).
 */
export async function pgStatStatements(): Promise<ScanPlace> {
  const rows = await asSuperuser(async (c) => {
    await c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    return (await c.query<{ query: string }>("SELECT query FROM pg_stat_statements")).rows;
  }, "postgres");
  return { place: "pg_stat_statements", text: rows.map((r) => r.query).join("\n") };
}

/** Every file below `dir` whose name matches `pattern`, as one place each (`<label>: <relative path>`). */
export function filesBelow(dir: string, pattern: RegExp, label: string): ScanPlace[] {
  const out: ScanPlace[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".terraform" && entry.name !== "node_modules") walk(p);
      } else if (pattern.test(entry.name)) {
        out.push({ place: `${label}: ${path.relative(dir, p)}`, text: fs.readFileSync(p, "utf8") });
      }
    }
  };
  walk(dir);
  return out;
}

/** How often each of `secrets` occurs in each place, summed per place; prints the table. */
export function countHits(
  title: string,
  secrets: readonly string[],
  places: readonly ScanPlace[],
): ScanHits[] {
  if (secrets.length === 0 || secrets.some((s) => s.length < 8)) {
    throw new Error(
      `countHits needs the generated secrets (at least 8 characters each), got ${secrets.length}`,
    );
  }
  const hits = places.map(({ place, text }) => ({
    place,
    hits: secrets.reduce((n, s) => n + text.split(s).length - 1, 0),
  }));
  const width = Math.max(...hits.map((h) => h.place.length));
  console.log(
    `${title}: ${secrets.length} secrets scanned\n${hits.map((h) => `  ${h.place.padEnd(width)}  ${h.hits}`).join("\n")}`,
  );
  return hits;
}

/** Sum of the hits of the places whose name starts with `prefix`. */
export function hitsOf(hits: readonly ScanHits[], prefix: string): number {
  return hits.filter((h) => h.place.startsWith(prefix)).reduce((n, h) => n + h.hits, 0);
}
