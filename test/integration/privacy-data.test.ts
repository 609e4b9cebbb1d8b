import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderExportReadme } from '../../src/bot/privacy-render.ts';
import { Feedback, GuildMember, Rating, Watched } from '../../src/entities/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { createCatalogue } from '../../src/services/catalogue-service.ts';
import { createImportRunner } from '../../src/services/import/import-runner.ts';
import { createImportJob } from '../../src/services/import/import-service.ts';
import { deleteUserData, exportUserData, rowsReferencing, userTables } from '../../src/services/privacy-data.ts';
import { takeSharedLimit } from '../../src/services/rate-limit-service.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { ensureUser } from '../../src/services/user-service.ts';
import { addWatched } from '../../src/services/watched-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';
import { startTmdbHarness, type TmdbHarness } from '../support/tmdb.ts';

const db = useTestDatabase();
const now = new Date('2026-11-30T12:00:00Z');

async function someone(): Promise<string> {
  const user = snowflake();
  const em = db.em();
  await insertMovie(em, 949, 'Heat', { releaseDate: '1995-12-15' }).catch(() => undefined);
  await insertMovie(db.em(), 603, 'The Matrix', { releaseDate: '1999-03-31' }).catch(() => undefined);
  await insertMovie(db.em(), 194, 'Amélie', { releaseDate: '2001-04-25' }).catch(() => undefined);
  await setRating(db.em(), user, 949, 4.5);
  await setRating(db.em(), user, 194, 3);
  await addWatched(db.em(), user, 949, { date: '2024-02-28', now });
  await addWatched(db.em(), user, 949, { date: '2024-01-31', now });
  await addWatched(db.em(), user, 603, { date: '2023-05-05', now });
  const em2 = db.em();
  const u = await ensureUser(em2, user);
  em2.create(Feedback, { user: u, movie: 603, kind: 'up', source: 'recommend' });
  em2.create(GuildMember, { guildId: '900000000000000001', user: u });
  await em2.flush();
  return user;
}

describe('privacy export and delete', { timeout: 60_000 }, () => {
  let h: TmdbHarness;
  beforeEach(async () => {
    h = await startTmdbHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('when someone exports, then the ZIP holds every table that refers to them, as JSON and CSV', async () => {
    const user = await someone();
    const out = await exportUserData(db.em(), user, now, renderExportReadme(translator('de'), user, now));
    const files = unzipSync(new Uint8Array(out.data));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'README.txt',
        'marquee.json',
        'ratings.csv',
        'diary.csv',
        'tables/ratings.csv',
        'tables/feedback.csv',
      ]),
    );
    const json = JSON.parse(strFromU8(files['marquee.json'] as Uint8Array));
    expect(json.userId).toBe(user);
    expect(json.tables.ratings).toHaveLength(2);
    expect(json.tables.watched).toHaveLength(2);
    expect(json.tables.feedback).toHaveLength(1);
    expect(json.tables.guild_members).toHaveLength(1);
    for (const t of userTables(db.em())) expect(Object.keys(json.tables)).toContain(t.table);
    expect(
      strFromU8(files['diary.csv'] as Uint8Array)
        .split('\n')
        .filter(Boolean),
    ).toHaveLength(1 + 3); // Heat twice
    // The readme is in the person's language; the column names /import reads back stay Letterboxd's English.
    const readme = strFromU8(files['README.txt'] as Uint8Array);
    expect(readme).toContain(`Alles, was Marquee über Nutzer ${user} gespeichert hat`);
    expect(readme).toContain('`/importieren datei:`');
    expect(strFromU8(files['ratings.csv'] as Uint8Array).split('\n')[0]).toMatch(/^Date,Name,Year/);
  });

  it('when the export is imported as a new user, then they get the same ratings and watch log', async () => {
    const user = await someone();
    const out = await exportUserData(db.em(), user, now, renderExportReadme(translator('en-US'), user, now));
    const copy = snowflake();
    const job = await createImportJob(db.em(), {
      userId: copy,
      fileName: out.fileName,
      bytes: new Uint8Array(out.data),
      source: 'auto',
      reply: null,
    });
    const catalogue = createCatalogue({ tmdb: h.client, logger: h.log.logger, ttlDays: 7, clock: () => now });
    const runner = createImportRunner({
      orm: db.orm,
      logger: h.log.logger,
      tmdb: h.client,
      storeSummaries: catalogue.storeSummaries,
      reporter: { progress: async () => {}, finished: async () => {} },
      clock: () => now,
    });
    expect(await runner.runJob(job.id)).toBe('done');
    const state = async (u: string) => ({
      ratings: (await db.em().find(Rating, { user: u }, { orderBy: { movie: 'asc' } })).map((r) => [
        r.movie.id,
        r.score,
      ]),
      watched: (await db.em().find(Watched, { user: u }, { orderBy: { movie: 'asc' } })).map((w) => [
        w.movie.id,
        w.watchedOn,
        w.rewatchCount,
      ]),
    });
    expect(await state(copy)).toEqual(await state(user));
    expect(h.fake.requests.filter((r) => r.path.startsWith('/3/search'))).toHaveLength(0); // matched by TMDB id
  });

  it('when someone deletes their data, then no row in any table refers to them and others are untouched', async () => {
    const user = await someone();
    const other = await someone();
    await takeSharedLimit(db.em(), user, 'recommend', { limit: 5, windowMs: 60_000 }, now);
    expect(await rowsReferencing(db.em(), user)).toBeGreaterThan(0);
    const report = await deleteUserData(db.em(), user);
    expect(report.removed).toMatchObject({
      ratings: 2,
      watched: 2,
      feedback: 1,
      guild_members: 1,
      rate_limit_uses: 1,
      users: 1,
    });
    expect(await rowsReferencing(db.em(), user)).toBe(0);
    expect(await db.em().count(Rating, { user: other })).toBe(2);
  });
});
