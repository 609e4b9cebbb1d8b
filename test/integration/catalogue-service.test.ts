import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Movie } from '../../src/entities/index.ts';
import { UserFacingError } from '../../src/errors.ts';
import { startCatalogueRefresher } from '../../src/services/catalogue-refresher.ts';
import { type Catalogue, createCatalogue } from '../../src/services/catalogue-service.ts';
import { createTmdbClient } from '../../src/services/tmdb/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie } from '../support/factories.ts';
import { captureLogger, startTmdbHarness, type TmdbHarness, testTmdbConfig } from '../support/tmdb.ts';

const db = useTestDatabase();
const HEAT = 949;

describe('catalogue', () => {
  let h: TmdbHarness;
  let now: Date;
  let catalogue: Catalogue;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  // A fresh fake and client per test: a fault in one test must not leave the circuit breaker open for the next.
  beforeEach(async () => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
    h = await startTmdbHarness();
    now = new Date('2026-11-01T12:00:00Z');
    catalogue = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7, clock: () => now });
  });
  afterEach(async () => {
    await h.close();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('when a film is missing locally, then ensureMovie fetches it once and stores every detail', async () => {
    // Latency keeps TMDB's answer slower than both database look-ups, so the two calls really overlap.
    h.fake.faults.latencyMs = 150;
    const before = h.fake.requests.length;
    const [a, b] = await Promise.all([catalogue.ensureMovie(db.em(), HEAT), catalogue.ensureMovie(db.em(), HEAT)]);
    expect(a.title).toBe('Heat');
    expect(b.id).toBe(HEAT);
    expect(h.fake.requests.slice(before).filter((r) => r.path === '/3/movie/949')).toHaveLength(1);
    const row = await db.em().findOneOrFail(Movie, HEAT);
    expect(row.directors.map((d) => d.name)).toEqual(['Michael Mann']);
    expect(row.cast[0]?.name).toBe('Al Pacino');
    expect(row.genres.map((g) => g.name)).toContain('Crime');
    expect(row.keywords.length).toBeGreaterThan(0);
    expect(row.runtime).toBe(170);
    expect(row.imdbId).toBe('tt0113277');
    expect(row.fetchedAt?.toISOString()).toBe(now.toISOString());
    expect(row.expiresAt?.toISOString()).toBe('2026-11-08T12:00:00.000Z');
  });

  it('when two processes fetch the same new film at once, then it keeps its IMDb id; another film with it keeps it', async () => {
    // Two catalogues (as two bot processes would) do not share their fetches, so both insert the new film at once:
    // the inserts race on the IMDb id's unique index, and the loser must merge into the same film, not drop the id.
    const other = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7, clock: () => now });
    h.fake.faults.latencyMs = 50;
    for (let round = 0; round < 5; round++) {
      await db.em().nativeDelete(Movie, { id: HEAT });
      const [a, b] = await Promise.all([catalogue.ensureMovie(db.em(), HEAT), other.ensureMovie(db.em(), HEAT)]);
      expect([a.imdbId, b.imdbId]).toEqual(['tt0113277', 'tt0113277']);
      expect((await db.em().findOneOrFail(Movie, HEAT)).imdbId).toBe('tt0113277');
    }
    // A different film already holding that IMDb id (TMDB merged two entries) keeps it; Heat is stored without it.
    await db.em().nativeDelete(Movie, { id: HEAT });
    await insertMovie(db.em(), 999_001, 'Heat (duplicate entry)', { imdbId: 'tt0113277' });
    expect((await catalogue.ensureMovie(db.em(), HEAT)).imdbId).toBeNull();
    expect((await db.em().findOneOrFail(Movie, 999_001)).imdbId).toBe('tt0113277');
  });

  it('when a German reader needs titles, then TMDB is asked in de-DE once per film and the answers are kept per language', async () => {
    const before = h.fake.requests.length;
    const de = await catalogue.titlesFor(db.em(), [278, 238, HEAT], 'de');
    expect(de.get(278)).toBe('Die Verurteilten');
    expect(de.get(238)).toBe('Der Pate');
    expect(de.get(HEAT)).toBe('Heat'); // no German title: TMDB answers with the original one
    const asked = h.fake.requests.slice(before).filter((r) => r.path === '/3/movie/278');
    expect(asked.map((r) => r.query.language)).toEqual(['de-DE']);
    const again = h.fake.requests.length;
    expect((await catalogue.titlesFor(db.em(), [278, 238], 'de')).get(278)).toBe('Die Verurteilten');
    expect(h.fake.requests.length).toBe(again); // from movie_titles
    expect((await catalogue.titlesFor(db.em(), [278], 'ja')).get(278)).toBe('ショーシャンクの空に');
    expect(await catalogue.titlesFor(db.em(), [278], 'en-US')).toEqual(new Map());
  });

  it('when a Japanese reader searches, then results carry Japanese titles (kept for later) and English stays English', async () => {
    const ja = await catalogue.search(db.em(), 'Spirited Away', { locale: 'ja' });
    expect(ja[0]?.title).toBe('千と千尋の神隠し');
    expect((await catalogue.search(db.em(), 'Spirited Away'))[0]?.title).toBe('Spirited Away');
    const before = h.fake.requests.length;
    expect((await catalogue.titlesFor(db.em(), [129], 'ja')).get(129)).toBe('千と千尋の神隠し');
    expect(h.fake.requests.length).toBe(before);
  });

  it('when a film is cached and fresh, then ensureMovie does not call TMDB', async () => {
    await catalogue.ensureMovie(db.em(), HEAT);
    const before = h.fake.requests.length;
    const card = await catalogue.getDetails(db.em(), HEAT);
    expect(h.fake.requests.length).toBe(before);
    expect(card).toMatchObject({ id: HEAT, title: 'Heat', year: 1995, releaseDate: '1995-12-15', runtime: 170 });
    expect(card.directors).toEqual(['Michael Mann']);
  });

  it('when TMDB has no such film, then ensureMovie throws unknown_movie and writes nothing', async () => {
    await expect(catalogue.ensureMovie(db.em(), 999_999_999)).rejects.toMatchObject({ code: 'unknown_movie' });
    expect(await db.em().count(Movie, {})).toBe(0);
  });

  it('when TMDB fails and the film is unknown, then ensureMovie throws tmdb_unavailable', async () => {
    h.fake.faults.inject({ kind: 'server_error', times: 10 });
    const err = await catalogue.ensureMovie(db.em(), HEAT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as UserFacingError).code).toBe('tmdb_unavailable');
    expect(await db.em().count(Movie, {})).toBe(0);
  });

  it('when TMDB sends malformed JSON, then nothing is half-written and the stub row is returned', async () => {
    await insertMovie(db.em(), HEAT, 'Heat');
    h.fake.faults.inject({ kind: 'malformed_json' });
    const row = await catalogue.ensureMovie(db.em(), HEAT);
    expect(row.title).toBe('Heat');
    const stored = await db.em().findOneOrFail(Movie, HEAT);
    expect(stored.fetchedAt).toBeNull();
    expect(stored.directors).toEqual([]);
  });

  it('when searching, then TMDB results come back as cards and a repeat is served from the cache', async () => {
    const cards = await catalogue.search(db.em(), 'the godfather');
    expect(cards.map((c) => c.title)).toEqual(['The Godfather', 'The Godfather Part II']);
    expect(cards[0]).toMatchObject({ year: 1972, genres: ['Drama', 'Crime'] });
    const searches = () => h.fake.requests.filter((r) => r.path === '/3/search/movie').length;
    const before = searches();
    await catalogue.search(db.em(), '  The  Godfather ');
    expect(searches()).toBe(before);
  });

  it('when TMDB is down, then search falls back to local titles; with none it says TMDB is unavailable', async () => {
    await insertMovie(db.em(), HEAT, 'Heat', { popularity: 5 });
    await insertMovie(db.em(), 1, 'Heathers', { releaseDate: '1989-03-31', popularity: 1 });
    h.fake.faults.inject({ kind: 'reset', times: 20 });
    const cards = await catalogue.search(db.em(), 'heat');
    expect(cards.map((c) => c.title)).toEqual(['Heat', 'Heathers']);
    await expect(catalogue.search(db.em(), 'zzz-no-such-film')).rejects.toMatchObject({ code: 'tmdb_unavailable' });
  });

  it('when autocompleting, then local prefix matches come first, then contains, then TMDB, labelled "Title (Year)"', async () => {
    await insertMovie(db.em(), 1, 'The Heat', { releaseDate: '2013-06-28', popularity: 9 });
    await insertMovie(db.em(), HEAT, 'Heat', { releaseDate: '1995-12-15', popularity: 1 });
    const choices = await catalogue.autocomplete(db.em(), 'heat', { budgetMs: 1_000 });
    expect(choices[0]).toEqual({ id: HEAT, label: 'Heat (1995)' });
    expect(choices[1]).toEqual({ id: 1, label: 'The Heat (2013)' });
    expect(choices.filter((c) => c.id === HEAT)).toHaveLength(1);
  });

  it('when the catalogue is empty (a fresh install), then autocomplete gets TMDB’s suggestions within the budget', async () => {
    const before = h.fake.requests.length;
    // The dispatcher's budget: 2 s, of which whatever is left after the (empty) local query is fractional.
    const choices = await catalogue.autocomplete(db.em(), 'Heat', { budgetMs: 2_000 });
    expect(choices[0]).toEqual({ id: HEAT, label: 'Heat (1995)' });
    expect(h.fake.requests.slice(before).filter((r) => r.path === '/3/search/movie')).toHaveLength(1);
    expect(h.log.text()).not.toContain('ERR_OUT_OF_RANGE');
  });

  it('when TMDB was down and the first call after the cooldown is an autocomplete, then TMDB is used again', async () => {
    let t = 1_000_000;
    const agent = new Agent({ connections: 4 });
    const client = createTmdbClient({
      config: testTmdbConfig(h.fake.url, { breakerFailureThreshold: 2, breakerCooldownMs: 30_000, maxRetries: 0 }),
      logger: h.log.logger,
      dispatcher: agent,
      now: () => t,
    });
    try {
      const cat = createCatalogue({ tmdb: client, logger: h.log.logger, ttlDays: 7, clock: () => now });
      h.fake.faults.inject({ kind: 'server_error', times: 100 });
      for (const q of ['outage one', 'outage two']) await cat.search(db.em(), q).catch(() => {});
      expect(client.breakerState).toBe('open');
      h.fake.faults.clear(); // TMDB is back
      t += 30_000; // and the cooldown passes
      expect(client.breakerState).toBe('half_open');
      const choices = await cat.autocomplete(db.em(), 'heat', { budgetMs: 1_500 });
      expect(choices.map((c) => c.id)).toContain(HEAT);
      expect(client.breakerState).toBe('closed');
      expect((await cat.search(db.em(), 'alien')).map((c) => c.id)).toContain(348);
    } finally {
      await client.close();
      await agent.close();
    }
  });

  it('when TMDB is slow, then autocomplete answers within its budget with local matches', async () => {
    await insertMovie(db.em(), HEAT, 'Heat');
    h.fake.faults.latencyMs = 5_000;
    const started = performance.now();
    const choices = await catalogue.autocomplete(db.em(), 'hea', { budgetMs: 300 });
    const took = performance.now() - started;
    expect(choices).toEqual([{ id: HEAT, label: 'Heat (1995)' }]);
    expect(took).toBeLessThan(1_000); // the budget plus scheduling slack on a busy machine; TMDB would take 5 s
  });

  it('when a short autocomplete and a search for the same text overlap, then the search still gets TMDB’s answer', async () => {
    h.fake.faults.latencyMs = 200;
    const [choices, cards] = await Promise.all([
      catalogue.autocomplete(db.em(), 'alien', { budgetMs: 100 }),
      catalogue.search(db.em(), 'alien'),
    ]);
    expect(choices).toEqual([]);
    expect(cards.map((c) => c.id)).toContain(348);
  });

  it('when rows are stale or stubs, then refreshStale re-fetches them and leaves fresh rows alone', async () => {
    await insertMovie(db.em(), HEAT, 'Heat'); // stub
    await insertMovie(db.em(), 238, 'The Godfather', {
      fetchedAt: new Date('2026-10-01T00:00:00Z'),
      expiresAt: new Date('2026-10-08T00:00:00Z'),
    });
    await insertMovie(db.em(), 278, 'The Shawshank Redemption', {
      fetchedAt: now,
      expiresAt: new Date('2026-11-08T00:00:00Z'),
    });
    await insertMovie(db.em(), 424242, 'Deleted From TMDB');
    const report = await catalogue.refreshStale(db.em(), 10);
    expect(report).toEqual({ attempted: 3, refreshed: 2, notFound: 1, failed: 0, stoppedEarly: false });
    const heat = await db.em().findOneOrFail(Movie, HEAT);
    expect(heat.directors.map((d) => d.name)).toEqual(['Michael Mann']);
    const shawshank = await db.em().findOneOrFail(Movie, 278);
    expect(shawshank.directors).toEqual([]);
    expect((await catalogue.refreshStale(db.em(), 10)).attempted).toBe(0);
  });

  it('when the batch is smaller than the backlog, then never-fetched stubs go before expired rows', async () => {
    await insertMovie(db.em(), 238, 'The Godfather', {
      fetchedAt: new Date('2026-10-01T00:00:00Z'),
      expiresAt: new Date('2026-10-08T00:00:00Z'),
    });
    await insertMovie(db.em(), HEAT, 'Heat');
    expect(await catalogue.refreshStale(db.em(), 1)).toMatchObject({ attempted: 1, refreshed: 1 });
    expect((await db.em().findOneOrFail(Movie, HEAT)).fetchedAt).not.toBeNull();
    expect((await db.em().findOneOrFail(Movie, 238)).fetchedAt?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('when the table is empty, then popular seeds stubs from TMDB and returns them by popularity', async () => {
    const cards = await catalogue.popular(db.em(), 5);
    expect(cards).toHaveLength(5);
    expect(cards[0]?.title).toBe('The Godfather');
    expect(await db.em().count(Movie, { fetchedAt: null })).toBe(20);
  });

  it('when no TMDB key is configured, then the local catalogue still answers', async () => {
    const log = captureLogger();
    const client = createTmdbClient({
      config: testTmdbConfig(h.fake.url, { readToken: undefined, apiKey: undefined }),
      logger: log.logger,
    });
    const offline = createCatalogue({ tmdb: client, logger: log.logger, ttlDays: 7 });
    await insertMovie(db.em(), HEAT, 'Heat');
    expect((await offline.search(db.em(), 'hea')).map((c) => c.id)).toEqual([HEAT]);
    expect(await offline.search(db.em(), 'nothing')).toEqual([]);
    expect((await offline.ensureMovie(db.em(), HEAT)).title).toBe('Heat');
    await expect(offline.ensureMovie(db.em(), 238)).rejects.toMatchObject({ code: 'tmdb_unavailable' });
    await client.close();
  });

  describe('failure modes', () => {
    it.each([
      ['rate limiting with a long Retry-After', { kind: 'rate_limit', times: 20, retryAfterSeconds: 60 }],
      ['500s', { kind: 'server_error', times: 20 }],
      ['malformed JSON', { kind: 'malformed_json', times: 20 }],
      ['connection resets', { kind: 'reset', times: 20 }],
    ] as const)('when TMDB answers with %s, then search falls back to local titles', async (_n, fault) => {
      await insertMovie(db.em(), HEAT, 'Heat');
      h.fake.faults.inject(fault);
      expect((await catalogue.search(db.em(), 'heat')).map((c) => c.title)).toEqual(['Heat']);
      await expect(catalogue.ensureMovie(db.em(), 238)).rejects.toMatchObject({ code: 'tmdb_unavailable' });
      expect(await db.em().count(Movie, {})).toBe(1);
    });

    it('when the breaker is open, then search, autocomplete and ensureMovie answer locally at once', async () => {
      await h.close();
      h = await startTmdbHarness({ config: { breakerCooldownMs: 60_000 } }); // stays open for the whole test
      catalogue = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7, clock: () => now });
      await insertMovie(db.em(), HEAT, 'Heat');
      h.fake.faults.inject({ kind: 'server_error', times: 100 });
      for (let i = 0; i < 3; i++) await catalogue.search(db.em(), `x${i}`).catch(() => {});
      expect(h.client.breakerState).toBe('open');
      // The first search also starts loading genres and image configuration in the background; a retry of that
      // load, admitted before the breaker opened, may still reach TMDB later. Only the calls under test count.
      const background = new Set(['/3/genre/movie/list', '/3/configuration']);
      const calls = () => h.fake.requests.filter((r) => !background.has(r.path)).length;
      const requests = calls();
      const started = performance.now();
      expect((await catalogue.search(db.em(), 'heat')).map((c) => c.id)).toEqual([HEAT]);
      expect(await catalogue.autocomplete(db.em(), 'heat', { budgetMs: 2_500 })).toEqual([
        { id: HEAT, label: 'Heat (1995)' },
      ]);
      expect((await catalogue.ensureMovie(db.em(), HEAT)).title).toBe('Heat');
      await expect(catalogue.ensureMovie(db.em(), 238)).rejects.toMatchObject({ code: 'tmdb_unavailable' });
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(calls()).toBe(requests);
    });

    it('when the key is rejected, then users get tmdb_unavailable and the operator one log line', async () => {
      await h.close();
      h = await startTmdbHarness({ config: { readToken: 'revoked-token-77' } });
      catalogue = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7 });
      const err = await catalogue.ensureMovie(db.em(), HEAT).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'tmdb_unavailable' });
      expect((err as Error).message).not.toContain('401');
      await catalogue.search(db.em(), 'heat').catch(() => {});
      expect(h.log.lines.filter((l) => l.includes('TMDB key rejected'))).toHaveLength(1);
      expect(h.log.text()).not.toContain('revoked-token-77');
    });

    it('when a refresh run meets a dead TMDB, then it stops early and rows stay as they were', async () => {
      for (const [id, title] of [
        [HEAT, 'Heat'],
        [238, 'The Godfather'],
        [278, 'The Shawshank Redemption'],
        [680, 'Pulp Fiction'],
        [550, 'Fight Club'],
      ] as const) {
        await insertMovie(db.em(), id, title);
      }
      h.fake.faults.inject({ kind: 'reset', times: 1_000 });
      const report = await catalogue.refreshStale(db.em(), 10);
      expect(report.refreshed).toBe(0);
      expect(report.failed + (report.stoppedEarly ? 1 : 0)).toBeGreaterThan(0);
      expect(await db.em().count(Movie, { fetchedAt: { $ne: null } })).toBe(0);
    });
  });

  it('when TMDB lists changed films, then expireChanged expires only those rows', async () => {
    await catalogue.ensureMovie(db.em(), HEAT);
    await catalogue.ensureMovie(db.em(), 238);
    h.fake.changedIds.add(HEAT);
    h.fake.changedIds.add(777_777); // not in our table
    expect(await catalogue.expireChanged(db.em(), new Date('2026-10-30T00:00:00Z'))).toBe(1);
    const heat = await db.em().findOneOrFail(Movie, HEAT);
    expect(heat.expiresAt?.toISOString()).toBe(now.toISOString());
    const report = await catalogue.refreshStale(db.em(), 10);
    expect(report).toMatchObject({ attempted: 1, refreshed: 1 });
    expect(h.fake.requests.find((r) => r.path === '/3/movie/changes')?.query).toMatchObject({
      start_date: '2026-10-30',
      end_date: '2026-11-01',
    });
  });

  it('when the background refresher runs, then stale rows are refreshed and overlapping runs are skipped', async () => {
    await insertMovie(db.em(), HEAT, 'Heat');
    await insertMovie(db.em(), 238, 'The Godfather', { fetchedAt: now, expiresAt: new Date('2026-11-08T00:00:00Z') });
    h.fake.changedIds.add(238);
    const refresher = startCatalogueRefresher({
      orm: db.orm,
      catalogue,
      logger: h.log.logger,
      intervalMs: 60_000,
      changesEveryMs: 1,
      clock: () => now,
    });
    now = new Date(now.getTime() + 10);
    const [a, b] = await Promise.all([refresher.runOnce(), refresher.runOnce()]);
    expect(a).toMatchObject({ attempted: 2, refreshed: 2 }); // the stub, and the film TMDB says changed
    expect(b).toBeNull();
    await refresher.stop();
    expect((await db.em().findOneOrFail(Movie, HEAT)).fetchedAt).not.toBeNull();
    expect((await db.em().findOneOrFail(Movie, 238)).directors.map((d) => d.name)).toEqual(['Francis Ford Coppola']);
  });
});
