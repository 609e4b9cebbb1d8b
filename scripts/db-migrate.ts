// npm run db:migrate — applies pending migrations to the configured database (they also run at start-up).
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';

const config = loadConfig();
const logger = createLogger(config);
const orm = await openDatabase(config.database, { logger, migrate: false });
try {
  const applied = await orm.migrator.up();
  console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
} finally {
  await orm.close(true);
}
