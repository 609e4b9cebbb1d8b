// A fake TMDB on a real socket (127.0.0.1): the endpoints Marquee uses, TMDB's paging and error bodies, token checks
// for both auth styles, and faults on demand. Response shapes follow ../shared/reference/tmdb-api.json (contract
// tests validate them). Fields TMDB's schema types as plain strings are omitted rather than sent as null.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEMO_MOVIES, type DemoMovie, TMDB_MOVIE_GENRES } from '../../src/data/demo-catalogue.ts';
import { createRelatedIndex, type RelatedKind, relatedFactsOf } from '../../src/data/related-lists.ts';
import { loadTmdb5000 } from './csv.ts';
import { TRANSLATED_TITLES, translatedTitle } from './translated-titles.ts';
import { FAKE_WATCH_REGIONS, movieWatchProviders, providerIdsIn, providerList } from './watch-providers.ts';

export type FaultKind = 'rate_limit' | 'server_error' | 'malformed_json' | 'reset';

export interface FaultRule {
  readonly kind: FaultKind;
  /** How many matching requests fail; Infinity until cleared. Default 1. */
  times?: number;
  /** Only requests whose path starts with this (e.g. `/3/search/movie`). */
  readonly pathPrefix?: string;
  /** For `rate_limit`: the Retry-After header in seconds (default 1). */
  readonly retryAfterSeconds?: number;
}

export interface FaultControls {
  /** Added to every response (including faults), in milliseconds. */
  latencyMs: number;
  /** Queue a fault; rules are consumed in the order they were added. */
  inject(rule: FaultRule): void;
  /** Remove every rule and the added latency. */
  clear(): void;
  readonly rules: readonly FaultRule[];
}

export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/3/movie/949`. */
  readonly path: string;
  /** Query parameters (api_key included, as sent). */
  readonly query: Readonly<Record<string, string>>;
  readonly auth: 'bearer' | 'api_key' | 'none';
  status: number;
  fault?: FaultKind;
}

export interface StartFakeTmdbOptions {
  /** `demo` (default), the TMDB 5000 CSV read at start-up from the given path, or films given directly. */
  readonly catalogue?: 'demo' | { readonly tmdb5000Csv: string } | { readonly movies: readonly DemoMovie[] };
  /** The one token accepted, as a Bearer read token or as `api_key`. Default `fake-tmdb-token`. */
  readonly token?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
}

export interface FakeTmdb {
  readonly url: string;
  readonly faults: FaultControls;
  readonly requests: RecordedRequest[];
  /** The films served, by id. */
  readonly movies: ReadonlyMap<number, DemoMovie>;
  /** Ids `/3/movie/changes` reports. */
  readonly changedIds: Set<number>;
  /** Requests being handled now, and the most ever at once (to check the client's in-flight limit). */
  readonly concurrency: { readonly current: number; readonly max: number; reset(): void };
  stop(): Promise<void>;
}

export const FAKE_TMDB_TOKEN = 'fake-tmdb-token';
const PAGE_SIZE = 20;
const MAX_PAGE = 500;

class HttpError extends Error {
  readonly status: number;
  readonly statusCode: number;
  constructor(status: number, statusCode: number, message: string) {
    super(message);
    this.status = status;
    this.statusCode = statusCode;
  }
}
const notFound = () => new HttpError(404, 34, 'The resource you requested could not be found.');
const invalidPage = () =>
  new HttpError(422, 22, 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.');

function parsePage(q: URLSearchParams): number {
  const raw = q.get('page');
  if (raw === null || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw invalidPage();
  return n;
}

function paged<T>(items: readonly T[], page: number, size = PAGE_SIZE) {
  const totalPages = Math.min(Math.ceil(items.length / size), MAX_PAGE);
  return {
    page,
    results: items.slice((page - 1) * size, page * size),
    total_pages: totalPages,
    total_results: items.length,
  };
}

/** A film in a result list; `language` (the request's) picks a translated title where the fake has one. */
function summary(m: DemoMovie, language: string | null = null) {
  const out: Record<string, unknown> = {
    adult: false,
    genre_ids: [...m.genreIds],
    id: m.id,
    original_language: m.originalLanguage,
    original_title: m.originalTitle,
    overview: m.overview,
    popularity: m.popularity,
    release_date: m.releaseDate,
    title: translatedTitle(m.id, language) ?? m.title,
    video: false,
    vote_average: m.voteAverage,
    vote_count: m.voteCount,
  };
  return out;
}

const genreName = new Map(TMDB_MOVIE_GENRES.map((g) => [g.id, g.name]));
const year = (m: DemoMovie) => (m.releaseDate ? Number(m.releaseDate.slice(0, 4)) : null);

function byPopularity(a: DemoMovie, b: DemoMovie): number {
  return b.popularity - a.popularity || a.id - b.id;
}

/** TMDB's search ignores case and accents ("amelie" finds Amélie); the spec does not say how, so this folds both. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export async function startFakeTmdb(opts: StartFakeTmdbOptions = {}): Promise<FakeTmdb> {
  const token = opts.token ?? FAKE_TMDB_TOKEN;
  const list =
    opts.catalogue === undefined || opts.catalogue === 'demo'
      ? [...DEMO_MOVIES]
      : 'movies' in opts.catalogue
        ? [...opts.catalogue.movies]
        : loadTmdb5000(opts.catalogue.tmdb5000Csv);
  const movies = new Map(list.map((m) => [m.id, m]));
  const foldAll = (m: DemoMovie) => ({
    title: fold(m.title),
    originalTitle: fold(m.originalTitle),
    // "Search for movies by their original, translated and alternative titles" (GET /3/search/movie).
    alternatives: [
      ...m.alternativeTitles.map((a) => fold(a.title)),
      ...Object.values(TRANSLATED_TITLES[m.id] ?? {}).map(fold),
    ],
  });
  const foldedTitles = new Map(list.map((m) => [m.id, foldAll(m)]));
  const folded = (m: DemoMovie) => foldedTitles.get(m.id) ?? foldAll(m);
  const byImdb = new Map(list.filter((m) => m.imdbId).map((m) => [m.imdbId as string, m]));
  const popularOrder = [...list].sort(byPopularity);
  const changedIds = new Set<number>();
  const requests: RecordedRequest[] = [];
  const rules: FaultRule[] = [];
  const faults: FaultControls = {
    latencyMs: 0,
    inject(rule) {
      rules.push({ times: 1, ...rule });
    },
    clear() {
      rules.length = 0;
      faults.latencyMs = 0;
    },
    rules,
  };

  function takeFault(path: string): FaultRule | undefined {
    const i = rules.findIndex((r) => !r.pathPrefix || path.startsWith(r.pathPrefix));
    if (i < 0) return undefined;
    const rule = rules[i] as FaultRule;
    rule.times = (rule.times ?? 1) - 1;
    if (rule.times <= 0) rules.splice(i, 1);
    return rule;
  }

  function credits(m: DemoMovie) {
    return {
      id: m.id,
      cast: m.cast.map((p, order) => ({
        adult: false,
        gender: 0,
        id: p.id,
        known_for_department: 'Acting',
        name: p.name,
        original_name: p.name,
        popularity: 1,
        cast_id: order + 1,
        character: '',
        credit_id: `c${m.id}x${p.id}`,
        order,
      })),
      crew: m.directors.map((p) => ({
        adult: false,
        gender: 0,
        id: p.id,
        known_for_department: 'Directing',
        name: p.name,
        original_name: p.name,
        popularity: 1,
        credit_id: `d${m.id}x${p.id}`,
        department: 'Directing',
        job: 'Director',
      })),
    };
  }

  const relatedIds = createRelatedIndex(list.map(relatedFactsOf));
  function related(m: DemoMovie, kind: RelatedKind): DemoMovie[] {
    return relatedIds(m.id, kind).map((id) => movies.get(id)!);
  }

  const appendParts: Record<string, (m: DemoMovie, q: URLSearchParams) => unknown> = {
    credits,
    keywords: (m) => ({ id: m.id, keywords: m.keywords.map((k) => ({ id: k.id, name: k.name })) }),
    videos: (m) => ({ id: m.id, results: [] }),
    release_dates: (m) => ({
      id: m.id,
      results: m.releaseDate
        ? [
            {
              iso_3166_1: 'US',
              release_dates: [
                {
                  certification: '',
                  iso_639_1: '',
                  note: '',
                  release_date: `${m.releaseDate}T00:00:00.000Z`,
                  type: 3,
                },
              ],
            },
          ]
        : [],
    }),
    'watch/providers': (m) => movieWatchProviders(m.id),
    // tmdb-api.json, GET /3/movie/{movie_id}/alternative_titles: `country` (ISO 3166-1) filters the list.
    alternative_titles: (m, q) => {
      const country = q.get('country');
      return {
        id: m.id,
        titles: m.alternativeTitles
          .filter((a) => !country || a.country === country)
          .map((a) => ({ iso_3166_1: a.country, title: a.title, type: a.type })),
      };
    },
  };

  function relatedPage(m: DemoMovie, kind: 'recommendations' | 'similar', q: URLSearchParams) {
    const p = paged(related(m, kind), parsePage(q));
    return { ...p, results: p.results.map((r) => summary(r, q.get('language'))) };
  }

  function details(m: DemoMovie, q: URLSearchParams) {
    const body: Record<string, unknown> = {
      adult: false,
      budget: 0,
      genres: m.genreIds.map((id) => ({ id, name: genreName.get(id) ?? 'Unknown' })),
      id: m.id,
      origin_country: [],
      original_language: m.originalLanguage,
      original_title: m.originalTitle,
      overview: m.overview,
      popularity: m.popularity,
      production_companies: [],
      production_countries: [],
      release_date: m.releaseDate,
      revenue: 0,
      runtime: m.runtime,
      spoken_languages: [],
      status: 'Released',
      tagline: '',
      title: translatedTitle(m.id, q.get('language')) ?? m.title,
      video: false,
      vote_average: m.voteAverage,
      vote_count: m.voteCount,
    };
    if (m.imdbId) body.imdb_id = m.imdbId;
    const append = (q.get('append_to_response') ?? '').split(',').filter(Boolean);
    for (const part of append.slice(0, 20)) {
      if (part === 'recommendations' || part === 'similar') {
        body[part] = relatedPage(m, part, new URLSearchParams());
      } else if (appendParts[part]) {
        // An appended part gets none of its own endpoint's parameters (the details endpoint declares none of them).
        const { id: _id, ...rest } = appendParts[part](m, new URLSearchParams()) as Record<string, unknown>;
        body[part] = rest;
      }
    }
    return body;
  }

  /** How well a film's names match: 0 a name is the query, 1 a name starts with it, 2 contains it, null none. */
  function matchRank(m: DemoMovie, query: string): number | null {
    const f = folded(m);
    const names = [f.title, f.originalTitle, ...f.alternatives];
    if (names.some((n) => n === query)) return 0;
    if (names.some((n) => n.startsWith(query))) return 1;
    return names.some((n) => n.includes(query)) ? 2 : null;
  }

  // tmdb-api.json, GET /3/search/movie: "Search for movies by their original, translated and alternative titles."
  function search(q: URLSearchParams) {
    const query = fold((q.get('query') ?? '').trim());
    const page = parsePage(q);
    if (!query) return paged([], page);
    const y = Number(q.get('primary_release_year') ?? q.get('year') ?? Number.NaN);
    const matches = list
      .filter((m) => !Number.isInteger(y) || year(m) === y)
      .map((m) => ({ m, rank: matchRank(m, query) }))
      .filter((x): x is { m: DemoMovie; rank: number } => x.rank !== null)
      .sort((a, b) => a.rank - b.rank || byPopularity(a.m, b.m))
      .map((x) => x.m);
    const p = paged(matches, page);
    return { ...p, results: p.results.map((r) => summary(r, q.get('language'))) };
  }

  function discover(q: URLSearchParams) {
    const page = parsePage(q);
    let out = [...list];
    const withGenres = q.get('with_genres');
    if (withGenres) {
      const any = withGenres.includes('|');
      const ids = withGenres.split(/[|,]/).map(Number);
      out = out.filter((m) =>
        any ? ids.some((g) => m.genreIds.includes(g)) : ids.every((g) => m.genreIds.includes(g)),
      );
    }
    const without = q.get('without_genres');
    if (without) {
      const ids = without.split(/[|,]/).map(Number);
      out = out.filter((m) => !ids.some((g) => m.genreIds.includes(g)));
    }
    const gte = q.get('primary_release_date.gte') ?? q.get('release_date.gte');
    const lte = q.get('primary_release_date.lte') ?? q.get('release_date.lte');
    if (gte) out = out.filter((m) => m.releaseDate !== '' && m.releaseDate >= gte);
    if (lte) out = out.filter((m) => m.releaseDate !== '' && m.releaseDate <= lte);
    const minVotes = Number(q.get('vote_count.gte') ?? 0);
    if (minVotes > 0) out = out.filter((m) => m.voteCount >= minVotes);
    const maxRuntime = Number(q.get('with_runtime.lte') ?? 0);
    if (maxRuntime > 0) out = out.filter((m) => m.runtime > 0 && m.runtime <= maxRuntime);
    const lang = q.get('with_original_language');
    if (lang) out = out.filter((m) => m.originalLanguage === lang);
    const providers = q.get('with_watch_providers');
    if (providers) {
      const region = q.get('watch_region');
      const any = providers.includes('|');
      const ids = providers.split(/[|,]/).map(Number);
      const kinds = (q.get('with_watch_monetization_types') ?? '').split(/[|,]/).filter(Boolean);
      // TMDB filters on providers only together with a watch_region (the spec says so of with_watch_providers).
      out = out.filter((m) => {
        if (!region) return false;
        const has = providerIdsIn(m.id, region, kinds);
        return any ? ids.some((p) => has.includes(p)) : ids.every((p) => has.includes(p));
      });
    }
    const sort = q.get('sort_by') ?? 'popularity.desc';
    const [field, dir] = sort.split('.') as [string, string | undefined];
    const key: Record<string, (m: DemoMovie) => number | string> = {
      popularity: (m) => m.popularity,
      vote_average: (m) => m.voteAverage,
      vote_count: (m) => m.voteCount,
      primary_release_date: (m) => m.releaseDate,
      release_date: (m) => m.releaseDate,
      title: (m) => m.title,
      original_title: (m) => m.originalTitle,
    };
    const k = key[field] ?? key.popularity;
    if (k) {
      const sign = dir === 'asc' ? 1 : -1;
      out.sort((a, b) => {
        const x = k(a);
        const y2 = k(b);
        return (x < y2 ? -1 : x > y2 ? 1 : 0) * sign || a.id - b.id;
      });
    }
    const p = paged(out, page);
    return { ...p, results: p.results.map((r) => summary(r, q.get('language'))) };
  }

  function route(path: string, q: URLSearchParams): unknown {
    if (path === '/3/authentication') return { success: true, status_code: 1, status_message: 'Success.' };
    if (path === '/3/configuration') {
      return {
        images: {
          base_url: 'http://image.tmdb.org/t/p/',
          secure_base_url: 'https://image.tmdb.org/t/p/',
          backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
          logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
          poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
          profile_sizes: ['w45', 'w185', 'h632', 'original'],
          still_sizes: ['w92', 'w185', 'w300', 'original'],
        },
        change_keys: ['genres', 'keywords', 'overview', 'release_dates', 'runtime', 'title'],
      };
    }
    if (path === '/3/genre/movie/list') return { genres: TMDB_MOVIE_GENRES.map((g) => ({ ...g })) };
    if (path === '/3/watch/providers/regions') return { results: FAKE_WATCH_REGIONS.map((r) => ({ ...r })) };
    if (path === '/3/watch/providers/movie') return providerList(q.get('watch_region') || null);
    if (path === '/3/search/movie') return search(q);
    if (path === '/3/discover/movie') return discover(q);
    if (path === '/3/movie/popular') {
      const p = paged(popularOrder, parsePage(q));
      return { ...p, results: p.results.map((r) => summary(r, q.get('language'))) };
    }
    if (path === '/3/movie/changes') {
      const ids = [...changedIds].sort((a, b) => a - b).map((id) => ({ id, adult: false }));
      return paged(ids, parsePage(q), 100);
    }
    let match = /^\/3\/trending\/movie\/(day|week)$/.exec(path);
    if (match) {
      const p = paged(popularOrder, parsePage(q));
      return { ...p, results: p.results.map((r) => ({ ...summary(r, q.get('language')), media_type: 'movie' })) };
    }
    match = /^\/3\/find\/([^/]+)$/.exec(path);
    if (match) {
      if (q.get('external_source') !== 'imdb_id') {
        throw new HttpError(400, 5, 'Invalid parameters: Your request parameters are incorrect.');
      }
      const m = byImdb.get(decodeURIComponent(match[1] as string));
      return {
        movie_results: m ? [{ ...summary(m, q.get('language')), media_type: 'movie' }] : [],
        person_results: [],
        tv_results: [],
        tv_episode_results: [],
        tv_season_results: [],
      };
    }
    match =
      /^\/3\/movie\/(\d+)(?:\/(credits|keywords|videos|release_dates|watch\/providers|alternative_titles|recommendations|similar))?$/.exec(
        path,
      );
    if (match) {
      const m = movies.get(Number(match[1]));
      if (!m) throw notFound();
      const part = match[2];
      if (!part) return details(m, q);
      if (part === 'recommendations' || part === 'similar') return relatedPage(m, part, q);
      return appendParts[part]?.(m, q);
    }
    throw notFound();
  }

  function authOf(req: IncomingMessage, q: URLSearchParams): { kind: RecordedRequest['auth']; ok: boolean } {
    const header = req.headers.authorization;
    if (header) return { kind: 'bearer', ok: header === `Bearer ${token}` };
    const key = q.get('api_key');
    if (key !== null) return { kind: 'api_key', ok: key === token };
    return { kind: 'none', ok: false };
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json;charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  }

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let current = 0;
  let max = 0;
  const concurrency = {
    get current() {
      return current;
    },
    get max() {
      return max;
    },
    reset() {
      max = current;
    },
  };
  const server = createServer((req, res) => {
    current++;
    max = Math.max(max, current);
    let counted = true;
    const done = () => {
      if (counted) {
        counted = false;
        current--;
      }
    };
    res.once('close', done);
    const url = new URL(req.url ?? '/', 'http://fake-tmdb');
    const q = url.searchParams;
    const auth = authOf(req, q);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(q),
      auth: auth.kind,
      status: 0,
    };
    requests.push(record);
    const respond = () => {
      if (res.destroyed) return;
      const fault = takeFault(url.pathname);
      if (fault) {
        record.fault = fault.kind;
        if (fault.kind === 'reset') {
          record.status = -1;
          req.socket.destroy();
          return;
        }
        if (fault.kind === 'rate_limit') {
          record.status = 429;
          send(
            res,
            429,
            {
              status_code: 25,
              status_message: 'Your request count (41) is over the allowed limit of (40).',
              success: false,
            },
            { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
          );
          return;
        }
        if (fault.kind === 'server_error') {
          record.status = 500;
          send(res, 500, {
            status_code: 11,
            status_message: 'Internal error: Something went wrong, contact TMDB.',
            success: false,
          });
          return;
        }
        record.status = 200;
        res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
        res.end('{"page":1,"results":[{"id":949,"title":"Heat"');
        return;
      }
      if (req.method !== 'GET') {
        record.status = 405;
        send(res, 405, { status_code: 3, status_message: 'Method not allowed.', success: false });
        return;
      }
      if (!auth.ok) {
        record.status = 401;
        send(res, 401, {
          status_code: 7,
          status_message: 'Invalid API key: You must be granted a valid key.',
          success: false,
        });
        return;
      }
      try {
        const body = route(url.pathname, q);
        record.status = 200;
        send(res, 200, body);
      } catch (err) {
        if (err instanceof HttpError) {
          record.status = err.status;
          send(res, err.status, { status_code: err.statusCode, status_message: err.message, success: false });
        } else {
          record.status = 500;
          send(res, 500, {
            status_code: 11,
            status_message: 'Internal error: Something went wrong, contact TMDB.',
            success: false,
          });
        }
      }
    };
    if (faults.latencyMs > 0) {
      const t = setTimeout(() => {
        timers.delete(t);
        respond();
      }, faults.latencyMs);
      timers.add(t);
    } else {
      respond();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    movies,
    changedIds,
    concurrency,
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
