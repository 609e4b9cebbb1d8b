// The ranking worker (src/services/ranking-pool.ts) on a small random model: it ranks exactly what the caller would,
// a batch it cannot rank is refused with the reason and leaves the pool usable, and a closed pool refuses work.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHybrid, type HybridModel, mulberry32, recommend } from '../../src/recommender/index.ts';
import { trainingEvidence } from '../../src/recommender/offline.ts';
import { createRankingPool, type RankingPool } from '../../src/services/ranking-pool.ts';
import type { RankJob } from '../../src/services/recommendation-worker-message.ts';
import { data, item } from './recommender/fixtures.ts';

const logger = pino({ level: 'silent' });

/** 60 users, 40 films with genres (so content scores too), ratings 1–5 from a seeded generator. */
function smallModel(): HybridModel {
  const rand = mulberry32(11);
  const rows: [number, number, number][] = [];
  for (let u = 0; u < 60; u++)
    for (let i = 0; i < 40; i++) if (rand() < 0.25) rows.push([u, i, 1 + Math.floor(rand() * 9) / 2]);
  const items = Array.from({ length: 40 }, (_, i) => item(i + 1, { genres: [['Drama', 'Comedy', 'Horror'][i % 3]!] }));
  return buildHybrid(data(items, rows));
}

let pool: RankingPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('ranking pool', () => {
  it('when a batch is ranked on the worker, then the picks are the ones ranked here; a bad batch is refused, the next works', async () => {
    const model = smallModel();
    const jobs: RankJob[] = [0, 5, 9].map((u) => ({
      evidence: trainingEvidence(model, u),
      options: { count: 5, diversity: 0.85 },
    }));
    pool = createRankingPool({ logger });
    const remote = await pool.rank(model, 'v1', undefined, jobs);
    expect(remote).toEqual(jobs.map((j) => recommend(model, j.evidence, j.options)));

    const broken = { ...model, items: [] } as unknown as HybridModel;
    // The worker's own error comes back (here a typed array the broken model cannot fill).
    await expect(pool.rank(broken, 'v2', undefined, jobs)).rejects.toThrow(/out of bounds/);
    expect(pool.healthy).toBe(true);
    expect(await pool.rank(model, 'v3', undefined, jobs)).toEqual(remote);

    await pool.close();
    expect(pool.healthy).toBe(false);
    await expect(pool.rank(model, 'v3', undefined, jobs)).rejects.toThrow(/not available/);
  });
});
