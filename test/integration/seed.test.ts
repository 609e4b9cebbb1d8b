import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { DEMO_MOVIES } from '../../src/data/demo-catalogue.ts';
import type { Em } from '../../src/db.ts';
import { GuildMember, Movie, Rating, User, Watched } from '../../src/entities/index.ts';
import { createCatalogue } from '../../src/services/catalogue-service.ts';
import {
  type CatalogueMovie,
  canSkipForeignKeyChecks,
  fillCatalogueFromTmdb,
  generateCommunity,
  insertMovies,
  readCatalogue,
  seedDemoCommunity,
  syntheticMovies,
  toSeedMovie,
  writeCommunity,
} from '../../src/services/seed/index.ts';
import { Rng } from '../../src/services/seed/prng.ts';
import { useTestDatabase } from '../support/database.ts';
import { startTmdbHarness } from '../support/tmdb.ts';

const db = useTestDatabase();
const NOW = new Date('2026-11-24T12:00:00Z');
const GUILD = '900000000000000001';

async function counts(em: Em) {
  return {
    users: await em.count(User, { kind: 'synthetic' }),
    ratings: await em.count(Rating, {}),
    watched: await em.count(Watched, {}),
    members: await em.count(GuildMember, { guildId: GUILD }),
    movies: await em.count(Movie, {}),
  };
}

describe('seedDemoCommunity', () => {
  it('when the catalogue is empty, then it is filled from the demo films and a community is written', async () => {
    const result = await seedDemoCommunity(db.orm, { guildId: GUILD, users: 40, seed: 42, now: NOW });
    const c = await counts(db.em());
    expect(result.moviesAdded).toBe(DEMO_MOVIES.length);
    expect(c).toEqual({
      users: 40,
      ratings: result.ratings,
      watched: result.watched,
      members: 40,
      movies: DEMO_MOVIES.length,
    });
    expect(c.ratings).toBeGreaterThan(40 * 10);
    expect(result.userIds).toHaveLength(40);

    const em = db.em();
    const ratings = await em.find(Rating, {}, { limit: 500 });
    for (const r of ratings) expect(Number.isInteger(r.score * 2) && r.score >= 0.5 && r.score <= 5).toBe(true);
    const watched = await em.find(Watched, {}, { limit: 500 });
    for (const w of watched) expect(w.watchedOn <= '2026-11-24').toBe(true);
    const user = await em.findOneOrFail(User, { id: result.userIds[0] });
    expect(user.displayName).toBeTruthy();
  });

  it('when run again with the same seed, then nothing is duplicated; another seed adds new users', async () => {
    const first = await seedDemoCommunity(db.orm, { guildId: GUILD, users: 40, seed: 42, now: NOW });
    const before = await counts(db.em());
    const again = await seedDemoCommunity(db.em(), { guildId: GUILD, users: 40, seed: 42, now: NOW });
    expect(again.userIds).toEqual(first.userIds);
    expect({ users: again.users, ratings: again.ratings, watched: again.watched, members: again.members }).toEqual({
      users: 0,
      ratings: 0,
      watched: 0,
      members: 0,
    });
    expect(await counts(db.em())).toEqual(before);

    const other = await seedDemoCommunity(db.orm, { guildId: GUILD, users: 10, seed: 43, now: NOW });
    expect(other.users).toBe(10);
    expect((await counts(db.em())).users).toBe(50);
  });
});

describe('insertMovies', () => {
  it('when films have quotes, backslashes and unicode in text and JSON, then they round-trip exactly, once', async () => {
    const tricky: CatalogueMovie = {
      id: 4242,
      title: `O'Brien's "Back\\slash" {Story}, Part ½`,
      releaseDate: '2001-02-03',
      genres: [{ id: 18, name: 'Drama' }],
      keywords: [{ id: 1, name: 'quote " and \\ backslash' }],
      cast: [{ id: 2, name: 'Zoë {brace}', order: 0 }],
      directors: [{ id: 3, name: "D'Angelo" }],
      runtime: 101,
      originalLanguage: 'en',
      popularity: 12.5,
      voteAverage: 7.1,
      voteCount: 321,
      imdbId: 'tt0000042',
    };
    const films = [tricky, ...syntheticMovies(0, 30)];
    expect(await insertMovies(db.em(), films, NOW)).toBe(31);
    expect(await insertMovies(db.em(), films, NOW)).toBe(0);
    const back = await readCatalogue(db.em());
    expect(back).toHaveLength(31);
    expect(back.find((m) => m.id === tricky.id)).toEqual(tricky);
    const synth = back.find((m) => m.id === films[1]?.id);
    expect(synth?.genres).toEqual(films[1]?.genres);
    expect(synth?.cast).toEqual(films[1]?.cast);
  });
});

describe('writeCommunity', () => {
  it('when foreign-key checks are skipped (superuser), then the same rows land and the checks are back afterwards', async () => {
    const em = db.em();
    await insertMovies(em, syntheticMovies(0, 40), NOW);
    const movies = (await readCatalogue(em)).map(toSeedMovie);
    expect(await canSkipForeignKeyChecks(em)).toBe(true); // the test databases connect as a superuser
    const progress: number[] = [];
    const totals = await writeCommunity(
      em,
      generateCommunity({ movies, users: 30, seed: 5, now: NOW, chunkUsers: 10 }),
      { now: NOW, usersTotal: 30, skipForeignKeyChecks: true, onProgress: (p) => progress.push(p.usersDone) },
    );
    expect(progress).toEqual([10, 20, 30]);
    expect(totals.users).toBe(30);
    expect(await db.em().count(Rating, {})).toBe(totals.ratings);

    const after = db.em();
    after.create(Rating, { user: '123456789012345678', movie: movies[0]?.id as number, score: 3 });
    await expect(after.flush()).rejects.toBeInstanceOf(ForeignKeyConstraintViolationException);
  });
});

describe('writeCommunity with several chunks in flight', () => {
  it('when chunks are written concurrently, then every row lands once and a re-run adds nothing', async () => {
    await insertMovies(db.em(), syntheticMovies(0, 60), NOW);
    const movies = (await readCatalogue(db.em())).map(toSeedMovie);
    const write = () =>
      writeCommunity(db.em(), generateCommunity({ movies, users: 60, seed: 9, now: NOW, chunkUsers: 7 }), {
        now: NOW,
        guildId: GUILD,
        usersTotal: 60,
        concurrency: 3,
      });
    const first = await write();
    expect(first.users).toBe(60);
    expect(first.members).toBe(60);
    const c = await counts(db.em());
    expect(c.ratings).toBe(first.ratings);
    expect(c.watched).toBe(first.watched);
    const again = await write();
    expect([again.users, again.ratings, again.watched, again.members]).toEqual([0, 0, 0, 0]);
  });
});

describe('fillCatalogueFromTmdb', () => {
  it('when TMDB is configured, then random popular/discover films are stored with their details', async () => {
    const h = await startTmdbHarness();
    try {
      const catalogue = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7, clock: () => NOW });
      const added = await fillCatalogueFromTmdb(db.em(), {
        tmdb: h.client,
        catalogue,
        count: 12,
        rng: new Rng(3),
        nowYear: 2026,
      });
      expect(added).toBeGreaterThanOrEqual(8);
      const rows = await readCatalogue(db.em());
      expect(rows).toHaveLength(added);
      const demoIds = new Set(DEMO_MOVIES.map((m) => m.id));
      for (const m of rows) {
        expect(demoIds.has(m.id)).toBe(true);
        expect(m.genres.length).toBeGreaterThan(0);
      }
      const paths = h.fake.requests.map((r) => r.path);
      expect(paths.some((p) => p.includes('/movie/popular'))).toBe(true);
      expect(paths.some((p) => p.includes('/discover/movie'))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
