// npm run eval:groups -- [--dir PATH] [--tmdb PATH] [--json PATH] [--groups N] [--seed N] [--liked STARS]
//   [--horizon N] [--fairness X]
// Offline evaluation of movie-night group picks on MovieLens: a per-user random 75/25 split (seeded); groups of 3–6
// users drawn with the same seed; each member's held-out ratings ≥ --liked are the films they would love. Every
// aggregation ranks the same candidates (films no member rated in training) from the same member scores, and each
// group's top 5 is scored per member: hit rate (≥ 1 loved film in the 5) and nDCG@5, averaged over the members (mean)
// and for the worst-off member (min), then averaged over groups. `seen` is the share of picks that some member had
// already rated (in training): 0 for every aggregation here, and the 'popular-unfiltered' row shows what it catches.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV, loadMovieLensDir } from '../src/data/movielens.ts';
import { randomSplit, trainingFrom } from '../src/recommender/evaluation.ts';
import {
  buildHybrid,
  DEFAULT_GROUP_FAIRNESS,
  DEFAULT_GROUP_HORIZON,
  GROUP_AGGREGATIONS,
  type GroupAggregation,
  mulberry32,
  pickForGroup,
  scoreGroup,
  shuffleInPlace,
  topK,
} from '../src/recommender/index.ts';
import { trainingEvidence } from '../src/recommender/offline.ts';
import { parseArgs, progress, toRatingLog } from './recommender/common.ts';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: DEFAULT_MOVIELENS_DIR },
    tmdb: { type: 'string', default: DEFAULT_TMDB_CSV },
    json: { type: 'string' },
    groups: { type: 'string', default: '400' },
    seed: { type: 'string', default: '42' },
    liked: { type: 'string', default: '4' },
    horizon: { type: 'string', default: String(DEFAULT_GROUP_HORIZON) },
    fairness: { type: 'string', default: String(DEFAULT_GROUP_FAIRNESS) },
  },
});
const seed = Number(args.seed);
const nGroups = Number(args.groups);
const liked = Number(args.liked);
// Comma lists try every combination as extra 'fair h=…,f=…' rows (for tuning on a validation seed).
const horizons = args.horizon.split(',').map(Number);
const fairnesses = args.fairness.split(',').map(Number);
const horizon = horizons[0]!;
const fairness = fairnesses[0]!;
const grid =
  horizons.length * fairnesses.length > 1
    ? horizons.flatMap((h) => fairnesses.map((f) => ({ name: `fair h=${h},f=${f}`, h, f })))
    : [];
const K = 5;
const SIZES = [3, 4, 5, 6];
const started = performance.now();

progress(`loading ${args.dir}`);
const ds = loadMovieLensDir(args.dir, args.tmdb);
const log = toRatingLog(ds.ratings, ds.meta);
const isTest = randomSplit(log, 0.25, seed);
const train = trainingFrom(log, isTest);
const lovedBy: Set<number>[] = Array.from({ length: log.nUsers }, () => new Set());
for (let k = 0; k < log.user.length; k++) {
  if (isTest[k] && log.rating[k]! >= liked) lovedBy[log.user[k]!]!.add(log.item[k]!);
}
const t0 = performance.now();
const model = buildHybrid(train);
progress(
  `${log.nUsers} users, ${log.items.length} movies, ${log.user.length} ratings; hybrid built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// Groups: only users with at least one loved held-out film can be scored; sizes cycle 3, 4, 5, 6.
const eligible = Array.from({ length: log.nUsers }, (_, u) => u).filter((u) => lovedBy[u]!.size > 0);
const rand = mulberry32(seed ^ 0x9e0);
const groups: number[][] = [];
for (let g = 0; g < nGroups; g++) {
  const pool = eligible.slice();
  shuffleInPlace(pool, rand);
  groups.push(pool.slice(0, SIZES[g % SIZES.length]!));
}

const VARIANTS: string[] = [...GROUP_AGGREGATIONS, 'popular-unfiltered', ...grid.map((x) => x.name)];
type Variant = string;
interface Totals {
  meanHit: number;
  minHit: number;
  meanNdcg: number;
  minNdcg: number;
  seen: number;
}
const zero = (): Totals => ({ meanHit: 0, minHit: 0, meanNdcg: 0, minNdcg: 0, seen: 0 });
const totals = Object.fromEntries(VARIANTS.map((v) => [v, zero()])) as Record<Variant, Totals>;
const bySize = Object.fromEntries(
  SIZES.map((s) => [s, Object.fromEntries(VARIANTS.map((v) => [v, zero()]))]),
) as Record<number, Record<Variant, Totals>>;
const idcg = (n: number) => {
  let s = 0;
  for (let r = 0; r < Math.min(n, K); r++) s += 1 / Math.log2(r + 2);
  return s;
};

for (const [g, group] of groups.entries()) {
  const members = group.map((u) => trainingEvidence(model, u));
  const scores = scoreGroup(model, members, { count: K });
  const seenByGroup = new Set(members.flatMap((m) => Array.from(m.items)));
  for (const v of VARIANTS) {
    const tuned = grid.find((x) => x.name === v);
    const picks =
      v === 'popular-unfiltered'
        ? Array.from(topK(model.popularity.prior, K))
        : pickForGroup(model, members, scores, {
            count: K,
            aggregation: tuned ? 'fair' : (v as GroupAggregation),
            horizon: tuned?.h ?? horizon,
            fairness: tuned?.f ?? fairness,
          }).map((p) => p.item);
    let sumHit = 0;
    let minHit = 1;
    let sumNdcg = 0;
    let minNdcg = 1;
    for (const u of group) {
      const rel = lovedBy[u]!;
      let dcg = 0;
      let hit = 0;
      picks.forEach((item, r) => {
        if (rel.has(item)) {
          hit = 1;
          dcg += 1 / Math.log2(r + 2);
        }
      });
      const ndcg = dcg / idcg(rel.size);
      sumHit += hit;
      sumNdcg += ndcg;
      minHit = Math.min(minHit, hit);
      minNdcg = Math.min(minNdcg, ndcg);
    }
    const seen = picks.filter((i) => seenByGroup.has(i)).length / Math.max(picks.length, 1);
    for (const t of [totals[v]!, bySize[group.length]![v]!]) {
      t.meanHit += sumHit / group.length;
      t.minHit += minHit;
      t.meanNdcg += sumNdcg / group.length;
      t.minNdcg += minNdcg;
      t.seen += seen;
    }
  }
  if ((g + 1) % 100 === 0) progress(`  ${g + 1}/${groups.length} groups`);
}

const norm = (t: Totals, n: number) =>
  Object.fromEntries(
    Object.entries(t).map(([k, x]) => [k, Number((x / Math.max(n, 1)).toFixed(4))]),
  ) as unknown as Totals;
const results = Object.fromEntries(VARIANTS.map((v) => [v, norm(totals[v]!, groups.length)]));
const perSize = Object.fromEntries(
  SIZES.map((s) => {
    const n = groups.filter((g) => g.length === s).length;
    return [s, Object.fromEntries(VARIANTS.map((v) => [v, norm(bySize[s]![v]!, n)]))];
  }),
);

const cols = ['meanHit', 'minHit', 'meanNdcg', 'minNdcg', 'seen'] as const;
const lines = [
  `#### ${groups.length} random groups of 3–6 (seed ${seed}), top ${K}, loved = held-out ≥ ${liked}★`,
  '',
  `| aggregation | hit rate (mean) | hit rate (worst-off) | nDCG@5 (mean) | nDCG@5 (worst-off) | already rated |`,
  '|---|---:|---:|---:|---:|---:|',
  ...VARIANTS.map((v) => `| ${v} | ${cols.map((c) => (results[v] as Totals)[c].toFixed(4)).join(' | ')} |`),
];
console.log(lines.join('\n'));
const seconds = (performance.now() - started) / 1000;
progress(`done in ${seconds.toFixed(1)} s on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    `${JSON.stringify(
      {
        data: args.dir,
        seed,
        groups: groups.length,
        sizes: SIZES,
        k: K,
        liked,
        horizon,
        fairness,
        shipped: 'fair',
        results,
        bySize: perSize,
        seconds: Number(seconds.toFixed(1)),
      },
      null,
      2,
    )}\n`,
  );
  progress(`wrote ${args.json}`);
}
