// npm run bench:writes -- [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--rows 1000] [--repeat 10] [--json PATH]
// What one set-based write costs the bot's thread on PostgreSQL, the two ways the code can send it: MikroORM's
// `em.execute` (parameters escaped into the SQL text) and `executeSetBased` (parameters bound). The rows are synthetic
// weekly-DM outbox rows (~1.5 kB of JSON each, like a 5-pick DM), inserted into a temporary table inside one
// transaction, as the weekly compute does. No real data.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db.ts';
import { executeSetBased, pgArray } from '../src/services/pg-array.ts';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    rows: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '10' },
    json: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const REPEAT = Number(args.repeat);

/** A weekly DM's payload: five picks with a reason each, as the weekly run enqueues them. */
function payload(k: number): string {
  const picks = Array.from({ length: 5 }, (_, p) => ({
    movieId: 1000 + ((k * 7 + p) % 2000),
    impressionId: k * 5 + p,
    title: `Film ${1000 + ((k * 7 + p) % 2000)}: a "title" with quotes`,
    year: 1990 + (p % 30),
    posterPath: `/poster${p}.jpg`,
    genres: ['Drama', 'Comedy'],
    score: 10.5 + p,
    reason: {
      kind: 'similar_to',
      via: 'item',
      evidence: [1, 2, 3].map((e) => ({ movieId: e, title: `Film ${e}`, stars: 4.5, share: 0.15 })),
    },
  }));
  return JSON.stringify({ type: 'weekly_dm', isoWeek: '2026-W48', guildId: '1200000000000000001', picks });
}

const orm = await openDatabase({ url: args.pg, dataDir: '', debug: false });
const em = orm.em.fork();
const payloads = Array.from({ length: ROWS }, (_, k) => payload(k));
const sql = `insert into bench_writes select t.k, t.kind, t.g, t.r, t.w, t.p::jsonb
  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(k, kind, g, r, w, p)`;
const params = () => [
  pgArray(payloads.map((_, k) => `dm:${k}:2026-W48`)),
  pgArray(payloads.map(() => 'dm')),
  pgArray(payloads.map(() => '1200000000000000001')),
  pgArray(payloads.map((_, k) => String(1400000000000000000n + BigInt(k)))),
  pgArray(payloads.map(() => '2026-W48')),
  pgArray(payloads),
];
const measure = async (f: () => Promise<unknown>) => {
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < REPEAT; i++) await f();
  const d = process.cpuUsage(c);
  return {
    cpu_ms: +((d.user + d.system) / 1000 / REPEAT).toFixed(1),
    wall_ms: +((performance.now() - t) / REPEAT).toFixed(1),
  };
};
const load = [+(loadavg()[0] ?? 0).toFixed(2), 0];
const result = await em.transactional(async (tem) => {
  await tem.execute(
    'create temp table bench_writes (k text, kind text, g text, r text, w text, p jsonb) on commit drop',
  );
  await measure(() => tem.execute(sql, params())); // warm-up
  const escaped = await measure(() => tem.execute(sql, params()));
  const bound = await measure(() => executeSetBased(tem, sql, params()));
  return { escaped, bound };
});
load[1] = +(loadavg()[0] ?? 0).toFixed(2);
await orm.close();
const out = {
  benchmark: 'bench:writes',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30) },
  node: process.version,
  measured_at: new Date().toISOString().slice(0, 16),
  load_1m: load,
  rows_per_statement: ROWS,
  bytes_per_statement: params().reduce((n, p) => n + p.length, 0),
  repeat: REPEAT,
  per_statement: { em_execute_escaped: result.escaped, execute_set_based_bound: result.bound },
};
console.log(JSON.stringify(out, null, 2));
if (args.json) writeFileSync(args.json, `${JSON.stringify(out, null, 2)}\n`);
