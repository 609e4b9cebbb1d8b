// Simulated servers for `npm run eval -- --protocols s`: MovieLens has no servers, so users are put into groups of
// `size` (at random, or by taste: each group a founder and the users closest to them), and each user's picks are made
// "in" their group. Measures what weighing server neighbours more (UserKnnOptions.serverWeight) does to accuracy,
// chosen on validation only, and how often and how faithfully reasons then name server neighbours.

import type { RankingMetrics } from '../../src/recommender/evaluation.ts';
import {
  type BlendWeights,
  buildHybrid,
  DEFAULT_USER_KNN,
  findNeighbours,
  type HybridModel,
  type HybridOptions,
  mulberry32,
  shuffleInPlace,
  type TrainingData,
} from '../../src/recommender/index.ts';
import { evaluateModel, trainingEvidence } from '../../src/recommender/offline.ts';
import { validationSplit } from '../../src/recommender/tuning.ts';
import { type ServedReport, servedReport } from './served.ts';

export type Grouping = 'random' | 'taste';

/** Server index per user: consecutive groups of `size` over a seeded shuffle. */
export function randomServers(nUsers: number, size: number, seed: number): Int32Array {
  const order = Array.from({ length: nUsers }, (_, u) => u);
  shuffleInPlace(order, mulberry32(seed ^ 0x5e7));
  const out = new Int32Array(nUsers);
  order.forEach((u, k) => {
    out[u] = Math.floor(k / size);
  });
  return out;
}

/**
 * Server index per user, by taste: in a seeded order, each user not yet placed founds a server with the `size − 1`
 * unplaced users most similar to them (user-kNN's shrunk cosine), as friends who share taste might.
 */
export function tasteServers(model: HybridModel, size: number, seed: number): Int32Array {
  const n = model.userIds.length;
  const out = new Int32Array(n).fill(-1);
  const order = Array.from({ length: n }, (_, u) => u);
  shuffleInPlace(order, mulberry32(seed ^ 0x7a57e));
  let server = 0;
  for (const u of order) {
    if (out[u] !== -1) continue;
    out[u] = server;
    const own = trainingEvidence(model, u).items;
    const nb = findNeighbours(model.byUser, model.byItem, own, { k: n, shrink: model.userKnn.shrink }, u);
    let members = 1;
    for (let t = 0; t < nb.users.length && members < size; t++) {
      const v = nb.users[t]!;
      if (out[v] !== -1) continue;
      out[v] = server;
      members++;
    }
    server++;
  }
  return out;
}

/** Each user's circle: a mask over users of their server's members. */
export function circles(servers: Int32Array): (u: number) => Uint8Array {
  const masks = new Map<number, Uint8Array>();
  for (let u = 0; u < servers.length; u++) {
    const s = servers[u]!;
    let m = masks.get(s);
    if (!m) {
      m = new Uint8Array(servers.length);
      masks.set(s, m);
    }
    m[u] = 1;
  }
  return (u) => masks.get(servers[u]!)!;
}

export interface ServerWeightRun {
  readonly grouping: Grouping;
  readonly size: number;
  /** Validation nDCG@10 (hybrid + MMR as served) per server weight tried. */
  readonly validation: Record<string, number>;
  /** The weight validation chose: the best, kept only when it beats weight 1. */
  readonly chosen: number;
  /** Test metrics without (weight 1), with the chosen weight, and with the shipped default (DEFAULT_USER_KNN). */
  readonly test: {
    readonly without: RankingMetrics;
    readonly with: RankingMetrics;
    readonly shipped: { readonly weight: number; readonly metrics: RankingMetrics };
  };
  /** Served top 5 with the shipped weight: reason faithfulness and how often friends are named. */
  readonly served: ServedReport;
}

export interface ServerWeightOptions {
  readonly seed: number;
  readonly size: number;
  readonly groupings: readonly Grouping[];
  readonly weights: readonly number[];
  readonly blend: BlendWeights;
  readonly base?: HybridOptions;
  readonly diversity: number;
  readonly say: (m: string) => void;
}

const withWeight = (m: HybridModel, serverWeight: number): HybridModel => ({
  ...m,
  userKnn: { ...m.userKnn, serverWeight },
});

/** Chooses the server weight on validation carved from `train`, then reports it on the protocol's test sets. */
export function serverWeightRuns(
  train: TrainingData,
  tests: readonly Int32Array[],
  testUsers: ArrayLike<number>,
  o: ServerWeightOptions,
): ServerWeightRun[] {
  const val = validationSplit(train, o.seed);
  const valModel = buildHybrid(val.train, o.base);
  const model = buildHybrid(train, o.base);
  const runs: ServerWeightRun[] = [];
  for (const grouping of o.groupings) {
    // Servers are formed once, on the validation model's data, and kept for the test run: the same people.
    const servers =
      grouping === 'random'
        ? randomServers(train.userIds.length, o.size, o.seed)
        : tasteServers(valModel, o.size, o.seed);
    const circleOf = circles(servers);
    const cfg = { blend: o.blend, seed: o.seed, diversity: o.diversity, circleOf };
    const validation: Record<string, number> = {};
    for (const w of o.weights) {
      const r = evaluateModel(withWeight(valModel, w), 'hybrid+mmr', cfg, val.users, val.tests);
      validation[String(w)] = r['ndcg@10'];
      o.say(`  servers (${grouping}, ${o.size}): weight ${w} validation nDCG@10 ${r['ndcg@10'].toFixed(4)}`);
    }
    const base = validation['1'] ?? Number.NEGATIVE_INFINITY;
    let chosen = 1;
    for (const w of o.weights) if (validation[String(w)]! > (validation[String(chosen)] ?? base)) chosen = w;
    const without = evaluateModel(withWeight(model, 1), 'hybrid+mmr', cfg, testUsers, tests);
    const withChosen =
      chosen === 1 ? without : evaluateModel(withWeight(model, chosen), 'hybrid+mmr', cfg, testUsers, tests);
    const shippedWeight = DEFAULT_USER_KNN.serverWeight ?? 1;
    const shipped =
      shippedWeight === chosen
        ? withChosen
        : shippedWeight === 1
          ? without
          : evaluateModel(withWeight(model, shippedWeight), 'hybrid+mmr', cfg, testUsers, tests);
    o.say(
      `  servers (${grouping}): chose ${chosen}; test nDCG@10 ${without['ndcg@10'].toFixed(4)} → ${withChosen['ndcg@10'].toFixed(4)} (shipped weight ${shippedWeight}: ${shipped['ndcg@10'].toFixed(4)})`,
    );
    const servedUsers = Array.from(testUsers).filter((u) => (tests[u]?.length ?? 0) > 0);
    const served = servedReport(
      withWeight(model, shippedWeight),
      servedUsers,
      (u) => trainingEvidence(model, u, circleOf(u)),
      o.blend,
      o.diversity,
    );
    const f = served.faithfulness;
    o.say(
      `  servers (${grouping}): served top 5 faithfulness top-1 ${f.top1.toFixed(3)} top-3 ${f.top3.toFixed(3)}; friends reasons ${served.friends.reasons} (naming ${served.friends.naming}, least named share ${served.friends.minNamedShare.toFixed(3)})`,
    );
    runs.push({
      grouping,
      size: o.size,
      validation,
      chosen,
      test: { without, with: withChosen, shipped: { weight: shippedWeight, metrics: shipped } },
      served,
    });
  }
  return runs;
}
