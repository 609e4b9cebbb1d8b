// npm run bench:recommend -- [--json PATH] [--scales ml-latest-small,synthetic-1m,synthetic-5m] [--users N]
//                             [--ease-cap N]
// Per-user recommend compute time (p50/p95/p99), model build time and peak RSS, each scale in its own process
// (so peak RSS is per scale). Synthetic data comes from the seed generator (`npm run seed -- --dry-run`). The machine
// is shared: each scale records the 1-minute load average before its build and after its timings.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV, loadMovieLensDir } from '../src/data/movielens.ts';
import { trainingFrom } from '../src/recommender/evaluation.ts';
import { buildHybrid, DEFAULT_EASE, mulberry32, recommend, shuffleInPlace } from '../src/recommender/index.ts';
import { trainingEvidence } from '../src/recommender/offline.ts';
import { parseArgs, progress, syntheticDir, toRatingLog } from './recommender/common.ts';

const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    scales: { type: 'string', default: 'ml-latest-small,synthetic-1m,synthetic-5m' },
    users: { type: 'string', default: '1000' },
    child: { type: 'string' },
    dir: { type: 'string' },
    /** EASE's film cap to measure instead of DEFAULT_EASE's (a candidate cap, before it is adopted). */
    'ease-cap': { type: 'string' },
  },
});
const ease = args['ease-cap'] ? { ...DEFAULT_EASE, maxItems: Number(args['ease-cap']) } : DEFAULT_EASE;

interface ScaleDef {
  describe: string;
  dir: () => string;
}
const SCALES: Record<string, ScaleDef> = {
  'ml-latest-small': {
    describe: 'MovieLens ml-latest-small + TMDB 5000',
    dir: () => args.dir ?? DEFAULT_MOVIELENS_DIR,
  },
  'synthetic-1m': {
    describe: 'seed generator: 20k users × 10k movies, ~1M ratings',
    dir: () => syntheticDir('synthetic-1m'),
  },
  'synthetic-5m': {
    describe: 'seed generator: 100k users × 20k movies, ~5M ratings',
    dir: () => syntheticDir('synthetic-5m'),
  },
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

function runScale(name: string, dir: string) {
  const ds = loadMovieLensDir(dir, DEFAULT_TMDB_CSV);
  const log = toRatingLog(ds.ratings, ds.meta);
  const train = trainingFrom(log);
  progress(`${name}: ${log.nUsers} users, ${log.items.length} movies, ${log.user.length} ratings; building`);
  const loadBefore = +(loadavg()[0] ?? 0).toFixed(2);
  const t0 = performance.now();
  const model = buildHybrid(train, { ease });
  const buildS = (performance.now() - t0) / 1000;
  progress(`${name}: built in ${buildS.toFixed(1)} s (EASE on ${model.ease?.m ?? 0} movies)`);
  const users = Array.from({ length: log.nUsers }, (_, u) => u);
  shuffleInPlace(users, mulberry32(42));
  const sample = users.slice(0, Number(args.users));
  // Warm up the JIT on a few users first, as a long-running bot would be.
  for (const u of sample.slice(0, 20)) recommend(model, trainingEvidence(model, u), { count: 10, diversity: 0.85 });
  const times: number[] = [];
  // CPU time of the process per call as well: on a shared machine the wall-clock tail is mostly time spent waiting
  // for a core (at load 12 on 2 cores a call gets a sixth of one), the CPU time is what the call itself costs.
  const cpu: number[] = [];
  for (const u of sample) {
    const ev = trainingEvidence(model, u);
    const c = process.cpuUsage();
    const s = performance.now();
    recommend(model, ev, { count: 10, diversity: 0.85 });
    times.push(performance.now() - s);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50_ms: +percentile(times, 50).toFixed(2),
    p95_ms: +percentile(times, 95).toFixed(2),
    p99_ms: +percentile(times, 99).toFixed(2),
    cpu_p50_ms: +percentile(cpu, 50).toFixed(2),
    cpu_p99_ms: +percentile(cpu, 99).toFixed(2),
    build_s: +buildS.toFixed(2),
    rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    users: log.nUsers,
    movies: log.items.length,
    ratings: log.user.length,
    ease_movies: model.ease?.m ?? 0,
    timed_users: times.length,
    load_1m: [loadBefore, +(loadavg()[0] ?? 0).toFixed(2)],
    measured_at: new Date().toISOString().slice(0, 16),
  };
}

if (args.child) {
  const def = SCALES[args.child];
  if (!def) throw new Error(`unknown scale ${args.child}`);
  process.stdout.write(`${JSON.stringify(runScale(args.child, def.dir()))}\n`);
} else {
  const results: Record<string, unknown> = {};
  for (const name of args.scales.split(',')) {
    const def = SCALES[name.trim()];
    if (!def) throw new Error(`unknown scale ${name} (${Object.keys(SCALES).join(', ')})`);
    def.dir(); // generate synthetic data outside the measured process
    const out = execFileSync(
      process.execPath,
      [
        'scripts/bench-recommend.ts',
        '--child',
        name,
        '--users',
        args.users,
        ...(args.dir ? ['--dir', args.dir] : []),
        ...(args['ease-cap'] ? ['--ease-cap', args['ease-cap']] : []),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    ).toString();
    results[name] = { ...JSON.parse(out.trim().split('\n').at(-1)!), data: def.describe };
    progress(`${name}: ${JSON.stringify(results[name])}`);
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
  console.log(`machine: ${machine}`);
  console.log(
    '| scale | users | movies | ratings | build s | p50 ms | p95 ms | p99 ms | CPU p50 / p99 ms | peak RSS MB | load (1 min) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, r] of Object.entries(results) as [string, ReturnType<typeof runScale>][]) {
    console.log(
      `| ${name} | ${r.users} | ${r.movies} | ${r.ratings} | ${r.build_s} | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ${r.cpu_p50_ms} / ${r.cpu_p99_ms} | ${r.rss_mb} | ${r.load_1m.join('–')} |`,
    );
  }
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
    progress(`wrote ${args.json}`);
  }
}
