// node scripts/recommender/cold-spread.ts [--seeds 1,2,…] [--json PATH]
//
// How much one protocol (c) split says: protocol (c) (20 % of users cut to 5 random training ratings, random 75/25
// test split) drawn with several seeds, and on each the cold users' nDCG@10 of the engine as served (DEFAULT_BLEND,
// default model, MMR 0.85: what the product ranks with), with and without the content signal (content and TMDB's
// lists at 0, cold and warm). No tuning on any test set: the same served weights on every split. Data:
// ml-latest-small + TMDB 5000 metadata with the stand-in TMDB lists, read at run time.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { type BlendWeights, DEFAULT_BLEND } from '../../src/recommender/blend.ts';
import { buildHybrid } from '../../src/recommender/index.ts';
import { evaluateModel } from '../../src/recommender/offline.ts';
import { coldProtocol } from './cold-validation.ts';
import { parseArgs, progress, spread } from './common.ts';

const { values: args } = parseArgs({
  options: {
    seeds: { type: 'string', default: '42,1,2,3,4,5,6,7,8,9,10,11' },
    // The served blend with some fields replaced, as JSON: `{"halfWarmAt":8,"warmPower":2,"cold":{"content":0}}`
    // (`cold` / `warm` merge into DEFAULT_BLEND's). Default: DEFAULT_BLEND as it is.
    blend: { type: 'string' },
    json: { type: 'string' },
  },
});
const seeds = (args.seeds as string).split(',').map(Number);
const override = (args.blend ? JSON.parse(args.blend) : {}) as Partial<BlendWeights>;
const servedBlend: BlendWeights = {
  ...DEFAULT_BLEND,
  ...override,
  cold: { ...DEFAULT_BLEND.cold, ...override.cold },
  warm: { ...DEFAULT_BLEND.warm, ...override.warm },
};
const withoutContent = {
  ...servedBlend,
  cold: { ...servedBlend.cold, content: 0, related: 0 },
  warm: { ...servedBlend.warm, content: 0, related: 0 },
};
const load = [+(loadavg()[0] ?? 0).toFixed(2), 0];
const round = (x: number) => Math.round(x * 10_000) / 10_000;

const rows = seeds.map((seed) => {
  const p = coldProtocol(seed);
  const model = buildHybrid(p.train);
  const cfg = { seed, diversity: 0.85 };
  const served = evaluateModel(model, 'hybrid+mmr', { ...cfg, blend: servedBlend }, p.coldUsers, p.tests)['ndcg@10'];
  const ablation = evaluateModel(model, 'hybrid+mmr', { ...cfg, blend: withoutContent }, p.coldUsers, p.tests)[
    'ndcg@10'
  ];
  const row = {
    seed,
    cold_users: p.coldUsers.length,
    served_ndcg10: round(served),
    without_content_ndcg10: round(ablation),
    content_gain: round(served / ablation - 1),
  };
  progress(`split ${seed}: ${JSON.stringify(row)}`);
  return row;
});
load[1] = +(loadavg()[0] ?? 0).toFixed(2);

const result = {
  benchmark: 'cold-spread',
  blend: servedBlend,
  protocol: '(c): random 75/25 per user, 20 % of users cut to 5 random training ratings; hybrid + MMR 0.85 as served',
  data: 'MovieLens ml-latest-small + TMDB 5000 (stand-in TMDB lists), read at run time',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
  node: process.version,
  measured_at: new Date().toISOString().slice(0, 16),
  load_1m: load,
  served_ndcg10: spread(rows.map((r) => r.served_ndcg10)),
  without_content_ndcg10: spread(rows.map((r) => r.without_content_ndcg10)),
  content_gain: spread(rows.map((r) => r.content_gain)),
  splits_at_least_0_15: rows.filter((r) => r.served_ndcg10 >= 0.15).length,
  splits_gain_at_least_5_percent: rows.filter((r) => r.content_gain >= 0.05).length,
  rows,
};
process.stdout.write(
  `served ${JSON.stringify(result.served_ndcg10)}; without content ${JSON.stringify(result.without_content_ndcg10)}; gain ${JSON.stringify(result.content_gain)}\n`,
);
if (args.json) writeFileSync(resolve(args.json), `${JSON.stringify(result, null, 2)}\n`);
