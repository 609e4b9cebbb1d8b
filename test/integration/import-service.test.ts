import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unmatchedCsv } from '../../src/bot/import-render.ts';
import { ImportChange, ImportJob, ImportRow, Rating, Watched } from '../../src/entities/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { createCatalogue } from '../../src/services/catalogue-service.ts';
import { createImportRunner, type ImportReport } from '../../src/services/import/import-runner.ts';
import type { ImportJobView } from '../../src/services/import/import-service.ts';
import { createImportJob, undoLastImport } from '../../src/services/import/import-service.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';
import { startTmdbHarness, type TmdbHarness } from '../support/tmdb.ts';

const db = useTestDatabase();
const HEAT = 949;
const PARASITE = 496243;
const AMELIE = 194;

const RATINGS =
  'Date,Name,Year,Letterboxd URI,Rating\n' +
  '2024-01-02,Heat,1995,u,4.5\n' +
  '2024-01-03,Amelie,2001,u,5\n' +
  '2024-01-04,Zorblax Returns Again,2011,u,2\n';
const DIARY =
  'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n' +
  '2024-02-01,Heat,1995,u,4,,,2024-01-31\n' +
  '2024-03-01,Heat,1995,u,4.5,Yes,,2024-02-28\n' +
  '2024-03-02,Parasite,2019,u,,,,2024-03-01\n';
const WATCHLIST = 'Date,Name,Year,Letterboxd URI\n2023-06-06,Alien,1979,u\n';

const zip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));

describe('import service', () => {
  let h: TmdbHarness;
  let now: Date;
  const progress: ImportJobView[] = [];
  const finished: { job: ImportJobView; report: ImportReport | null }[] = [];
  beforeEach(async () => {
    h = await startTmdbHarness();
    now = new Date('2026-11-30T12:00:00Z');
    progress.length = 0;
    finished.length = 0;
  });
  afterEach(async () => {
    await h.close();
  });

  function runner(extra: Partial<Parameters<typeof createImportRunner>[0]> = {}) {
    const catalogue = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7, clock: () => now });
    return createImportRunner({
      orm: db.orm,
      logger: h.log.logger,
      tmdb: h.client,
      storeSummaries: catalogue.storeSummaries,
      reporter: {
        progress: async (job) => {
          progress.push(job);
        },
        finished: async (job, report) => {
          finished.push({ job, report });
        },
      },
      clock: () => now,
      progressEveryMs: 0,
      batchSize: 2,
      ...extra,
    });
  }

  async function importFile(userId: string, bytes: Uint8Array, fileName: string) {
    const job = await createImportJob(db.em(), { userId, fileName, bytes, source: 'auto', reply: null });
    expect(await runner().runJob(job.id)).toBe('done');
    return job;
  }

  it('when a Letterboxd ZIP is imported, then ratings, watches with rewatches land and unmatched rows are reported', async () => {
    const user = snowflake();
    await importFile(user, zip({ 'ratings.csv': RATINGS, 'diary.csv': DIARY, 'watchlist.csv': WATCHLIST }), 'lb.zip');
    const ratings = await db.em().find(Rating, { user }, { orderBy: { movie: 'asc' } });
    expect(ratings.map((r) => [r.movie.id, r.score])).toEqual([
      [AMELIE, 5],
      [HEAT, 4.5],
    ]);
    const watched = await db.em().find(Watched, { user }, { orderBy: { movie: 'asc' } });
    // Letterboxd lists watched films in diary.csv / watched.csv; a rating alone does not log a viewing.
    expect(watched.map((w) => [w.movie.id, w.watchedOn, w.rewatchCount])).toEqual([
      [HEAT, '2024-02-28', 1],
      [PARASITE, '2024-03-01', 0],
    ]);
    expect(finished).toHaveLength(1);
    const { job, report } = finished[0] ?? { job: null, report: null };
    expect(job).toMatchObject({ status: 'done', totalRows: 7, matchedRows: 6, unmatchedRows: 1 });
    expect(job?.summary).toMatchObject({ ratingsAdded: 2, watchedAdded: 2, watchlistAdded: 1 });
    expect(report?.name).toMatch(/\.csv$/);
    // Column names and statuses stay English (machine-read); the note is in the reader's language.
    const csv = unmatchedCsv(translator('de'), report?.rows ?? []);
    expect(csv.split('\n')[0]).toBe('file,line,title,year,imdb_id,status,confidence,note');
    expect(csv).toContain('ratings.csv,4,Zorblax Returns Again,2011,,not_found');
    expect(csv).toMatch(/am nächsten: |kein Film mit diesem Titel/);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.processedRows).toBeLessThanOrEqual(7);
    // The import told the recommender (taste_version is what every process's cache compares).
    const [row] = await db.em().execute<{ v: number }[]>('select taste_version as v from users where id = ?', [user]);
    expect(Number(row?.v)).toBeGreaterThan(0);
  });

  it('when the same file is imported twice, then the second import changes nothing', async () => {
    const user = snowflake();
    const file = zip({ 'ratings.csv': RATINGS, 'diary.csv': DIARY });
    await importFile(user, file, 'lb.zip');
    const before = await db.em().find(Watched, { user }, { orderBy: { movie: 'asc' } });
    const second = await importFile(user, file, 'lb.zip');
    expect(finished.at(-1)?.job.summary).toMatchObject({
      ratingsAdded: 0,
      ratingsUpdated: 0,
      watchedAdded: 0,
      watchedUpdated: 0,
    });
    expect(await db.em().count(ImportChange, { job: second.id })).toBe(0);
    const after = await db.em().find(Watched, { user }, { orderBy: { movie: 'asc' } });
    expect(after.map((w) => [w.movie.id, w.watchedOn, w.rewatchCount])).toEqual(
      before.map((w) => [w.movie.id, w.watchedOn, w.rewatchCount]),
    );
  });

  it('when a newer file changes a rating, then it updates, and undo restores the old one and removes what was added', async () => {
    const user = snowflake();
    await insertMovie(db.em(), HEAT, 'Heat', { releaseDate: '1995-12-15' });
    await setRating(db.em(), user, HEAT, 2); // the user's own rating, before any import
    await importFile(user, zip({ 'ratings.csv': RATINGS }), 'old.zip');
    expect(await ratingOf(user, HEAT)).toBe(4.5);
    await importFile(user, zip({ 'ratings.csv': RATINGS.replace('Heat,1995,u,4.5', 'Heat,1995,u,3') }), 'new.zip');
    expect(await ratingOf(user, HEAT)).toBe(3);
    expect(finished.at(-1)?.job.summary).toMatchObject({ ratingsUpdated: 1, ratingsAdded: 0 });

    const undo = await undoLastImport(db.em(), user, now);
    expect(undo.restored).toBe(1);
    expect(await ratingOf(user, HEAT)).toBe(4.5); // back to what the previous import set
    await expect(undoLastImport(db.em(), user, now)).rejects.toThrow(/no import to undo/);
  });

  it('when the first import is undone, then exactly its additions go and the user’s own rating stays', async () => {
    const user = snowflake();
    await insertMovie(db.em(), PARASITE, 'Parasite', { releaseDate: '2019-05-30' });
    await setRating(db.em(), user, PARASITE, 5);
    await importFile(user, zip({ 'ratings.csv': RATINGS, 'diary.csv': DIARY }), 'lb.zip');
    // The user changes one imported rating afterwards: undo keeps their edit.
    await setRating(db.em(), user, AMELIE, 1);
    const undo = await undoLastImport(db.em(), user, now);
    expect(undo.keptUserEdits).toBe(1);
    const ratings = await db.em().find(Rating, { user }, { orderBy: { movie: 'asc' } });
    expect(ratings.map((r) => [r.movie.id, r.score])).toEqual([
      [AMELIE, 1],
      [PARASITE, 5],
    ]);
    expect(await db.em().count(Watched, { user })).toBe(0);
  });

  it('when an IMDb ratings CSV is imported, then rows match by IMDb id and 1–10 become half stars', async () => {
    const user = snowflake();
    const csv =
      'Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n' +
      'tt0113277,9,2020-05-01,Heat,u,Movie,8.3,170,1995,Crime,1,1995-12-15,Michael Mann\n' +
      'tt0110413,7,2020-05-02,Leon,u,Movie,8.5,110,1994,Crime,1,1994-09-14,Luc Besson\n' +
      'tt9999999,5,2020-05-03,Nothing,u,Movie,1,1,2001,Drama,1,2001-01-01,\n';
    await importFile(user, new TextEncoder().encode(csv), 'imdb-ratings.csv');
    const ratings = await db.em().find(Rating, { user }, { populate: ['movie'], orderBy: { movie: 'asc' } });
    expect(ratings.map((r) => [r.movie.title, r.score])).toEqual([
      ['Léon: The Professional', 3.5],
      ['Heat', 4.5],
    ]);
    expect(finished.at(-1)?.job).toMatchObject({ matchedRows: 2, unmatchedRows: 1 });
    // The IMDb id is remembered, so the next import needs no TMDB call for it.
    const finds = h.fake.requests.filter((r) => r.path.startsWith('/3/find/')).length;
    await importFile(user, new TextEncoder().encode(csv), 'imdb-ratings.csv');
    expect(h.fake.requests.filter((r) => r.path.startsWith('/3/find/')).length - finds).toBeLessThanOrEqual(1);
  });

  it('when TMDB goes down mid-import and the process restarts, then a new runner finishes the job from where it stopped', async () => {
    const user = snowflake();
    const job = await createImportJob(db.em(), {
      userId: user,
      fileName: 'lb.zip',
      bytes: zip({ 'ratings.csv': RATINGS, 'diary.csv': DIARY }),
      source: 'auto',
      reply: null,
    });
    let calls = 0;
    // After the first batch, TMDB fails every request.
    const stopAfterFirstBatch = runner({
      concurrency: 1,
      reporter: {
        progress: async () => {
          calls++;
          h.fake.faults.inject({ kind: 'server_error', times: Number.POSITIVE_INFINITY });
        },
        finished: async (j, r) => {
          finished.push({ job: j, report: r });
        },
      },
    });
    expect(await stopAfterFirstBatch.runJob(job.id)).toBe('retry');
    expect(calls).toBeGreaterThan(0);
    const mid = await db.em().findOneOrFail(ImportJob, job.id);
    expect(mid.status).toBe('running');
    expect(mid.processedRows).toBeGreaterThan(0);
    expect(mid.processedRows).toBeLessThan(mid.totalRows);
    expect(await db.em().count(Rating, { user })).toBe(0); // nothing applied yet

    h.fake.faults.clear();
    now = new Date(now.getTime() + 120_000); // the paused lease has run out
    expect(await runner().runJob(job.id)).toBe('done');
    expect(await db.em().count(Rating, { user })).toBe(2);
    expect(await db.em().count(ImportRow, { job: job.id, status: 'pending' })).toBe(0);
  });

  it('when a person already has an import running, then a second one is refused', async () => {
    const user = snowflake();
    const input = {
      userId: user,
      fileName: 'r.csv',
      bytes: new TextEncoder().encode(RATINGS),
      source: 'auto' as const,
      reply: null,
    };
    await createImportJob(db.em(), input);
    await expect(createImportJob(db.em(), input)).rejects.toThrow(/still running/);
  });

  async function ratingOf(user: string, movie: number) {
    return (await db.em().findOne(Rating, { user, movie }))?.score ?? null;
  }
});
