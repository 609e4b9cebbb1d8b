// Where catalogue films come from when the catalogue is empty: the demo catalogue of the fake TMDB, the TMDB 5000
// CSV (read at run time, never committed), or random real films from TMDB when a key is configured.
import type { DemoMovie } from '../../data/demo-catalogue.ts';
import { createRelatedIndex, relatedFactsOf } from '../../data/related-lists.ts';
import type { Em } from '../../db.ts';
import { mergeRelated } from '../../recommender/related.ts';
import type { Catalogue } from '../catalogue-service.ts';
import { TMDB_GENRE_NAMES } from '../tmdb/genres.ts';
import type { TmdbClient } from '../tmdb/index.ts';
import type { CatalogueMovie } from './catalogue.ts';
import type { Rng } from './prng.ts';

/**
 * Demo-catalogue (or TMDB 5000) films as catalogue rows, with the recommendations and similar lists the fake TMDB
 * serves for them (what a details fetch would store). Overviews are not copied.
 */
export function fromDemoMovies(list: readonly DemoMovie[]): CatalogueMovie[] {
  const lists = createRelatedIndex(list.map(relatedFactsOf));
  return list.map((d) => ({
    id: d.id,
    title: d.title,
    releaseDate: d.releaseDate || null,
    genres: d.genreIds.map((id) => ({ id, name: TMDB_GENRE_NAMES.get(id) ?? `Genre ${id}` })),
    keywords: d.keywords.map((k) => ({ id: k.id, name: k.name })),
    cast: d.cast.map((c, order) => ({ id: c.id, name: c.name, order })),
    directors: d.directors.map((p) => ({ id: p.id, name: p.name })),
    runtime: d.runtime > 0 ? d.runtime : null,
    originalLanguage: d.originalLanguage || null,
    popularity: d.popularity,
    voteAverage: d.voteAverage,
    voteCount: d.voteCount,
    imdbId: d.imdbId,
    related: mergeRelated(lists(d.id, 'recommendations'), lists(d.id, 'similar')),
  }));
}

export interface TmdbFillOptions {
  readonly tmdb: TmdbClient;
  readonly catalogue: Catalogue;
  /** How many films to add. */
  readonly count: number;
  readonly rng: Rng;
  readonly nowYear: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Fills the catalogue with real films picked at random from TMDB's popular list and from discover pages (random
 * years and sort orders), fetching each film's details through the catalogue service. Returns how many were stored.
 */
export async function fillCatalogueFromTmdb(em: Em, opts: TmdbFillOptions): Promise<number> {
  if (!opts.tmdb.configured) throw new Error('TMDB is not configured (set TMDB_READ_TOKEN or TMDB_API_KEY)');
  const ids = new Set<number>();
  // Page counts are learnt from the answers (the first request of each kind asks for page 1); TMDB serves at most
  // 500 pages of any list.
  let popularPages = 1;
  let discoverPages = 1;
  let failures = 0;
  for (let round = 0; ids.size < opts.count && round < opts.count * 2 + 10 && failures < 5; round++) {
    try {
      const popular = round % 2 === 0;
      const page = popular
        ? await opts.tmdb.popular({ page: 1 + opts.rng.int(popularPages) })
        : await opts.tmdb.discover({
            fromYear: 1960 + opts.rng.int(Math.max(1, opts.nowYear - 1960)),
            minVoteCount: 50,
            sortBy: opts.rng.pick(['popularity.desc', 'vote_count.desc', 'vote_average.desc'] as const),
            page: 1 + opts.rng.int(discoverPages),
          });
      if (popular) popularPages = Math.max(1, Math.min(500, page.totalPages));
      else discoverPages = Math.max(1, Math.min(20, page.totalPages));
      // A few films per page, so a run samples many pages rather than the top of one.
      for (let k = 0; k < 5 && page.results.length > 0; k++) ids.add(opts.rng.pick(page.results).id);
    } catch {
      failures++;
    }
  }
  let stored = 0;
  const wanted = [...ids].slice(0, opts.count);
  for (const id of wanted) {
    try {
      await opts.catalogue.ensureMovie(em.fork(), id);
      stored++;
    } catch {
      // A film TMDB cannot return now is skipped; the rest of the catalogue is still useful.
    }
    opts.onProgress?.(stored, wanted.length);
  }
  return stored;
}
