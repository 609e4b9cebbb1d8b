// Matching imported rows to TMDB films. IMDb rows carry an IMDb id (local `movies.imdb_id`, else TMDB's find
// endpoint). Letterboxd rows carry a title and (usually) a year: candidates come from the local catalogue and TMDB
// search, and each is scored by accent-insensitive fuzzy title similarity and year agreement. A row is matched only
// when the best candidate is confident and clearly ahead of the next; otherwise it is reported, never guessed.
import { distance } from 'fastest-levenshtein';
import type { Em } from '../../db.ts';
import { Movie } from '../../entities/index.ts';
import { yearOf } from '../../release-year.ts';
import { isTmdbError, type TmdbClient } from '../tmdb/index.ts';
import type { TmdbMovieSummary } from '../tmdb/types.ts';
import type { ImportNote } from './import-note.ts';

/** At or above this a candidate may be taken. */
export const ACCEPT_CONFIDENCE = 0.86;
/** The best must beat the runner-up by this much, or the row is ambiguous. */
export const MIN_MARGIN = 0.08;

export interface Candidate {
  readonly id: number;
  readonly title: string;
  readonly originalTitle: string | null;
  readonly year: number | null;
  readonly voteCount: number;
}

export type MatchOutcome =
  | { readonly status: 'matched'; readonly movieId: number; readonly confidence: number }
  | {
      readonly status: 'ambiguous' | 'not_found';
      readonly confidence: number | null;
      readonly notes: readonly ImportNote[];
    };

/** Lower case, accents and punctuation gone, "&" as "and", a leading article dropped: "Amélie" = "amelie". */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(the|a|an) /, '');
}

/** 1 for the same normalised title, falling with edit distance. */
export function titleSimilarity(a: string, b: string): number {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

function yearFactor(wanted: number | null, got: number | null): number {
  if (wanted === null) return 0.93; // no year to check: a unique exact title still passes, remakes tie
  if (got === null) return 0.85;
  const d = Math.abs(wanted - got);
  return d === 0 ? 1 : d === 1 ? 0.94 : d === 2 ? 0.8 : 0.4;
}

export function scoreCandidate(row: { title: string; year: number | null }, c: Candidate): number {
  const sim = Math.max(
    titleSimilarity(row.title, c.title),
    c.originalTitle ? titleSimilarity(row.title, c.originalTitle) : 0,
  );
  return sim * yearFactor(row.year, c.year);
}

const label = (c: Candidate) => `${c.title}${c.year === null ? '' : ` (${c.year})`}`;

/** Picks the match among candidates, or says why there is none. */
export function chooseCandidate(
  row: { title: string; year: number | null },
  candidates: readonly Candidate[],
): MatchOutcome {
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
  const scored = unique
    .map((c) => ({ c, s: scoreCandidate(row, c) }))
    .sort((a, b) => b.s - a.s || b.c.voteCount - a.c.voteCount || a.c.id - b.c.id);
  const [best, second] = scored;
  if (!best) return { status: 'not_found', confidence: null, notes: [{ k: 'no_film' }] };
  const confidence = Math.round(best.s * 1000) / 1000;
  if (best.s < ACCEPT_CONFIDENCE) {
    return {
      status: 'not_found',
      confidence,
      notes: [{ k: 'closest', film: label(best.c), sure: Math.round(best.s * 100) / 100 }],
    };
  }
  if (second && best.s - second.s < MIN_MARGIN) {
    return {
      status: 'ambiguous',
      confidence,
      notes: [{ k: 'could_be', first: label(best.c), second: label(second.c), addYear: row.year === null }],
    };
  }
  return { status: 'matched', movieId: best.c.id, confidence };
}

export function summaryCandidate(s: TmdbMovieSummary): Candidate {
  return {
    id: s.id,
    title: s.title,
    originalTitle: s.originalTitle,
    year: yearOf(s.releaseDate),
    voteCount: s.voteCount,
  };
}

/** TMDB cannot be reached right now: the row stays pending and the job retries later. */
export class MatcherUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('TMDB is unavailable', options);
    this.name = 'MatcherUnavailableError';
  }
}

export interface MatcherDeps {
  readonly tmdb: Pick<TmdbClient, 'configured' | 'breakerState' | 'searchMovies' | 'findByImdbId'>;
  /** Stores TMDB summaries as catalogue rows (stubs the refresher completes later). */
  readonly storeSummaries: (em: Em, results: readonly TmdbMovieSummary[]) => Promise<void>;
}

export interface MatchRow {
  readonly title: string;
  readonly year: number | null;
  readonly imdbId: string | null;
  readonly tmdbId?: number | null;
}

/** A matcher for one job: identical rows (the same film in ratings.csv and diary.csv) are looked up once. */
export function createMatcher(deps: MatcherDeps) {
  const { tmdb } = deps;
  const memo = new Map<string, Promise<MatchOutcome>>();
  const usable = () => tmdb.configured && tmdb.breakerState !== 'open';

  function rethrow(err: unknown): never {
    if (isTmdbError(err) && err.kind !== 'not_found' && err.kind !== 'bad_request') {
      throw new MatcherUnavailableError({ cause: err });
    }
    throw err;
  }

  async function byImdb(em: Em, imdbId: string, row: MatchRow): Promise<MatchOutcome> {
    const local = await em.findOne(Movie, { imdbId }, { fields: ['id'] });
    if (local) return { status: 'matched', movieId: local.id, confidence: 1 };
    if (!tmdb.configured) return { status: 'not_found', confidence: null, notes: [{ k: 'tmdb_off' }] };
    if (!usable()) throw new MatcherUnavailableError();
    let found: TmdbMovieSummary | null;
    try {
      found = await tmdb.findByImdbId(imdbId);
    } catch (err) {
      if (isTmdbError(err) && err.kind === 'not_found') found = null;
      else rethrow(err);
    }
    if (!found) return byTitle(em, row, { k: 'no_imdb', id: imdbId });
    await deps.storeSummaries(em, [found]);
    // Remember the IMDb id so the next import of this film needs no TMDB call (skip if another row claims it).
    await em.nativeUpdate(Movie, { id: found.id, imdbId: null }, { imdbId }).catch(() => undefined);
    return { status: 'matched', movieId: found.id, confidence: 1 };
  }

  /** Marquee's own export names the TMDB id: taken when the catalogue has it, else matched like any other row. */
  async function byTmdbId(em: Em, tmdbId: number, row: MatchRow): Promise<MatchOutcome> {
    const local = await em.findOne(Movie, tmdbId, { fields: ['id'] });
    if (local) return { status: 'matched', movieId: local.id, confidence: 1 };
    return row.imdbId ? byImdb(em, row.imdbId, row) : byTitle(em, row);
  }

  async function search(query: string, year: number | null): Promise<TmdbMovieSummary[]> {
    if (!usable()) throw new MatcherUnavailableError();
    try {
      return [...(await tmdb.searchMovies(query, year === null ? {} : { year })).results];
    } catch (err) {
      if (isTmdbError(err) && (err.kind === 'bad_request' || err.kind === 'not_found')) return [];
      rethrow(err);
    }
  }

  async function byTitle(em: Em, row: MatchRow, failedBefore?: ImportNote): Promise<MatchOutcome> {
    if (!row.title.trim()) return { status: 'not_found', confidence: null, notes: [failedBefore ?? { k: 'no_title' }] };
    // The local catalogue first: an exact title and year needs no TMDB call.
    const local = await em.find(
      Movie,
      {
        title: row.title,
        ...(row.year === null ? {} : { releaseDate: { $gte: `${row.year}-01-01`, $lte: `${row.year}-12-31` } }),
      },
      { fields: ['id', 'title', 'originalTitle', 'releaseDate', 'voteCount'], limit: 5 },
    );
    const localCandidates = local.map((m) => ({
      id: m.id,
      title: m.title,
      originalTitle: m.originalTitle ?? null,
      year: yearOf(m.releaseDate),
      voteCount: m.voteCount ?? 0,
    }));
    if (local.length === 1 && row.year !== null) {
      const outcome = chooseCandidate(row, localCandidates);
      if (outcome.status === 'matched') return outcome;
    }
    if (!tmdb.configured) {
      const outcome = chooseCandidate(row, localCandidates);
      return outcome.status === 'matched' ? outcome : { ...outcome, notes: [...outcome.notes, { k: 'tmdb_off' }] };
    }
    let results = await search(row.title, row.year);
    let outcome = chooseCandidate(row, [...localCandidates, ...results.map(summaryCandidate)]);
    // TMDB's year is the primary release; Letterboxd's may be a festival year or off by one: try without it.
    if (outcome.status === 'not_found' && row.year !== null) {
      const wider = await search(row.title, null);
      results = [...results, ...wider];
      outcome = chooseCandidate(row, [...localCandidates, ...results.map(summaryCandidate)]);
    }
    if (outcome.status === 'matched') {
      const chosen = results.find((r) => r.id === outcome.movieId);
      if (chosen) await deps.storeSummaries(em, [chosen]);
    }
    if (outcome.status !== 'matched' && failedBefore) return { ...outcome, notes: [failedBefore, ...outcome.notes] };
    return outcome;
  }

  return {
    /** Throws MatcherUnavailableError when TMDB cannot answer now (the caller retries the row later). */
    match(em: Em, row: MatchRow): Promise<MatchOutcome> {
      const key = row.tmdbId
        ? `tmdb:${row.tmdbId}`
        : row.imdbId
          ? `imdb:${row.imdbId}`
          : `t:${normaliseTitle(row.title)}|${row.year ?? ''}`;
      let p = memo.get(key);
      if (!p) {
        p = row.tmdbId ? byTmdbId(em, row.tmdbId, row) : row.imdbId ? byImdb(em, row.imdbId, row) : byTitle(em, row);
        memo.set(key, p);
        p.catch(() => memo.delete(key));
      }
      return p;
    },
  };
}
