// A realistic import at scale: a Letterboxd export and an IMDb ratings CSV generated with Faker from the TMDB 5000
// titles (accents, accent-stripped spellings, duplicates, rewatches, missing years, films that do not exist), matched
// against the fake TMDB serving those same films. At least 97 % of the rows for real films must match, none wrongly.
import { existsSync } from 'node:fs';
import { en, Faker } from '@faker-js/faker';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTmdb5000 } from '../../fakes/tmdb/index.ts';
import { toCsv } from '../../src/data/csv.ts';
import type { DemoMovie } from '../../src/data/demo-catalogue.ts';
import { readLinksCsv } from '../../src/data/movielens.ts';
import { ImportRow } from '../../src/entities/index.ts';
import { createCatalogue } from '../../src/services/catalogue-service.ts';
import { createImportRunner } from '../../src/services/import/import-runner.ts';
import { createImportJob } from '../../src/services/import/import-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { snowflake } from '../support/factories.ts';
import { startTmdbHarness, type TmdbHarness } from '../support/tmdb.ts';

const TMDB_CSV = '../shared/data/tmdb/tmdb_5000_movies.csv.gz';
const LINKS_CSV = '../shared/data/movielens/ml-latest-small/links.csv';
const db = useTestDatabase();
const available = existsSync(TMDB_CSV) && existsSync(LINKS_CSV);

const strip = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const yearOf = (m: DemoMovie) => Number(m.releaseDate.slice(0, 4));

describe.skipIf(!available)('importing generated exports', { timeout: 600_000 }, () => {
  let h: TmdbHarness;
  let films: DemoMovie[];
  beforeAll(async () => {
    const imdb = new Map(
      readLinksCsv(LINKS_CSV).flatMap((l) => (l.tmdbId && l.imdbId ? [[l.tmdbId, l.imdbId] as const] : [])),
    );
    films = loadTmdb5000(TMDB_CSV)
      .filter((m) => /^\d{4}/.test(m.releaseDate))
      .map((m) => ({ ...m, imdbId: imdb.get(m.id) ?? null }));
    h = await startTmdbHarness({ fake: { catalogue: { movies: films } }, config: { timeoutMs: 10_000 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function run(userId: string, fileName: string, bytes: Uint8Array) {
    const job = await createImportJob(db.em(), { userId, fileName, bytes, source: 'auto', reply: null });
    const catalogue = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7 });
    const runner = createImportRunner({
      orm: db.orm,
      logger: h.log.logger,
      tmdb: h.client,
      storeSummaries: catalogue.storeSummaries,
      reporter: { progress: async () => {}, finished: async () => {} },
      progressEveryMs: 60_000,
    });
    expect(await runner.runJob(job.id)).toBe('done');
    return db.em().find(ImportRow, { job: job.id }, { orderBy: { id: 'asc' } });
  }

  function score(rows: readonly ImportRow[], expected: readonly (number | null)[]) {
    let real = 0;
    let matched = 0;
    const wrong: string[] = [];
    rows.forEach((r, i) => {
      const want = expected[i];
      if (want === null || want === undefined) {
        if (r.status === 'matched') wrong.push(`${r.title}: matched a film that does not exist`);
        return;
      }
      real++;
      if (r.status === 'matched') {
        matched++;
        if (r.movie?.id !== want) wrong.push(`${r.title} (${r.year}): got ${r.movie?.id}, want ${want}`);
      }
    });
    return { real, matched, rate: matched / real, wrong };
  }

  it('when a ~1,000-row Letterboxd export is imported, then ≥ 97 % of real films match and none wrongly', async () => {
    const faker = new Faker({ locale: [en] });
    faker.seed(42);
    // Films whose title and year are unique in the catalogue (a real export names one film; TMDB 5000 has a few
    // same-title-same-year pairs that no title matcher can tell apart).
    const key = (m: DemoMovie) => `${strip(m.title).toLowerCase()}|${yearOf(m)}`;
    const counts = new Map<string, number>();
    for (const m of films) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
    const titleCount = new Map<string, number>();
    for (const m of films)
      titleCount.set(strip(m.title).toLowerCase(), (titleCount.get(strip(m.title).toLowerCase()) ?? 0) + 1);
    const pool = faker.helpers.shuffle(films.filter((m) => counts.get(key(m)) === 1)).slice(0, 700);
    const accented = films.filter((m) => m.title !== strip(m.title) && counts.get(key(m)) === 1);
    pool.push(...accented.filter((m) => !pool.includes(m)).slice(0, 20));
    const ratings: (string | number)[][] = [];
    const diary: (string | number)[][] = [];
    const expectR: (number | null)[] = [];
    const expectD: (number | null)[] = [];
    const date = () => faker.date.between({ from: '2015-01-01', to: '2026-01-01' }).toISOString().slice(0, 10);
    for (const m of pool) {
      // Accent-stripped spellings for 1 in 8; no year for 1 in 30 (only where the title alone is unambiguous).
      const title = faker.number.int(7) === 0 ? strip(m.title) : m.title;
      const noYear = faker.number.int(29) === 0 && titleCount.get(strip(m.title).toLowerCase()) === 1;
      const year = noYear ? '' : yearOf(m);
      if (faker.number.int(2) > 0) {
        ratings.push([date(), title, year, '', faker.number.int({ min: 1, max: 10 }) / 2]);
        expectR.push(m.id);
      }
      const views = faker.number.int(9) === 0 ? 2 : faker.number.int(1) === 0 ? 1 : 0;
      for (let v = 0; v < views; v++) {
        diary.push([date(), title, year, '', '', v > 0 ? 'Yes' : '', '', date()]);
        expectD.push(m.id);
      }
    }
    // Duplicates (the same film twice in a list) and films that do not exist.
    for (const i of [3, 50, 120]) {
      const dup = ratings[i];
      if (dup) {
        ratings.push([...dup]);
        expectR.push(expectR[i] ?? null);
      }
    }
    for (let i = 0; i < 12; i++) {
      ratings.push([
        date(),
        `${faker.string.alpha({ length: 9, casing: 'lower' })} ${faker.string.alpha({ length: 7, casing: 'lower' })}`,
        2011,
        '',
        3,
      ]);
      expectR.push(null);
    }
    const zip = zipSync({
      'ratings.csv': strToU8(toCsv(['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating'], ratings)),
      'diary.csv': strToU8(
        toCsv(['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating', 'Rewatch', 'Tags', 'Watched Date'], diary),
      ),
    });
    const rows = await run(snowflake(), 'letterboxd.zip', zip);
    expect(rows.length).toBe(ratings.length + diary.length);
    expect(rows.length).toBeGreaterThan(900);
    const result = score(rows, [...expectR, ...expectD]);
    expect(result.wrong).toEqual([]);
    expect(result.rate).toBeGreaterThanOrEqual(0.97);
  });

  it('when an IMDb ratings CSV of films with IMDb ids is imported, then every one matches by its id', async () => {
    const faker = new Faker({ locale: [en] });
    faker.seed(7);
    const withIds = faker.helpers.shuffle(films.filter((m) => m.imdbId)).slice(0, 300);
    const csv = toCsv(
      [
        'Const',
        'Your Rating',
        'Date Rated',
        'Title',
        'URL',
        'Title Type',
        'IMDb Rating',
        'Runtime (mins)',
        'Year',
        'Genres',
        'Num Votes',
        'Release Date',
        'Directors',
      ],
      [
        ...withIds.map((m) => [
          m.imdbId,
          faker.number.int({ min: 1, max: 10 }),
          '2024-01-01',
          m.title,
          '',
          'Movie',
          7,
          100,
          yearOf(m),
          '',
          1,
          m.releaseDate,
          '',
        ]),
        ['tt99999999', 5, '2024-01-01', 'Nothing Here', '', 'Movie', 1, 1, 2001, '', 1, '', ''],
      ],
    );
    const rows = await run(snowflake(), 'ratings.csv', strToU8(csv));
    const result = score(rows, [...withIds.map((m) => m.id), null]);
    expect(result.wrong).toEqual([]);
    expect(result.rate).toBe(1);
  });
});
