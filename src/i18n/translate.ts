// A translator bound to one locale: what renderers receive, so that one argument carries the language, the messages
// and the locale's number and date formats.

import type { MessageKey } from './catalogue/index.ts';
import { genreName } from './commands.ts';
import {
  formatCalendarDate,
  formatDecimal,
  formatInteger,
  formatList,
  formatPercent,
  formatRuntime,
  formatStarBar,
  formatStars,
} from './format.ts';
import type { Locale } from './locales.ts';
import { type MessageValues, type Text, t } from './translator.ts';

export interface Translator {
  readonly locale: Locale;
  /** The message `key` with `values`. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A carried key + values (from a service or an error). */
  text(text: Text): string;
  int(n: number): string;
  decimal(n: number): string;
  percent(fraction: number): string;
  runtime(minutes: number): string;
  stars(stars: number): string;
  starBar(score: number): string;
  date(day: string | Date): string;
  list(items: readonly string[]): string;
  /** TMDB genres (English names) in this locale, comma-separated. */
  genres(names: readonly string[]): string;
}

const cache = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  let tr = cache.get(locale);
  if (!tr) {
    tr = Object.freeze({
      locale,
      t: (key: MessageKey, values?: MessageValues) => t(locale, key, values),
      text: (x: Text) => t(locale, x.key, x.values),
      int: (n: number) => formatInteger(locale, n),
      decimal: (n: number) => formatDecimal(locale, n),
      percent: (f: number) => formatPercent(locale, f),
      runtime: (m: number) => formatRuntime(locale, m),
      stars: (s: number) => formatStars(locale, s),
      starBar: (s: number) => formatStarBar(locale, s),
      date: (d: string | Date) => formatCalendarDate(locale, d),
      list: (items: readonly string[]) => formatList(locale, items),
      genres: (names: readonly string[]) => names.map((g) => genreName(locale, g)).join(', '),
    });
    cache.set(locale, tr);
  }
  return tr;
}
