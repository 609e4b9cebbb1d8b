// The fake TMDB's `/3/movie/{id}/recommendations` and `/similar` lists (and the same lists appended to details),
// derived from catalogue facts only: shared genres, keywords and people, ties broken by popularity then id, so they
// are deterministic. TMDB does not publish how it builds them; its docs describe "similar" as matching keywords and
// genres, and recommendations as what people who liked the film also liked. Offline evaluation uses this same
// derivation over the TMDB 5000 metadata (at run time) as its stand-in for TMDB's lists.
import type { DemoMovie } from './demo-catalogue.ts';

/** What the lists are built from: TMDB ids of genres, keywords and people (any comparable keys work). */
export interface RelatedFacts {
  readonly id: number;
  readonly genres: readonly (number | string)[];
  readonly keywords: readonly (number | string)[];
  /** Directors and top-billed cast. */
  readonly people: readonly (number | string)[];
  readonly popularity: number;
}

/** A catalogue film's facts for the lists (one home for the mapping, used by the server and the seed). */
export function relatedFactsOf(m: DemoMovie): RelatedFacts {
  return {
    id: m.id,
    genres: m.genreIds,
    keywords: m.keywords.map((k) => k.id),
    people: [...m.directors, ...m.cast].map((p) => p.id),
    popularity: m.popularity,
  };
}

export type RelatedKind = 'recommendations' | 'similar';

/** At most this many films per list (TMDB serves pages of 20; two pages). */
export const RELATED_LIMIT = 40;

/** "similar" weighs genres most; "recommendations" weighs keywords and people (what fans of the film go on to). */
function score(kind: RelatedKind, genres: number, keywords: number, people: number): number {
  return kind === 'similar' ? genres * 2 + keywords : genres + keywords * 2 + people * 3;
}

/**
 * An index over the catalogue that answers both lists for any film, computed on first request and kept. Scoring
 * goes through inverted lists, so the whole TMDB 5000 catalogue is answered in about a second.
 */
export function createRelatedIndex(films: readonly RelatedFacts[]): (id: number, kind: RelatedKind) => number[] {
  const pos = new Map(films.map((f, i) => [f.id, i]));
  const postings = (key: (f: RelatedFacts) => readonly (number | string)[]) => {
    const out = new Map<number | string, number[]>();
    films.forEach((f, i) => {
      for (const k of new Set(key(f))) {
        const l = out.get(k);
        if (l) l.push(i);
        else out.set(k, [i]);
      }
    });
    return out;
  };
  const byGenre = postings((f) => f.genres);
  const byKeyword = postings((f) => f.keywords);
  const byPerson = postings((f) => f.people);
  const cache = new Map<string, number[]>();
  const g = new Int32Array(films.length);
  const k = new Int32Array(films.length);
  const p = new Int32Array(films.length);
  return (id, kind) => {
    const key = `${kind}:${id}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const self = pos.get(id);
    if (self === undefined) return [];
    const f = films[self]!;
    const touched = new Set<number>();
    const count = (into: Int32Array, index: Map<number | string, number[]>, keys: readonly (number | string)[]) => {
      for (const x of new Set(keys))
        for (const o of index.get(x) ?? []) {
          into[o]!++;
          touched.add(o);
        }
    };
    count(g, byGenre, f.genres);
    count(k, byKeyword, f.keywords);
    count(p, byPerson, f.people);
    const scored: { o: number; s: number }[] = [];
    for (const o of touched) {
      const s = score(kind, g[o]!, k[o]!, p[o]!);
      g[o] = 0;
      k[o] = 0;
      p[o] = 0;
      if (o !== self && s > 1) scored.push({ o, s });
    }
    scored.sort(
      (a, b) => b.s - a.s || films[b.o]!.popularity - films[a.o]!.popularity || films[a.o]!.id - films[b.o]!.id,
    );
    const out = scored.slice(0, RELATED_LIMIT).map((x) => films[x.o]!.id);
    cache.set(key, out);
    return out;
  };
}
