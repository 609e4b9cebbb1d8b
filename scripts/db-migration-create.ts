// npm run db:migration:create [-- --name add-watchlist]
// Diffs the entities against a fresh PGlite database with every committed migration applied and writes a new
// migration for the difference. PGlite keeps this zero-setup; the same file then runs on PostgreSQL.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';

const { values } = parseArgs({ options: { name: { type: 'string' }, initial: { type: 'boolean', default: false } } });
const config = loadConfig();
const orm = await openDatabase({ ...config.database, url: undefined }, { pgliteDbName: 'memory://', migrate: true });
try {
  const result = await orm.migrator.create(undefined, false, values.initial, values.name);
  if (!result.fileName) console.log('No schema changes: nothing to generate.');
  else console.log(`Created migrations/${result.fileName}`);
} finally {
  await orm.close(true);
}
