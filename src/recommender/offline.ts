// Offline ranking with the engine: the evidence of a training user and the named models of the evaluation
// (baselines and the hybrid). Validation-only tuning is in tuning.ts.
import { type BlendWeights, blendScores } from './blend.ts';
import { type MetricsAccumulator as Acc, MetricsAccumulator } from './evaluation.ts';
import { mmr, mmrPoolSize } from './mmr.ts';
import type { HybridModel } from './model.ts';
import { rankItems } from './recommend.ts';
import { mulberry32, shuffleInPlace } from './rng.ts';
import { topK } from './topk.ts';
import type { Source, UserEvidence } from './types.ts';

export const MODEL_NAMES = [
  'random',
  'popular',
  'item-knn',
  'user-knn',
  'content',
  'ease',
  'hybrid',
  'hybrid+mmr',
] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** A training user's evidence, straight from the model's own rows; `circle` when they are in a (simulated) server. */
export function trainingEvidence(model: HybridModel, u: number, circle?: Uint8Array): UserEvidence {
  const a = model.byUser.ptr[u]!;
  const b = model.byUser.ptr[u + 1]!;
  const ev = { items: model.byUser.cols.slice(a, b), ratings: model.byUser.vals.slice(a, b), selfIndex: u };
  return circle ? { ...ev, circle } : ev;
}

export interface RankerConfig {
  readonly blend: BlendWeights;
  readonly seed: number;
  readonly diversity: number;
  /** The members of user u's server (simulated servers, `npm run eval -- --protocols s`); none by default. */
  readonly circleOf?: (u: number) => Uint8Array | undefined;
}

/** A ranking function for a named model: user index → top-k item indices. */
export function ranker(model: HybridModel, name: ModelName, cfg: RankerConfig): (u: number, k: number) => Int32Array {
  const evidence = (u: number) => trainingEvidence(model, u, cfg.circleOf?.(u));
  const single = (s: Source) => (u: number, k: number) => rankItems(model, evidence(u), { count: k, sources: [s] });
  switch (name) {
    case 'random': {
      const rand = mulberry32(cfg.seed);
      return (u, k) => {
        const ev = trainingEvidence(model, u);
        const seen = new Set(ev.items);
        const all = Int32Array.from({ length: model.items.length }, (_, i) => i).filter((i) => !seen.has(i));
        shuffleInPlace(all, rand);
        return all.slice(0, k);
      };
    }
    case 'popular': {
      const counts = model.popularity.counts;
      return (u, k) => {
        const seen = new Set(trainingEvidence(model, u).items);
        return topK(counts, k, (i) => seen.has(i));
      };
    }
    case 'item-knn':
      return single('item_knn');
    case 'user-knn':
      return single('user_knn');
    case 'content':
      return single('content');
    case 'ease':
      return single('ease');
    case 'hybrid':
      return (u, k) => rankItems(model, evidence(u), { count: k, blend: cfg.blend });
    case 'hybrid+mmr':
      return (u, k) => {
        const b = blendScores(model, evidence(u), { blend: cfg.blend });
        const pool = topK(b.scores, mmrPoolSize(k), (i) => b.excluded[i] === 1);
        return mmr(model, pool, b.scores, k, cfg.diversity);
      };
  }
}

export function evaluateModel(
  model: HybridModel,
  name: ModelName,
  cfg: RankerConfig,
  users: ArrayLike<number>,
  tests: readonly Int32Array[],
  k = 10,
): ReturnType<Acc['result']> {
  const acc = new MetricsAccumulator(model.items.length, k, model.popularity.counts, model.userIds.length);
  const rank = ranker(model, name, cfg);
  for (let t = 0; t < users.length; t++) {
    const u = users[t]!;
    const test = tests[u];
    if (!test || test.length === 0) continue;
    acc.add(rank(u, k), test);
  }
  return acc.result();
}
