// Titles match the way people type them — no case, accents or punctuation — in the database (an expression index on
// the title key) and in the JavaScript key of the typed text, on PGlite and PostgreSQL alike.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Movie, MovieAlternativeTitle } from '../../src/entities/index.ts';
import { createLogger } from '../../src/logger.ts';
import { type Catalogue, createCatalogue } from '../../src/services/catalogue-service.ts';
import { createTmdbClient, type TmdbClient } from '../../src/services/tmdb/index.ts';
import type { TmdbMovieDetails } from '../../src/services/tmdb/types.ts';
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

const ALTERNATIVES: [number, string][] = [
  [807, 'Seven'],
  [807, 'Sieben'],
  [101, 'The Professional'],
  [129, 'Spirited Away'],
  [129, 'Sen to Chihiro no kamikakushi'],
];

function details(id: number, title: string, alternativeTitles: string[]): TmdbMovieDetails {
  return {
    id,
    title,
    originalTitle: title,
    releaseDate: '1995-09-22',
    genres: [],
    overview: null,
    posterPath: null,
    originalLanguage: 'en',
    popularity: 1,
    voteAverage: 8,
    voteCount: 100,
    runtime: 127,
    imdbId: null,
    collection: null,
    keywords: [],
    cast: [],
    directors: [],
    videos: [],
    certifications: [],
    alternativeTitles: alternativeTitles.map((t) => ({ country: 'US', title: t, type: null })),
    recommendations: [],
    similar: [],
  };
}

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
    // TMDB's alternative titles, as the catalogue stores them with a film's details.
    const em = db.em();
    for (const [movie, title] of ALTERNATIVES) em.create(MovieAlternativeTitle, { movie, key: titleKey(title), title });
    await em.flush();
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

  it.each([
    ['seven', 'Se7en (1995)'],
    ['Sieben', 'Se7en (1995)'],
    ['the profess', 'Léon: The Professional (1994)'],
    ['spirited', '千と千尋の神隠し (2001)'],
    ['sen to chihiro', '千と千尋の神隠し (2001)'],
    ['chihiro', '千と千尋の神隠し (2001)'],
  ])('when someone types “%s”, an alternative title, then autocomplete offers %s', async (typed, label) => {
    const hits = await offline.autocomplete(db.em(), typed, { budgetMs: 2_000 });
    expect(hits[0]?.label).toBe(label);
    // A film found by its title and by an alternative one is offered once.
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
  });

  it('when the database computes the key of an alternative title, then it equals the stored key (the migration fills old rows with it)', async () => {
    const rows = await db
      .em()
      .execute<{ title: string; key: string; computed: string }[]>(
        `select title, key, ${titleKeySql('title')} as computed from movie_alternative_titles`,
      );
    expect(rows).toHaveLength(ALTERNATIVES.length);
    for (const r of rows) expect([r.key, r.computed]).toEqual([titleKey(r.title), titleKey(r.title)]);
  });

  it('when the local search is the fallback, then it finds a film by an alternative title, within the year asked', async () => {
    expect((await offline.search(db.em(), 'seven')).map((c) => c.title)).toEqual(['Se7en']);
    expect((await offline.search(db.em(), 'seven', { year: 1995 })).map((c) => c.title)).toEqual(['Se7en']);
    expect(await offline.search(db.em(), 'seven', { year: 2001 })).toEqual([]);
  });

  it('when details are stored, then the film’s alternative titles are replaced by TMDB’s list, one per key, never its own title', async () => {
    const titlesOf = async (id: number) =>
      (await db.em().find(MovieAlternativeTitle, { movie: id }, { orderBy: { title: 'asc' } })).map((a) => a.title);
    await offline.storeDetails(db.em(), details(807, 'Se7en', ['Seven', 'SEVEN', 'se7en', 'Seven: Os Sete Crimes']));
    expect(await titlesOf(807)).toEqual(['Seven', 'Seven: Os Sete Crimes']);
    await offline.storeDetails(db.em(), details(807, 'Se7en', ['Sieben']));
    expect(await titlesOf(807)).toEqual(['Sieben']);
    expect((await offline.autocomplete(db.em(), 'seven', { budgetMs: 2_000 })).map((c) => c.id)).toEqual([]);
    // A film that goes away takes its alternative titles with it.
    await db.em().nativeDelete(Movie, { id: 807 });
    expect(await titlesOf(807)).toEqual([]);
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

  it('when the planner looks for an alternative title prefix, then it can use that table’s title key index', async () => {
    const em = db.em();
    await em.execute('set enable_seqscan = off');
    const plan = await em.execute<Record<string, string>[]>(
      `explain select movie_id from movie_alternative_titles where "key" like 'seve%'`,
    );
    await em.execute('set enable_seqscan = on');
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toContain('movie_alternative_titles_key_index');
  });
});
