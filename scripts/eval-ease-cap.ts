// npm run eval:ease-cap -- [--caps 1000,2000,3000,4000] [--json PATH]
// EASE covers only its `maxItems` most-rated films (the m×m inverse): what the cap costs and buys. Protocol (a) on
// ml-latest-small (random 75/25 per user, seed 42), EASE λ = 200 and the default blend (DEFAULT_BLEND, untuned, so
// the caps compare like for like; `npm run eval` tunes per protocol), MMR 0.85 as served. Each cap in its own
// process, so its peak RSS is its own; build time is buildHybrid with EASE on its thread.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV, loadMovieLensDir } from '../src/data/movielens.ts';
import { randomSplit, testSets, trainingFrom } from '../src/recommender/evaluation.ts';
import { buildHybrid, DEFAULT_BLEND, DEFAULT_EASE } from '../src/recommender/index.ts';
import { evaluateModel } from '../src/recommender/offline.ts';
import { parseArgs, progress, toRatingLog, withTmdbLists } from './recommender/common.ts';

const { values: args } = parseArgs({
  options: {
    caps: { type: 'string', default: '1000,2000,3000,4000' },
    json: { type: 'string' },
    child: { type: 'string' },
  },
});

function runCap(cap: number) {
  const ds = loadMovieLensDir(DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV);
  const log = toRatingLog(ds.ratings, withTmdbLists(ds.meta, ds.tmdbIds, ds.tmdb));
  const isTest = randomSplit(log, 0.25, 42);
  const train = trainingFrom(log, isTest);
  const tests = testSets(log, isTest);
  const load1m = () => +(loadavg()[0] ?? 0).toFixed(2);
  const load = load1m();
  const t0 = performance.now();
  const model = buildHybrid(train, { ease: { ...DEFAULT_EASE, maxItems: cap } });
  const buildS = (performance.now() - t0) / 1000;
  const users = Int32Array.from({ length: log.nUsers }, (_, u) => u);
  const cfg = { blend: DEFAULT_BLEND, seed: 42, diversity: 0.85 };
  const ease = evaluateModel(model, 'ease', cfg, users, tests);
  const served = evaluateModel(model, 'hybrid+mmr', cfg, users, tests);
  const pos = model.ease?.pos ?? new Int32Array(model.items.length).fill(-1);
  let covered = 0;
  for (let k = 0; k < log.user.length; k++) if (isTest[k] && (pos[log.item[k] ?? 0] ?? -1) >= 0) covered++;
  let nTest = 0;
  for (const x of isTest) nTest += x;
  return {
    cap,
    ease_movies: model.ease?.m ?? 0,
    test_ratings_covered: +(covered / nTest).toFixed(4),
    ease_ndcg10: +ease['ndcg@10'].toFixed(4),
    hybrid_mmr_ndcg10: +served['ndcg@10'].toFixed(4),
    build_s: +buildS.toFixed(2),
    rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    load_1m: [load, load1m()],
  };
}

if (args.child) {
  process.stdout.write(`${JSON.stringify(runCap(Number(args.child)))}\n`);
} else {
  const rows = [];
  for (const cap of args.caps.split(',').map(Number)) {
    const out = execFileSync(process.execPath, ['scripts/eval-ease-cap.ts', '--child', String(cap)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }).toString();
    const row = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
    progress(JSON.stringify(row));
    rows.push(row);
  }
  console.log(
    '| EASE cap | films | test ratings covered | EASE nDCG@10 | hybrid+MMR nDCG@10 | build s | peak RSS MB | load |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.cap} | ${r.ease_movies} | ${(r.test_ratings_covered * 100).toFixed(1)} % | ${r.ease_ndcg10} | ${r.hybrid_mmr_ndcg10} | ${r.build_s} | ${r.rss_mb} | ${r.load_1m.join('–')} |`,
    );
  }
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify({ data: 'ml-latest-small, protocol (a)', rows }, null, 2)}\n`);
  }
}
