import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticMovies, toSeedMovie } from '../../src/services/seed/catalogue.ts';
import { generateCommunity } from '../../src/services/seed/generator.ts';
import { csvField, writeMovieLensCsv } from '../../src/services/seed/movielens-export.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('MovieLens export', () => {
  it('when a field has a comma or a quote, then it is quoted as in MovieLens', () => {
    expect(csvField('Heat (1995)')).toBe('Heat (1995)');
    expect(csvField('Crouching Tiger, Hidden Dragon (2000)')).toBe('"Crouching Tiger, Hidden Dragon (2000)"');
    expect(csvField('The "Best" One')).toBe('"The ""Best"" One"');
  });

  it('when a community is exported, then ratings, movies and links are consistent MovieLens CSVs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'marquee-seed-'));
    const movies = syntheticMovies(0, 40).map(toSeedMovie);
    const now = new Date('2026-11-24T00:00:00Z');
    const result = await writeMovieLensCsv(dir, movies, generateCommunity({ movies, users: 25, seed: 1, now }));
    const ratings = (await readFile(join(dir, 'ratings.csv'), 'utf8')).trim().split('\n');
    const moviesCsv = (await readFile(join(dir, 'movies.csv'), 'utf8')).trim().split('\n');
    const links = (await readFile(join(dir, 'links.csv'), 'utf8')).trim().split('\n');
    expect(ratings[0]).toBe('userId,movieId,rating,timestamp');
    expect(moviesCsv[0]).toBe('movieId,title,genres');
    expect(links[0]).toBe('movieId,imdbId,tmdbId');
    expect(ratings).toHaveLength(result.ratings + 1);
    expect(moviesCsv).toHaveLength(41);
    const movieIds = new Set(links.slice(1).map((l) => l.split(',')[0]));
    for (const line of ratings.slice(1)) {
      const [u, m, r, t] = line.split(',');
      expect(Number(u)).toBeGreaterThanOrEqual(1);
      expect(Number(u)).toBeLessThanOrEqual(25);
      expect(movieIds.has(m as string)).toBe(true);
      expect(r).toMatch(/^[0-5]\.[05]$/);
      expect(Number(t)).toBeLessThan(now.getTime() / 1000);
    }
    expect(links[1]?.split(',')[2]).toBe(String(Math.min(...movies.map((m) => m.id))));
  });
});
