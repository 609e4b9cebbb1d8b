import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { Movie, Rating, User } from '../../src/entities/index.ts';
import { importMovieLens } from '../../src/services/movielens-import.ts';
import { createRecommendationService } from '../../src/services/recommendation-service.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

// A tiny MovieLens-format folder, generated here (never cut from the real data set).
const dir = mkdtempSync(join(tmpdir(), 'marquee-ml-'));
writeFileSync(
  join(dir, 'movies.csv'),
  'movieId,title,genres\n1,"Heist, The (1995)",Crime|Thriller\n2,Cartoon Friends (2001),Animation|Children\n3,No Link (1980),Drama\n4,Night Chase (1997),Crime\n5,Quiet Film (2010),Drama\n',
);
writeFileSync(
  join(dir, 'links.csv'),
  'movieId,imdbId,tmdbId\n1,0113277,949\n2,0000002,9002\n3,0000003,\n4,0000004,9004\n5,0000005,9005\n',
);
const ratingLines = ['userId,movieId,rating,timestamp'];
for (let u = 1; u <= 4; u++) {
  for (const m of [1, 2, 3, 4]) ratingLines.push(`${u},${m},${(u + m) % 2 === 0 ? 4.5 : 3},${964982703 + u * 10 + m}`);
}
writeFileSync(join(dir, 'ratings.csv'), `${ratingLines.join('\n')}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('MovieLens import', () => {
  it('when imported twice, then movies, imported users and ratings are the same (idempotent)', async () => {
    const messages: string[] = [];
    const first = await importMovieLens(db.em(), { dir, onProgress: (m) => messages.push(m) });
    expect(first).toMatchObject({ movies: 4, skippedMoviesWithoutTmdbId: 1, users: 4, ratings: 12, skippedRatings: 4 });
    expect(messages.some((m) => m.startsWith('ratings 12/12'))).toBe(true);
    const second = await importMovieLens(db.em(), { dir });
    expect(second).toEqual(first);

    const em = db.em();
    expect(await em.count(Movie)).toBe(4);
    expect(await em.count(Rating)).toBe(12);
    const users = await em.find(User, {}, { orderBy: { id: 'asc' } });
    expect(users.map((u) => [u.id, u.kind, u.dmOptIn])).toEqual([
      ['ml:1', 'imported', false],
      ['ml:2', 'imported', false],
      ['ml:3', 'imported', false],
      ['ml:4', 'imported', false],
    ]);
    const heat = await em.findOneOrFail(Movie, 949);
    expect(heat).toMatchObject({ title: 'The Heist', releaseDate: '1995-01-01', movielensId: 1, imdbId: 'tt0113277' });
    expect(heat.genres.map((g) => g.name)).toEqual(['Crime', 'Thriller']);
    const r = await em.findOneOrFail(Rating, { user: 'ml:1', movie: 949 });
    expect(r.score).toBe(4.5);
  });

  it('when the recommender starts on imported data, then imported users feed the model', async () => {
    await importMovieLens(db.em(), { dir });
    const svc = createRecommendationService({ orm: db.orm, logger: pino({ level: 'silent' }) });
    await svc.start();
    expect(svc.modelVersion).toMatch(/^hyb1-/);
    const res = await svc.recommend(db.em(), 'ml:1', { context: 'recommend', count: 3 });
    // ml:1 rated every film but the one nobody rated.
    expect(res.kind === 'picks' && res.picks.map((p) => p.movieId)).toEqual([9005]);
  });
});
