// npm run bench:seed [-- --pg-users 100000 --pglite-users 1000 --ratings-per-user 50 --tmdb CSV]
// Times `npm run seed` end to end: on a fresh embedded PGlite folder, and on a scratch PostgreSQL database (created
// and dropped here) with and without --skip-fk-checks. Writes docs/benchmarks/seed.json. Not a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'pg-users': { type: 'string', default: '100000' },
    'pglite-users': { type: 'string', default: '1000' },
    'ratings-per-user': { type: 'string', default: '50' },
    tmdb: { type: 'string', default: '../shared/data/tmdb/tmdb_5000_movies.csv.gz' },
    'pg-admin-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    'skip-plain-pg': { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/benchmarks/seed.json' },
  },
});

function seed(env: Record<string, string>, args: string[]): Record<string, unknown> {
  const load = loadavg()[0];
  const r = spawnSync(process.execPath, ['scripts/seed.ts', '--json', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`seed ${args.join(' ')} failed with ${r.status}`);
  const lines = r.stdout.trim().split('\n');
  return { ...JSON.parse(lines[lines.length - 1] as string), loadAverageAtStart: load, args: args.join(' ') };
}

function psql(url: string, sql: string): void {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: 'inherit' });
}

const common = ['--ratings-per-user', values['ratings-per-user'] as string, '--tmdb', values.tmdb as string];
const runs: Record<string, unknown>[] = [];

const dir = mkdtempSync(join(tmpdir(), 'marquee-seed-bench-'));
try {
  process.stderr.write(`PGlite, ${values['pglite-users']} users (${dir})\n`);
  runs.push({
    name: 'pglite',
    ...seed({ MARQUEE_DATA_DIR: dir, DATABASE_URL: '' }, ['--users', values['pglite-users'] as string, ...common]),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

for (const skipFk of values['skip-plain-pg'] ? [true] : [false, true]) {
  const name = `marquee_seed_bench_${process.pid}_${skipFk ? 'nofk' : 'fk'}`;
  const admin = values['pg-admin-url'] as string;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  psql(admin, `create database "${name}"`);
  try {
    process.stderr.write(`PostgreSQL, ${values['pg-users']} users${skipFk ? ', --skip-fk-checks' : ''}\n`);
    const extra = skipFk ? ['--skip-fk-checks'] : [];
    runs.push({
      name: skipFk ? 'postgresql-skip-fk-checks' : 'postgresql',
      ...seed({ DATABASE_URL: url.toString() }, ['--users', values['pg-users'] as string, ...common, ...extra]),
    });
  } finally {
    psql(admin, `drop database if exists "${name}" with (force)`);
  }
}

const result = {
  benchmark: 'seed',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  runs,
};
writeFileSync(values.out as string, `${JSON.stringify(result, null, 2)}\n`);
process.stderr.write(`Wrote ${values.out}\n`);
