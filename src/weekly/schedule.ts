// Pure schedule maths for the weekly picks: (day of week, HH:MM, IANA time zone) → instants, with Intl only.
//
// DST rules (the same choice as Temporal's `disambiguation: 'compatible'` and most cron implementations):
// - a local time that does not exist (spring forward, e.g. 02:30 on the night clocks jump 02:00 → 03:00) fires at
//   the same wall-clock time shifted by the length of the gap (03:30): the run still happens that day, once;
// - a local time that happens twice (fall back, e.g. 02:30 when clocks go 03:00 → 02:00) fires at the FIRST
//   occurrence only: one run per week, never two.

export interface WeeklySchedule {
  /** 0 = Sunday … 6 = Saturday (as in `Date#getDay` and guild_settings.schedule_day). */
  readonly day: number;
  /** `HH:MM`, 24-hour local time. */
  readonly time: string;
  /** IANA time zone such as `Europe/Berlin`. */
  readonly timezone: string;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone Intl knows (IANA names such as `America/New_York`, and `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a time zone (`europe/berlin` → `Europe/Berlin`), or null when unknown. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!isValidTimeZone(timeZone)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

export function parseTime(time: string): { hour: number; minute: number } | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

export function localParts(instant: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year as number,
    month: out.month as number,
    day: out.day as number,
    hour: out.hour as number,
    minute: out.minute as number,
  };
}

/** Minutes to add to UTC to get local time at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const l = localParts(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instant a local wall-clock time happens, with the DST rules described at the top of this file. */
export function zonedTimeToInstant(l: LocalParts, timeZone: string): number {
  const wall = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const candidates = [wall - before * 60_000, wall - after * 60_000].filter((t) => {
    const p = localParts(t, timeZone);
    return p.year === l.year && p.month === l.month && p.day === l.day && p.hour === l.hour && p.minute === l.minute;
  });
  if (candidates.length > 0) return Math.min(...candidates); // fall back: the first occurrence
  return wall - before * 60_000; // spring forward: shifted by the gap
}

function fireOnLocalDate(year: number, month: number, day: number, s: WeeklySchedule): number | null {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday !== s.day) return null;
  const t = parseTime(s.time);
  if (!t) throw new RangeError(`invalid schedule time "${s.time}"`);
  return zonedTimeToInstant({ year, month, day, hour: t.hour, minute: t.minute }, s.timezone);
}

function assertSchedule(s: WeeklySchedule): void {
  if (!Number.isInteger(s.day) || s.day < 0 || s.day > 6) throw new RangeError(`invalid schedule day ${s.day}`);
  if (!parseTime(s.time)) throw new RangeError(`invalid schedule time "${s.time}"`);
  if (!isValidTimeZone(s.timezone)) throw new RangeError(`unknown time zone "${s.timezone}"`);
}

/** The first fire time strictly after `from`. */
export function nextFireTime(s: WeeklySchedule, from: Date): Date {
  assertSchedule(s);
  const l = localParts(from.getTime(), s.timezone);
  for (let i = -1; i <= 8; i++) {
    const d = new Date(Date.UTC(l.year, l.month - 1, l.day + i));
    const t = fireOnLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), s);
    if (t !== null && t > from.getTime()) return new Date(t);
  }
  throw new Error('unreachable: a weekly schedule fires within 8 days');
}

/** The latest fire time at or before `at`. */
export function previousFireTime(s: WeeklySchedule, at: Date): Date {
  assertSchedule(s);
  const l = localParts(at.getTime(), s.timezone);
  for (let i = 1; i >= -8; i--) {
    const d = new Date(Date.UTC(l.year, l.month - 1, l.day + i));
    const t = fireOnLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), s);
    if (t !== null && t <= at.getTime()) return new Date(t);
  }
  throw new Error('unreachable: a weekly schedule fired within 8 days');
}

/** ISO 8601 week of a calendar date, as `YYYY-Www` (8 characters, the outbox's `iso_week`). */
export function isoWeekOfDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  const weekday = d.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const isoYear = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(isoYear, 0, 1)) / DAY + 1) / 7);
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week before `isoWeek` (`2026-W01` → `2025-W53` or `-W52`, as the calendar has it). */
export function previousIsoWeek(isoWeek: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!m) throw new Error(`not an ISO week: ${isoWeek}`);
  const year = Number(m[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() || 7) - 1)) + (Number(m[2]) - 1) * 7 * DAY;
  const d = new Date(monday - 7 * DAY);
  return isoWeekOfDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO week of the local date of `instant` in `timeZone`. */
export function isoWeekKey(instant: Date, timeZone = 'UTC'): string {
  const l = localParts(instant.getTime(), timeZone);
  return isoWeekOfDate(l.year, l.month, l.day);
}

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function parseDay(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[0-6]$/.test(t)) return Number(t);
  const i = DAY_NAMES.findIndex((n) => n.toLowerCase() === t || n.slice(0, 3).toLowerCase() === t);
  return i >= 0 ? i : null;
}
