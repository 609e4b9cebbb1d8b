// npm run eval -- [--dir PATH] [--tmdb PATH] [--json PATH] [--users N] [--top-movies N] [--protocols a,b,c,s]
//                  [--served-users N] [--server-size N] [--server-weights 1,1.5,2] [--server-groupings random,taste]
//                  [--no-tmdb-lists] [--ablate a,b,c] [--onboarding a,b,c] [--no-demo]
// (`--protocols ''` measures only the sandbox's demo community.)
// Offline evaluation of the recommender on MovieLens-format data: protocols (a) random 75/25 per user (seed 42),
// (b) temporal last 20% per user, (c) cold-start slice (≤ 5 training ratings). Baselines and the hybrid in one run.
// Hyper-parameters are tuned per protocol on a validation split carved from that protocol's training data only.
// Protocol (s) (only when asked) puts users into simulated servers on split (a) and measures the weight of server
// neighbours (scripts/recommender/servers.ts), chosen on validation; it writes its own JSON (`--json`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV, loadMovieLensDir } from '../src/data/movielens.ts';
import {
  coldStartSlice,
  MetricsAccumulator,
  type RankingMetrics,
  type RatingLog,
  randomSplit,
  temporalSplit,
  testSets,
  trainingFrom,
} from '../src/recommender/evaluation.ts';
import { buildHybrid, DEFAULT_BLEND, onboardingOrder, recommend } from '../src/recommender/index.ts';
import { evaluateModel, MODEL_NAMES, trainingEvidence } from '../src/recommender/offline.ts';
import { tuneOnTraining } from '../src/recommender/tuning.ts';
import { DEMO_COMMUNITY } from '../src/services/seed/demo.ts';
import { parseArgs, progress, subsampleUsers, topMovies, toRatingLog, withTmdbLists } from './recommender/common.ts';
import { type DemoReport, demoCommunityReport } from './recommender/demo-community.ts';
import { type ServedReport, servedReport } from './recommender/served.ts';
import { type Grouping, type ServerWeightRun, serverWeightRuns } from './recommender/servers.ts';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: DEFAULT_MOVIELENS_DIR },
    tmdb: { type: 'string', default: DEFAULT_TMDB_CSV },
    json: { type: 'string' },
    users: { type: 'string' },
    'top-movies': { type: 'string' },
    protocols: { type: 'string', default: 'a,b,c' },
    seed: { type: 'string', default: '42' },
    'no-tune': { type: 'boolean', default: false },
    /** Skip the popularity-penalty tuning step (for before/after). */
    'no-popularity-penalty': { type: 'boolean', default: false },
    /** Users whose served top 5 are checked for reason faithfulness and concentration (0 = all evaluated users). */
    'served-users': { type: 'string', default: '0' },
    /** Protocol (s): members per simulated server, weights tried, and how servers are formed. */
    'server-size': { type: 'string', default: '20' },
    'server-weights': { type: 'string', default: '1,1.5,2,3,5' },
    'server-groupings': { type: 'string', default: 'random,taste' },
    /** Leave out TMDB's recommendations/similar lists (the `related` source), for before/after. */
    'no-tmdb-lists': { type: 'boolean', default: false },
    /**
     * Protocols that also report the same hybrid without its content signal (the content model, TMDB's lists and
     * EASE's content side information), tuned the same way on validation: what the content signal adds.
     */
    ablate: { type: 'string', default: 'c' },
    /**
     * Protocols whose cold users also answer onboarding (the films the bot asks about, walked in order until 5 they
     * rated in training), once with the most popular films and once with the divisive ones.
     */
    onboarding: { type: 'string', default: 'c' },
    /** Also measure the sandbox's demo community (generator defaults vs the demo's tastes); no database. */
    'no-demo': { type: 'boolean', default: false },
  },
});
const seed = Number(args.seed);
const started = performance.now();
progress(`loading ${args.dir}`);
const ds = loadMovieLensDir(args.dir, args.tmdb);
const sampled = args.users ? subsampleUsers(ds.ratings, Number(args.users), seed) : ds.ratings;
const ratings = args['top-movies'] ? topMovies(sampled, Number(args['top-movies'])) : sampled;
const meta = args['no-tmdb-lists'] ? ds.meta : withTmdbLists(ds.meta, ds.tmdbIds, ds.tmdb);
const log: RatingLog = toRatingLog(ratings, meta);
const withLists = log.items.filter((m) => (m.related?.length ?? 0) > 0).length;
const withKeywords = log.items.filter((m) => m.keywords.length > 0).length;
progress(
  `${log.nUsers} users, ${log.items.length} movies, ${log.user.length} ratings; metadata from ${ds.sources.join(', ')} (${withKeywords} movies with TMDB keywords, ${withLists} with TMDB recommendations/similar lists derived from it)`,
);

interface ProtocolDef {
  key: string;
  title: string;
  split: () => { isTest: Uint8Array; dropped?: Uint8Array; users?: Int32Array };
}
const PROTOCOLS: Record<string, ProtocolDef> = {
  a: {
    key: 'random-75-25',
    title: '(a) per-user random 75/25, seed 42',
    split: () => ({ isTest: randomSplit(log, 0.25, seed) }),
  },
  b: {
    key: 'temporal-20',
    title: '(b) per-user temporal, last 20%',
    split: () => ({ isTest: temporalSplit(log, 0.2) }),
  },
  c: {
    key: 'cold-start-5',
    title: '(c) cold start: 20% of users truncated to ≤ 5 training ratings (split a)',
    split: () => {
      const isTest = randomSplit(log, 0.25, seed);
      const { dropped, coldUsers } = coldStartSlice(log, isTest, 5, 0.2, seed);
      return { isTest, dropped, users: coldUsers };
    },
  },
};

const results: Record<string, Record<string, RankingMetrics>> = {};
const served: Record<string, ServedReport> = {};
const notes: string[] = [];
const onboardingNotes: string[] = [];

/** Every user's training films and stars (before any cold-start truncation): what they could answer in onboarding. */
function trainingStars(isTest: Uint8Array): Map<number, number>[] {
  const out = Array.from({ length: log.nUsers }, () => new Map<number, number>());
  for (let k = 0; k < log.user.length; k++) if (!isTest[k]) out[log.user[k]!]!.set(log.item[k]!, log.rating[k]!);
  return out;
}

/** Films shown at most before onboarding gives up (ten pages of ten). */
const ONBOARDING_MAX_SHOWN = 100;

/**
 * Cold users answer onboarding: walking `order`, each film they rated in training is an answer (with their stars),
 * until 5 answers; their picks then come from those answers alone. nDCG@10 on their test films, films shown, answers.
 */
function onboardingArm(
  model: ReturnType<typeof buildHybrid>,
  order: Int32Array,
  cold: Int32Array,
  known: Map<number, number>[],
  tests: Int32Array[],
  blend: typeof DEFAULT_BLEND,
): { metrics: RankingMetrics; shown: number; answered: number } {
  const acc = new MetricsAccumulator(model.items.length, 10, model.popularity.counts, model.userIds.length);
  let shown = 0;
  let answered = 0;
  let n = 0;
  for (const u of cold) {
    const test = tests[u];
    if (!test || test.length === 0) continue;
    const items: number[] = [];
    const stars: number[] = [];
    let t = 0;
    for (; t < Math.min(order.length, ONBOARDING_MAX_SHOWN) && items.length < 5; t++) {
      const s = known[u]!.get(order[t]!);
      if (s === undefined) continue;
      items.push(order[t]!);
      stars.push(s);
    }
    shown += t;
    answered += items.length;
    n++;
    const ev = {
      items: Int32Array.from(items),
      ratings: Float32Array.from(stars),
      selfIndex: u,
      exclude: trainingEvidence(model, u).items,
    };
    acc.add(
      recommend(model, ev, { count: 10, blend, diversity: 0.85, withReasons: false }).map((p) => p.item),
      test,
    );
  }
  return { metrics: acc.result(), shown: shown / Math.max(n, 1), answered: answered / Math.max(n, 1) };
}
let servers: ServerWeightRun[] | null = null;
const protocols = args.protocols
  .split(',')
  .map((p) => p.trim())
  .filter((p) => p !== '');
if (protocols.includes('s')) {
  progress('protocol (s) simulated servers on split (a): weight of server neighbours, chosen on validation');
  const isTest = randomSplit(log, 0.25, seed);
  const tests = testSets(log, isTest);
  servers = serverWeightRuns(
    trainingFrom(log, isTest),
    tests,
    Int32Array.from({ length: log.nUsers }, (_, u) => u),
    {
      seed,
      size: Number(args['server-size']),
      groupings: args['server-groupings'].split(',') as Grouping[],
      weights: args['server-weights'].split(',').map(Number),
      blend: DEFAULT_BLEND,
      diversity: 0.85,
      say: progress,
    },
  );
}
for (const p of protocols.filter((x) => x !== 's')) {
  const def = PROTOCOLS[p];
  if (!def) throw new Error(`unknown protocol ${p} (use a, b, c)`);
  progress(`protocol ${def.title}`);
  const { isTest, dropped, users } = def.split();
  const train = dropped ? trainingFrom(log, isTest, dropped) : trainingFrom(log, isTest);
  const tests = testSets(log, isTest);
  const tuned = args['no-tune']
    ? null
    : tuneOnTraining(train, {
        seed,
        popularityPenalty: !args['no-popularity-penalty'],
        onProgress: (m) => progress(`  ${m}`),
      });
  if (tuned) notes.push(`${def.key}: EASE λ=${tuned.ease.lambda}; ${tuned.log.slice(-2).join('; ')}`);
  const t0 = performance.now();
  const model = buildHybrid(train, tuned ? { ease: tuned.ease } : {});
  progress(
    `  built hybrid in ${((performance.now() - t0) / 1000).toFixed(1)} s (EASE on ${model.ease?.m ?? 0} movies)`,
  );
  const evalUsers = users ?? Int32Array.from({ length: log.nUsers }, (_, u) => u);
  results[def.key] = {};
  for (const name of MODEL_NAMES) {
    const t1 = performance.now();
    const r = evaluateModel(
      model,
      name,
      { blend: tuned?.blend ?? DEFAULT_BLEND, seed, diversity: 0.85 },
      evalUsers,
      tests,
    );
    results[def.key]![name] = r;
    progress(
      `  ${name.padEnd(10)} nDCG@10 ${r['ndcg@10'].toFixed(4)}  P@10 ${r['precision@10'].toFixed(4)}  R@10 ${r['recall@10'].toFixed(4)}  MAP@10 ${r['map@10'].toFixed(4)}  cov ${r.coverage.toFixed(3)}  nov ${r.novelty.toFixed(2)}  (${r.users} users, ${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
  }
  if (args.ablate.split(',').includes(p.trim())) {
    // The same hybrid without its content signal (content model, TMDB's lists and EASE's content side information),
    // tuned the same way.
    const without = ['content', 'related'] as const;
    const bare = args['no-tune']
      ? null
      : tuneOnTraining(train, {
          seed,
          without,
          popularityPenalty: !args['no-popularity-penalty'],
          onProgress: (m) => progress(`  (no content) ${m}`),
        });
    if (bare) notes.push(`${def.key} without content: ${bare.log.slice(-2).join('; ')}`);
    // EASE differs when λ does or when it loses its content side information (sideWeight 0 without content).
    const sameEase =
      bare?.ease.lambda === tuned?.ease.lambda && (bare?.ease.sideWeight ?? 0) === (tuned?.ease.sideWeight ?? 0);
    const bareModel = bare && !sameEase ? buildHybrid(train, { ease: bare.ease }) : model;
    const zero = (w: Record<string, number | undefined>) => ({ ...w, content: 0, related: 0 });
    const fallback = { ...DEFAULT_BLEND, warm: zero(DEFAULT_BLEND.warm), cold: zero(DEFAULT_BLEND.cold) };
    for (const name of ['hybrid', 'hybrid+mmr'] as const) {
      const r = evaluateModel(
        bareModel,
        name,
        { blend: bare?.blend ?? fallback, seed, diversity: 0.85 },
        evalUsers,
        tests,
      );
      const withContent = results[def.key]![name]!['ndcg@10'];
      results[def.key]![`${name} without content`] = r;
      progress(
        `  ${name} without content: nDCG@10 ${r['ndcg@10'].toFixed(4)}; the content signal adds ${(((withContent - r['ndcg@10']) / r['ndcg@10']) * 100).toFixed(1)}% relative`,
      );
    }
  }
  if (users && args.onboarding.split(',').includes(p.trim())) {
    const blend = tuned?.blend ?? DEFAULT_BLEND;
    const known = trainingStars(isTest);
    const arms = { popular: onboardingOrder(model, { popularOnly: true }), divisive: onboardingOrder(model) };
    for (const [arm, order] of Object.entries(arms)) {
      const rep = onboardingArm(model, order, users, known, tests, blend);
      results[def.key]![`hybrid+mmr after onboarding (${arm})`] = rep.metrics;
      onboardingNotes.push(
        `${def.key}, onboarding with the ${arm} films: ${rep.metrics['ndcg@10'].toFixed(4)} nDCG@10; ${rep.shown.toFixed(1)} films shown on average to get ${rep.answered.toFixed(2)} answers (goal 5, at most ${ONBOARDING_MAX_SHOWN} shown)`,
      );
      progress(`  ${onboardingNotes.at(-1)}`);
    }
  }
  const servedLimit = Number(args['served-users']);
  const servedUsers = Array.from(evalUsers)
    .filter((u) => (tests[u]?.length ?? 0) > 0)
    .slice(0, servedLimit > 0 ? servedLimit : undefined);
  const rep = servedReport(model, servedUsers, (u) => trainingEvidence(model, u), tuned?.blend ?? DEFAULT_BLEND, 0.85);
  served[def.key] = rep;
  const f = rep.faithfulness;
  const lf = rep.legacyFaithfulness;
  const c = rep.concentration;
  progress(
    `  served top 5: reason faithfulness top-1 ${f.top1.toFixed(3)} top-3 ${f.top3.toFixed(3)} (${f.reasons} reasons; before: ${lf.top1.toFixed(3)} / ${lf.top3.toFixed(3)}); concentration: top film in ${(c.topFilmShare * 100).toFixed(1)}% of lists, Gini ${c.gini.toFixed(3)}, mean Jaccard ${c.meanJaccard.toFixed(3)}`,
  );
}

const demo: DemoReport[] = [];
if (!args['no-demo']) {
  for (const taste of [
    { tasteWeight: 1, qualityWeight: 1 },
    { tasteWeight: 1.8, qualityWeight: 0.4 },
    {
      tasteWeight: DEMO_COMMUNITY.tasteWeight,
      qualityWeight: DEMO_COMMUNITY.qualityWeight,
      archetypes: DEMO_COMMUNITY.archetypes,
    },
  ]) {
    const r = demoCommunityReport(taste);
    demo.push(r);
    const c = r.concentration;
    progress(
      `demo community (taste ×${r.tasteWeight}, quality ×${r.qualityWeight}, ${r.archetypes ?? 8} archetypes): top film in ${(c.topFilmShare * 100).toFixed(1)}% of lists, Gini ${c.gini.toFixed(3)}, mean Jaccard ${c.meanJaccard.toFixed(3)}; newcomers' overlap ${r.probeJaccard.toFixed(2)}: ${Object.entries(
        r.probes,
      )
        .map(([k, v]) => `${k}: ${v.join(', ')}`)
        .join(' | ')}`,
    );
  }
}

const metrics = ['ndcg@10', 'precision@10', 'recall@10', 'map@10', 'coverage', 'novelty'] as const;
const lines: string[] = [];
for (const [protocol, models] of Object.entries(results)) {
  lines.push(
    `#### ${protocol}`,
    '',
    `| model | ${metrics.join(' | ')} | users |`,
    `|---|${metrics.map(() => '---:').join('|')}|---:|`,
  );
  for (const [name, r] of Object.entries(models)) {
    lines.push(`| ${name} | ${metrics.map((m) => r[m].toFixed(4)).join(' | ')} | ${r.users} |`);
  }
  lines.push('');
}
if (Object.keys(served).length > 0)
  lines.push(
    '#### served top 5 (blend + MMR λ = 0.85, with reasons)',
    '',
    '| protocol | faithful top-1 | top-3 | before: top-1 | top-3 | reasons | top film in lists | Gini exposure | mean Jaccard |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
for (const [protocol, r] of Object.entries(served)) {
  const f = r.faithfulness;
  const l = r.legacyFaithfulness;
  const c = r.concentration;
  lines.push(
    `| ${protocol} | ${f.top1.toFixed(3)} | ${f.top3.toFixed(3)} | ${l.top1.toFixed(3)} | ${l.top3.toFixed(3)} | ${f.reasons} | ${c.topFilmShare.toFixed(3)} | ${c.gini.toFixed(3)} | ${c.meanJaccard.toFixed(3)} |`,
  );
}
lines.push('');
lines.push(...notes.map((n) => `- tuned on validation carved from train — ${n}`));
lines.push(...onboardingNotes.map((n) => `- ${n}`));
if (demo.length > 0) {
  lines.push(
    '',
    '#### demo community (sandbox: 40 members, 86 films, served top 5)',
    '',
    '| members generated with | ratings | top film in lists | Gini exposure | mean Jaccard | Nolan fan ∩ Pixar fan (Jaccard) |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const r of demo) {
    const c = r.concentration;
    lines.push(
      `| taste ×${r.tasteWeight}, quality ×${r.qualityWeight}, ${r.archetypes ?? 8} archetypes | ${r.ratings} | ${c.topFilmShare.toFixed(3)} | ${c.gini.toFixed(3)} | ${c.meanJaccard.toFixed(3)} | ${r.probeJaccard.toFixed(2)} |`,
    );
  }
  for (const r of demo)
    for (const [k, v] of Object.entries(r.probes))
      lines.push(`- taste ×${r.tasteWeight}, ${r.archetypes ?? 8} archetypes, ${k}: ${v.join(', ')}`);
}
if (servers) {
  lines.push(
    '',
    '#### (s) simulated servers on split (a): weight of server neighbours (hybrid + MMR as served, DEFAULT_BLEND)',
    '',
    `| servers | validation nDCG@10 by weight | chosen | test nDCG@10 without → chosen | shipped weight: test nDCG@10 | served faithful top-1 / top-3 | friends reasons (naming) |`,
    '|---|---|---:|---|---|---|---:|',
  );
  for (const r of servers) {
    const v = Object.entries(r.validation)
      .map(([w, x]) => `${w}: ${x.toFixed(4)}`)
      .join(', ');
    const f = r.served.faithfulness;
    lines.push(
      `| ${r.grouping}, ${r.size} | ${v} | ${r.chosen} | ${r.test.without['ndcg@10'].toFixed(4)} → ${r.test.with['ndcg@10'].toFixed(4)} | ${r.test.shipped.weight}: ${r.test.shipped.metrics['ndcg@10'].toFixed(4)} | ${f.top1.toFixed(3)} / ${f.top3.toFixed(3)} | ${r.served.friends.reasons} (${r.served.friends.naming}) |`,
    );
  }
}
console.log(lines.join('\n'));
progress(
  `done in ${((performance.now() - started) / 1000).toFixed(1)} s on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
);
if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  const out =
    servers && protocols.length === 1 ? { servers } : { ...results, served, demo, ...(servers ? { servers } : {}) };
  writeFileSync(args.json, `${JSON.stringify(out, null, 2)}\n`);
  progress(`wrote ${args.json}`);
}
