import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createBlendLearningJob } from '../../src/services/blend-learning-job.ts';
import { createRecommendationService } from '../../src/services/recommendation-service.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

describe('blend learning job', () => {
  it('when feedback favours one source, then new weights are saved with a new version and every process serves them', async () => {
    const em = db.em();
    const movies = 40;
    await em.execute(
      `insert into movies (id, title, created_at, updated_at) values ${Array.from({ length: movies }, (_, i) => `(${i + 1}, 'F', now(), now())`).join(',')}`,
    );
    let t = Date.parse('2026-11-01T00:00:00Z');
    for (let u = 0; u < 30; u++) {
      const userId = `syn:${u}`;
      await em.execute(`insert into users (id, kind, created_at, updated_at) values (?, 'synthetic', now(), now())`, [
        userId,
      ]);
      for (let m = 1; m <= 20; m++) {
        t += 60_000;
        const movieId = ((u * 7 + m) % movies) + 1;
        const itemKnn = ((u * 13 + m * 29) % 100) / 100;
        const popularity = ((u * 31 + m * 17) % 100) / 100;
        await em.execute(
          `insert into recommendation_log (user_id, movie_id, rank, score, source_scores, model_version, context, batch_id, shown_at)
           values (?, ?, 1, 0, ?::jsonb, 'm1', 'weekly_dm', 'b', ?)`,
          [
            userId,
            movieId,
            JSON.stringify({ content: 0.5, user_knn: 0.5, item_knn: itemKnn, ease: 0.5, popularity }),
            new Date(t),
          ],
        );
        const kind = itemKnn > 0.6 ? 'up' : itemKnn < 0.4 ? 'down' : null;
        if (kind) {
          await em.execute(
            `insert into feedback (user_id, movie_id, kind, source, created_at) values (?, ?, ?, 'weekly_dm', now()) on conflict do nothing`,
            [userId, movieId, kind],
          );
        }
      }
    }
    const logger = pino({ level: 'silent' });
    const serviceIn = () => createRecommendationService({ orm: db.orm, logger, buildInWorker: false });
    const [a, b] = [serviceIn(), serviceIn()];
    await a.start();
    await b.start();
    const initial = a.getBlendWeights().version;
    const job = createBlendLearningJob({
      orm: db.orm,
      logger,
      recommender: a,
      clock: () => new Date('2026-11-24T00:00:00Z'),
      // A small log: lower the sample needed for a global change (default 2,000 pairs per split).
      refit: { minPairs: 50 },
    });
    const r = await job.runOnce();
    expect(r.adoptedGlobal).toBe(true);
    expect(r.version).not.toBe(initial);
    expect(a.getBlendWeights().version).toBe(r.version);
    expect(a.getBlendWeights().global.item_knn).toBeGreaterThan(a.getBlendWeights().global.popularity as number);

    // Another process picks the saved set up (here at its next rebuild; requests also check every minute) …
    await b.rebuild();
    expect(b.getBlendWeights()).toEqual(a.getBlendWeights());
    // … and so does a process started later (a restart keeps what was learned).
    const c = serviceIn();
    await c.start();
    expect(c.getBlendWeights().version).toBe(r.version);
    expect(c.getBlendWeights().global).toEqual(a.getBlendWeights().global);
    await Promise.all([a.stop(), b.stop(), c.stop()]);
  });
});
