// npm run import:movielens -- [--dir PATH] [--tmdb PATH]
// Imports MovieLens movies (by TMDB id) and ratings (as `imported` users ml:<id>) into the configured database.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_MOVIELENS_DIR, DEFAULT_TMDB_CSV } from '../src/data/movielens.ts';
import { openDatabase } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { importMovieLens } from '../src/services/movielens-import.ts';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: DEFAULT_MOVIELENS_DIR },
    tmdb: { type: 'string', default: DEFAULT_TMDB_CSV },
  },
});
if (!existsSync(args.dir)) {
  console.error(
    `No MovieLens folder at ${args.dir}; pass --dir PATH (a folder with movies.csv, links.csv, ratings.csv).`,
  );
  process.exit(2);
}
const config = loadConfig();
const logger = createLogger(config);
const started = performance.now();
const orm = await openDatabase(config.database, { logger });
try {
  const report = await importMovieLens(orm.em.fork(), {
    dir: args.dir,
    tmdbPath: args.tmdb,
    onProgress: (m) => console.log(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${m}`),
  });
  console.log(JSON.stringify(report));
  if (config.tmdb.readToken || config.tmdb.apiKey) {
    console.log(
      'A TMDB key is configured: the catalogue refresher will enrich these movies (cast, directors, posters).',
    );
  } else {
    console.log('No TMDB key configured: movies keep the MovieLens / TMDB 5000 metadata until one is set.');
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await orm.close(true);
}
