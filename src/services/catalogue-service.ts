// The film catalogue: the `movies` table is the durable TMDB cache (rows expire after a TTL and are refreshed in the
// background); TMDB fills gaps when it is reachable, and everything falls back to local rows when it is not.
// Callers get MovieCards and UserFacingErrors, never TMDB's wire format or a raw TMDB failure.
import { LRUCache } from 'lru-cache';
import { TMDB_DEFAULTS } from '../config.ts';
import type { Em } from '../db.ts';
import { Movie, MovieAlternativeTitle } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import type { Locale } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { mergeRelated } from '../recommender/related.ts';
import { yearOf } from '../release-year.ts';
import { cut } from '../text.ts';
import { titleKey, titleKeySql, titleWithYear } from '../title-key.ts';
import { inLanguage, storedTitles, storeTitles, TMDB_LANGUAGE, usesCatalogueTitles } from './movie-titles.ts';
import { TMDB_GENRE_NAMES } from './tmdb/genres.ts';
import { DEFAULT_IMAGE_BASE, POSTER_SIZE, posterSizeFrom, posterUrl as posterUrlFor } from './tmdb/images.ts';
import { isTmdbError, type TmdbClient, TmdbError } from './tmdb/index.ts';
import type { TmdbMovieDetails, TmdbMovieSummary } from './tmdb/types.ts';

export interface MovieCard {
  readonly id: number;
  readonly title: string;
  readonly year: number | null;
  readonly releaseDate: string | null;
  readonly genres: string[];
  readonly voteAverage: number;
  readonly voteCount: number;
  readonly posterUrl: string | null;
  readonly runtime: number | null;
  readonly overview: string | null;
  readonly directors: string[];
  readonly cast: string[];
}

export interface AutocompleteChoice {
  readonly id: number;
  /** "Title (Year)", at most 100 characters (Discord's limit for a choice name). */
  readonly label: string;
}

export interface RefreshReport {
  readonly attempted: number;
  readonly refreshed: number;
  readonly notFound: number;
  readonly failed: number;
  /** True when the run stopped early because TMDB is unavailable. */
  readonly stoppedEarly: boolean;
}

export interface CreateCatalogueOptions {
  readonly tmdb: TmdbClient;
  readonly logger: Logger;
  /** How long fetched details are trusted (TMDB_CACHE_TTL_DAYS). */
  readonly ttlDays: number;
  readonly clock?: () => Date;
  readonly searchCache?: { readonly maxEntries?: number; readonly ttlMs?: number };
  /** Time TMDB gets inside a user-facing call (search, ensureMovie); Discord allows 3 s in total. */
  readonly interactiveBudgetMs?: number;
  /** Poster URLs are built by `posterUrl` (src/services/tmdb/images.ts) from this base, else TMDB's configuration's. */
  readonly imageBaseUrl?: string;
}

export interface Catalogue {
  /** `locale`: the reader's; titles come in their language where TMDB has them (src/services/movie-titles.ts). */
  search(em: Em, query: string, opts?: { year?: number; page?: number; locale?: Locale }): Promise<MovieCard[]>;
  autocomplete(em: Em, text: string, opts: { budgetMs: number; locale?: Locale }): Promise<AutocompleteChoice[]>;
  /**
   * The titles of `ids` in `locale`, where known: cached ones, and those TMDB gives within `budgetMs` (then cached).
   * Empty for English (the catalogue's own titles). Never throws for TMDB: a missing title shows in English.
   */
  titlesFor(em: Em, ids: readonly number[], locale: Locale, opts?: { budgetMs?: number }): Promise<Map<number, string>>;
  /** The cached row, fetched from TMDB when missing (or a stub). Throws UserFacingError unknown_movie / tmdb_unavailable. */
  ensureMovie(em: Em, tmdbId: number): Promise<Movie>;
  getDetails(em: Em, tmdbId: number): Promise<MovieCard>;
  /** Most popular local films (for onboarding); seeds stubs from TMDB's popular list when the table is nearly empty. */
  popular(em: Em, limit: number): Promise<MovieCard[]>;
  /**
   * Re-fetches up to `limit` rows that are past their expiry or were never fetched (stubs have no expiry); one
   * transaction per row. A film TMDB no longer has keeps its row and is not asked for again until the next TTL.
   */
  refreshStale(em: Em, limit: number): Promise<RefreshReport>;
  /** Marks rows TMDB reports as changed since `since` (max 14 days) as expired, so the refresher picks them up. */
  expireChanged(em: Em, since: Date): Promise<number>;
  /** Writes details into the movies row (insert or update) in one transaction. */
  storeDetails(em: Em, details: TmdbMovieDetails): Promise<Movie>;
  /** Stores search or find results as stub rows (the refresher completes them); existing rows are left alone. */
  storeSummaries(em: Em, results: readonly TmdbMovieSummary[]): Promise<void>;
  toCard(movie: Movie): MovieCard;
}

const MAX_CHOICES = 25;
/** Titles looked up from TMDB at once for one answer (a page of picks or results); the rest show in English. */
const MAX_TITLE_LOOKUPS = 10;
/** The indexed title key expression (movies_title_key_index); alternative titles store theirs (`key`). */
const TITLE_KEY = titleKeySql('"title"');
const MAX_LABEL = 100;
const MAX_KEYWORDS = 20;
const MAX_CAST = 10;
/** Alternative titles kept per film (TMDB lists up to about a hundred for the best-known films). */
const MAX_ALTERNATIVE_TITLES = 60;
const DAY_MS = 86_400_000;
/** What an autocomplete keeps for the TMDB round trip, whatever the database does (issue 10, R7). */
export const NETWORK_RESERVE_MS = 800;
/** Left at the end of an autocomplete budget for the answer to go out. */
const ANSWER_MARGIN_MS = 20;

function isoDate(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

/** JSON columns written before the entity fix may hold the string "[]"; treat anything but an array as empty. */
function names(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x: { name?: unknown }) => String(x?.name ?? '')).filter(Boolean) : [];
}

export function formatLabel(title: string, year: number | null): string {
  return titleWithYear(title, year, MAX_LABEL);
}

/** Escapes LIKE wildcards so user text matches literally. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A film's alternative titles worth keeping: one per title key, none with the key of its own title (it adds nothing),
 * at most MAX_ALTERNATIVE_TITLES, in TMDB's order.
 */
export function alternativeTitlesToKeep(
  title: string,
  alternatives: readonly { title: string }[],
): { key: string; title: string }[] {
  const keys = new Set([titleKey(title)]);
  const out: { key: string; title: string }[] = [];
  for (const a of alternatives) {
    const t = cut(a.title.trim(), 300);
    const key = cut(titleKey(t), 300);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    out.push({ key, title: t });
    if (out.length >= MAX_ALTERNATIVE_TITLES) break;
  }
  return out;
}

function normalise(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function createCatalogue(opts: CreateCatalogueOptions): Catalogue {
  const { tmdb } = opts;
  const log = opts.logger.child({ component: 'catalogue' });
  const clock = opts.clock ?? (() => new Date());
  const ttlMs = opts.ttlDays * DAY_MS;
  const budgetMs = opts.interactiveBudgetMs ?? 2_000;
  let imageBase = opts.imageBaseUrl ?? DEFAULT_IMAGE_BASE;
  let posterSize = POSTER_SIZE;
  // lru-cache (isaacs), the maintained LRU with per-entry TTL, instead of our own: expired entries are never served.
  const searchCache = new LRUCache<string, readonly TmdbMovieSummary[]>({
    max: opts.searchCache?.maxEntries ?? TMDB_DEFAULTS.searchCacheSize,
    ttl: opts.searchCache?.ttlMs ?? TMDB_DEFAULTS.searchCacheTtlSeconds * 1000,
  });
  // Identical concurrent lookups share one promise, but only with callers whose time budget is no longer than the
  // first caller's: a 300 ms autocomplete must not cut short a 2 s search of the same title.
  type Shared<T> = { readonly promise: Promise<T>; readonly budgetMs: number };
  const inflightSearch = new Map<string, Shared<readonly TmdbMovieSummary[]>>();
  const inflightDetails = new Map<number, Shared<TmdbMovieDetails>>();
  function share<K, T>(map: Map<K, Shared<T>>, key: K, budget: number, run: () => Promise<T>): Promise<T> {
    const current = map.get(key);
    if (current && current.budgetMs >= budget) return current.promise;
    const promise = run().finally(() => {
      if (map.get(key)?.promise === promise) map.delete(key);
    });
    map.set(key, { promise, budgetMs: budget });
    return promise;
  }
  let genreNames: ReadonlyMap<number, string> = TMDB_GENRE_NAMES;
  let genresLoaded = false;

  const posterUrl = (path: string | null | undefined) => posterUrlFor(path, imageBase, posterSize);

  function toCard(m: Movie): MovieCard {
    const releaseDate = isoDate(m.releaseDate);
    return {
      id: m.id,
      title: m.title,
      year: yearOf(releaseDate),
      releaseDate,
      genres: names(m.genres),
      voteAverage: Number(m.voteAverage ?? 0),
      voteCount: Number(m.voteCount ?? 0),
      posterUrl: posterUrl(m.posterPath),
      runtime: m.runtime ?? null,
      overview: m.overview ? m.overview : null,
      directors: names(m.directors),
      cast: names(m.cast),
    };
  }

  function summaryCard(s: TmdbMovieSummary): MovieCard {
    return {
      id: s.id,
      title: s.title,
      year: yearOf(s.releaseDate),
      releaseDate: s.releaseDate,
      genres: s.genreIds.map((id) => genreNames.get(id)).filter((n): n is string => n !== undefined),
      voteAverage: s.voteAverage,
      voteCount: s.voteCount,
      posterUrl: posterUrl(s.posterPath),
      runtime: null,
      overview: s.overview,
      directors: [],
      cast: [],
    };
  }

  function userError(err: unknown, action: 'lookup' | 'search'): UserFacingError {
    if (isTmdbError(err) && err.kind === 'not_found') {
      return UserFacingError.of('unknown_movie', 'movie.unknown', undefined, { cause: err });
    }
    return UserFacingError.of('tmdb_unavailable', 'tmdb.unavailable', { action }, { cause: err });
  }

  /** TMDB is worth trying: a key is set and the breaker is not open. */
  const tmdbUsable = () => tmdb.configured && tmdb.breakerState !== 'open';

  /** Genre names and the image base URL from TMDB, once; the built-in values serve until then (or if it fails). */
  async function loadReferenceData(): Promise<void> {
    if (genresLoaded || !tmdbUsable()) return;
    genresLoaded = true;
    try {
      const [list, configuration] = await Promise.all([
        tmdb.genres({ timeoutMs: budgetMs }),
        opts.imageBaseUrl ? Promise.resolve(null) : tmdb.configuration({ timeoutMs: budgetMs }),
      ]);
      genreNames = new Map([...TMDB_GENRE_NAMES, ...list.map((g) => [g.id, g.name] as const)]);
      if (configuration?.imageBaseUrl) imageBase = configuration.imageBaseUrl;
      if (configuration) posterSize = posterSizeFrom(configuration.posterSizes);
    } catch {
      genresLoaded = false; // try again later
    }
  }

  /** TMDB search results, from the LRU when fresh; identical concurrent searches share one request. */
  function tmdbSearch(
    query: string,
    year: number | undefined,
    page: number,
    timeoutMs: number,
    signal?: AbortSignal,
    locale: Locale = 'en-US',
  ) {
    // Cached per language: the same words give the same films, but their titles differ by language.
    const language = TMDB_LANGUAGE[locale];
    const key = `${normalise(query)}\u0000${year ?? ''}\u0000${page}\u0000${language}`;
    const cached = searchCache.get(key);
    if (cached) return Promise.resolve(cached);
    return share(inflightSearch, key, timeoutMs, () =>
      tmdb.searchMovies(query, { year, page, language }, { timeoutMs, signal }).then((r) => {
        searchCache.set(key, r.results);
        return r.results;
      }),
    );
  }

  /** Titles a search in `locale` returned are that language's: cached for cards, picks and DMs (best effort). */
  function keepTitles(em: Em, locale: Locale, results: readonly TmdbMovieSummary[]): Promise<void> {
    return storeTitles(em.fork(), locale, results, clock()).catch((err: unknown) =>
      log.warn({ err, locale }, 'could not cache localized titles'),
    );
  }

  async function titlesFor(
    em: Em,
    ids: readonly number[],
    locale: Locale,
    o: { budgetMs?: number } = {},
  ): Promise<Map<number, string>> {
    if (usesCatalogueTitles(locale) || ids.length === 0) return new Map();
    const known = await storedTitles(em, ids, locale);
    const missing = [...new Set(ids)].filter((id) => !known.has(id)).slice(0, MAX_TITLE_LOOKUPS);
    if (missing.length === 0 || !tmdbUsable()) return known;
    const timeoutMs = Math.max(50, Math.floor(o.budgetMs ?? budgetMs));
    const language = TMDB_LANGUAGE[locale];
    const found = await Promise.all(
      missing.map((id) => tmdb.movieTitle(id, language, { timeoutMs }).catch(() => null)),
    );
    const fetched = found.filter((f): f is { id: number; title: string } => f !== null);
    for (const f of fetched) known.set(f.id, f.title);
    await storeTitles(em.fork(), locale, fetched, clock()).catch((err: unknown) =>
      log.warn({ err, locale }, 'could not cache localized titles'),
    );
    return known;
  }

  /**
   * Ids of films whose title or one of whose alternative titles has a key LIKE `pattern`, most popular first. The
   * two arms of the union each use their own title-key index for a prefix pattern.
   */
  async function titleMatchIds(
    em: Em,
    pattern: string,
    limit: number,
    year: number | undefined,
    exclude: readonly number[],
  ): Promise<number[]> {
    const params: unknown[] = [pattern, pattern];
    let where = '';
    if (year !== undefined) {
      where += ' and m.release_date between ? and ?';
      params.push(`${year}-01-01`, `${year}-12-31`);
    }
    if (exclude.length > 0) {
      where += ` and m.id not in (${exclude.map(() => '?').join(',')})`;
      params.push(...exclude);
    }
    params.push(limit);
    const rows = await em.execute<{ id: number }[]>(
      `select m.id from movies m
        where m.id in (select id from movies where ${TITLE_KEY} like ?
                       union select movie_id from movie_alternative_titles where "key" like ?)${where}
        order by m.popularity desc, m.id asc
        limit ?`,
      params,
    );
    return rows.map((r) => Number(r.id));
  }

  /**
   * Local films whose title or alternative title (TMDB's: "seven" finds Se7en) has a key (no case, accents or
   * punctuation: src/title-key.ts) that starts with, then contains, the text's.
   */
  async function localMatches(em: Em, text: string, limit: number, year?: number): Promise<Movie[]> {
    const q = likeEscape(titleKey(text));
    if (!q) return [];
    const prefix = await titleMatchIds(em, `${q}%`, limit, year, []);
    const contains =
      prefix.length >= limit ? [] : await titleMatchIds(em, `%${q}%`, limit - prefix.length, year, prefix);
    const ids = [...prefix, ...contains];
    if (ids.length === 0) return [];
    const rows = new Map((await em.find(Movie, { id: { $in: ids } })).map((m) => [m.id, m]));
    return ids.map((id) => rows.get(id)).filter((m): m is Movie => m !== undefined);
  }

  async function fetchDetails(id: number, timeoutMs?: number): Promise<TmdbMovieDetails> {
    return share(inflightDetails, id, timeoutMs ?? Number.POSITIVE_INFINITY, () =>
      tmdb.movieDetails(id, { timeoutMs }),
    );
  }

  async function storeDetails(em: Em, d: TmdbMovieDetails): Promise<Movie> {
    const now = clock();
    const data = {
      id: d.id,
      title: cut(d.title, 300),
      originalTitle: d.originalTitle ? cut(d.originalTitle, 300) : null,
      releaseDate: d.releaseDate,
      genres: d.genres.map((g) => ({ id: g.id, name: g.name })),
      keywords: d.keywords.slice(0, MAX_KEYWORDS).map((k) => ({ id: k.id, name: k.name })),
      cast: d.cast.slice(0, MAX_CAST).map((c) => ({ ...c })),
      directors: d.directors.map((x) => ({ id: x.id, name: x.name })),
      collection: d.collection,
      related: mergeRelated(
        d.recommendations.map((m) => m.id),
        d.similar.map((m) => m.id),
      ),
      runtime: d.runtime !== null && d.runtime >= 0 && d.runtime < 32_000 ? d.runtime : null,
      originalLanguage: d.originalLanguage?.slice(0, 8) ?? null,
      popularity: d.popularity,
      voteAverage: d.voteAverage,
      voteCount: d.voteCount,
      posterPath: d.posterPath?.slice(0, 200) ?? null,
      overview: d.overview,
      imdbId: d.imdbId && d.imdbId.length <= 12 ? d.imdbId : null,
      fetchedAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
    };
    const fields = Object.keys(data).filter((k) => k !== 'id') as (keyof typeof data)[];
    // A fresh fork, so the transaction flushes nothing but this row (not the caller's unrelated pending changes).
    const alternatives = alternativeTitlesToKeep(data.title, d.alternativeTitles);
    const write = async (values: typeof data) =>
      em.fork().transactional(async (tem) => {
        await tem.upsert(Movie, values, {
          onConflictFields: ['id'],
          onConflictAction: 'merge',
          onConflictMergeFields: [...fields, 'updatedAt'] as never,
        });
        // The film's alternative titles are TMDB's current list: replaced with the details, in the same transaction.
        await tem.nativeDelete(MovieAlternativeTitle, { movie: d.id });
        if (alternatives.length > 0) {
          await tem.insertMany(
            MovieAlternativeTitle,
            alternatives.map((a) => ({ movie: d.id, key: a.key, title: a.title })),
          );
        }
      });
    try {
      await write(data);
    } catch (err) {
      if (!data.imdbId || !/imdb/i.test(String((err as Error).message))) throw err;
      // The IMDb id is taken. By this same film, written at the same moment by another caller (two inserts of a new
      // film race on the IMDb id's unique index, not on the id the upsert merges on): write again, which now merges.
      // By another film (TMDB merged two entries): keep ours without it.
      const owner = await em.fork().findOne(Movie, { imdbId: data.imdbId }, { fields: ['id'] });
      if (owner && owner.id !== d.id) {
        log.warn({ movieId: d.id, imdbId: data.imdbId }, 'IMDb id already used by another film; storing without it');
        await write({ ...data, imdbId: null });
      } else {
        await write(data);
      }
    }
    const row = await em.findOne(Movie, d.id, { refresh: true });
    if (!row) throw new Error(`movie ${d.id} vanished after upsert`);
    return row;
  }

  async function ensureMovie(em: Em, tmdbId: number): Promise<Movie> {
    if (!Number.isSafeInteger(tmdbId) || tmdbId <= 0) {
      throw UserFacingError.of('unknown_movie', 'movie.unknown');
    }
    const row = await em.findOne(Movie, tmdbId);
    if (row?.fetchedAt) return row;
    if (!tmdbUsable()) {
      if (row) return row; // a stub still has a title; details come with the refresher
      throw userError(
        new TmdbError(tmdb.configured ? 'circuit_open' : 'not_configured', '/3/movie/{movie_id}', 'unavailable'),
        'lookup',
      );
    }
    try {
      const details = await fetchDetails(tmdbId, budgetMs);
      return await storeDetails(em, details);
    } catch (err) {
      if (row && !(isTmdbError(err) && err.kind === 'not_found')) return row;
      if (!isTmdbError(err)) throw err;
      throw userError(err, 'lookup');
    }
  }

  async function search(
    em: Em,
    query: string,
    o: { year?: number; page?: number; locale?: Locale } = {},
  ): Promise<MovieCard[]> {
    const locale = o.locale ?? 'en-US';
    const text = query.trim();
    if (!text) return [];
    const page = Math.min(Math.max(1, Math.trunc(o.page ?? 1)), 500);
    let tmdbFailure: unknown;
    if (tmdbUsable()) {
      void loadReferenceData();
      try {
        const results = await tmdbSearch(text, o.year, page, budgetMs, undefined, locale);
        await keepTitles(em, locale, results);
        return results.map(summaryCard);
      } catch (err) {
        if (!isTmdbError(err)) throw err;
        tmdbFailure = err;
      }
    } else {
      tmdbFailure = new TmdbError(
        tmdb.configured ? 'circuit_open' : 'not_configured',
        '/3/search/movie',
        'unavailable',
      );
    }
    const local = page === 1 ? await localMatches(em, text, 20, o.year) : [];
    if (local.length === 0 && tmdb.configured) throw userError(tmdbFailure, 'search');
    const titles = await storedTitles(
      em,
      local.map((m) => m.id),
      locale,
    );
    return local.map((m) => inLanguage(toCard(m), m.id, titles));
  }

  /**
   * Local titles first, then TMDB's, within `budgetMs`. The TMDB search starts as soon as the local query shows it is
   * needed, and in any case no later than NETWORK_RESERVE_MS before the end of the budget: a slow database (a busy
   * PGlite) must not eat the time the network needs, or a fresh install (no local titles) would never get any.
   */
  async function autocomplete(
    em: Em,
    text: string,
    o: { budgetMs: number; locale?: Locale },
  ): Promise<AutocompleteChoice[]> {
    const locale = o.locale ?? 'en-US';
    const budget = Math.max(0, Math.floor(o.budgetMs));
    const deadline = performance.now() + budget;
    const remaining = () => Math.floor(deadline - performance.now());
    const q = text.trim();
    let local: Movie[] | null = null;
    let localTitles = new Map<number, string>();
    let remote: readonly TmdbMovieSummary[] = [];
    const controller = new AbortController();
    let tmdbCall: Promise<void> | null = null;
    const startTmdb = () => {
      if (tmdbCall || q.length < 2 || !tmdbUsable()) return;
      const left = remaining() - ANSWER_MARGIN_MS;
      if (left < 50) return;
      tmdbCall = tmdbSearch(q, undefined, 1, left, controller.signal, locale).then(
        (results) => {
          remote = results;
        },
        (err: unknown) => {
          if (!isTmdbError(err)) log.warn({ err }, 'autocomplete TMDB lookup failed');
        },
      );
    };
    const reserve = setTimeout(startTmdb, Math.max(0, budget - NETWORK_RESERVE_MS - ANSWER_MARGIN_MS));
    const work = (async () => {
      local = q ? await localMatches(em, q, MAX_CHOICES) : [];
      if (local.length < MAX_CHOICES) startTmdb();
      localTitles = await storedTitles(
        em,
        local.map((m) => m.id),
        locale,
      );
      await tmdbCall;
    })();
    work.catch((err: unknown) => log.warn({ err }, 'autocomplete failed'));
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, remaining()));
    });
    await Promise.race([work.catch(() => {}), outOfTime]);
    clearTimeout(timer);
    clearTimeout(reserve);
    controller.abort();

    const choices: AutocompleteChoice[] = [];
    const seen = new Set<number>();
    const add = (id: number, title: string, date: string | null) => {
      if (seen.has(id) || choices.length >= MAX_CHOICES) return;
      seen.add(id);
      choices.push({ id, label: formatLabel(title, yearOf(date)) });
    };
    // A film TMDB named in the reader's language beats the same film's English row.
    const remoteTitle = new Map(remote.map((r) => [r.id, r.title]));
    for (const m of (local as Movie[] | null) ?? [])
      add(m.id, remoteTitle.get(m.id) ?? localTitles.get(m.id) ?? m.title, isoDate(m.releaseDate));
    for (const r of remote) add(r.id, r.title, r.releaseDate);
    if (remote.length > 0) void keepTitles(em, locale, remote);
    return choices;
  }

  async function popular(em: Em, limit: number): Promise<MovieCard[]> {
    const n = Math.max(1, Math.min(100, Math.trunc(limit)));
    let rows = await em.find(Movie, {}, { orderBy: { popularity: 'desc', voteCount: 'desc', id: 'asc' }, limit: n });
    if (rows.length < n && tmdbUsable()) {
      try {
        const page = await tmdb.popular({ page: 1 }, { timeoutMs: budgetMs });
        await insertStubs(em, page.results);
        rows = await em.find(Movie, {}, { orderBy: { popularity: 'desc', voteCount: 'desc', id: 'asc' }, limit: n });
      } catch (err) {
        if (!isTmdbError(err)) throw err;
      }
    }
    return rows.map(toCard);
  }

  /** Summary rows for films we do not have yet; existing rows are left alone. One transaction. */
  async function insertStubs(em: Em, results: readonly TmdbMovieSummary[]): Promise<void> {
    if (results.length === 0) return;
    await em.fork().transactional(async (tem) => {
      await tem.upsertMany(
        Movie,
        results.map((s) => ({
          id: s.id,
          title: cut(s.title, 300),
          originalTitle: s.originalTitle ? cut(s.originalTitle, 300) : null,
          releaseDate: s.releaseDate,
          genres: s.genreIds
            .map((id) => ({ id, name: genreNames.get(id) }))
            .filter((g): g is { id: number; name: string } => g.name !== undefined),
          originalLanguage: s.originalLanguage?.slice(0, 8) ?? null,
          popularity: s.popularity,
          voteAverage: s.voteAverage,
          voteCount: s.voteCount,
          posterPath: s.posterPath?.slice(0, 200) ?? null,
          overview: s.overview,
        })),
        { onConflictFields: ['id'], onConflictAction: 'ignore' },
      );
    });
  }

  async function refreshStale(em: Em, limit: number): Promise<RefreshReport> {
    const now = clock();
    const rows = await em.find(
      Movie,
      { $or: [{ expiresAt: null }, { expiresAt: { $lte: now } }] },
      // Stubs (never fetched, no expiry) first, then the longest-expired; popular films first among equals.
      {
        orderBy: { expiresAt: 'asc nulls first', popularity: 'desc' },
        limit: Math.max(0, Math.trunc(limit)),
        fields: ['id'],
      },
    );
    let refreshed = 0;
    let notFound = 0;
    let failed = 0;
    let stoppedEarly = false;
    if (!tmdb.configured) return { attempted: 0, refreshed, notFound, failed, stoppedEarly: rows.length > 0 };
    // Fetches run concurrently (the client paces them); writes go one at a time in the background so a slow
    // database never holds up the next fetch, and one failed write does not stop the others.
    let writes: Promise<void> = Promise.resolve();
    const write = (fn: () => Promise<void>, movieId: number) => {
      writes = writes.then(fn).catch((err: unknown) => {
        failed++;
        log.error({ err, movieId }, 'storing refreshed movie failed');
      });
    };
    const tasks = rows.map((r) => async () => {
      if (tmdb.breakerState === 'open') {
        stoppedEarly = true;
        return;
      }
      try {
        const d = await fetchDetails(r.id);
        write(async () => {
          await storeDetails(em.fork(), d);
          refreshed++;
        }, r.id);
      } catch (err) {
        if (isTmdbError(err) && err.kind === 'not_found') {
          // Keep the row (ratings point at it) but stop asking for it until the next TTL.
          write(async () => {
            await em.fork().nativeUpdate(Movie, { id: r.id }, { expiresAt: new Date(clock().getTime() + ttlMs) });
            notFound++;
          }, r.id);
        } else {
          failed++;
          if (!isTmdbError(err)) log.error({ err, movieId: r.id }, 'refreshing movie failed');
        }
      }
    });
    // The client limits concurrency and rate; this only keeps the queue of waiting promises short.
    const workers = Array.from({ length: Math.min(32, tasks.length) }, async () => {
      for (let t = tasks.shift(); t; t = tasks.shift()) await t();
    });
    await Promise.all(workers);
    await writes;
    const report = { attempted: rows.length, refreshed, notFound, failed, stoppedEarly };
    log.info(report, 'refreshed stale movies');
    return report;
  }

  async function expireChanged(em: Em, since: Date): Promise<number> {
    const start = since.toISOString().slice(0, 10);
    const end = clock().toISOString().slice(0, 10);
    let expired = 0;
    for (let page = 1; page <= 500; page++) {
      const res = await tmdb.movieChanges({ startDate: start, endDate: end, page });
      const ids = res.results.map((c) => c.id);
      if (ids.length > 0) {
        expired += await em
          .fork()
          .nativeUpdate(Movie, { id: { $in: ids }, fetchedAt: { $ne: null } }, { expiresAt: clock() });
      }
      if (page >= res.totalPages) break;
    }
    return expired;
  }

  return {
    search,
    autocomplete,
    titlesFor,
    ensureMovie,
    async getDetails(em, tmdbId) {
      return toCard(await ensureMovie(em, tmdbId));
    },
    popular,
    refreshStale,
    expireChanged,
    storeDetails,
    storeSummaries: insertStubs,
    toCard,
  };
}
