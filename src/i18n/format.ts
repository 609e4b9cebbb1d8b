// Numbers, dates, runtimes, star ratings and lists for one locale, with the platform's Intl (issue 17: "Dates,
// numbers, runtimes and star ratings are formatted with Intl for that locale").
import type { Locale } from './locales.ts';

// TypeScript 5.9's lib has no Intl.DurationFormat yet; Node 24 (V8 13) implements it (ECMA-402, 2025).
interface DurationFormat {
  format(d: { hours?: number; minutes?: number }): string;
}
type DurationFormatCtor = new (locale: string, opts: { style: 'long' | 'short' | 'narrow' }) => DurationFormat;
const DurationFormatImpl = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;

function memo<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const cache = new Map<Locale, T>();
  return (locale) => {
    let v = cache.get(locale);
    if (v === undefined) {
      v = make(locale);
      cache.set(locale, v);
    }
    return v;
  };
}

const integer = memo((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 }));
const oneDecimal = memo((l) => new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const upToOneDecimal = memo((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 }));
const percent = memo((l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 }));
const minutes = memo((l) => new Intl.NumberFormat(l, { style: 'unit', unit: 'minute', unitDisplay: 'short' }));
const duration = memo((l) => (DurationFormatImpl ? new DurationFormatImpl(l, { style: 'short' }) : null));
const calendarDate = memo((l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }));
const andList = memo((l) => new Intl.ListFormat(l, { type: 'conjunction', style: 'long' }));

/** 12,345 / 12.345 / 12 345. */
export function formatInteger(locale: Locale, n: number): string {
  return integer(locale).format(n);
}

/** 7.3 / 7,3: one decimal, always shown (a TMDB vote average). */
export function formatDecimal(locale: Locale, n: number): string {
  return oneDecimal(locale).format(n);
}

/** 0.42 → 42 % / 42%. */
export function formatPercent(locale: Locale, fraction: number): string {
  return percent(locale).format(fraction);
}

/** 135 → "2 hr, 15 min" / "2 Std., 15 Min." / "2 時間 15 分"; under an hour, "45 min". */
export function formatRuntime(locale: Locale, totalMinutes: number): string {
  const m = Math.max(0, Math.round(totalMinutes));
  const f = duration(locale);
  if (!f || m < 60) return minutes(locale).format(m);
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return f.format(rest === 0 ? { hours } : { hours, minutes: rest });
}

/** A rating as a number with a star: 4.5★ / 4,5★ (one decimal at most). */
export function formatStars(locale: Locale, stars: number): string {
  return `${upToOneDecimal(locale).format(Math.round(stars * 10) / 10)}★`;
}

/** A 0.5–5 rating as stars: ★★★½ (3.5), the number in the locale's digits. */
export function formatStarBar(locale: Locale, score: number): string {
  const full = Math.floor(score);
  return `${'★'.repeat(full)}${score - full >= 0.5 ? '½' : ''} (${upToOneDecimal(locale).format(score)})`;
}

/**
 * A calendar date (a day, not an instant: a watch date, a release date) in the locale's medium style, e.g.
 * May 31, 2024 / 31.05.2024 / 2024/05/31. Accepts `YYYY-MM-DD` or a Date (read in UTC, so the day never shifts).
 */
export function formatCalendarDate(locale: Locale, day: string | Date): string {
  const d = typeof day === 'string' ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : day;
  if (Number.isNaN(d.getTime())) return String(day);
  return calendarDate(locale).format(d);
}

/** "A, B, and C" / "A, B und C" / "A、B、C". */
export function formatList(locale: Locale, items: readonly string[]): string {
  return andList(locale).format(items);
}

/**
 * Discord's timestamp markup for an instant, which every reader's client shows in their own time zone and language
 * (developers/reference#message-formatting, "Timestamp Styles"; discord-api-types `TimestampStyles`):
 * `f` short date and time (the default), `F` long, `d`/`D` date, `t`/`T` time, `R` relative ("in 2 hours").
 */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

export function discordTimestamp(at: Date, style: TimestampStyle = 'f'): string {
  return `<t:${Math.floor(at.getTime() / 1000)}:${style}>`;
}
