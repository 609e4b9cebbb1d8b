import { describe, expect, it } from 'vitest';
import { Feedback, RecommendationLog } from '../../src/entities/index.ts';
import { listFeedback, toggleFeedback } from '../../src/services/feedback-service.ts';
import { ensureUser } from '../../src/services/user-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();

describe('feedback service', () => {
  it('when a user clicks 👍 twice, then the first stores it and the second undoes it', async () => {
    const user = snowflake();
    await insertMovie(db.em(), 949, 'Heat');
    expect(await toggleFeedback(db.em(), { userId: user, movieId: 949, kind: 'up', source: 'recommend' })).toEqual({
      active: true,
    });
    expect(await listFeedback(db.em(), user)).toEqual([{ movieId: 949, kind: 'up' }]);
    expect(await toggleFeedback(db.em(), { userId: user, movieId: 949, kind: 'up', source: 'recommend' })).toEqual({
      active: false,
    });
    expect(await db.em().count(Feedback, { user })).toBe(0);
  });

  it('when the click answers an impression of this user and film, then it is linked; a foreign impression is not', async () => {
    const user = snowflake();
    const other = snowflake();
    const em = db.em();
    const movie = await insertMovie(em, 949, 'Heat');
    const mine = em.create(RecommendationLog, {
      user: await ensureUser(em, user),
      movie,
      rank: 1,
      score: 1,
      sourceScores: {},
      modelVersion: 't',
      context: 'recommend',
      batchId: 'b',
    });
    const theirs = em.create(RecommendationLog, {
      user: await ensureUser(em, other),
      movie,
      rank: 1,
      score: 1,
      sourceScores: {},
      modelVersion: 't',
      context: 'recommend',
      batchId: 'c',
    });
    await em.flush();
    await toggleFeedback(db.em(), {
      userId: user,
      movieId: 949,
      kind: 'seen',
      source: 'recommend',
      impressionId: mine.id,
    });
    await toggleFeedback(db.em(), {
      userId: user,
      movieId: 949,
      kind: 'up',
      source: 'recommend',
      impressionId: theirs.id,
    });
    const rows = await db.em().find(Feedback, { user }, { orderBy: { id: 'asc' } });
    expect(rows.map((f) => [f.kind, f.impression?.id ?? null])).toEqual([
      ['seen', mine.id],
      ['up', null],
    ]);
  });

  it('when a user switches 👍 to 👎, then only 👎 remains', async () => {
    const user = snowflake();
    await insertMovie(db.em(), 949, 'Heat');
    await toggleFeedback(db.em(), { userId: user, movieId: 949, kind: 'up', source: 'recommend' });
    await toggleFeedback(db.em(), { userId: user, movieId: 949, kind: 'down', source: 'recommend' });
    expect(await listFeedback(db.em(), user)).toEqual([{ movieId: 949, kind: 'down' }]);
  });

  it('when the same click arrives twice at once, then one row is stored', async () => {
    const user = snowflake();
    await insertMovie(db.em(), 949, 'Heat');
    await ensureUser(db.em(), user);
    await Promise.all([
      toggleFeedback(db.em(), { userId: user, movieId: 949, kind: 'not_interested', source: 'weekly_dm' }),
      toggleFeedback(db.em(), { userId: user, movieId: 949, kind: 'not_interested', source: 'weekly_dm' }),
    ]);
    expect(await db.em().count(Feedback, { user })).toBeLessThanOrEqual(1);
  });
});
