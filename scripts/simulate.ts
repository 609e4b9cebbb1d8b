// npm run simulate -- [--json PATH] [--data DIR] [--members N] [--visible N] [--weeks N] [--seed N] [--explore SIGMA]
//                      [--variant NAME:KEY=VALUE,… …]
//
// A community simulated from MovieLens: each member shows the recommender only a few of their ratings; the rest
// stay hidden and decide how they react to their weekly picks (👍 for ≥ 4 stars, 👎 for ≤ 2.5, nothing for a film
// they never rated). Two arms run on the same model and the same members:
// - with learning: 👍 becomes evidence (a positive signal), 👎 is never recommended again and is negative evidence, a
//   pick sent earlier that drew no reaction is weak negative evidence (as in the weekly run), and the blend weights
//   are re-fitted from the impression log each week (adopted only if better on the held-out newest part of the log,
//   and globally only once the log is large enough), globally and per user; with `--explore SIGMA` each member's
//   weekly picks in the learning arms are ranked with their weights perturbed a little (`exploreWeights`; off by
//   default, see DEFAULT_EXPLORATION);
// - without learning: the same weekly picks with every reaction ignored.
// Both arms never repeat a film already sent to that member (the weekly run does the same). A hit is a pick the
// member rated ≥ 4 in the hidden ratings. The pure engine is used directly: no database, no Discord.
// With `--variant` (repeatable), the arm without learning runs once and each variant is one learning arm on the same
// built model (one build for all of them), and the JSON holds each variant's weekly hit rates, its week-8
// ratio and its weeks 5–8 mean ratio (the criterion the choosing seeds 7/8/9 are judged by, docs/benchmarks.md).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readMoviesCsv, readRatingsCsv } from '../src/data/movielens.ts';
import {
  blendVersion,
  DEFAULT_EXPLORATION,
  exploreWeights,
  type LoggedImpression,
  type BlendWeights as RefitWeights,
  refitBlendWeights,
} from '../src/recommender/blend-learning.ts';
import {
  type BlendWeights,
  bareItem,
  buildHybrid,
  DEFAULT_BLEND,
  DEFAULT_DISLIKE_WEIGHT,
  DEFAULT_IGNORED_WEIGHT,
  type ItemMeta,
  mulberry32,
  recommend,
  SOURCES,
  type SourceWeights,
  shuffleInPlace,
  type UserEvidence,
} from '../src/recommender/index.ts';

const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    data: { type: 'string', default: '../shared/data/movielens/ml-latest-small' },
    members: { type: 'string', default: '300' },
    visible: { type: 'string', default: '8' },
    'min-ratings': { type: 'string', default: '40' },
    weeks: { type: 'string', default: '8' },
    picks: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    // Weight of a 👎 as negative evidence in the neighbour models (the engine's default when not given).
    'dislike-weight': { type: 'string' },
    // Weight of a pick sent earlier without any reaction as negative evidence (the engine's default when not given).
    'ignored-weight': { type: 'string' },
    // Spread of the exploration over the blend weights in the learning arms (the engine's default when not given).
    explore: { type: 'string' },
    // Learning-arm variants run on the same model as `name:key=value,…`; the arm without learning runs once. Keys:
    // dislike, ignored, explore (the options above), refit 0|1 (the weekly blend re-fit), ddiv (MMR trade-off for a
    // member who gave a 👎; 0.85 otherwise), w_SOURCE / c_SOURCE (factor on the warm / cold weight of SOURCE),
    // seen 0|1|2 (a pick the member rated between 2.5 and 4 stars draws "Seen it": 1 a watch without stars, 2 with
    // the member's stars; 0, the default, no reaction, as in the two-button model above).
    variant: { type: 'string', multiple: true },
  },
});

const dataDir = resolve(args.data as string);
const membersWanted = Number(args.members);
const visibleCount = Number(args.visible);
const minRatings = Number(args['min-ratings']);
const weeks = Number(args.weeks);
const picksPerWeek = Number(args.picks);
const rand = mulberry32(Number(args.seed));
const dislikeWeight = args['dislike-weight'] === undefined ? DEFAULT_DISLIKE_WEIGHT : Number(args['dislike-weight']);
const ignoredWeight = args['ignored-weight'] === undefined ? DEFAULT_IGNORED_WEIGHT : Number(args['ignored-weight']);
const exploration = args.explore === undefined ? DEFAULT_EXPLORATION : Number(args.explore);
// Exploration draws from its own stream, so the members and their hidden ratings do not depend on it.
const exploreRand = mulberry32(Number(args.seed) ^ 0x7e57);

const t0 = performance.now();
const items: ItemMeta[] = readMoviesCsv(join(dataDir, 'movies.csv')).map((m) =>
  bareItem(m.movieId, m.title, { year: m.year, genres: m.genres }),
);
const itemIndex = new Map(items.map((m, i) => [m.id, i]));
const byUser = new Map<string, { item: number; stars: number }[]>();
const ratings = readRatingsCsv(join(dataDir, 'ratings.csv'));
for (let k = 0; k < ratings.movie.length; k++) {
  const item = itemIndex.get(ratings.movie[k] as number);
  if (item === undefined) continue;
  const key = `ml:${ratings.userIds[ratings.user[k] as number]}`;
  const list = byUser.get(key) ?? [];
  list.push({ item, stars: ratings.rating[k] as number });
  byUser.set(key, list);
}

// Members: a seeded sample of users with enough ratings to hide most of them.
const eligible = [...byUser.keys()].filter((u) => (byUser.get(u)?.length ?? 0) >= minRatings).sort();
shuffleInPlace(eligible, rand);
const members = eligible.slice(0, membersWanted);
const memberSet = new Set(members);
const visible = new Map<string, { item: number; stars: number }[]>();
const hidden = new Map<string, Map<number, number>>();
for (const u of members) {
  const all = [...(byUser.get(u) ?? [])];
  shuffleInPlace(all, rand);
  visible.set(u, all.slice(0, visibleCount));
  hidden.set(u, new Map(all.slice(visibleCount).map((r) => [r.item, r.stars])));
}

// The model: everyone else's ratings in full, members' visible ratings only.
const userIds = [...byUser.keys()].sort();
const ru: number[] = [];
const ri: number[] = [];
const rv: number[] = [];
userIds.forEach((u, ui) => {
  for (const r of memberSet.has(u) ? (visible.get(u) ?? []) : (byUser.get(u) ?? [])) {
    ru.push(ui);
    ri.push(r.item);
    rv.push(r.stars);
  }
});
const model = buildHybrid({
  items,
  userIds,
  ratings: { user: Int32Array.from(ru), item: Int32Array.from(ri), value: Float32Array.from(rv) },
});
const buildMs = Math.round(performance.now() - t0);

interface ArmState {
  shown: Set<number>;
  up: Map<number, number>; // item → 4.5 stars (a 👍 is a positive signal)
  down: Set<number>;
  seen: Map<number, number>; // "Seen it": a watch, NaN without stars
}
interface Variant {
  readonly label: string;
  readonly dislike: number;
  readonly ignored: number;
  readonly explore: number;
  readonly refit: boolean;
  readonly seen: boolean;
  readonly seenStars: boolean;
  readonly dislikedDiversity: number;
  readonly warmFactors: Record<string, number>;
  readonly coldFactors: Record<string, number>;
}
function parseVariant(spec: string): Variant {
  const [label, body = ''] = spec.split(':');
  const kv = new Map(
    body
      .split(',')
      .filter(Boolean)
      .map((x) => x.split('=') as [string, string]),
  );
  const num = (k: string, d: number) => (kv.has(k) ? Number(kv.get(k)) : d);
  return {
    label: label as string,
    dislike: num('dislike', dislikeWeight),
    ignored: num('ignored', ignoredWeight),
    explore: num('explore', exploration),
    refit: num('refit', 1) === 1,
    seen: num('seen', 0) >= 1,
    seenStars: num('seen', 0) === 2,
    dislikedDiversity: num('ddiv', 0.85),
    warmFactors: Object.fromEntries(
      [...kv].filter(([k]) => k.startsWith('w_')).map(([k, x]) => [k.slice(2), Number(x)]),
    ),
    coldFactors: Object.fromEntries(
      [...kv].filter(([k]) => k.startsWith('c_')).map(([k, x]) => [k.slice(2), Number(x)]),
    ),
  };
}
interface Arm {
  /** `feedback_only`: reactions used as evidence, blend weights never re-fitted (an ablation, for the record). */
  name: 'learning' | 'static' | 'feedback_only';
  variant: Variant;
  state: Map<string, ArmState>;
  global: RefitWeights;
  perUser: Map<string, RefitWeights>;
  version: string;
  log: LoggedImpression[];
  hitRates: number[];
  adoptions: { week: number; version: string; global: RefitWeights; perUser: number }[];
}

const defaultVariant = parseVariant('default');
function newArm(name: Arm['name'], variant: Variant = defaultVariant): Arm {
  return {
    name,
    variant,
    state: new Map(members.map((u) => [u, { shown: new Set(), up: new Map(), down: new Set(), seen: new Map() }])),
    global: Object.fromEntries(
      Object.entries(DEFAULT_BLEND.warm).map(([k, x]) => [k, (x ?? 0) * (variant.warmFactors[k] ?? 1)]),
    ) as RefitWeights,
    perUser: new Map(),
    version: 'default',
    log: [],
    hitRates: [],
    adoptions: [],
  };
}

function evidenceFor(arm: Arm, u: string): UserEvidence {
  const s = arm.state.get(u) as ArmState;
  const known = new Map<number, number>();
  for (const r of visible.get(u) ?? []) known.set(r.item, r.stars);
  const usesFeedback = arm.name !== 'static';
  if (usesFeedback) for (const [item, stars] of s.up) if (!known.has(item)) known.set(item, stars);
  if (usesFeedback) for (const [item, stars] of s.seen) if (!known.has(item)) known.set(item, stars);
  const list = [...known];
  return {
    items: Int32Array.from(list.map(([i]) => i)),
    ratings: Float32Array.from(list.map(([, r]) => r)),
    disliked: usesFeedback ? Int32Array.from(s.down) : undefined,
    ignored: usesFeedback
      ? Int32Array.from([...s.shown].filter((i) => !s.up.has(i) && !s.down.has(i) && !s.seen.has(i)))
      : undefined,
    exclude: Int32Array.from(s.shown),
    selfIndex: model.userIndex.get(u),
  };
}

function blendFor(arm: Arm, u: string): BlendWeights {
  const w = arm.perUser.get(u) ?? arm.global;
  const warm: SourceWeights = {};
  for (const s of SOURCES) warm[s] = w[s] ?? 0;
  // The arms that learn explore a little; the arm without learning ranks with the weights as they are.
  const cold: SourceWeights = {};
  for (const s of SOURCES) cold[s] = (DEFAULT_BLEND.cold[s] ?? 0) * (arm.variant.coldFactors[s] ?? 1);
  return {
    ...DEFAULT_BLEND,
    cold,
    warm: arm.name === 'static' ? warm : exploreWeights(warm, arm.variant.explore, exploreRand),
  };
}

let clock = 0;
function runWeek(arm: Arm, week: number): void {
  let hits = 0;
  let shown = 0;
  for (const u of members) {
    const s = arm.state.get(u) as ArmState;
    const v = arm.variant;
    const picks = recommend(model, evidenceFor(arm, u), {
      count: picksPerWeek,
      blend: blendFor(arm, u),
      diversity: arm.name !== 'static' && s.down.size > 0 ? v.dislikedDiversity : 0.85,
      withReasons: false,
      dislikeWeight: v.dislike,
      ignoredWeight: v.ignored,
    });
    const h = hidden.get(u) as Map<number, number>;
    for (const p of picks) {
      shown++;
      s.shown.add(p.item);
      const stars = h.get(p.item);
      if (stars !== undefined && stars >= 4) hits++;
      // Reactions from the hidden ratings; the static arm receives them too but ignores them.
      const label = stars === undefined ? null : stars >= 4 ? 1 : stars <= 2.5 ? 0 : null;
      arm.log.push({ userId: u, shownAt: clock++, sourceScores: p.sources, label });
      if (arm.name !== 'static' && label === 1) s.up.set(p.item, 4.5);
      if (arm.name !== 'static' && label === 0) s.down.add(p.item);
      // "Seen it" (variant key seen=1, or seen=2 with a star rating after it): a film rated between 👎 and 👍.
      if (arm.name !== 'static' && v.seen && stars !== undefined && label === null)
        s.seen.set(p.item, v.seenStars ? stars : Number.NaN);
    }
  }
  arm.hitRates.push(shown > 0 ? hits / shown : 0);
  if (arm.name === 'learning' && arm.variant.refit) {
    const r = refitBlendWeights(arm.log, { global: arm.global, perUser: arm.perUser });
    if (r.changed) {
      arm.global = r.global;
      arm.perUser = r.perUser;
      arm.version = blendVersion(r.global, r.perUser);
      arm.adoptions.push({ week, version: arm.version, global: r.global, perUser: r.perUser.size });
    }
  }
}

const baseline = newArm('static');
const round = (x: number) => Math.round(x * 10_000) / 10_000;
if (args.variant && args.variant.length > 0) {
  const arms = args.variant.map((spec) => newArm('learning', parseVariant(spec)));
  const simStart = performance.now();
  for (let w = 1; w <= weeks; w++) {
    runWeek(baseline, w);
    for (const a of arms) runWeek(a, w);
  }
  const ratios = (a: Arm) => a.hitRates.map((h, k) => h / Math.max(baseline.hitRates[k] as number, 1e-9));
  // Weeks 5 onwards (null for a run of fewer than 5 weeks).
  const late = (a: Arm) => {
    const r = ratios(a).slice(4);
    return r.length > 0 ? r.reduce((x, y) => x + y, 0) / r.length : null;
  };
  const out = {
    benchmark: 'simulate-variants',
    seed: Number(args.seed),
    weekly_hit_rate_without: baseline.hitRates.map(round),
    variants: arms.map((a) => ({
      label: a.variant.label,
      variant: a.variant,
      weekly_hit_rate_learning: a.hitRates.map(round),
      week8_ratio: round(ratios(a)[weeks - 1] as number),
      weeks5to8_mean_ratio: late(a) === null ? null : round(late(a) as number),
      blend_adoptions: a.adoptions.length,
    })),
    model_build_ms: buildMs,
    simulate_ms: Math.round(performance.now() - simStart),
    node: process.version,
  };
  for (const v of out.variants)
    process.stdout.write(
      `seed ${out.seed} ${v.label}: week-${weeks} ratio ${v.week8_ratio}, weeks 5–${weeks} ${v.weeks5to8_mean_ratio}\n`,
    );
  if (args.json) writeFileSync(resolve(args.json), `${JSON.stringify(out, null, 2)}\n`);
  process.exit(0);
}
const learning = newArm('learning');
const feedbackOnly = newArm('feedback_only');
const simStart = performance.now();
for (let w = 1; w <= weeks; w++) {
  runWeek(learning, w);
  runWeek(baseline, w);
  runWeek(feedbackOnly, w);
  process.stdout.write(
    `week ${w}: hit rate with learning ${(learning.hitRates[w - 1] as number).toFixed(3)}, without ${(baseline.hitRates[w - 1] as number).toFixed(3)}\n`,
  );
}
const last = weeks - 1;
const ratio = (learning.hitRates[last] as number) / Math.max(baseline.hitRates[last] as number, 1e-9);
const result = {
  benchmark: 'simulate',
  data: 'MovieLens ml-latest-small (read at run time)',
  members: members.length,
  visibleRatingsPerMember: visibleCount,
  minRatingsPerMember: minRatings,
  picksPerWeek,
  weeks,
  seed: Number(args.seed),
  dislike_weight: dislikeWeight,
  ignored_weight: ignoredWeight,
  exploration,
  hit: 'hidden rating >= 4',
  feedback: '👍 hidden >= 4, 👎 hidden <= 2.5, nothing otherwise',
  weekly_hit_rate_learning: learning.hitRates.map(round),
  weekly_hit_rate_without: baseline.hitRates.map(round),
  weekly_hit_rate_feedback_without_refit: feedbackOnly.hitRates.map(round),
  week8_ratio: round(ratio),
  target_ratio: 1.2,
  meets_target: ratio >= 1.2,
  blend_adoptions: learning.adoptions.map((a) => ({
    week: a.week,
    version: a.version,
    perUserWeights: a.perUser,
    global: Object.fromEntries(Object.entries(a.global).map(([k, v]) => [k, round(v)])),
  })),
  model_build_ms: buildMs,
  simulate_ms: Math.round(performance.now() - simStart),
  node: process.version,
};
process.stdout.write(`week ${weeks} ratio (with / without learning): ${result.week8_ratio}\n`);
if (args.json) {
  const path = resolve(args.json);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`wrote ${path}\n`);
}
