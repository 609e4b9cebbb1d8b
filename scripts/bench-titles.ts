// npm run bench:titles -- [--films 5000] [--alternatives 40] [--pg URL] [--json PATH]
// How long matching typed text against alternative titles takes (autocomplete and the local search), on in-memory
// PGlite or on an empty PostgreSQL database: a prefix match on the stored, indexed key, a full "contains" scan of it,
// and the same scan computing the key per row (titleKeySql, what an expression index alone would leave a contains
// match to do). Synthetic, seeded titles (no TMDB data).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db.ts';
import { mulberry32 } from '../src/recommender/index.ts';
import { titleKey, titleKeySql } from '../src/title-key.ts';

const { values: args } = parseArgs({
  options: {
    films: { type: 'string', default: '5000' },
    alternatives: { type: 'string', default: '40' },
    pg: { type: 'string' },
    json: { type: 'string' },
  },
});
const [FILMS, ALTERNATIVES] = [Number(args.films), Number(args.alternatives)];
const orm = await openDatabase({ url: args.pg, dataDir: '/nonexistent', debug: false }, { pgliteDbName: 'memory://' });
const em = orm.em.fork();
const rand = mulberry32(7);
const WORDS = ['night', 'river', 'stone', 'garden', 'shadow', 'city', 'winter', 'silent', 'golden', 'last', 'dark'];
const title = () =>
  `${Array.from({ length: 2 + Math.floor(rand() * 3) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ')} ${Math.floor(rand() * 1e6)}`;
for (let b = 0; b < FILMS; b += 500) {
  const rows = Array.from({ length: Math.min(500, FILMS - b) }, (_, k) => [b + k + 1, title(), rand() * 100]);
  await em.execute(
    `insert into movies (id, title, popularity, created_at, updated_at) values ${rows.map(() => '(?, ?, ?, now(), now())').join(',')}`,
    rows.flat(),
  );
}
for (let b = 0; b < FILMS; b += 100) {
  const rows: unknown[][] = [];
  for (let id = b + 1; id <= Math.min(b + 100, FILMS); id++) {
    for (let k = 0; k < ALTERNATIVES; k++) {
      const t = `${title()} ${k}`;
      rows.push([id, titleKey(t), t]);
    }
  }
  await em.execute(
    `insert into movie_alternative_titles (movie_id, key, title) values ${rows.map(() => '(?, ?, ?)').join(',')}
     on conflict do nothing`,
    rows.flat(),
  );
}
await em.execute('analyze');
const [count] = await em.execute<{ n: number }[]>('select count(*)::int as n from movie_alternative_titles');
const n = Number(count?.n ?? 0);

/** Median of 7 runs, in ms. A pattern that matches nothing makes the contains scans read every row. */
async function median(sql: string, params: unknown[]): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await em.execute(sql, params);
    ms.push(performance.now() - t0);
  }
  return Math.round((ms.sort((a, b) => a - b)[3] ?? 0) * 10) / 10;
}
const q = 'stonegarden';
const results = {
  prefixStoredKeyMs: await median('select movie_id from movie_alternative_titles where "key" like ? limit 25', [
    `${q}%`,
  ]),
  containsStoredKeyMs: await median('select movie_id from movie_alternative_titles where "key" like ? limit 25', [
    `%${q}%nomatch`,
  ]),
  containsComputedKeyMs: await median(
    `select movie_id from movie_alternative_titles where ${titleKeySql('title')} like ? limit 25`,
    [`%${q}%nomatch`],
  ),
};
const load = loadavg().map((x) => Math.round(x * 100) / 100);
const result = {
  database: args.pg ? 'postgresql' : 'pglite (in memory)',
  films: FILMS,
  alternativeTitles: n,
  ...results,
  loadAverage: load,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30) },
  node: process.version,
  at: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
if (args.json) writeFileSync(resolve(args.json), `${JSON.stringify(result, null, 2)}\n`);
await orm.close(true);
