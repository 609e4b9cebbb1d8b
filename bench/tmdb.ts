// npm run bench:tmdb -- [--json PATH] [--csv PATH] [--latency MS] [--rps N] [--movies N] [--queries N]
// Against the fake TMDB (TMDB 5000 catalogue, 50 ms added latency): catalogue search p50/p95 with a cold and a warm
// cache, then refreshing details for 1,000 movies (wall time, achieved requests/s against the configured limit).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Movie } from '../src/entities/index.ts';
import { startTmdbBench } from './bench-stack.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    csv: { type: 'string', default: '../shared/data/tmdb/tmdb_5000_movies.csv.gz' },
    latency: { type: 'string', default: '50' },
    rps: { type: 'string', default: '40' },
    movies: { type: 'string', default: '1000' },
    queries: { type: 'string', default: '200' },
  },
});
const latencyMs = Number(values.latency);
const rps = Number(values.rps);
const movieCount = Number(values.movies);
const queryCount = Number(values.queries);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const { logger, fake, tmdbConfig, client, catalogue, orm, close } = await startTmdbBench({
  csv: values.csv,
  latencyMs: latencyMs,
  requestsPerSecond: rps,
});

try {
  // Queries: the first word or two of real titles, spread over the catalogue, each distinct.
  const titles = [...fake.movies.values()].map((m) => m.title);
  const queries = [
    ...new Set(
      titles.map((t) =>
        t
          .split(' ')
          .slice(0, t.length > 12 ? 2 : 1)
          .join(' ')
          .toLowerCase(),
      ),
    ),
  ]
    .filter((q) => q.length >= 3)
    .slice(0, queryCount);

  async function timeSearches(): Promise<number[]> {
    const out: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await catalogue.search(orm.em.fork(), q);
      out.push(performance.now() - t0);
    }
    return out.sort((a, b) => a - b);
  }
  const cold = await timeSearches();
  const warm = await timeSearches();

  // Refresh: 1,000 stub rows (no details yet), refreshed in one refreshStale run.
  const ids = [...fake.movies.keys()].slice(0, movieCount);
  const em = orm.em.fork();
  for (const id of ids) em.create(Movie, { id, title: fake.movies.get(id)?.title ?? String(id) });
  await em.flush();
  const before = fake.requests.length;
  const t0 = performance.now();
  const report = await catalogue.refreshStale(orm.em.fork(), movieCount);
  const wallMs = performance.now() - t0;
  const requests = fake.requests.length - before;
  const fetched = await orm.em.fork().count(Movie, { fetchedAt: { $ne: null } });

  const result = {
    benchmark: 'tmdb',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memGiB: round(totalmem() / 2 ** 30),
      node: process.version,
    },
    data: { catalogue: 'TMDB 5000 (tmdb_5000_movies.csv.gz)', films: fake.movies.size },
    fake: { addedLatencyMs: latencyMs },
    config: { requestsPerSecond: rps, maxInFlight: tmdbConfig.maxInFlight, timeoutMs: tmdbConfig.timeoutMs },
    search: {
      queries: queries.length,
      coldMs: { p50: round(percentile(cold, 50)), p95: round(percentile(cold, 95)), max: round(cold.at(-1) ?? 0) },
      warmMs: {
        p50: round(percentile(warm, 50), 3),
        p95: round(percentile(warm, 95), 3),
        max: round(warm.at(-1) ?? 0, 3),
      },
    },
    refresh: {
      movies: ids.length,
      refreshed: report.refreshed,
      failed: report.failed,
      rowsWithDetails: fetched,
      requests,
      wallSeconds: round(wallMs / 1000, 2),
      requestsPerSecond: round(requests / (wallMs / 1000)),
      limitRequestsPerSecond: rps,
    },
  };
  console.log(JSON.stringify(result, null, 2));
  if (values.json) {
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
  }
} finally {
  await close();
}
