// npm run eval:user-knn-cap -- [--caps none,2000,1000,500,1000@50000] [--small-caps none,200,100,50,25] [--users 500] [--json PATH]
// User-kNN's neighbour search reads every rater of every film a user has, unless `maxRatersPerFilm` bounds it
// (src/recommender/user-knn.ts): what the bound costs and buys.
// 1. Quality where there is ground truth: protocol (a) on ml-latest-small (random 75/25 per user, seed 42), the
//    default blend, MMR 0.85 as served, user-kNN alone and the hybrid, for bounds that bind there (its most-rated
//    film has a few hundred raters, so the shipped bound never does).
// 2. Fidelity and speed at scale, on the seed generator's 5M ratings (100k users × 20k films, synthetic) and on the
//    weekly bench's community (100k members × 20 ratings over 2,000 films, synthetic), `--users` sampled users: for
//    each bound, the share of the unbounded search's 50 neighbours it finds, the share of their summed similarity its
//    own 50 carry (many users tie, so the first figure is pessimistic), the overlap of the served top 10 with the
//    unbounded one's, and the CPU time of one search and of one whole recommend call. A bound written `1000@50000`
//    applies only to users whose films have over 50,000 raters in all (`boundAbove`); `1000` applies to everyone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV, loadMovieLensDir } from '../src/data/movielens.ts';
import { randomSplit, testSets, trainingFrom } from '../src/recommender/evaluation.ts';
import {
  buildHybrid,
  DEFAULT_BLEND,
  DEFAULT_USER_KNN,
  findNeighbours,
  type HybridModel,
  mulberry32,
  recommend,
  shuffleInPlace,
  type UserKnnOptions,
} from '../src/recommender/index.ts';
import { evaluateModel, trainingEvidence } from '../src/recommender/offline.ts';
import {
  parseArgs,
  progress,
  syntheticDir,
  toRatingLog,
  weeklyCommunity,
  withTmdbLists,
} from './recommender/common.ts';

const { values: args } = parseArgs({
  options: {
    caps: { type: 'string', default: 'none,4000,2000,1000,500,1000@50000' },
    'small-caps': { type: 'string', default: 'none,200,100,50,25' },
    users: { type: 'string', default: '500' },
    json: { type: 'string' },
  },
});

/** A bound: raters read per film (null: all), and the total raters over the user's films above which it applies. */
interface Bound {
  readonly cap: number | null;
  readonly above?: number;
}
// `none`, `1000` (bound always applies) or `1000@40000` (only when the user's films have over 40,000 raters in all).
const parseCaps = (s: string): Bound[] =>
  s.split(',').map((c) => {
    const [cap = '', above] = c.trim().split('@');
    return cap === 'none'
      ? { cap: null }
      : above === undefined
        ? { cap: Number(cap) }
        : { cap: Number(cap), above: Number(above) };
  });
const boundLabel = (b: Bound) =>
  b.cap === null ? 'none' : b.above === undefined ? String(b.cap) : `${b.cap}@${b.above}`;
const withCap = (model: HybridModel, bound: Bound | null): HybridModel => {
  const { maxRatersPerFilm: _, boundAbove: __, ...rest } = model.userKnn;
  const userKnn: UserKnnOptions =
    bound === null || bound.cap === null
      ? rest
      : { ...rest, maxRatersPerFilm: bound.cap, ...(bound.above === undefined ? {} : { boundAbove: bound.above }) };
  return { ...model, userKnn };
};
const load1m = () => +(loadavg()[0] ?? 0).toFixed(2);
const cpuMs = (f: () => void) => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
const mostRaters = (model: HybridModel) => {
  let most = 0;
  for (let j = 0; j < model.byItem.nRows; j++) most = Math.max(most, model.byItem.ptr[j + 1]! - model.byItem.ptr[j]!);
  return most;
};

// ---------------------------------------------------------------- 1. ml-latest-small, protocol (a)
const loadSmall = [load1m(), 0];
const ds = loadMovieLensDir(DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV);
const log = toRatingLog(ds.ratings, withTmdbLists(ds.meta, ds.tmdbIds, ds.tmdb));
const isTest = randomSplit(log, 0.25, 42);
const small = buildHybrid(trainingFrom(log, isTest));
const tests = testSets(log, isTest);
const everyone = Int32Array.from({ length: log.nUsers }, (_, u) => u);
const cfg = { blend: DEFAULT_BLEND, seed: 42, diversity: 0.85 };
const quality = parseCaps(args['small-caps']).map((bound) => {
  const m = withCap(small, bound);
  const row = {
    max_raters_per_film: bound.cap,
    ...(bound.above === undefined ? {} : { bound_above: bound.above }),
    user_knn_ndcg10: +evaluateModel(m, 'user-knn', cfg, everyone, tests)['ndcg@10'].toFixed(4),
    hybrid_mmr_ndcg10: +evaluateModel(m, 'hybrid+mmr', cfg, everyone, tests)['ndcg@10'].toFixed(4),
  };
  progress(`ml-latest-small, bound ${boundLabel(bound)}: ${JSON.stringify(row)}`);
  return row;
});
loadSmall[1] = load1m();
const smallMost = mostRaters(small);

// ---------------------------------------------------------------- 2, 3. fidelity and speed at scale
/** For each bound: how much of the unbounded search's result it keeps, and what one search and one call cost. */
function fidelity(label: string, model: HybridModel) {
  const sample = Array.from({ length: model.userIds.length }, (_, u) => u);
  shuffleInPlace(sample, mulberry32(42));
  const users = sample.slice(0, Number(args.users));
  const load = [load1m(), 0];
  const unbounded = withCap(model, null);
  const exact = users.map((u) => {
    const ev = trainingEvidence(model, u);
    const nb = findNeighbours(model.byUser, model.byItem, ev.items, unbounded.userKnn, u);
    return {
      neighbours: new Set(nb.users),
      similarity: nb.sims.reduce((a, b) => a + b, 0),
      picks: new Set(recommend(unbounded, ev, { count: 10, diversity: 0.85, withReasons: false }).map((p) => p.item)),
    };
  });
  // What an unbounded search reads: the raters of the user's films, in all.
  const read = users
    .map((u) => {
      const ev = trainingEvidence(model, u);
      let total = 0;
      for (const j of ev.items) total += (model.byItem.ptr[j + 1] ?? 0) - (model.byItem.ptr[j] ?? 0);
      return total;
    })
    .sort((a, b) => a - b);
  const rows = parseCaps(args.caps).map((bound) => {
    const m = withCap(model, bound);
    // Warm the JIT on a few users first, as a long-running bot would be.
    for (const u of users.slice(0, 20)) recommend(m, trainingEvidence(m, u), { count: 10, diversity: 0.85 });
    let found = 0;
    let wanted = 0;
    let same = 0;
    let keptSim = 0;
    let bestSim = 0;
    const search: number[] = [];
    const call: number[] = [];
    for (const [t, u] of users.entries()) {
      const ev = trainingEvidence(m, u);
      const want = exact[t] ?? { neighbours: new Set<number>(), similarity: 0, picks: new Set<number>() };
      let got: ReturnType<typeof findNeighbours> = { users: new Int32Array(0), sims: new Float32Array(0) };
      search.push(cpuMs(() => (got = findNeighbours(m.byUser, m.byItem, ev.items, m.userKnn, u))));
      for (const v of got.users) if (want.neighbours.has(v)) found++;
      wanted += want.neighbours.size;
      // The bounded search returns true similarities, so this says how close its neighbourhood is to the best
      // possible one even when many users tie (recall counts a tied user other than the exact search's as a miss).
      keptSim += got.sims.reduce((a, b) => a + b, 0);
      bestSim += want.similarity;
      let picks: ReturnType<typeof recommend> = [];
      call.push(cpuMs(() => (picks = recommend(m, ev, { count: 10, diversity: 0.85 }))));
      for (const p of picks) if (want.picks.has(p.item)) same++;
    }
    search.sort((a, b) => a - b);
    call.sort((a, b) => a - b);
    const row = {
      max_raters_per_film: bound.cap,
      ...(bound.above === undefined ? {} : { bound_above: bound.above }),
      neighbour_recall_at_50: +(found / Math.max(wanted, 1)).toFixed(4),
      neighbour_similarity_kept: +(keptSim / Math.max(bestSim, 1e-12)).toFixed(4),
      served_top10_overlap: +(same / (users.length * 10)).toFixed(4),
      search_cpu_ms_mean: +(search.reduce((a, b) => a + b, 0) / search.length).toFixed(3),
      search_cpu_ms_p99: +pct(search, 99).toFixed(3),
      recommend_cpu_ms_mean: +(call.reduce((a, b) => a + b, 0) / call.length).toFixed(3),
      recommend_cpu_ms_p99: +pct(call, 99).toFixed(3),
    };
    progress(`${label}, bound ${boundLabel(bound)}: ${JSON.stringify(row)}`);
    return row;
  });
  load[1] = load1m();
  return {
    users: model.userIds.length,
    films: model.items.length,
    most_raters_of_one_film: mostRaters(model),
    sampled_users: users.length,
    raters_read_unbounded: { p10: pct(read, 10), p50: pct(read, 50), p90: pct(read, 90), p99: pct(read, 99) },
    load_1m: load,
    rows,
  };
}

const big = loadMovieLensDir(syntheticDir('synthetic-5m'), DEFAULT_TMDB_CSV);
const bigLog = toRatingLog(big.ratings, big.meta);
progress(`synthetic-5m: ${bigLog.nUsers} users, ${bigLog.items.length} films, ${bigLog.user.length} ratings`);
const synthetic5m = fidelity('synthetic-5m', buildHybrid(trainingFrom(bigLog)));

// The weekly bench's community (npm run bench:weekly --users 100000): 100k members × 20 ratings over 2,000 films,
// popularity-skewed, so the most-rated film has most members as raters: the shape the bound is for.
const WEEKLY = { members: 100_000, movies: 2_000, perMember: 20, genres: 8, seed: 7 };
const n = WEEKLY.members * WEEKLY.perMember;
const weekly = { user: new Int32Array(n), movie: new Int32Array(n), rating: new Float32Array(n) };
let at = 0;
weeklyCommunity(WEEKLY, (u, film, stars) => {
  weekly.user[at] = u;
  weekly.movie[at] = film + 1;
  weekly.rating[at++] = stars;
});
const weeklyLog = toRatingLog(
  {
    userIds: Array.from({ length: WEEKLY.members }, (_, u) => `member${u}`),
    ...weekly,
    timestamp: new Float64Array(n),
  },
  new Map(),
);
progress(`weekly community: ${weeklyLog.nUsers} members, ${weeklyLog.items.length} films, ${n} ratings`);
const weeklyShape = fidelity('weekly community', buildHybrid(trainingFrom(weeklyLog)));

const result = {
  benchmark: 'eval:user-knn-cap',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30) },
  node: process.version,
  measured_at: new Date().toISOString().slice(0, 16),
  shipped_bound: DEFAULT_USER_KNN.maxRatersPerFilm ?? null,
  shipped_bound_above: DEFAULT_USER_KNN.boundAbove ?? null,
  ml_latest_small: {
    protocol: '(a): random 75/25 per user, seed 42; DEFAULT_BLEND, MMR 0.85',
    most_raters_of_one_film: smallMost,
    load_1m: loadSmall,
    rows: quality,
  },
  synthetic_5m: {
    data: 'seed generator, seed 42: 100k users × 20k films, ~5M ratings (synthetic)',
    ...synthetic5m,
  },
  weekly_community: {
    data: "bench:weekly's generator (weeklyCommunity), seed 7: 100k members × 20 ratings over 2,000 films (synthetic)",
    ...weeklyShape,
  },
};
console.log(JSON.stringify(result, null, 2));
if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  progress(`wrote ${args.json}`);
}
