// Where to stream, against the fake TMDB and a real database (PGlite and PostgreSQL): the offers cache keeps the
// region that was asked for, and only it, although TMDB answers a film's providers with every region it knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offersIn } from '../../fakes/tmdb/index.ts';
import { WatchOffers } from '../../src/entities/index.ts';
import { createStreamingService, type StreamingService } from '../../src/services/streaming-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie } from '../support/factories.ts';
import { startTmdbHarness, type TmdbHarness } from '../support/tmdb.ts';

const db = useTestDatabase();
let h: TmdbHarness;
let streaming: StreamingService;
beforeAll(async () => {
  h = await startTmdbHarness();
  streaming = createStreamingService({ tmdb: h.client, logger: h.log.logger, ttlHours: 24 });
});
afterAll(async () => {
  await h?.close();
});

describe('the watch offers cache', () => {
  it('when a film’s offers are asked for one region, then only that region is cached and returned', async () => {
    await insertMovie(db.em(), 238, 'The Godfather');
    await insertMovie(db.em(), 105, 'Back to the Future');
    const got = await streaming.offersFor(db.em(), [238, 105], 'GB');
    expect([...got.values()].map((f) => f.region)).toEqual(['GB', 'GB']);
    const rows = await db.em().find(WatchOffers, {}, { orderBy: { movie: 'asc' } });
    expect(rows.map((r) => [r.movie.id, r.region])).toEqual([
      [105, 'GB'],
      [238, 'GB'],
    ]);
    // The stored offers are GB's, not another region's (the fake's offers differ by region).
    const gb = offersIn(238, 'GB');
    expect(rows[1]?.offers.flatrate.map((p) => p.id)).toEqual((gb.flatrate ?? []).map((p) => p.provider_id));

    // Another region is a lookup of its own, cached next to the first; nothing else is kept.
    const requests = h.fake.requests.length;
    await streaming.offersFor(db.em(), [238], 'US');
    expect(h.fake.requests.length).toBe(requests + 1);
    expect((await db.em().find(WatchOffers, { movie: 238 })).map((r) => r.region).sort()).toEqual(['GB', 'US']);
    // Asked again within the TTL: from the cache.
    await streaming.offersFor(db.em(), [238], 'GB');
    expect(h.fake.requests.length).toBe(requests + 1);
  });
});
