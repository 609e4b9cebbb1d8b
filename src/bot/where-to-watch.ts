// The words for where to stream: "Stream on Fakeflix (yours), Demo Plus · Rent on Reel Rentals", and the credit TMDB
// asks for when its watch-provider data is shown (the data is JustWatch's). Pure; the data comes from
// src/services/streaming-service.ts, the words from the catalogue (src/i18n, `stream.*`).
import type { APIEmbedField } from 'discord.js';
import type { Translator } from '../i18n/index.ts';
import type { FilmOffers, OfferedProvider, WhereToWatch } from '../services/streaming-service.ts';
import { clip } from '../text.ts';
import { EMBED_FIELD_VALUE_MAX } from './discord-limits.ts';

/** Names shown per kind before "and N more". */
const NAMES_SHOWN = 3;

/** "A", "A and B", "A, B, and C" (the locale's list), or "A, B, C and 2 more". */
export function joinNames(tr: Translator, names: readonly string[], shown = NAMES_SHOWN): string {
  if (names.length > shown) {
    return tr.t('stream.more', { names: names.slice(0, shown).join(', '), n: names.length - shown });
  }
  return tr.list(names);
}

function names(tr: Translator, list: readonly OfferedProvider[], mine: ReadonlySet<number>): string[] {
  // The person's own services first (marked), then TMDB's order; a provider listed twice (free and with ads) once.
  const seen = new Set<number>();
  const unique = list.filter((p) => !seen.has(p.id) && seen.add(p.id));
  const sorted = [...unique.filter((p) => mine.has(p.id)), ...unique.filter((p) => !mine.has(p.id))];
  return sorted.map((p) => (mine.has(p.id) ? tr.t('stream.yours', { name: p.name }) : p.name));
}

/**
 * One line: "Stream on … · Free on … · Rent on …" ("Buy on …" only when it can be neither streamed nor rented), or
 * null when the film has no offer in the region.
 */
export function offerLine(tr: Translator, f: FilmOffers | undefined, mine: ReadonlySet<number>): string | null {
  if (!f) return null;
  const o = f.offers;
  const parts: string[] = [];
  const join = (list: readonly OfferedProvider[]) => joinNames(tr, names(tr, list, mine));
  if (o.flatrate.length) parts.push(tr.t('stream.stream_on', { names: join(o.flatrate) }));
  const free = [...o.free, ...o.ads];
  if (free.length) parts.push(tr.t('stream.free_on', { names: join(free) }));
  if (o.rent.length) parts.push(tr.t('stream.rent_on', { names: join(o.rent) }));
  if (parts.length === 0 && o.buy.length) parts.push(tr.t('stream.buy_on', { names: join(o.buy) }));
  return parts.length ? parts.join(' · ') : null;
}

/** The film card's field: where to watch it in the viewer's region, or how to see that. */
export function whereToWatchField(tr: Translator, w: WhereToWatch | undefined, movieId: number): APIEmbedField | null {
  if (!w) return null;
  if (!w.region) return { name: tr.t('stream.field_title_no_region'), value: tr.t('stream.field_no_region') };
  const f = w.offers.get(movieId);
  const line = offerLine(tr, f, new Set(w.services.map((s) => s.id)));
  const credit = tr.t('stream.credit');
  return {
    name: tr.t('stream.field_title', { region: w.region }),
    value: clip(
      `${line ?? tr.t('stream.field_nothing', { region: w.region })}\n${f?.link ? `[${credit}](${f.link})` : credit}`,
      EMBED_FIELD_VALUE_MAX,
    ),
  };
}

/** A pick's line ("📺 Stream on …"), or null when nothing is known for it (or no region is set). */
export function pickLine(tr: Translator, w: WhereToWatch | undefined, movieId: number): string | null {
  if (!w?.region) return null;
  const line = offerLine(tr, w.offers.get(movieId), new Set(w.services.map((s) => s.id)));
  return line ? `📺 ${line}` : null;
}

/**
 * The lines for a list of films (/recommend, /similar, the weekly DM): one per film, null where nothing is shown, and
 * the message text to go above them, which credits JustWatch once when any line is shown (TMDB asks for that credit
 * wherever its watch-provider data appears).
 */
export function pickLines(
  tr: Translator,
  w: WhereToWatch | undefined,
  movieIds: readonly number[],
  intro: string,
): { readonly lines: (string | null)[]; readonly content: string } {
  const lines = movieIds.map((id) => pickLine(tr, w, id));
  return { lines, content: lines.some(Boolean) ? `${intro}\n${tr.t('stream.credit')}` : intro };
}
