// Film titles in the reader's language: the one home for "the title of this film for this locale".
//
// TMDB gives a film's title in a language when asked with `language` (tmdb-api.json: "language", e.g. `de-DE`); it
// answers with the original/English title when it has no translation. `movies.title` keeps the English title (the
// catalogue's own language); the other languages are cached in `movie_titles`, one row per film and language, filled
// from searches made in that language and from lookups when a card, a pick or a DM needs a title we do not have yet.
import type { Em } from '../db.ts';
import type { Locale } from '../i18n/index.ts';

/** The TMDB `language` for each locale we speak (ISO 639-1 + ISO 3166-1, as TMDB's translations are keyed). */
export const TMDB_LANGUAGE: Readonly<Record<Locale, string>> = {
  'en-US': 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
  'es-ES': 'es-ES',
  'pt-BR': 'pt-BR',
  ja: 'ja-JP',
};

/** Locales whose titles are the catalogue's own (`movies.title`): nothing to look up. */
export function usesCatalogueTitles(locale: Locale): boolean {
  return TMDB_LANGUAGE[locale] === 'en-US';
}

/** The cached titles of `ids` in `locale` (only those we have). */
export async function storedTitles(em: Em, ids: readonly number[], locale: Locale): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id));
  if (usesCatalogueTitles(locale) || unique.length === 0) return out;
  const rows = await em.execute<{ movie_id: number; title: string }[]>(
    `select movie_id, title from movie_titles where language = ? and movie_id in (${unique.map(() => '?').join(', ')})`,
    [TMDB_LANGUAGE[locale], ...unique],
  );
  for (const r of rows) out.set(Number(r.movie_id), r.title);
  return out;
}

/** Caches titles TMDB gave in `locale` (a search or a lookup made in that language); newer ones replace older. */
export async function storeTitles(
  em: Em,
  locale: Locale,
  titles: readonly { id: number; title: string }[],
  now: Date,
): Promise<void> {
  const rows = titles.filter((t) => Number.isSafeInteger(t.id) && t.title.trim() !== '');
  if (usesCatalogueTitles(locale) || rows.length === 0) return;
  const seen = new Map(rows.map((r) => [r.id, r.title.slice(0, 300)]));
  const values = [...seen].flatMap(([id, title]) => [id, TMDB_LANGUAGE[locale], title, now]);
  await em.execute(
    `insert into movie_titles (movie_id, language, title, fetched_at) values ${[...seen].map(() => '(?, ?, ?, ?)').join(', ')}
     on conflict (movie_id, language) do update set title = excluded.title, fetched_at = excluded.fetched_at`,
    values,
  );
}

/** Cached titles for several readers at once: one query per language asked for. */
export async function titlesByLocale(
  em: Em,
  wanted: readonly { locale: Locale; ids: readonly number[] }[],
): Promise<Map<Locale, Map<number, string>>> {
  const byLocale = new Map<Locale, Set<number>>();
  for (const w of wanted) {
    if (usesCatalogueTitles(w.locale)) continue;
    const set = byLocale.get(w.locale) ?? new Set<number>();
    for (const id of w.ids) set.add(id);
    byLocale.set(w.locale, set);
  }
  const out = new Map<Locale, Map<number, string>>();
  for (const [locale, ids] of byLocale) out.set(locale, await storedTitles(em, [...ids], locale));
  return out;
}

/** `item` with its title in the reader's language when we know it, else as it is (the English title). */
export function inLanguage<T extends { readonly title: string }>(
  item: T,
  id: number,
  titles: ReadonlyMap<number, string>,
): T {
  const title = titles.get(id);
  return title && title !== item.title ? { ...item, title } : item;
}
