// One place that turns our DatabaseConfig into MikroORM options, for the app, the scripts and the tests.
// DATABASE_URL set -> PostgreSQL; unset -> embedded PGlite under <dataDir>/pglite.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PgliteDriver } from '@mikro-orm/pglite';
import { type AbstractSqlDriver, PostgreSqlDriver, type SqlEntityManager } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from './src/config.ts';
import { ENTITIES } from './src/entities/index.ts';

/** Resolved next to this file, so it works from source (.ts) and from dist/ (.js) alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export type OrmOptions = ReturnType<typeof defineConfig<AbstractSqlDriver, SqlEntityManager<AbstractSqlDriver>>>;

export function pgliteDir(db: Pick<DatabaseConfig, 'dataDir'>): string {
  return join(db.dataDir, 'pglite');
}

/** `pgliteDbName` overrides the PGlite location, e.g. `memory://` in tests. */
export interface OrmOverrides {
  pgliteDbName?: string;
  /** Where MikroORM's own messages (migrator, debug SQL) go; by default they are dropped. */
  log?: (message: string) => void;
}

export function ormOptions(db: DatabaseConfig, overrides: OrmOverrides = {}): OrmOptions {
  return defineConfig<AbstractSqlDriver, SqlEntityManager<AbstractSqlDriver>>({
    ...(db.url
      ? { driver: PostgreSqlDriver, clientUrl: db.url }
      : { driver: PgliteDriver, dbName: overrides.pgliteDbName ?? pgliteDir(db) }),
    entities: [...ENTITIES],
    extensions: [Migrator],
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).{js,ts}',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    // Each interaction/job forks its own EntityManager; the global one must never be used.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: db.debug,
    logger: overrides.log ?? (() => {}),
    ignoreUndefinedInQuery: true,
  });
}
