// npm run seed -- --users N [--guild ID] [--seed 42] [--ratings-per-user MEAN] [--movies N] [--tmdb CSV]
//                  [--tmdb-random N] [--batch-users N] [--now ISO] [--dry-run --out DIR] [--json]
// Writes a synthetic community (users of kind `synthetic`, ratings, watched rows, guild members) to the configured
// database, or with --dry-run MovieLens-format CSVs. Progress goes to stderr; the summary to stdout.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadTmdb5000 } from '../fakes/tmdb/csv.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_MOVIES } from '../src/data/demo-catalogue.ts';
import { openDatabase } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { createCatalogue } from '../src/services/catalogue-service.ts';
import {
  activityPlan,
  type CatalogueMovie,
  canSkipForeignKeyChecks,
  chooseMovies,
  countMovies,
  fillCatalogueFromTmdb,
  fromDemoMovies,
  generateCommunity,
  insertMovies,
  MAX_SYNTHETIC_USERS,
  readCatalogue,
  type SeedProgress,
  toSeedMovie,
  writeCommunity,
  writeMovieLensCsv,
} from '../src/services/seed/index.ts';
import { Rng } from '../src/services/seed/prng.ts';
import { createTmdbClient } from '../src/services/tmdb/index.ts';

const USAGE = `Usage: npm run seed -- --users N [options]
  --users N               synthetic users to create (required)
  --guild ID              also make them members of this server (guild_members)
  --seed N                seed (default 42): the same seed gives the same users and ratings
  --ratings-per-user N    mean ratings per user (default 40); activity follows a power law
  --movies N              use the N most popular catalogue films; beyond the catalogue, add synthetic films
  --tmdb PATH             fill an empty catalogue from the TMDB 5000 CSV (e.g. ../shared/data/tmdb/tmdb_5000_movies.csv.gz)
  --tmdb-random N         with a TMDB key: first add N random real films (popular + discover pages)
  --batch-users N         users per transaction (default 2000)
  --concurrency N         transactions at once on PostgreSQL (default 4; PGlite always 1)
  --now ISO               the clock for rating dates (default: now)
  --dry-run --out DIR     write MovieLens CSVs (ratings, movies, links, users) instead of the database
  --skip-fk-checks        superuser only: skip foreign-key triggers while bulk inserting (faster; the seeder's
                          rows reference users it just wrote and films it read from the catalogue)
  --json                  print the summary as JSON`;

const { values } = parseArgs({
  options: {
    users: { type: 'string' },
    guild: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'ratings-per-user': { type: 'string', default: '40' },
    movies: { type: 'string' },
    tmdb: { type: 'string' },
    'tmdb-random': { type: 'string' },
    'batch-users': { type: 'string', default: '2000' },
    concurrency: { type: 'string' },
    now: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
    'skip-fk-checks': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function int(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const users = int('users', values.users, 1, MAX_SYNTHETIC_USERS) ?? fail('--users is required');
const seed = int('seed', values.seed, 0, 2 ** 32 - 1) as number;
const ratingsPerUser = Number(values['ratings-per-user']);
if (!(ratingsPerUser >= 1 && ratingsPerUser <= 5000)) fail('--ratings-per-user must be a number from 1 to 5000');
const movieLimit = int('movies', values.movies, 1, 100_000_000);
const batchUsers = int('batch-users', values['batch-users'], 1, 100_000) as number;
const concurrencyArg = int('concurrency', values.concurrency, 1, 16);
const tmdbRandom = int('tmdb-random', values['tmdb-random'], 1, 10_000);
if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild))
  fail('--guild must be a Discord id (17–20 digits)');
if (values['dry-run'] && !values.out) fail('--dry-run needs --out DIR');
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) fail('--now must be an ISO date such as 2026-11-24T00:00:00Z');

const isTty = process.stderr.isTTY;
let lastReport = 0;
function fmtDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
function progress(label: string) {
  return (p: SeedProgress) => {
    const t = performance.now();
    const done = p.usersDone >= p.usersTotal;
    if (!done && t - lastReport < 1000) return;
    lastReport = t;
    const rate = p.rowsDone / Math.max(0.001, p.elapsedMs / 1000);
    const eta = p.usersDone > 0 ? (p.elapsedMs * (p.usersTotal - p.usersDone)) / p.usersDone : 0;
    const pct = Math.floor((100 * p.usersDone) / p.usersTotal);
    const line =
      `${label}: ${p.usersDone.toLocaleString('en')}/${p.usersTotal.toLocaleString('en')} users (${pct}%) · ` +
      `${p.rowsDone.toLocaleString('en')} rows · ${Math.round(rate).toLocaleString('en')} rows/s · ` +
      `${done ? `done in ${fmtDuration(p.elapsedMs)}` : `ETA ${fmtDuration(eta)}`}`;
    process.stderr.write(isTty ? `\r${line}\x1b[K${done ? '\n' : ''}` : `${line}\n`);
  };
}

function warnSmallCatalogue(movieCount: number): void {
  const plan = activityPlan(movieCount, ratingsPerUser);
  if (plan.mean < ratingsPerUser) {
    process.stderr.write(
      `Only ${movieCount} films: the mean is lowered to ${plan.mean.toFixed(1)} ratings per user (at most ${plan.cap} each) ` +
        'to keep activity skewed; use --movies N for more films\n',
    );
  }
}

function loadSourceMovies(): { source: string; movies: CatalogueMovie[] } {
  if (values.tmdb)
    return { source: `TMDB 5000 CSV (${values.tmdb})`, movies: fromDemoMovies(loadTmdb5000(values.tmdb)) };
  return { source: 'demo catalogue', movies: fromDemoMovies(DEMO_MOVIES) };
}

const summary: Record<string, unknown> = {
  users,
  seed,
  ratingsPerUser,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
};
const started = performance.now();

if (values['dry-run']) {
  const { source, movies: sourceMovies } = loadSourceMovies();
  const { movies, synthetic } = chooseMovies(sourceMovies, movieLimit);
  process.stderr.write(
    `dry run: ${movies.length} films (${source}${synthetic.length ? `, ${synthetic.length} synthetic` : ''}) → ${values.out}\n`,
  );
  warnSmallCatalogue(movies.length);
  const seedMovies = movies.map(toSeedMovie);
  const chunks = generateCommunity({ movies: seedMovies, users, seed, now, ratingsPerUser, chunkUsers: batchUsers });
  const result = await writeMovieLensCsv(values.out as string, seedMovies, chunks, {
    usersTotal: users,
    onProgress: progress('csv'),
  });
  Object.assign(summary, { mode: 'dry-run', movies: result.movies, ratings: result.ratings, files: result.files });
} else {
  const config = loadConfig();
  const logger = createLogger(config, pino.destination(2));
  const orm = await openDatabase(config.database, { logger });
  try {
    const em = orm.em.fork();
    summary.database = config.database.url ? 'postgresql' : 'pglite';
    if (tmdbRandom) {
      const tmdb = createTmdbClient({ config: config.tmdb, logger });
      try {
        const catalogue = createCatalogue({ tmdb, logger, ttlDays: config.tmdb.cacheTtlDays });
        const added = await fillCatalogueFromTmdb(em, {
          tmdb,
          catalogue,
          count: tmdbRandom,
          rng: new Rng(seed, 0x7d3b),
          nowYear: now.getUTCFullYear(),
          onProgress: (done, total) => process.stderr.write(isTty ? `\rTMDB: ${done}/${total} films` : ''),
        });
        process.stderr.write(`${isTty ? '\n' : ''}TMDB: added ${added} random films to the catalogue\n`);
        summary.tmdbFilmsAdded = added;
      } finally {
        await tmdb.close();
      }
    }
    if ((await countMovies(em)) === 0) {
      const { source, movies } = loadSourceMovies();
      const added = await insertMovies(em, movies, now);
      process.stderr.write(`The catalogue was empty: added ${added} films from the ${source}\n`);
      summary.catalogueFilled = { source, films: added };
    }
    const { movies, synthetic } = chooseMovies(await readCatalogue(em), movieLimit);
    if (synthetic.length > 0) {
      const t = performance.now();
      const added = await insertMovies(em, synthetic, now);
      process.stderr.write(
        `Synthetic films: ${synthetic.length} needed, ${added} added (${Math.round(performance.now() - t)} ms)\n`,
      );
    }
    process.stderr.write(`Seeding ${users.toLocaleString('en')} users over ${movies.length} films (seed ${seed})\n`);
    warnSmallCatalogue(movies.length);
    const skipFk = values['skip-fk-checks'] && (await canSkipForeignKeyChecks(em));
    if (values['skip-fk-checks'] && !skipFk) process.stderr.write('Not a superuser: foreign-key checks stay on\n');
    summary.skipForeignKeyChecks = skipFk;
    summary.concurrency = config.database.url ? (concurrencyArg ?? 4) : 1;
    const t0 = performance.now();
    const chunks = generateCommunity({
      movies: movies.map(toSeedMovie),
      users,
      seed,
      now,
      ratingsPerUser,
      chunkUsers: batchUsers,
    });
    const totals = await writeCommunity(em, chunks, {
      now,
      guildId: values.guild ?? null,
      skipForeignKeyChecks: skipFk,
      concurrency: config.database.url ? (concurrencyArg ?? 4) : 1,
      usersTotal: users,
      onProgress: progress('seed'),
    });
    const seconds = (performance.now() - t0) / 1000;
    Object.assign(summary, {
      mode: 'database',
      movies: movies.length,
      syntheticMovies: synthetic.length,
      inserted: { users: totals.users, ratings: totals.ratings, watched: totals.watched, guildMembers: totals.members },
      rows: totals.rows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(totals.rows / seconds),
    });
  } finally {
    await orm.close(true);
  }
}
summary.totalSeconds = Math.round((performance.now() - started) / 10) / 100;
process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${JSON.stringify(summary, null, 2)}\n`);
