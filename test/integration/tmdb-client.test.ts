// The client against the fake TMDB on a real socket: auth styles, every fault, retries, the breaker, the limits.
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { TmdbError } from '../../src/services/tmdb/index.ts';
import { startTmdbHarness, TEST_TOKEN, type TmdbHarness } from '../support/tmdb.ts';
import { TmdbSpec } from '../support/tmdb-spec.ts';

// No database here: run once (in the pglite project), not again on PostgreSQL.
const noDatabaseRun = inject('dbKind') === 'postgres';

let h: TmdbHarness;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

async function start(config: Parameters<typeof startTmdbHarness>[0] = {}) {
  h = await startTmdbHarness(config);
  return h;
}

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
const spec = noDatabaseRun ? undefined : new TmdbSpec();
afterEach(async () => {
  await h?.close();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
  // Whatever a test did, every request the client made is one TMDB's spec declares.
  for (const r of h?.fake.requests ?? []) {
    expect(spec?.checkRequest(r.method, r.path, r.query as Record<string, string>) ?? []).toEqual([]);
  }
});

async function failure(p: Promise<unknown>): Promise<TmdbError> {
  const err = await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TmdbError);
  return err as TmdbError;
}

describe.skipIf(noDatabaseRun)('auth', () => {
  it('when a read token is configured, then it is sent as a Bearer header and never in the URL', async () => {
    await start();
    await h.client.genres();
    const r = h.fake.requests.at(-1);
    expect(r?.auth).toBe('bearer');
    expect(r?.query.api_key).toBeUndefined();
  });

  it('when only an API key is configured, then it is sent as api_key', async () => {
    await start({ config: { readToken: undefined, apiKey: TEST_TOKEN } });
    expect(h.client.authStyle).toBe('api_key');
    await h.client.genres();
    expect(h.fake.requests.at(-1)).toMatchObject({ auth: 'api_key', status: 200 });
  });

  it.each([
    ['a bad read token', { readToken: 'wrong-token-123' }],
    ['a bad API key', { readToken: undefined, apiKey: 'wrong-key-456' }],
  ])(
    'when TMDB rejects %s, then calls fail as unauthorized, it is logged once, and the secret never appears',
    async (_n, cfg) => {
      await start({ config: cfg });
      const err = await failure(h.client.searchMovies('heat'));
      expect(err.kind).toBe('unauthorized');
      expect(h.fake.requests.filter((r) => r.status === 401)).toHaveLength(1); // no retry on 401
      await failure(h.client.genres()); // breaker is open now: fails fast, no second log line
      const rejected = h.log.lines.filter((l) => l.includes('TMDB key rejected'));
      expect(rejected).toHaveLength(1);
      expect(JSON.parse(rejected[0] as string).level).toBe(50);
      const secret = (cfg.readToken ?? cfg.apiKey) as string;
      expect(h.log.text()).not.toContain(secret);
      expect(err.message).not.toContain(secret);
      expect(JSON.stringify(err)).not.toContain(secret);
      expect(await h.client.checkAuthentication()).toMatchObject({ status: 'rejected' });
    },
  );

  it('when no key is configured, then every call fails with not_configured without a request', async () => {
    await start({ config: { readToken: undefined, apiKey: undefined } });
    expect(h.client.configured).toBe(false);
    expect((await failure(h.client.popular())).kind).toBe('not_configured');
    expect(await h.client.checkAuthentication()).toEqual({ status: 'no_key' });
    expect(h.fake.requests).toHaveLength(0);
  });
});

describe.skipIf(noDatabaseRun)('retries', () => {
  it('when TMDB answers 429 with Retry-After, then the client waits and retries', async () => {
    await start();
    h.fake.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 0.05 });
    const started = performance.now();
    const page = await h.client.popular();
    expect(page.results.length).toBe(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(h.fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('when Retry-After asks for longer than we wait, then the call fails as rate_limited at once', async () => {
    await start({ config: { maxRetryAfterMs: 100 } });
    h.fake.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 60 });
    expect((await failure(h.client.popular())).kind).toBe('rate_limited');
    expect(h.fake.requests).toHaveLength(1);
  });

  it.each([
    ['server_error', 'server'],
    ['reset', 'network'],
  ] as const)(
    'when TMDB keeps failing with %s, then it retries maxRetries times and fails as %s',
    async (fault, kind) => {
      await start();
      h.fake.faults.inject({ kind: fault, times: 10 });
      expect((await failure(h.client.genres())).kind).toBe(kind);
      expect(h.fake.requests).toHaveLength(3); // 1 + maxRetries (2)
    },
  );

  it.each(['server_error', 'reset', 'rate_limit'] as const)(
    'when one %s happens, then the retry succeeds',
    async (fault) => {
      await start();
      h.fake.faults.inject({ kind: fault, retryAfterSeconds: 0 });
      expect((await h.client.genres()).length).toBe(19);
      expect(h.fake.requests).toHaveLength(2);
    },
  );

  it.each([
    ['an unknown film (404)', () => h.client.movieDetails(123_456_789), 'not_found', 404],
    ['page 501 (422)', () => h.client.popular({ page: 501 }), 'bad_request', 422],
  ] as const)('when TMDB refuses %s, then there is no retry', async (_n, call, kind, status) => {
    await start();
    const err = await failure(call());
    expect(err).toMatchObject({ kind, status });
    expect(h.fake.requests).toHaveLength(1);
  });

  it('when the body is malformed JSON, then it is a logged malformed error, not a crash', async () => {
    await start();
    h.fake.faults.inject({ kind: 'malformed_json' });
    expect((await failure(h.client.searchMovies('heat'))).kind).toBe('malformed');
    expect(h.log.text()).toContain('TMDB response is not valid JSON');
  });

  it('when TMDB is slower than the timeout, then the call fails as timeout within the budget', async () => {
    await start({ config: { timeoutMs: 150, maxRetries: 0 } });
    h.fake.faults.latencyMs = 5_000;
    const started = performance.now();
    expect((await failure(h.client.genres())).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('when the caller gives a shorter budget, then the call ends at that budget', async () => {
    await start();
    h.fake.faults.latencyMs = 5_000;
    const started = performance.now();
    expect((await failure(h.client.genres({ timeoutMs: 100 }))).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(h.client.breakerState).toBe('closed'); // a caller's short budget says nothing about TMDB
  });

  it('when Retry-After is longer than the caller’s budget, then the call ends at the budget, not after the wait', async () => {
    await start({ config: { maxRetryAfterMs: 10_000 } });
    h.fake.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 5 });
    const started = performance.now();
    expect((await failure(h.client.genres({ timeoutMs: 150 }))).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('when nothing listens at the base URL, then calls fail as network errors', async () => {
    await start();
    const url = h.fake.url;
    await h.fake.stop();
    const { createTmdbClient } = await import('../../src/services/tmdb/index.ts');
    const client = createTmdbClient({ config: { ...h.config, baseUrl: url }, logger: h.log.logger });
    expect((await failure(client.genres())).kind).toBe('network');
    expect(await client.checkAuthentication()).toMatchObject({ status: 'unreachable' });
    await client.close();
  });
});

describe.skipIf(noDatabaseRun)('circuit breaker', () => {
  it('when TMDB keeps failing, then the breaker opens, calls fail fast, and a probe closes it after the cooldown', async () => {
    await start({ config: { maxRetries: 0, breakerFailureThreshold: 2, breakerCooldownMs: 600 } });
    h.fake.faults.inject({ kind: 'server_error', times: 2 });
    await failure(h.client.genres());
    await failure(h.client.genres());
    expect(h.client.breakerState).toBe('open');
    const started = performance.now();
    expect((await failure(h.client.genres())).kind).toBe('circuit_open');
    expect(performance.now() - started).toBeLessThan(250); // no request, no backoff
    expect(h.fake.requests).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 650));
    expect(h.client.breakerState).toBe('half_open');
    expect((await h.client.genres()).length).toBe(19);
    expect(h.client.breakerState).toBe('closed');
  });

  it('when the half-open probe fails, then the breaker opens again', async () => {
    await start({ config: { maxRetries: 0, breakerFailureThreshold: 1, breakerCooldownMs: 400 } });
    h.fake.faults.inject({ kind: 'server_error', times: 2 });
    await failure(h.client.genres());
    await new Promise((r) => setTimeout(r, 450));
    await failure(h.client.genres());
    expect(h.client.breakerState).toBe('open');
  });
});

describe.skipIf(noDatabaseRun)('limits and deduplication', () => {
  it('when 60 different requests are made at once, then at most maxInFlight reach TMDB together', async () => {
    await start({ config: { maxInFlight: 5 } });
    h.fake.faults.latencyMs = 20;
    await Promise.all(Array.from({ length: 60 }, (_, i) => h.client.searchMovies(`q${i}`)));
    expect(h.fake.concurrency.max).toBeLessThanOrEqual(5);
    expect(h.fake.concurrency.max).toBeGreaterThan(1);
    expect(h.fake.requests).toHaveLength(60);
  });

  it('when a shared identical request is cut short by one caller, then a caller with a longer budget still gets its answer', async () => {
    await start();
    h.fake.faults.latencyMs = 150;
    const short = h.client.searchMovies('alien', {}, { timeoutMs: 40 });
    const long = h.client.searchMovies('alien', {}, { timeoutMs: 2_000 });
    expect((await failure(short)).kind).toBe('timeout');
    expect((await long).results[0]?.id).toBe(348);
  });

  it('when identical requests are made concurrently, then TMDB sees one', async () => {
    await start();
    h.fake.faults.latencyMs = 30;
    const pages = await Promise.all(Array.from({ length: 5 }, () => h.client.searchMovies('alien')));
    expect(new Set(pages.map((p) => p.results[0]?.id))).toEqual(new Set([348]));
    expect(h.fake.requests).toHaveLength(1);
  });
});

describe.skipIf(noDatabaseRun)('parsing', () => {
  it('when details come back, then they are plain types with credits, keywords, alternative titles and related films', async () => {
    await start();
    const d = await h.client.movieDetails(238);
    expect(d).toMatchObject({
      id: 238,
      title: 'The Godfather',
      releaseDate: '1972-03-14',
      runtime: 175,
      imdbId: 'tt0068646',
    });
    expect(d.directors).toEqual([{ id: 1776, name: 'Francis Ford Coppola' }]);
    expect(d.cast[0]).toMatchObject({ name: 'Marlon Brando', order: 0 });
    expect(d.keywords.map((k) => k.name)).toContain('mafia');
    expect(d.alternativeTitles).toContainEqual({ country: 'DE', title: 'Der Pate', type: null });
    expect(d.recommendations.map((r) => r.id)).toContain(240);
    expect(d.similar.length).toBeGreaterThan(0);
    expect(h.fake.requests[0]?.query.append_to_response).toBe(
      'credits,keywords,videos,release_dates,alternative_titles,recommendations,similar',
    );
    // One request: alternative titles come appended, and watch providers (every region) are not fetched with details.
    expect(h.fake.requests).toHaveLength(1);
    expect(d).not.toHaveProperty('watchProviders');
  });

  it('when a film’s providers are asked for one region, then only that region is kept of the every-region answer', async () => {
    await start();
    const body = (await (
      await fetch(`${h.fake.url}/3/movie/238/watch/providers`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } })
    ).json()) as { results: Record<string, unknown> };
    // TMDB answers with every region it knows; the fake too.
    expect(Object.keys(body.results).length).toBeGreaterThan(1);
    const gb = await h.client.movieWatchProviders(238, ['GB']);
    expect(Object.keys(gb)).toEqual(['GB']);
    expect(Object.keys(await h.client.movieWatchProviders(238, ['US', 'FR'])).sort()).toEqual(['FR', 'US']);
    expect(await h.client.movieWatchProviders(238, ['ZW'])).toEqual({});
  });

  it('when discovering with providers, then only films on those providers in that region come back', async () => {
    await start();
    const page = await h.client.discover({ withWatchProviders: [90002], watchRegion: 'US', withGenres: [18] });
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.results.every((r) => r.id % 3 === 0 && r.genreIds.includes(18))).toBe(true);
    const none = await h.client.discover({ withWatchProviders: [90002], watchRegion: 'FR' });
    expect(none.results).toEqual([]);
  });

  it('when finding by IMDb id and listing changes, then the results are typed', async () => {
    await start();
    expect((await h.client.findByImdbId('tt0113277'))?.title).toBe('Heat');
    expect(await h.client.findByImdbId('tt0000000')).toBeNull();
    h.fake.changedIds.add(949);
    expect((await h.client.movieChanges()).results).toEqual([{ id: 949, adult: false }]);
    expect((await h.client.trendingWeek()).results.length).toBe(20);
    expect((await h.client.configuration()).imageBaseUrl).toBe('https://image.tmdb.org/t/p/');
  });

  it('when search pages through results, then paging follows TMDB (20 a page, total_pages)', async () => {
    await start();
    const p1 = await h.client.searchMovies('the');
    expect(p1.results).toHaveLength(20);
    expect(p1.totalPages).toBe(Math.ceil(p1.totalResults / 20));
    const last = await h.client.searchMovies('the', { page: p1.totalPages });
    expect(last.results.length).toBe(p1.totalResults - 20 * (p1.totalPages - 1));
  });
});

describe.skipIf(noDatabaseRun)('tmdb:check', () => {
  it.each([
    ['a good token', {}, 'ok', 0, /^OK: /],
    ['a bad token', { readToken: 'nope-token-999' }, 'rejected', 1, /^Rejected: .*401/],
    ['a bad API key', { readToken: undefined, apiKey: 'nope-key-999' }, 'rejected', 1, /^Rejected: /],
    ['no key', { readToken: undefined, apiKey: undefined }, 'no_key', 2, /^No key: /],
  ] as const)('when checking %s, then the answer is %s', async (_n, cfg, status, exitCode, first) => {
    await start();
    const { runTmdbCheck } = await import('../../src/services/tmdb/tmdb-check.ts');
    const r = await runTmdbCheck({ ...h.config, ...cfg }, h.log.logger);
    expect(r).toMatchObject({ status, exitCode });
    expect(r.lines[0]).toMatch(first);
    expect(r.lines.join('\n')).not.toMatch(/nope-(token|key)-999/);
  });

  it('when TMDB cannot be reached, then the answer is unreachable', async () => {
    await start();
    await h.fake.stop();
    const { runTmdbCheck } = await import('../../src/services/tmdb/tmdb-check.ts');
    expect(await runTmdbCheck(h.config, h.log.logger)).toMatchObject({ status: 'unreachable', exitCode: 3 });
  });
});
