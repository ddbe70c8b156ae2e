/** Minutes of a day and of a week. */
const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const TIME = "([01]\\d|2[0-3]):([0-5]\\d)";

/** `hh24:mi-hh24:mi`, e.g. "02:00-03:00". */
export const BACKUP_WINDOW_PATTERN = new RegExp(`^${TIME}-${TIME}$`);
/** `ddd:hh24:mi-ddd:hh24:mi` with lowercase days, e.g. "sun:05:00-sun:06:00". */
export const MAINTENANCE_WINDOW_PATTERN = new RegExp(
  `^(${DAYS.join("|")}):${TIME}-(${DAYS.join("|")}):${TIME}$`,
);

/** A window on a circle of `period` minutes: it starts at `start` and lasts `minutes` (it may wrap). */
export interface Window {
  readonly start: number;
  readonly minutes: number;
  readonly period: number;
}

/** The daily backup window, or undefined when `text` is not `hh24:mi-hh24:mi`. */
export function parseBackupWindow(text: string): Window | undefined {
  const m = BACKUP_WINDOW_PATTERN.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return { start, minutes: mod(end - start, DAY_MINUTES), period: DAY_MINUTES };
}

/** The weekly maintenance window (minutes from Monday 00:00 UTC), or undefined when malformed. */
export function parseMaintenanceWindow(text: string): Window | undefined {
  const m = MAINTENANCE_WINDOW_PATTERN.exec(text);
  if (!m) return undefined;
  const at = (day: string, h: string, mi: string) =>
    DAYS.indexOf(day as (typeof DAYS)[number]) * DAY_MINUTES + Number(h) * 60 + Number(mi);
  const start = at(m[1], m[2], m[3]);
  const end = at(m[4], m[5], m[6]);
  return { start, minutes: mod(end - start, WEEK_MINUTES), period: WEEK_MINUTES };
}

/**
 * Whether the daily `backup` window overlaps the weekly `maintenance` window on any day (half-open
 * intervals: a backup window ending when maintenance starts does not overlap).
 */
export function windowsOverlap(backup: Window, maintenance: Window): boolean {
  for (let day = 0; day < 7; day++) {
    const a = day * DAY_MINUTES + backup.start;
    const b = maintenance.start;
    if (mod(b - a, WEEK_MINUTES) < backup.minutes || mod(a - b, WEEK_MINUTES) < maintenance.minutes) {
      return true;
    }
  }
  return false;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
