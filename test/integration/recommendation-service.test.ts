import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { reasonText } from '../../src/bot/reason-text.ts';
import type { Em } from '../../src/db.ts';
import { Feedback, Rating, RecommendationLog, User, Watched } from '../../src/entities/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { toggleFeedback } from '../../src/services/feedback-service.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { createRecommendationService, type RecommendationService } from '../../src/services/recommendation-service.ts';
import { noteTasteChanged } from '../../src/services/recommendation-taste.ts';
import { addWatched } from '../../src/services/watched-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const en = translator('en-US');

const db = useTestDatabase();
const logger = pino({ level: 'silent' });

// Two taste clusters: crime thrillers (ids 1xx) and animated family films (ids 2xx).
const CRIME = [101, 102, 103, 104, 105, 106];
const FAMILY = [201, 202, 203, 204, 205, 206];
const named = (xs: string[]) => xs.map((name, id) => ({ id: id + 1, name }));

async function seedCatalogue(em: Em) {
  for (const [k, id] of CRIME.entries()) {
    await insertMovie(em, id, k === 0 ? 'Heat' : `Crime ${id}`, {
      releaseDate: `${1990 + k}-01-01`,
      runtime: 100 + k * 10,
      genres: named(['Crime', 'Thriller']),
      keywords: named(['heist', 'police']),
      directors: [{ id: 1, name: 'Michael Mann' }],
    });
  }
  for (const [k, id] of FAMILY.entries()) {
    await insertMovie(em, id, `Family ${id}`, {
      releaseDate: `${2000 + k}-01-01`,
      runtime: 85 + k,
      genres: named(['Animation', 'Family']),
      keywords: named(['friendship', 'talking animals']),
    });
  }
  // Imported users who each love one cluster.
  for (let u = 0; u < 8; u++) {
    const id = `ml:${u + 1}`;
    em.create(User, { id, kind: 'imported' });
    const cluster = u % 2 === 0 ? CRIME : FAMILY;
    for (const m of cluster) em.create(Rating, { user: id, movie: m, score: 4.5 });
    await em.flush();
  }
}

describe('recommendation service', () => {
  let svc: RecommendationService;
  let alice: string;

  beforeEach(async () => {
    alice = snowflake();
    await seedCatalogue(db.em());
    svc = createRecommendationService({ orm: db.orm, logger });
    await svc.start();
  });

  it('when a user has fewer than 3 ratings, then they get films to rate (onboarding)', async () => {
    await setRating(db.em(), alice, 101, 5);
    const res = await svc.recommend(db.em(), alice, { context: 'recommend' });
    expect(res.kind).toBe('onboarding');
    if (res.kind !== 'onboarding') return;
    expect(res.movies.length).toBeGreaterThan(0);
    expect(res.movies.map((m) => m.id)).not.toContain(101);
  });

  it('when a crime fan asks, then crime films come first, none already rated, each logged with a reason', async () => {
    for (const m of [101, 102, 103]) await setRating(db.em(), alice, m, 5);
    await noteTasteChanged(db.em(), alice);
    const res = await svc.recommend(db.em(), alice, { context: 'recommend', count: 3, guildId: '123456789012345678' });
    expect(res.kind).toBe('picks');
    if (res.kind !== 'picks') return;
    const ids = res.picks.map((p) => p.movieId);
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => CRIME.includes(id) && ![101, 102, 103].includes(id))).toBe(true);
    const lines = res.picks.map((p) => reasonText(en, p.reason));
    for (const line of lines) expect(line.length).toBeGreaterThan(5);
    expect(lines.some((l) => /Heat|Michael Mann|people with your taste/.test(l))).toBe(true);
    const logs = await db.em().find(RecommendationLog, { batchId: res.batchId }, { orderBy: { rank: 'asc' } });
    expect(logs.map((l) => l.id)).toEqual(res.picks.map((p) => p.impressionId));
    expect(logs.every((l) => l.modelVersion === res.modelVersion && l.context === 'recommend')).toBe(true);
    expect(Object.keys(logs[0]?.sourceScores ?? {}).sort()).toEqual([
      'content',
      'ease',
      'item_knn',
      'popularity',
      'related',
      'user_knn',
    ]);
    // Kept to 4 decimals (the re-fit compares z-scores; the rest of a float's digits were most of the row's bytes).
    const logged = logs.flatMap((l) => Object.values(l.sourceScores));
    expect(logged.some((v) => v !== 0)).toBe(true);
    for (const v of logged) expect(Math.round(v * 1e4) / 1e4).toBe(v);
    expect(res.modelVersion).toContain('+w:default');
  });

  it('when films get 👎, not interested, seen or watched, then they are never recommended; new ratings count at once', async () => {
    for (const m of [101, 102, 103]) await setRating(db.em(), alice, m, 5);
    const em = db.em();
    em.create(Feedback, { user: alice, movie: 104, kind: 'down', source: 'recommend' });
    em.create(Feedback, { user: alice, movie: 105, kind: 'not_interested', source: 'recommend' });
    em.create(Feedback, { user: alice, movie: 106, kind: 'seen', source: 'recommend' });
    em.create(Watched, { user: alice, movie: 201, watchedOn: '2026-01-01' });
    await em.flush();
    await noteTasteChanged(db.em(), alice);
    const res = await svc.recommend(db.em(), alice, { context: 'recommend', count: 10 });
    if (res.kind !== 'picks') throw new Error('expected picks');
    const ids = res.picks.map((p) => p.movieId);
    for (const gone of [101, 102, 103, 104, 105, 106, 201]) expect(ids).not.toContain(gone);
    expect(ids.length).toBe(5);

    await setRating(db.em(), alice, 202, 4);
    await noteTasteChanged(db.em(), alice);
    const next = await svc.recommend(db.em(), alice, { context: 'recommend', count: 10 });
    if (next.kind !== 'picks') throw new Error('expected picks');
    expect(next.picks.map((p) => p.movieId)).not.toContain(202);
    expect(next.modelVersion).toBe(res.modelVersion); // no rebuild happened
  });

  it('when the user changes their mind, then the next answer follows at once without a rebuild', async () => {
    for (const m of [101, 102, 103]) await setRating(db.em(), alice, m, 5);
    const before = await svc.recommend(db.em(), alice, { context: 'recommend', count: 1 });
    if (before.kind !== 'picks') throw new Error('expected picks');
    expect(CRIME).toContain(before.picks[0]?.movieId);

    for (const m of [101, 102, 103]) await setRating(db.em(), alice, m, 0.5);
    const em = db.em();
    for (const m of [201, 202, 203]) em.create(Feedback, { user: alice, movie: m, kind: 'up', source: 'recommend' });
    await em.flush();
    await noteTasteChanged(db.em(), alice);
    const after = await svc.recommend(db.em(), alice, { context: 'recommend', count: 1 });
    if (after.kind !== 'picks') throw new Error('expected picks');
    expect(FAMILY).toContain(after.picks[0]?.movieId);
    expect(after.modelVersion).toBe(before.modelVersion);
  });

  it('when taste changes through the services, then every process answers from fresh rows without being told', async () => {
    for (const m of [101, 102, 103]) await setRating(db.em(), alice, m, 5);
    const other = createRecommendationService({ orm: db.orm, logger, buildInWorker: false });
    await other.start();
    for (const s of [svc, other]) await s.recommend(db.em(), alice, { context: 'recommend', count: 10 }); // cached
    await setRating(db.em(), alice, 104, 2);
    await toggleFeedback(db.em(), { userId: alice, movieId: 105, kind: 'not_interested', source: 'recommend' });
    await addWatched(db.em(), alice, 106, { now: new Date('2026-11-30T00:00:00Z') });
    for (const s of [svc, other]) {
      const res = await s.recommend(db.em(), alice, { context: 'recommend', count: 10 });
      if (res.kind !== 'picks') throw new Error('expected picks');
      for (const gone of [104, 105, 106]) expect(res.picks.map((p) => p.movieId)).not.toContain(gone);
    }
    await other.stop();
  });

  it('when filters are given, then only films matching genre, years and runtime come back', async () => {
    for (const m of [101, 201, 202]) await setRating(db.em(), alice, m, 4);
    const res = await svc.recommend(db.em(), alice, {
      context: 'recommend',
      count: 10,
      genre: 'crime',
      fromYear: 1992,
      toYear: 1995,
      maxRuntime: 140,
    });
    if (res.kind !== 'picks') throw new Error('expected picks');
    expect(res.picks.map((p) => p.movieId).sort()).toEqual([103, 104, 105]);
    expect(res.picks.every((p) => p.genres.includes('Crime'))).toBe(true);
  });

  it('when blend weights are set, then the model version logged includes their version', async () => {
    for (const m of [101, 102, 103]) await setRating(db.em(), alice, m, 5);
    await svc.setBlendWeights({ version: 'wk47', global: { ease: 0.5, content: 1 } });
    expect(svc.getBlendWeights().version).toBe('wk47');
    const res = await svc.recommend(db.em(), alice, { context: 'weekly_dm', count: 2, excludeMovieIds: [104] });
    if (res.kind !== 'picks') throw new Error('expected picks');
    expect(res.modelVersion).toMatch(/\+w:wk47$/);
    expect(res.picks.map((p) => p.movieId)).not.toContain(104);
  });
});
