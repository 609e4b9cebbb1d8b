// node scripts/recommender/cold-ease-side.ts [--alphas 0,3,10,30,100] [--json PATH]
// EASE with side information (cEASEr: the content vectors stacked under the users with weight α, so the Gram matrix
// gains α · the content cosine of every two films; `sideWeight` in ease.ts) for cold users (issue 15, protocol c),
// chosen on validation only, as cold-content.ts does: protocol (c)'s training data (ml-latest-small, TMDB 5000
// metadata and stand-in TMDB lists, seed 42), a validation split carved from it as `tuneOnTraining` does, every
// validation user seen through ≤ 5 of their training films; for each α the cold blend weights are tuned by coordinate
// ascent on validation nDCG@10. "without content" is plain EASE (α 0) with content and the TMDB lists at 0 — the same
// hybrid without any content signal. The warm check scores every validation user with all their films under the
// default blend (hybrid + MMR as served), so an α that helps cold users at warm users' expense shows. The test
// figures (the 137 cold users, their 5 training ratings; protocol (a) for warm) are printed for the record, never
// used to choose. EASE λ = 100 (what validation chose for protocol c).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_BLEND } from '../../src/recommender/blend.ts';
import { buildEase, DEFAULT_EASE } from '../../src/recommender/ease.ts';
import { testSets, trainingFrom } from '../../src/recommender/evaluation.ts';
import { buildHybrid, type HybridModel } from '../../src/recommender/model.ts';
import { evaluateModel } from '../../src/recommender/offline.ts';
import { ascent, blendNdcg, cacheUsers, coldProtocol } from './cold-validation.ts';
import { parseArgs, progress } from './common.ts';

const { values: args } = parseArgs({
  options: {
    alphas: { type: 'string', default: '0,3,10,30,100' },
    json: { type: 'string' },
  },
});

const seed = 42;
const ease = { ...DEFAULT_EASE, lambda: 100, sideWeight: 0 };
const load1m = () => +(loadavg()[0] ?? 0).toFixed(2);
const loadStart = load1m();
const started = new Date().toISOString().slice(0, 16);
const { log, isTest, coldUsers, train, tests, val } = coldProtocol(seed);

/** The model with EASE rebuilt with side information of weight α (α 0: plain EASE). */
function withSide(model: HybridModel, alpha: number): HybridModel {
  const opts = { ...ease, sideWeight: alpha };
  return { ...model, ease: buildEase(model.byUser, model.popularity.counts, opts, model.content?.vectors) };
}

// EASE is built per α below, so the base models leave it out.
const valBase = buildHybrid(val.train, { ease: null });
const testBase = buildHybrid(train, { ease: null });
// Protocol (a) for the warm check on test: the full training data, every user.
const warmTrain = trainingFrom(log, isTest);
const warmTestBase = buildHybrid(warmTrain, { ease: null });
const warmUsers = Int32Array.from({ length: log.nUsers }, (_, u) => u);
const served = { blend: DEFAULT_BLEND, seed, diversity: 0.85 };
progress(`${val.users.length} validation users (≤ 5 films each), ${coldUsers.length} cold test users`);

const rows = [];
let none: { val: number; test: number } | undefined;
for (const alpha of args.alphas.split(',').map(Number)) {
  const t0 = performance.now();
  const valModel = withSide(valBase, alpha);
  const buildS = (performance.now() - t0) / 1000;
  const testModel = withSide(testBase, alpha);
  const valUsers = cacheUsers(valModel, val.users, 5, true, seed);
  const testUsers = cacheUsers(testModel, Array.from(coldUsers), Number.MAX_SAFE_INTEGER, false, seed);
  if (alpha === 0) {
    const bare = ascent((w) => blendNdcg(valModel, valUsers, val.tests, w), new Set(['content', 'related']));
    none = { val: bare.best, test: blendNdcg(testModel, testUsers, tests, bare.w) };
    progress(`without content: validation ${none.val.toFixed(4)} test ${none.test.toFixed(4)}`);
  }
  const full = ascent((w) => blendNdcg(valModel, valUsers, val.tests, w), new Set());
  const coldTest = blendNdcg(testModel, testUsers, tests, full.w);
  const warmVal = evaluateModel(valModel, 'hybrid+mmr', served, val.users, val.tests)['ndcg@10'];
  const warmTest = evaluateModel(withSide(warmTestBase, alpha), 'hybrid+mmr', served, warmUsers, testSets(log, isTest))[
    'ndcg@10'
  ];
  const row = {
    alpha,
    cold_validation_ndcg10: +full.best.toFixed(4),
    cold_test_ndcg10: +coldTest.toFixed(4),
    cold_weights: full.w,
    warm_validation_hybrid_mmr_ndcg10: +warmVal.toFixed(4),
    warm_test_protocol_a_hybrid_mmr_ndcg10: +warmTest.toFixed(4),
    ease_build_s: +buildS.toFixed(2),
  };
  progress(JSON.stringify(row));
  rows.push(row);
}
const loadEnd = load1m();
console.log(
  `without content (plain EASE, content and lists at 0): validation ${none?.val.toFixed(4)}, test ${none?.test.toFixed(4)}`,
);
console.log(
  '| side-info weight α | cold validation nDCG@10 | gain over no content | cold test | gain | warm validation (hybrid+MMR) | warm test, protocol (a) |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
const pct = (x: number, base = 0) => `${(((x - base) / base) * 100).toFixed(1)} %`;
for (const r of rows) {
  console.log(
    `| ${r.alpha} | ${r.cold_validation_ndcg10} | ${pct(r.cold_validation_ndcg10, none?.val)} | ${r.cold_test_ndcg10} | ${pct(r.cold_test_ndcg10, none?.test)} | ${r.warm_validation_hybrid_mmr_ndcg10} | ${r.warm_test_protocol_a_hybrid_mmr_ndcg10} |`,
  );
}
if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    `${JSON.stringify(
      {
        data: 'ml-latest-small + TMDB 5000, protocol (c) (cold) and (a) (warm check), seed 42, EASE λ 100',
        started,
        load_1m: [loadStart, loadEnd],
        without_content: none,
        rows,
      },
      null,
      2,
    )}\n`,
  );
}
