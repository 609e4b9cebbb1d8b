// The TMDB client: undici with an injected dispatcher, composed with undici's own retry and deduplicate
// interceptors plus our rate limiter; an in-flight limit and a circuit breaker around each call; every response
// parsed into our plain types. Failures surface as TmdbError, never as a crash or an unparsed body.
import { Agent, type Dispatcher, interceptors } from 'undici';
import type { TmdbConfig } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { scrubSecrets } from '../../logger.ts';
import { TmdbError, type TmdbErrorKind } from './errors.ts';
import {
  MalformedResponse,
  parseChangesPage,
  parseConfiguration,
  parseFindMovie,
  parseGenres,
  parseMovieDetails,
  parseMoviePage,
  parseMovieTitle,
  parseMovieWatchProviders,
  parseProviderList,
  parseRegions,
  parseTmdbErrorBody,
} from './parse.ts';
import {
  type BreakerState,
  CircuitBreaker,
  type Clock,
  RateLimiter,
  RETRY_ERROR_CODES,
  RETRY_STATUS_CODES,
  rateLimitInterceptor,
  retryPolicy,
  Semaphore,
} from './resilience.ts';
import type {
  DiscoverParams,
  NamedRef,
  TmdbChange,
  TmdbConfiguration,
  TmdbMovieDetails,
  TmdbMovieSummary,
  TmdbPage,
  TmdbProvider,
  TmdbRegion,
  TmdbWatchProviders,
} from './types.ts';

export const DETAILS_APPEND = [
  'credits',
  'keywords',
  'videos',
  'release_dates',
  'alternative_titles',
  'recommendations',
  'similar',
] as const;

export interface RequestOptions {
  /** The caller gives up when this aborts (e.g. Discord's interaction budget). */
  readonly signal?: AbortSignal;
  /** Total time for this call including retries; never more than the configured timeout. */
  readonly timeoutMs?: number;
}

export type AuthCheck =
  | { readonly status: 'ok' }
  | { readonly status: 'no_key' }
  | { readonly status: 'rejected'; readonly message: string }
  | { readonly status: 'unreachable'; readonly message: string };

export interface TmdbClient {
  /** False when neither a read token nor an API key is configured: every call then fails with `not_configured`. */
  readonly configured: boolean;
  readonly authStyle: 'bearer' | 'api_key' | 'none';
  readonly breakerState: BreakerState;
  configuration(o?: RequestOptions): Promise<TmdbConfiguration>;
  genres(o?: RequestOptions): Promise<NamedRef[]>;
  /** `language` (TMDB's, e.g. `de-DE`): titles in that language where TMDB has them; the client's default otherwise. */
  searchMovies(
    query: string,
    p?: { year?: number; page?: number; language?: string },
    o?: RequestOptions,
  ): Promise<TmdbPage<TmdbMovieSummary>>;
  /** The film's title in `language` (TMDB's original/English title when it has no translation). */
  movieTitle(id: number, language: string, o?: RequestOptions): Promise<{ id: number; title: string }>;
  /**
   * Details with credits, keywords, videos, release dates, alternative titles, recommendations and similar in one
   * call (`append_to_response`, which the spec allows for any endpoint under the film). Watch providers
   * are not appended: they come per region from `movieWatchProviders`, and nothing keeps the other regions.
   */
  movieDetails(id: number, o?: RequestOptions): Promise<TmdbMovieDetails>;
  recommendations(id: number, p?: { page?: number }, o?: RequestOptions): Promise<TmdbPage<TmdbMovieSummary>>;
  similar(id: number, p?: { page?: number }, o?: RequestOptions): Promise<TmdbPage<TmdbMovieSummary>>;
  discover(p: DiscoverParams, o?: RequestOptions): Promise<TmdbPage<TmdbMovieSummary>>;
  trendingWeek(o?: RequestOptions): Promise<TmdbPage<TmdbMovieSummary>>;
  popular(p?: { page?: number }, o?: RequestOptions): Promise<TmdbPage<TmdbMovieSummary>>;
  /** The film with this IMDb id (`tt0113277`), or null. */
  findByImdbId(imdbId: string, o?: RequestOptions): Promise<TmdbMovieSummary | null>;
  /** Ids of films changed in the window (dates `YYYY-MM-DD`, at most 14 days apart). */
  movieChanges(
    p?: { startDate?: string; endDate?: string; page?: number },
    o?: RequestOptions,
  ): Promise<TmdbPage<TmdbChange>>;
  /**
   * Where the film can be watched in the asked regions (ISO 3166-1; others TMDB sends are dropped while parsing):
   * JustWatch's data through TMDB. A region without offers is absent.
   */
  movieWatchProviders(
    id: number,
    regions: readonly string[],
    o?: RequestOptions,
  ): Promise<Record<string, TmdbWatchProviders>>;
  /** The providers TMDB knows in a region, by its display priority. */
  watchProviders(region: string, o?: RequestOptions): Promise<TmdbProvider[]>;
  /** The regions TMDB has watch-provider data for. */
  watchRegions(o?: RequestOptions): Promise<TmdbRegion[]>;
  /** Checks the configured key against `GET /3/authentication`; never throws. Bypasses the breaker. */
  checkAuthentication(o?: RequestOptions): Promise<AuthCheck>;
  close(): Promise<void>;
}

export interface CreateTmdbClientOptions {
  readonly config: TmdbConfig;
  readonly logger: Logger;
  /** Defaults to a private Agent (see createTmdbAgent). Never the global dispatcher. */
  readonly dispatcher?: Dispatcher;
  readonly now?: Clock;
  readonly random?: () => number;
}

/** The default connection pool: at most `maxInFlight` sockets, connect and per-phase timeouts from config. */
export function createTmdbAgent(config: TmdbConfig): Agent {
  return new Agent({
    connections: config.maxInFlight,
    connect: { timeout: config.connectTimeoutMs },
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    keepAliveTimeout: 10_000,
  });
}

type Query = Record<string, string | number | boolean | undefined>;

/**
 * A caller's time budget as whole milliseconds within [1, max]. `AbortSignal.timeout` accepts only integers (a budget
 * computed from `performance.now()` is fractional, and throws ERR_OUT_OF_RANGE), and nothing may wait longer than the
 * configured timeout.
 */
export function wholeMs(requested: number | undefined, max: number): number {
  const ms = requested === undefined || Number.isNaN(requested) ? max : Math.min(requested, max);
  return Math.max(1, Math.floor(ms));
}

function isAbort(err: unknown): boolean {
  const e = err as { code?: unknown; name?: string };
  return e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.code === 'UND_ERR_ABORTED';
}

export function createTmdbClient(options: CreateTmdbClientOptions): TmdbClient {
  const { config: cfg } = options;
  const log = options.logger.child({ component: 'tmdb' });
  const authStyle: TmdbClient['authStyle'] = cfg.readToken ? 'bearer' : cfg.apiKey ? 'api_key' : 'none';
  const base = new URL(cfg.baseUrl);
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  const ownsDispatcher = options.dispatcher === undefined;
  const raw = options.dispatcher ?? createTmdbAgent(cfg);
  const retry = {
    maxRetries: cfg.maxRetries,
    baseDelayMs: cfg.retryBaseDelayMs,
    maxDelayMs: cfg.retryMaxDelayMs,
    maxRetryAfterMs: cfg.maxRetryAfterMs,
    random: options.random,
  };
  // Innermost first: cached DNS (so retries do not re-resolve), the rate limiter (every attempt is paced), undici's
  // retry with our jittered policy, and undici's deduplication outermost (identical GETs in flight go out once).
  const dispatcher = raw.compose(
    interceptors.dns({ maxTTL: 60_000 }),
    rateLimitInterceptor(new RateLimiter({ ratePerSecond: cfg.requestsPerSecond, now: options.now })),
    interceptors.retry({
      retry: retryPolicy(retry) as never,
      maxRetries: retry.maxRetries,
      methods: ['GET', 'HEAD'],
      statusCodes: [...RETRY_STATUS_CODES],
      errorCodes: [...RETRY_ERROR_CODES],
    }),
    interceptors.deduplicate({ methods: ['GET'] }),
  );
  const inFlight = new Semaphore(cfg.maxInFlight);
  const breaker = new CircuitBreaker({
    failureThreshold: cfg.breakerFailureThreshold,
    cooldownMs: cfg.breakerCooldownMs,
    now: options.now,
    onChange: (from, to) =>
      (to === 'open' ? log.warn.bind(log) : log.info.bind(log))({ from, to }, `TMDB circuit breaker ${to}`),
  });
  let keyRejectedLogged = false;

  function fail(
    kind: TmdbErrorKind,
    endpoint: string,
    message: string,
    extra: { status?: number; cause?: unknown } = {},
  ) {
    return new TmdbError(kind, endpoint, scrubSecrets(message), extra);
  }

  async function send<T>(
    endpoint: string,
    path: string,
    query: Query,
    parse: (x: unknown) => T,
    o: RequestOptions = {},
    useBreaker = true,
  ): Promise<T> {
    if (authStyle === 'none') throw fail('not_configured', endpoint, 'No TMDB read token or API key is configured');
    const budget = wholeMs(o.timeoutMs, cfg.timeoutMs);
    // Our own configured timeout firing says something about TMDB; a caller's shorter budget does not.
    const timeoutCounts = budget >= cfg.timeoutMs;
    if (useBreaker && !breaker.tryAcquire()) {
      throw fail('circuit_open', endpoint, 'TMDB failed recently; not trying again yet');
    }
    let verdict: 'success' | 'failure' | 'neutral' | 'trip' = 'neutral';
    let release: (() => void) | undefined;
    // Everything after taking a breaker slot happens inside this try: its finally always gives a verdict, so a
    // half-open breaker's single probe slot can never be lost (which would leave TMDB cut off until a restart).
    try {
      const ownTimeout = AbortSignal.timeout(budget);
      const signal = o.signal ? AbortSignal.any([o.signal, ownTimeout]) : ownTimeout;
      try {
        release = await inFlight.acquire(signal);
      } catch (cause) {
        throw fail('timeout', endpoint, `Timed out waiting for a free TMDB slot after ${budget} ms`, { cause });
      }
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
      if (authStyle === 'api_key') qs.set('api_key', cfg.apiKey as string);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (authStyle === 'bearer') headers.authorization = `Bearer ${cfg.readToken}`;
      const q = qs.toString();
      let status = 0;
      let text = '';
      try {
        const request = async () => {
          const res = await dispatcher.request({
            origin,
            path: `${basePath}${path}${q ? `?${q}` : ''}`,
            method: 'GET',
            headers,
            signal,
          });
          status = res.statusCode;
          text = await res.body.text();
        };
        try {
          await request();
        } catch (err) {
          // Deduplication shares one request between identical callers; if *another* caller's budget cut it short,
          // our own signal is still live, so we make the request again on our own account.
          if (signal.aborted || !isAbort(err)) throw err;
          await request();
        }
      } catch (err) {
        const e = err as { code?: unknown; statusCode?: number; name?: string };
        const code = typeof e.code === 'string' ? e.code : undefined;
        const undiciTimeout = code?.endsWith('_TIMEOUT') ?? false;
        if (signal.aborted || isAbort(err) || undiciTimeout) {
          if (timeoutCounts || undiciTimeout) verdict = 'failure';
          throw fail('timeout', endpoint, `TMDB did not answer within ${budget} ms`, { cause: err });
        }
        verdict = 'failure';
        if (e.statusCode === 429) throw fail('rate_limited', endpoint, 'TMDB kept rate-limiting us', { status: 429 });
        if (e.statusCode !== undefined && e.statusCode >= 500) {
          throw fail('server', endpoint, `TMDB answered ${e.statusCode}`, { status: e.statusCode });
        }
        throw fail('network', endpoint, `Could not reach TMDB (${code ?? 'network error'})`, { cause: err });
      }
      if (status >= 200 && status < 300) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (cause) {
          verdict = 'failure';
          log.warn({ endpoint, status, bytes: text.length }, 'TMDB response is not valid JSON');
          throw fail('malformed', endpoint, 'TMDB sent a body that is not JSON', { status, cause });
        }
        try {
          const parsed = parse(json);
          verdict = 'success';
          keyRejectedLogged = false;
          return parsed;
        } catch (cause) {
          if (!(cause instanceof MalformedResponse)) throw cause;
          verdict = 'failure';
          log.warn({ endpoint, status, problem: cause.message }, 'TMDB response has an unexpected shape');
          throw fail('malformed', endpoint, `TMDB response has an unexpected shape: ${cause.message}`, {
            status,
            cause,
          });
        }
      }
      let body: { statusCode: number; statusMessage: string } | null = null;
      try {
        body = parseTmdbErrorBody(JSON.parse(text));
      } catch {
        body = null;
      }
      const detail = body ? `${status} (${body.statusCode}: ${body.statusMessage})` : String(status);
      if (status === 401) {
        verdict = 'trip';
        if (!keyRejectedLogged) {
          keyRejectedLogged = true;
          log.error(
            { endpoint, status, tmdbStatusCode: body?.statusCode, authStyle },
            'TMDB key rejected: check TMDB_READ_TOKEN / TMDB_API_KEY (run npm run tmdb:check)',
          );
        }
        throw fail('unauthorized', endpoint, `TMDB rejected the key: ${detail}`, { status });
      }
      if (status === 429) {
        verdict = 'failure';
        throw fail('rate_limited', endpoint, `TMDB rate-limited us: ${detail}`, { status });
      }
      if (status >= 500) {
        verdict = 'failure';
        throw fail('server', endpoint, `TMDB answered ${detail}`, { status });
      }
      verdict = 'success'; // TMDB is up and answered; the request itself was wrong or the film does not exist
      if (status === 404) throw fail('not_found', endpoint, `TMDB has no such resource: ${detail}`, { status });
      throw fail('bad_request', endpoint, `TMDB refused the request: ${detail}`, { status });
    } catch (err) {
      if (err instanceof TmdbError) {
        // While the breaker is open every call fails the same way; the breaker's own transition was logged once.
        const level = err.kind === 'not_found' || err.kind === 'circuit_open' ? 'debug' : 'warn';
        log[level]({ endpoint, kind: err.kind, status: err.status }, 'TMDB call failed');
        throw err;
      }
      verdict = 'failure';
      throw err;
    } finally {
      release?.();
      if (useBreaker) {
        if (verdict === 'success') breaker.success();
        else if (verdict === 'failure') breaker.failure();
        else if (verdict === 'trip') breaker.trip();
        else breaker.neutral();
      }
    }
  }

  const lang = cfg.language;
  const page = (p?: number) => (p === undefined ? undefined : p);
  const yearRange = (from?: number, to?: number) => ({
    'primary_release_date.gte': from === undefined ? undefined : `${from}-01-01`,
    'primary_release_date.lte': to === undefined ? undefined : `${to}-12-31`,
  });

  return {
    configured: authStyle !== 'none',
    authStyle,
    get breakerState() {
      return breaker.state;
    },
    configuration: (o) => send('/3/configuration', '/3/configuration', {}, parseConfiguration, o),
    genres: (o) => send('/3/genre/movie/list', '/3/genre/movie/list', { language: lang }, parseGenres, o),
    searchMovies: (query, p = {}, o) =>
      send(
        '/3/search/movie',
        '/3/search/movie',
        { query, include_adult: false, language: p.language ?? lang, year: p.year, page: page(p.page) },
        parseMoviePage,
        o,
      ),
    movieTitle: (id, language, o) =>
      send('/3/movie/{movie_id}', `/3/movie/${encodeURIComponent(String(id))}`, { language }, parseMovieTitle, o),
    movieDetails: (id, o) =>
      send(
        '/3/movie/{movie_id}',
        `/3/movie/${encodeURIComponent(String(id))}`,
        { append_to_response: DETAILS_APPEND.join(','), language: lang },
        parseMovieDetails,
        o,
      ),
    recommendations: (id, p = {}, o) =>
      send(
        '/3/movie/{movie_id}/recommendations',
        `/3/movie/${encodeURIComponent(String(id))}/recommendations`,
        { language: lang, page: page(p.page) },
        parseMoviePage,
        o,
      ),
    similar: (id, p = {}, o) =>
      send(
        '/3/movie/{movie_id}/similar',
        `/3/movie/${encodeURIComponent(String(id))}/similar`,
        { language: lang, page: page(p.page) },
        parseMoviePage,
        o,
      ),
    discover: (p, o) =>
      send(
        '/3/discover/movie',
        '/3/discover/movie',
        {
          include_adult: false,
          language: lang,
          with_genres: p.withGenres?.length
            ? p.withGenres.join(',')
            : p.withAnyGenres?.length
              ? p.withAnyGenres.join('|')
              : undefined,
          without_genres: p.withoutGenres?.length ? p.withoutGenres.join(',') : undefined,
          ...yearRange(p.fromYear, p.toYear),
          'vote_count.gte': p.minVoteCount,
          'with_runtime.lte': p.maxRuntime,
          with_original_language: p.originalLanguage,
          sort_by: p.sortBy ?? 'popularity.desc',
          with_watch_providers: p.withWatchProviders?.length ? p.withWatchProviders.join('|') : undefined,
          watch_region: p.watchRegion,
          with_watch_monetization_types: p.withWatchMonetizationTypes?.length
            ? p.withWatchMonetizationTypes.join('|')
            : undefined,
          page: page(p.page),
        },
        parseMoviePage,
        o,
      ),
    trendingWeek: (o) =>
      send('/3/trending/movie/{time_window}', '/3/trending/movie/week', { language: lang }, parseMoviePage, o),
    popular: (p = {}, o) =>
      send('/3/movie/popular', '/3/movie/popular', { language: lang, page: page(p.page) }, parseMoviePage, o),
    findByImdbId: (imdbId, o) =>
      send(
        '/3/find/{external_id}',
        `/3/find/${encodeURIComponent(imdbId)}`,
        { external_source: 'imdb_id', language: lang },
        parseFindMovie,
        o,
      ),
    movieChanges: (p = {}, o) =>
      send(
        '/3/movie/changes',
        '/3/movie/changes',
        { start_date: p.startDate, end_date: p.endDate, page: page(p.page) },
        parseChangesPage,
        o,
      ),
    movieWatchProviders: (id, regions, o) =>
      send(
        '/3/movie/{movie_id}/watch/providers',
        `/3/movie/${encodeURIComponent(String(id))}/watch/providers`,
        {},
        (x) => parseMovieWatchProviders(x, regions),
        o,
      ),
    watchProviders: (region, o) =>
      send(
        '/3/watch/providers/movie',
        '/3/watch/providers/movie',
        { language: lang, watch_region: region },
        parseProviderList,
        o,
      ),
    watchRegions: (o) =>
      send('/3/watch/providers/regions', '/3/watch/providers/regions', { language: lang }, parseRegions, o),
    async checkAuthentication(o) {
      if (authStyle === 'none') return { status: 'no_key' };
      try {
        await send('/3/authentication', '/3/authentication', {}, (x) => x, o, false);
        return { status: 'ok' };
      } catch (err) {
        if (err instanceof TmdbError && err.kind === 'unauthorized')
          return { status: 'rejected', message: err.message };
        return { status: 'unreachable', message: scrubSecrets(err instanceof Error ? err.message : String(err)) };
      }
    },
    async close() {
      if (ownsDispatcher) await raw.close();
    },
  };
}
