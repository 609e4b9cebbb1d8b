// npm run db:backup [-- --out FILE] — a backup of the configured database: pg_dump's custom format for PostgreSQL
// (safe while the bot runs), PGlite's data-directory dump for the embedded database (stop the bot first).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseLockedError } from '../src/db.ts';
import { BackupError, backupDatabase, defaultBackupName } from '../src/services/database-backup.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
try {
  const config = loadConfig();
  const file = resolve(values.out ?? defaultBackupName(config.database, new Date()));
  await backupDatabase(config.database, file);
  console.log(`Backed up the ${config.database.url ? 'PostgreSQL' : 'embedded (PGlite)'} database to ${file}`);
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof BackupError || err instanceof DatabaseLockedError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
