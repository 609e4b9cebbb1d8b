// npm run bench:model-share -- --pg URL [--users 2000] [--movies 1000] [--ratings 20] [--json PATH]
// Two "processes" (two recommendation services with their own pools) start on one PostgreSQL database: the first
// takes the build lease, builds and saves the snapshot; the second waits and loads it. Reports the build time, the
// snapshot's size and the load time (what the second process pays instead of a build). Synthetic, seeded data.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { openDatabase } from '../src/db.ts';
import { mulberry32 } from '../src/recommender/index.ts';
import { createRecommendationService } from '../src/services/recommendation-service.ts';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    users: { type: 'string', default: '2000' },
    movies: { type: 'string', default: '1000' },
    ratings: { type: 'string', default: '20' },
    json: { type: 'string' },
  },
});
if (!args.pg) throw new Error('--pg URL (an empty PostgreSQL database) is required: sharing is for PostgreSQL');
const [USERS, MOVIES, RATINGS] = [Number(args.users), Number(args.movies), Number(args.ratings)];
const config = { url: args.pg, dataDir: '/nonexistent', debug: false };
const a = await openDatabase(config);
const b = await openDatabase(config, { migrate: false });
const rand = mulberry32(7);
const em = a.em.fork();
const movies = Array.from({ length: MOVIES }, (_, i) => `(${i + 1}, 'Film ${i + 1}', now(), now())`);
await em.execute(`insert into movies (id, title, created_at, updated_at) values ${movies.join(',')}`);
for (let u = 0; u < USERS; u += 500) {
  const ids = Array.from({ length: Math.min(500, USERS - u) }, (_, k) => String(900000000000000000n + BigInt(u + k)));
  await em.execute(
    `insert into users (id, kind, created_at, updated_at) values ${ids.map(() => "(?, 'discord', now(), now())").join(',')}`,
    ids,
  );
  const rows: (string | number)[] = [];
  for (const id of ids) {
    const seen = new Set<number>();
    while (seen.size < RATINGS) seen.add(1 + Math.floor(MOVIES * rand() ** 2));
    for (const m of seen) rows.push(id, m, Math.round((1 + rand() * 4) * 2) / 2);
  }
  await em.execute(
    `insert into ratings (user_id, movie_id, score, created_at, updated_at) values ${Array.from({ length: rows.length / 3 }, () => '(?, ?, ?, now(), now())').join(',')}`,
    rows,
  );
}
const logs: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
const share = (holder: string) => ({ holder, freshMs: 600_000, leaseMs: 600_000, pollMs: 100 });
const builder = createRecommendationService({ orm: a, logger, share: share('bench-a') });
const loader = createRecommendationService({ orm: b, logger, share: share('bench-b') });
const load = loadavg().map((x) => Math.round(x * 100) / 100);
const t0 = performance.now();
await builder.start();
const buildWall = Math.round(performance.now() - t0);
const t1 = performance.now();
await loader.start();
const loadWall = Math.round(performance.now() - t1);
const saved = logs.find((l) => l.msg === 'model snapshot saved for the other processes') as { bytes?: number };
const result = {
  benchmark: 'model-share',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30) },
  node: process.version,
  data: { synthetic: true, users: USERS, movies: MOVIES, ratingsPerUser: RATINGS },
  load_average_1_5_15_at_start: load,
  build_and_save_ms: buildWall,
  snapshot_bytes: saved?.bytes ?? null,
  second_process_load_ms: loadWall,
  same_version: builder.modelVersion === loader.modelVersion,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
if (args.json) writeFileSync(resolve(args.json), `${JSON.stringify(result, null, 2)}\n`);
await builder.stop();
await loader.stop();
await a.close();
await b.close();
