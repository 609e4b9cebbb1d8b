// Titles match the way people type them — no case, accents or punctuation — in the database (an expression index on
// the title key) and in the JavaScript key of the typed text, on PGlite and PostgreSQL alike.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { type Catalogue, createCatalogue } from '../../src/services/catalogue-service.ts';
import { createTmdbClient, type TmdbClient } from '../../src/services/tmdb/index.ts';
import { titleKey, titleKeySql } from '../../src/title-key.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie } from '../support/factories.ts';
import { testTmdbConfig } from '../support/tmdb.ts';

const db = useTestDatabase();
const TITLES: [number, string, string][] = [
  [194, 'Amélie', '2001-04-25'],
  [101, 'Léon: The Professional', '1994-09-14'],
  [10681, 'WALL·E', '2008-06-22'],
  [807, 'Se7en', '1995-09-22'],
  [424, "Schindler's List", '1993-12-15'],
  [129, '千と千尋の神隠し', '2001-07-20'],
  [324857, 'Spider-Man: Into the Spider-Verse', '2018-12-06'],
];

describe('title search without accents or punctuation', () => {
  let tmdb: TmdbClient;
  let offline: Catalogue;
  beforeAll(() => {
    const logger = createLogger({ log: { level: 'silent', format: 'json' } });
    // No key: the local catalogue is the whole answer (the fallback when TMDB is down or not configured).
    tmdb = createTmdbClient({
      config: testTmdbConfig('http://127.0.0.1:9', { readToken: undefined, apiKey: undefined }),
      logger,
    });
    offline = createCatalogue({ tmdb, logger, ttlDays: 7 });
  });
  afterAll(async () => {
    await tmdb.close();
  });
  beforeEach(async () => {
    for (const [id, title, releaseDate] of TITLES) await insertMovie(db.em(), id, title, { releaseDate });
  });

  it('when the database computes the key, then it equals the key JavaScript computes for every title', async () => {
    const rows = await db
      .em()
      .execute<{ title: string; key: string }[]>(`select title, ${titleKeySql('title')} as key from movies`);
    expect(rows).toHaveLength(TITLES.length);
    for (const r of rows) expect(r.key).toBe(titleKey(r.title));
  });

  it.each([
    ['amelie', 'Amélie (2001)'],
    ['AMÉLIE', 'Amélie (2001)'],
    ['leon', 'Léon: The Professional (1994)'],
    ['leon the pro', 'Léon: The Professional (1994)'],
    ['wall-e', 'WALL·E (2008)'],
    ['walle', 'WALL·E (2008)'],
    ['schindlers', "Schindler's List (1993)"],
    ['spiderman into', 'Spider-Man: Into the Spider-Verse (2018)'],
    ['spider verse', 'Spider-Man: Into the Spider-Verse (2018)'],
    ['千と千尋', '千と千尋の神隠し (2001)'],
  ])('when someone types “%s”, then autocomplete offers %s', async (typed, label) => {
    const hits = await offline.autocomplete(db.em(), typed, { budgetMs: 2_000 });
    expect(hits[0]?.label).toBe(label);
  });

  it('when the local search is the fallback, then it matches the same way', async () => {
    expect((await offline.search(db.em(), 'amelie')).map((c) => c.title)).toEqual(['Amélie']);
    expect((await offline.search(db.em(), 'Wall-E', { year: 2008 })).map((c) => c.title)).toEqual(['WALL·E']);
  });

  it('when the typed text is only punctuation or wildcards, then nothing matches rather than everything', async () => {
    expect(await offline.autocomplete(db.em(), '%_-', { budgetMs: 2_000 })).toEqual([]);
  });

  it('when the planner looks for a title prefix, then it can use the title key index', async () => {
    const em = db.em();
    await em.execute('set enable_seqscan = off');
    const plan = await em.execute<Record<string, string>[]>(
      `explain select id from movies where ${titleKeySql('title')} like 'amel%'`,
    );
    await em.execute('set enable_seqscan = on');
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toContain('movies_title_key_index');
  });
});
