// npm run db:restore -- --from FILE — restores a db:backup file over the configured database. PostgreSQL: pg_restore
// --clean (stop the bot first so no one writes meanwhile). PGlite: the bot must be stopped; the current folder is kept
// beside the restored one (…/pglite.before-restore-<time>).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseLockedError } from '../src/db.ts';
import { BackupError, restoreDatabase } from '../src/services/database-backup.ts';

const { values } = parseArgs({ options: { from: { type: 'string' } } });
if (!values.from) {
  console.error('Usage: npm run db:restore -- --from FILE');
  process.exit(2);
}
try {
  const config = loadConfig();
  const kept = await restoreDatabase(config.database, resolve(values.from));
  console.log(`Restored ${resolve(values.from)}.${kept ? ` The previous embedded database is kept at ${kept}.` : ''}`);
  console.log('Start Marquee again: pending migrations (if the backup is older) run at start-up.');
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof BackupError || err instanceof DatabaseLockedError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
