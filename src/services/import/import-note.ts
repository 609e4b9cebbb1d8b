// Why an import row was not matched, as data: the bot words it in the person's language when it writes the
// unmatched-rows CSV (src/bot/import-render.ts). Stored in import_rows.note (300 characters) as JSON.
import { cut } from '../../text.ts';

export type ImportNote =
  | { readonly k: 'no_title' }
  | { readonly k: 'no_film' }
  | { readonly k: 'closest'; readonly film: string; readonly sure: number }
  | { readonly k: 'could_be'; readonly first: string; readonly second: string; readonly addYear: boolean }
  | { readonly k: 'tmdb_off' }
  | { readonly k: 'no_imdb'; readonly id: string }
  | { readonly k: 'bad_stars'; readonly raw: string }
  | { readonly k: 'bad_imdb'; readonly raw: string }
  | { readonly k: 'tv'; readonly type: string };

const NOTE_MAX = 300;

/** The notes as stored; film titles are shortened so that the JSON always fits the column. */
export function encodeNotes(notes: readonly ImportNote[]): string {
  const shorten = (n: ImportNote, max: number): ImportNote =>
    n.k === 'closest'
      ? { ...n, film: cut(n.film, max) }
      : n.k === 'could_be'
        ? { ...n, first: cut(n.first, max), second: cut(n.second, max) }
        : n.k === 'bad_stars' || n.k === 'bad_imdb'
          ? { ...n, raw: cut(n.raw, 20) }
          : n.k === 'tv'
            ? { ...n, type: cut(n.type, 40) }
            : n;
  const json = JSON.stringify(notes.map((n) => shorten(n, 60)));
  // Quotes and control characters grow in JSON: keep the last note, with shorter titles, if they do not fit.
  return json.length <= NOTE_MAX ? json : JSON.stringify(notes.slice(-1).map((n) => shorten(n, 20)));
}

/**
 * The stored notes. A note written before notes were data (English text) comes back as `{ text }`, shown as it is.
 */
export function decodeNotes(stored: string | null | undefined): readonly (ImportNote | { readonly text: string })[] {
  if (!stored) return [];
  if (stored.startsWith('[')) {
    try {
      return JSON.parse(stored) as ImportNote[];
    } catch {
      // fall through: plain text that happens to start with a bracket
    }
  }
  return [{ text: stored }];
}
