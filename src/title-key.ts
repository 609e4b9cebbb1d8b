// The one home for titles: showing one with its year, and matching titles the way people type them: without case,
// accents or punctuation, so "amelie" finds Amélie, "leon" Léon and "wall-e" WALL·E. The database computes the same key in SQL (an expression index on
// movies, see movie.entity.ts) as `titleKey` does here for what the person typed; the two must stay in step.
//
// The key: Unicode NFD (a letter and its accent become two characters), then combining accents, white space and
// punctuation are removed, then lower case. Letters with no decomposition (Ø, Æ) and non-Latin capitals are lowered
// only on databases whose collation knows them (lower() in the C locale is ASCII only).

import { clip } from './text.ts';

/** "Heat (1995)", or the title alone without a year; with `max`, the title is clipped so the year always shows. */
export function titleWithYear(title: string, year: number | null | undefined, max?: number): string {
  const suffix = year ? ` (${year})` : '';
  return `${max === undefined ? title : clip(title, max - suffix.length)}${suffix}`;
}

/** The characters dropped from a title key, as one regular-expression class (valid in JavaScript and PostgreSQL). */
const DROPPED = '\\u0300-\\u036f \\u00a0\\u2009\\t\\n!-/:-@\\[-`{-~·’‘“”–—…';

const DROP = new RegExp(`[${DROPPED}]`, 'gu');

/** The search key of a title or of typed text. */
export function titleKey(text: string): string {
  return text.normalize('NFD').replace(DROP, '').toLowerCase();
}

/** The same key in SQL, for `column` (a trusted identifier, never user input). */
export function titleKeySql(column: string): string {
  return `lower(regexp_replace(normalize(${column}, NFD), E'[${DROPPED.replace(/\\\\/g, '\\\\')}]', '', 'g'))`;
}
