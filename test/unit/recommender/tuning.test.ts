import { describe, expect, it } from 'vitest';
import {
  type BlendWeights,
  bareItem,
  effectiveWeights,
  type ItemMeta,
  type TrainingData,
} from '../../../src/recommender/index.ts';
import {
  HALF_WARM_GRID,
  POPULARITY_PENALTY_GRID,
  tuneOnTraining,
  WARM_POWER_GRID,
} from '../../../src/recommender/tuning.ts';

describe('the cold → warm move', () => {
  const blend = (warmPower?: number): BlendWeights => ({
    warm: { ease: 1 },
    cold: { popularity: 1 },
    halfWarmAt: 10,
    ...(warmPower === undefined ? {} : { warmPower }),
  });

  it('when no steepness is given, then warmth is n / (n + halfWarmAt)', () => {
    expect(effectiveWeights(blend(), 5).ease).toBeCloseTo(5 / 15, 10);
    expect(effectiveWeights(blend(), 5).popularity).toBeCloseTo(10 / 15, 10);
    expect(effectiveWeights(blend(1), 40).ease).toBeCloseTo(40 / 50, 10);
  });

  it('when warmPower is 3, then a 5-rating user stays mostly cold and a 40-rating user is almost fully warm', () => {
    expect(effectiveWeights(blend(3), 10).ease).toBeCloseTo(0.5, 10);
    expect(effectiveWeights(blend(3), 5).ease).toBeCloseTo(125 / 1125, 10);
    expect(effectiveWeights(blend(3), 40).ease).toBeCloseTo(64000 / 65000, 10);
    expect(effectiveWeights(blend(3), 0).ease).toBe(0);
  });
});

function film(id: number): ItemMeta {
  return bareItem(id, `Film ${id}`);
}

/** Two taste groups over 40 films; each of 60 users rates 20 films mostly from their group. */
function community(): TrainingData {
  const user: number[] = [];
  const item: number[] = [];
  let x = 7;
  const rand = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  for (let u = 0; u < 60; u++) {
    const base = u % 2 === 0 ? 0 : 20;
    const seen = new Set<number>();
    while (seen.size < 20) seen.add(rand() < 0.85 ? base + Math.floor(rand() * 20) : Math.floor(rand() * 40));
    for (const i of [...seen].sort((a, b) => a - b)) {
      user.push(u);
      item.push(i);
    }
  }
  return {
    items: Array.from({ length: 40 }, (_, i) => film(i + 1)),
    userIds: Array.from({ length: 60 }, (_, u) => String(u)),
    ratings: { user: Int32Array.from(user), item: Int32Array.from(item), value: new Float32Array(user.length).fill(4) },
  };
}

describe('validation-only tuning', () => {
  const opts = { seed: 1, lambdas: [10], base: { ease: { lambda: 10, maxItems: 40, minCount: 1 } } };

  it('when tuning, then the cold → warm midpoint and steepness come from their grids and are logged', () => {
    const tuned = tuneOnTraining(community(), opts);
    expect(HALF_WARM_GRID).toContain(tuned.blend.halfWarmAt);
    expect(WARM_POWER_GRID).toContain(tuned.blend.warmPower);
    expect(tuned.log.some((l) => l.startsWith(`tune: chose halfWarmAt=${tuned.blend.halfWarmAt} `))).toBe(true);
    expect(tuned.log.filter((l) => l.includes('warmPower=')).length).toBe(
      HALF_WARM_GRID.length * WARM_POWER_GRID.length + 1,
    );
  });

  it('when a popularity penalty is chosen, then it cost no validation nDCG over the unpenalised blend', () => {
    const tuned = tuneOnTraining(community(), opts);
    const ndcgOf = (line: string | undefined) => Number(line?.match(/nDCG@10=([\d.]+)/)?.[1]);
    const base = ndcgOf(tuned.log.find((l) => l.startsWith('tune: warm blend refit')));
    const chosen = tuned.blend.warm.popularity ?? 0;
    expect(tuned.log).toContain(`tune: chose warm popularity ${chosen}`);
    if (chosen < 0) {
      expect(POPULARITY_PENALTY_GRID).toContain(chosen);
      expect(ndcgOf(tuned.log.find((l) => l.startsWith(`tune: popularity penalty ${chosen} `)))).toBeGreaterThanOrEqual(
        base,
      );
    }
  });

  it('when the midpoint grid has one value, then that value is chosen', () => {
    expect(tuneOnTraining(community(), { ...opts, halfWarmGrid: [7] }).blend.halfWarmAt).toBe(7);
  });
});
