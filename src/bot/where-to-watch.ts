// The words for where to stream: "Stream on Fakeflix (yours), Demo Plus · Rent on Reel Rentals", and the credit TMDB
// asks for when its watch-provider data is shown (the data is JustWatch's). Pure; the data comes from
// src/services/streaming-service.ts.
import type { APIEmbedField } from 'discord.js';
import type { FilmOffers, OfferedProvider, WhereToWatch } from '../services/streaming-service.ts';
import { clip } from '../text.ts';

/** TMDB's watch-provider data comes from JustWatch, and TMDB requires crediting JustWatch wherever it is shown. */
export const JUSTWATCH_CREDIT = 'Streaming data: JustWatch.';
/** Names shown per kind before "and N more". */
const NAMES_SHOWN = 3;

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function joinNames(names: readonly string[], shown = NAMES_SHOWN): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function names(list: readonly OfferedProvider[], mine: ReadonlySet<number>): string[] {
  // The person's own services first (marked), then TMDB's order; a provider listed twice (free and with ads) once.
  const seen = new Set<number>();
  const unique = list.filter((p) => !seen.has(p.id) && seen.add(p.id));
  const sorted = [...unique.filter((p) => mine.has(p.id)), ...unique.filter((p) => !mine.has(p.id))];
  return sorted.map((p) => (mine.has(p.id) ? `${p.name} (yours)` : p.name));
}

/**
 * One line: "Stream on … · Free on … · Rent on …" ("Buy on …" only when it can be neither streamed nor rented), or
 * null when the film has no offer in the region.
 */
export function offerLine(f: FilmOffers | undefined, mine: ReadonlySet<number>): string | null {
  if (!f) return null;
  const o = f.offers;
  const parts: string[] = [];
  if (o.flatrate.length) parts.push(`Stream on ${joinNames(names(o.flatrate, mine))}`);
  const free = [...o.free, ...o.ads];
  if (free.length) parts.push(`Free on ${joinNames(names(free, mine))}`);
  if (o.rent.length) parts.push(`Rent on ${joinNames(names(o.rent, mine))}`);
  if (parts.length === 0 && o.buy.length) parts.push(`Buy on ${joinNames(names(o.buy, mine))}`);
  return parts.length ? parts.join(' · ') : null;
}

/** The film card's field: where to watch it in the viewer's region, or how to see that. */
export function whereToWatchField(w: WhereToWatch | undefined, movieId: number): APIEmbedField | null {
  if (!w) return null;
  if (!w.region) {
    return { name: 'Where to watch', value: 'Set your country with `/settings region` to see where to stream it.' };
  }
  const f = w.offers.get(movieId);
  const line = offerLine(f, new Set(w.services.map((s) => s.id)));
  const credit = f?.link ? `[${JUSTWATCH_CREDIT}](${f.link})` : JUSTWATCH_CREDIT;
  return {
    name: `Where to watch (${w.region})`,
    // A field value holds 1,024 characters (developers/resources/message.mdx, "Embed Limits").
    value: clip(`${line ?? `Not streaming, for rent or for sale in ${w.region} as far as I know.`}\n${credit}`, 1024),
  };
}

/** A pick's line ("📺 Stream on …"), or null when nothing is known for it (or no region is set). */
export function pickLine(w: WhereToWatch | undefined, movieId: number): string | null {
  if (!w?.region) return null;
  const line = offerLine(w.offers.get(movieId), new Set(w.services.map((s) => s.id)));
  return line ? `📺 ${line}` : null;
}
