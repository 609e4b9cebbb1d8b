// npm run bench:import -- [--json PATH] [--csv PATH] [--rows N] [--latency MS] [--rps N]
// A Letterboxd ratings.csv of N rows (default 2,000) built from TMDB 5000 titles with a unique title and year,
// imported through the real import runner against the fake TMDB (50 ms added latency) at the configured TMDB rate
// limit (default 40 requests/s), on in-memory PGlite: wall time, rows matched, TMDB requests and their rate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toCsv } from '../src/data/csv.ts';
import { ImportRow } from '../src/entities/index.ts';
import { createImportRunner } from '../src/services/import/import-runner.ts';
import { createImportJob } from '../src/services/import/import-service.ts';
import { startTmdbBench } from './bench-stack.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    csv: { type: 'string', default: '../shared/data/tmdb/tmdb_5000_movies.csv.gz' },
    rows: { type: 'string', default: '2000' },
    latency: { type: 'string', default: '50' },
    rps: { type: 'string', default: '40' },
  },
});
const rowCount = Number(values.rows);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const { logger, fake, tmdbConfig, client, catalogue, orm, close } = await startTmdbBench({
  csv: values.csv,
  latencyMs: Number(values.latency),
  requestsPerSecond: Number(values.rps),
});

try {
  // Films a Letterboxd row names unambiguously: title and year unique in the catalogue.
  const films = [...fake.movies.values()].filter((m) => /^\d{4}/.test(m.releaseDate));
  const key = (m: (typeof films)[number]) => `${m.title.toLowerCase()}|${m.releaseDate.slice(0, 4)}`;
  const counts = new Map<string, number>();
  for (const m of films) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
  const pool = films.filter((m) => counts.get(key(m)) === 1).slice(0, rowCount);
  const rows = pool.map((m, i) => [
    `2024-0${1 + (i % 9)}-1${i % 10}`,
    m.title,
    Number(m.releaseDate.slice(0, 4)),
    '',
    1 + (i % 9) / 2,
  ]);
  const bytes = new TextEncoder().encode(toCsv(['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating'], rows));

  const userId = '1300000000000000001';
  const job = await createImportJob(orm.em.fork(), {
    userId,
    fileName: 'ratings.csv',
    bytes,
    source: 'auto',
    reply: null,
  });
  const runner = createImportRunner({
    orm,
    logger,
    tmdb: client,
    storeSummaries: catalogue.storeSummaries,
    reporter: { progress: async () => {}, finished: async () => {} },
    progressEveryMs: 60_000,
  });
  const before = fake.requests.length;
  const t0 = performance.now();
  const outcome = await runner.runJob(job.id);
  const seconds = (performance.now() - t0) / 1000;
  const requests = fake.requests.length - before;
  const done = await orm.em.fork().find(ImportRow, { job: job.id });
  const matched = done.filter((r) => r.status === 'matched').length;
  const result = {
    benchmark: 'import',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      loadavg1: round(loadavg()[0] ?? 0, 2),
    },
    data: `TMDB 5000 (${values.csv}), ${rows.length} Letterboxd ratings.csv rows with a unique title and year`,
    fakeTmdbLatencyMs: Number(values.latency),
    tmdbRequestsPerSecondLimit: tmdbConfig.requestsPerSecond,
    outcome,
    rows: rows.length,
    matched,
    seconds: round(seconds),
    tmdbRequests: requests,
    tmdbRequestsPerSecond: round(requests / seconds),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (values.json) {
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
  }
} finally {
  await close();
}
