// npm run eval:ease-cap -- [--caps 1000,2000,3000,4000,all] [--side-weights 0,10,30] [--on test|validation]
//                           [--val-seed N] [--json PATH]
// EASE covers only its `maxItems` most-rated films (the m×m inverse): what the cap costs and buys. Protocol (a) on
// ml-latest-small (random 75/25 per user, seed 42), EASE λ = 200 and the default blend (DEFAULT_BLEND, untuned, so
// the caps compare like for like; `npm run eval` tunes per protocol), MMR 0.85 as served. Each cap in its own
// process, so its peak RSS is its own; build time is buildHybrid with EASE on its thread.
// `--on validation` scores on a validation split carved from protocol (a)'s training data (validationSplit, as
// tuneOnTraining carves it) instead of the test set: the figures to choose a cap by (`--on test` is for the record).
// `--side-weights` also tries EASE with the films' content features as side information (`sideWeight`, ease.ts) at
// each cap.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV, loadMovieLensDir } from '../src/data/movielens.ts';
import { randomSplit, testSets, trainingFrom } from '../src/recommender/evaluation.ts';
import { buildHybrid, DEFAULT_BLEND, DEFAULT_EASE } from '../src/recommender/index.ts';
import { evaluateModel } from '../src/recommender/offline.ts';
import { validationSplit } from '../src/recommender/tuning.ts';
import { parseArgs, progress, toRatingLog, withTmdbLists } from './recommender/common.ts';

const { values: args } = parseArgs({
  options: {
    caps: { type: 'string', default: '1000,2000,3000,4000' },
    /** EASE side-information weights to try at each cap (default: DEFAULT_EASE's). */
    'side-weights': { type: 'string', default: String(DEFAULT_EASE.sideWeight ?? 0) },
    'side-weight': { type: 'string' },
    /** Score on protocol (a)'s test set, or on a validation split carved from its training data. */
    on: { type: 'string', default: 'test' },
    /** Seed of the validation split (42, as `npm run eval` carves it; another seed checks the choice is not luck). */
    'val-seed': { type: 'string', default: '42' },
    json: { type: 'string' },
    child: { type: 'string' },
  },
});

/** `all` (no cap) or a number of films. */
const capOf = (s: string) => (s === 'all' ? Number.MAX_SAFE_INTEGER : Number(s));

function runCap(capArg: string, on: string, valSeed: number, sideWeight: number) {
  const cap = capOf(capArg);
  const ds = loadMovieLensDir(DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV);
  const log = toRatingLog(ds.ratings, withTmdbLists(ds.meta, ds.tmdbIds, ds.tmdb));
  const isTest = randomSplit(log, 0.25, 42);
  const full = trainingFrom(log, isTest);
  const val = on === 'validation' ? validationSplit(full, valSeed) : undefined;
  const train = val?.train ?? full;
  const tests = val?.tests ?? testSets(log, isTest);
  const users = val ? Int32Array.from(val.users) : Int32Array.from({ length: log.nUsers }, (_, u) => u);
  const load1m = () => +(loadavg()[0] ?? 0).toFixed(2);
  const load = load1m();
  const t0 = performance.now();
  const model = buildHybrid(train, { ease: { ...DEFAULT_EASE, maxItems: cap, sideWeight } });
  const buildS = (performance.now() - t0) / 1000;
  const cfg = { blend: DEFAULT_BLEND, seed: 42, diversity: 0.85 };
  const ease = evaluateModel(model, 'ease', cfg, users, tests);
  const served = evaluateModel(model, 'hybrid+mmr', cfg, users, tests);
  const pos = model.ease?.pos ?? new Int32Array(model.items.length).fill(-1);
  let covered = 0;
  let nHeld = 0;
  for (const u of users) {
    for (const i of tests[u] ?? []) {
      nHeld++;
      if ((pos[i] ?? -1) >= 0) covered++;
    }
  }
  return {
    cap: capArg,
    side_weight: sideWeight,
    scored_on: val ? 'validation split of protocol (a) training' : 'protocol (a) test',
    ease_movies: model.ease?.m ?? 0,
    held_out_ratings_covered: +(covered / nHeld).toFixed(4),
    ease_ndcg10: +ease['ndcg@10'].toFixed(4),
    hybrid_mmr_ndcg10: +served['ndcg@10'].toFixed(4),
    build_s: +buildS.toFixed(2),
    rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    load_1m: [load, load1m()],
    measured_at: new Date().toISOString().slice(0, 16),
  };
}

if (args.on !== 'test' && args.on !== 'validation') throw new Error(`--on ${args.on}: test or validation`);
if (args.child) {
  process.stdout.write(
    `${JSON.stringify(runCap(args.child, args.on, Number(args['val-seed']), Number(args['side-weight'] ?? 0)))}\n`,
  );
} else {
  const rows = [];
  for (const cap of args.caps.split(',')) {
    for (const side of args['side-weights'].split(',')) {
      const out = execFileSync(
        process.execPath,
        ['scripts/eval-ease-cap.ts', '--child', cap, '--on', args.on, '--val-seed', args['val-seed']].concat([
          '--side-weight',
          side,
        ]),
        { stdio: ['ignore', 'pipe', 'inherit'] },
      ).toString();
      const row = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
      progress(JSON.stringify(row));
      rows.push(row);
    }
  }
  console.log(
    `| EASE cap | side weight | films | ${args.on} ratings covered | EASE nDCG@10 | hybrid+MMR nDCG@10 | build s | peak RSS MB | load |`,
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.cap} | ${r.side_weight} | ${r.ease_movies} | ${(r.held_out_ratings_covered * 100).toFixed(1)} % | ${r.ease_ndcg10} | ${r.hybrid_mmr_ndcg10} | ${r.build_s} | ${r.rss_mb} | ${r.load_1m.join('–')} |`,
    );
  }
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(
      args.json,
      `${JSON.stringify({ data: 'ml-latest-small, protocol (a)', on: args.on, val_seed: Number(args['val-seed']), rows }, null, 2)}\n`,
    );
  }
}
