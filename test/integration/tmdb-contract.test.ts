// The fake TMDB and our client both keep to TMDB's published OpenAPI spec: every fake response validates against
// the spec's response schema, and every request the client makes uses a declared path and declared parameters.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DETAILS_APPEND } from '../../src/services/tmdb/index.ts';
import { startTmdbHarness, TEST_TOKEN, type TmdbHarness } from '../support/tmdb.ts';
import { TmdbSpec } from '../support/tmdb-spec.ts';

// No database here: run once (in the pglite project), not again on PostgreSQL.
describe.skipIf(inject('dbKind') === 'postgres')('TMDB contract', () => {
  let h: TmdbHarness;
  let spec: TmdbSpec;
  beforeAll(async () => {
    spec = new TmdbSpec();
    h = await startTmdbHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function get(pathAndQuery: string, token = TEST_TOKEN): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${h.fake.url}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  }

  const responses: [string, string][] = [
    ['/3/authentication', '/3/authentication'],
    ['/3/configuration', '/3/configuration'],
    ['/3/genre/movie/list', '/3/genre/movie/list?language=en-US'],
    ['/3/search/movie', '/3/search/movie?query=the&page=2'],
    ['/3/search/movie', '/3/search/movie?query=nothing-matches-this'],
    ['/3/movie/{movie_id}', '/3/movie/949'],
    // Titles in a language (issue 17): a translated one where the fake has it, the original otherwise.
    ['/3/movie/{movie_id}', '/3/movie/129?language=ja-JP'],
    ['/3/movie/{movie_id}', '/3/movie/949?language=de-DE'],
    ['/3/search/movie', '/3/search/movie?query=Spirited&language=ja-JP'],
    ['/3/movie/{movie_id}/recommendations', '/3/movie/949/recommendations'],
    ['/3/movie/{movie_id}/similar', '/3/movie/949/similar?page=1'],
    ['/3/movie/{movie_id}/credits', '/3/movie/949/credits'],
    ['/3/movie/{movie_id}/keywords', '/3/movie/949/keywords'],
    ['/3/movie/{movie_id}/videos', '/3/movie/949/videos'],
    ['/3/movie/{movie_id}/release_dates', '/3/movie/949/release_dates'],
    ['/3/movie/{movie_id}/watch/providers', '/3/movie/238/watch/providers'],
    ['/3/movie/{movie_id}/watch/providers', '/3/movie/105/watch/providers'],
    ['/3/movie/{movie_id}/alternative_titles', '/3/movie/807/alternative_titles'],
    ['/3/movie/{movie_id}/alternative_titles', '/3/movie/807/alternative_titles?country=DE'],
    ['/3/movie/{movie_id}/alternative_titles', '/3/movie/949/alternative_titles'],
    ['/3/watch/providers/movie', '/3/watch/providers/movie?watch_region=US&language=en-US'],
    ['/3/watch/providers/movie', '/3/watch/providers/movie?watch_region=ZW'],
    ['/3/watch/providers/movie', '/3/watch/providers/movie'],
    ['/3/watch/providers/regions', '/3/watch/providers/regions'],
    ['/3/discover/movie', '/3/discover/movie?with_genres=80&sort_by=vote_average.desc&vote_count.gte=1000'],
    ['/3/discover/movie', '/3/discover/movie?with_watch_providers=90001&watch_region=US'],
    ['/3/trending/movie/{time_window}', '/3/trending/movie/week'],
    ['/3/movie/popular', '/3/movie/popular?page=3'],
    ['/3/find/{external_id}', '/3/find/tt0113277?external_source=imdb_id'],
    ['/3/movie/changes', '/3/movie/changes'],
  ];

  it.each(responses)(
    'when the fake answers %s (%s), then the body validates against the spec',
    async (template, url) => {
      const { status, body } = await get(url);
      expect(status).toBe(200);
      expect(spec.templateOf(url.split('?')[0] as string)).toBe(template);
      expect(spec.validate(template, body)).toEqual([]);
    },
  );

  it('when details are asked for with every append, then each appended part validates against its own endpoint', async () => {
    const { body } = await get(`/3/movie/238?append_to_response=${DETAILS_APPEND.join(',')}`);
    const b = body as Record<string, unknown>;
    const { credits, keywords, videos, release_dates, alternative_titles, recommendations, similar, ...base } = b;
    expect(spec.validate('/3/movie/{movie_id}', base)).toEqual([]);
    const parts: [string, unknown][] = [
      ['/3/movie/{movie_id}/credits', credits],
      ['/3/movie/{movie_id}/keywords', keywords],
      ['/3/movie/{movie_id}/videos', videos],
      ['/3/movie/{movie_id}/release_dates', release_dates],
      ['/3/movie/{movie_id}/alternative_titles', alternative_titles],
      ['/3/movie/{movie_id}/recommendations', recommendations],
      ['/3/movie/{movie_id}/similar', similar],
    ];
    for (const [template, part] of parts) {
      expect(part, template).toBeDefined();
      expect(spec.validate(template, part)).toEqual([]);
    }
    // The fake still serves what the client no longer appends (TMDB would), valid as its own endpoint's body.
    const providers = (await get('/3/movie/238?append_to_response=watch/providers')).body as Record<string, unknown>;
    expect(spec.validate('/3/movie/{movie_id}/watch/providers', providers['watch/providers'])).toEqual([]);
  });

  it('when a film’s alternative titles are asked for, then they are its other names, filtered by country, and search finds it by them', async () => {
    const all = (await get('/3/movie/807/alternative_titles')).body as { id: number; titles: { title: string }[] };
    expect(all.id).toBe(807);
    expect(all.titles.map((t) => t.title)).toContain('Seven');
    const de = (await get('/3/movie/807/alternative_titles?country=DE')).body as typeof all;
    expect(de.titles).toEqual([{ iso_3166_1: 'DE', title: 'Sieben', type: '' }]);
    // The spec's /3/search/movie: "Search for movies by their original, translated and alternative titles."
    const found = (await get('/3/search/movie?query=seven')).body as { results: { id: number }[] };
    expect(found.results[0]?.id).toBe(807);
    const pate = (await get('/3/search/movie?query=der%20pate')).body as { results: { id: number }[] };
    expect(pate.results.map((r) => r.id)).toEqual([238]);
  });

  it('when a film is asked for its providers, then each region lists every way to watch with display priorities', async () => {
    // 105 is a multiple of 3 (Demo Plus streams it in the US) and of 7 (Popcorn Free): every kind at once.
    const { body } = await get('/3/movie/105/watch/providers');
    const us = (body as { results: Record<string, Record<string, { provider_name: string }[]>> }).results.US;
    expect(Object.keys(us ?? {}).sort()).toEqual(['ads', 'buy', 'flatrate', 'free', 'link', 'rent']);
    expect(us?.flatrate?.map((p) => p.provider_name)).toEqual(['Demo Plus']);
    const again = await get('/3/movie/105/watch/providers');
    expect(again.body).toEqual(body);
    const list = (await get('/3/watch/providers/movie?watch_region=US')).body as { results: unknown[] };
    expect(list.results.length).toBeGreaterThan(25);
  });

  it('when the token is wrong, then the 401 body matches the spec and TMDB’s error shape', async () => {
    const { status, body } = await get('/3/authentication', 'wrong');
    expect(status).toBe(401);
    expect(spec.validate('/3/authentication', body, '401')).toEqual([]);
    expect(body).toMatchObject({ success: false, status_code: 7 });
  });

  it.each([
    ['an unknown film', '/3/movie/999999999', 404, 34, undefined],
    ['page 501', '/3/movie/popular?page=501', 422, 22, undefined],
    ['an injected 429', '/3/movie/popular', 429, 25, 'rate_limit'],
    ['an injected 500', '/3/movie/popular', 500, 11, 'server_error'],
  ] as const)(
    'when the fake answers %s with an error, then the body has TMDB’s error shape',
    async (_n, url, status, code, fault) => {
      if (fault) h.fake.faults.inject({ kind: fault });
      const res = await get(url);
      expect(res.status).toBe(status);
      // The spec declares TMDB's error body once (on /3/authentication 401); every TMDB error uses that shape.
      expect(spec.validate('/3/authentication', res.body, '401')).toEqual([]);
      expect(res.body).toMatchObject({ success: false, status_code: code });
    },
  );

  it('when a title is asked for in a language, then TMDB’s translated title comes back, and the original where there is none', async () => {
    expect((await h.client.movieTitle(129, 'ja-JP')).title).toBe('千と千尋の神隠し');
    expect((await h.client.movieTitle(278, 'de-DE')).title).toBe('Die Verurteilten');
    expect((await h.client.movieTitle(949, 'de-DE')).title).toBe('Heat');
    const found = await h.client.searchMovies('die verurteilten', { language: 'de-DE' });
    expect(found.results[0]).toMatchObject({ id: 278, title: 'Die Verurteilten' });
  });

  it('when the client calls every endpoint, then each request uses a declared path and declared parameters', async () => {
    const before = h.fake.requests.length;
    const c = h.client;
    await c.configuration();
    await c.genres();
    await c.searchMovies('heat', { year: 1995, page: 1 });
    await c.searchMovies('die verurteilten', { language: 'de-DE' });
    await c.movieTitle(129, 'ja-JP');
    await c.movieDetails(949);
    await c.recommendations(949, { page: 1 });
    await c.similar(949, { page: 1 });
    await c.discover({
      withGenres: [80, 18],
      withoutGenres: [16],
      fromYear: 1990,
      toYear: 1999,
      minVoteCount: 100,
      maxRuntime: 180,
      originalLanguage: 'en',
      sortBy: 'vote_average.desc',
      withWatchProviders: [90001, 90002],
      watchRegion: 'US',
      withWatchMonetizationTypes: ['flatrate'],
      page: 1,
    });
    await c.trendingWeek();
    await c.popular({ page: 2 });
    await c.findByImdbId('tt0113277');
    await c.movieChanges({ startDate: '2026-11-01', endDate: '2026-11-10', page: 1 });
    await c.checkAuthentication();
    await c.movieWatchProviders(238, ['US']);
    await c.watchProviders('GB');
    await c.watchRegions();
    const made = h.fake.requests.slice(before);
    expect(made).toHaveLength(17);
    for (const r of made) {
      expect(r.status, r.path).toBe(200);
      expect(spec.checkRequest(r.method, r.path, r.query as Record<string, string>)).toEqual([]);
    }
  });

  it('when the spec checker sees an undeclared parameter, then it reports it (the check can fail)', () => {
    expect(spec.checkRequest('GET', '/3/search/movie', { query: 'x', sort: 'y' })).toEqual([
      '/3/search/movie: query parameter sort is not declared',
    ]);
    expect(spec.checkRequest('GET', '/3/nope', {})).toHaveLength(1);
    expect(spec.validate('/3/search/movie', { page: 'one', results: [] })).not.toEqual([]);
  });
});
