// One place that turns our DatabaseConfig into MikroORM options, for the app, the scripts and the tests.
// DATABASE_URL set -> PostgreSQL; unset -> embedded PGlite under <dataDir>/pglite.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { type AbstractSqlDriver, PostgreSqlDriver, type SqlEntityManager } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import { type DatabaseConfig, DEFAULT_DATABASE_POOL } from './src/config.ts';
import { ENTITIES } from './src/entities/index.ts';
import { ResponsivePgliteDriver } from './src/responsive-pglite.ts';

/** Resolved next to this file, so it works from source (.ts) and from dist/ (.js) alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export type OrmOptions = ReturnType<typeof defineConfig<AbstractSqlDriver, SqlEntityManager<AbstractSqlDriver>>>;

export function pgliteDir(db: Pick<DatabaseConfig, 'dataDir'>): string {
  return join(db.dataDir, 'pglite');
}

/** `pgliteDbName` overrides the PGlite location, e.g. `memory://` in tests. */
export interface OrmOverrides {
  pgliteDbName?: string;
  /** A PGlite data directory dump (`dumpDataDir`) to start from instead of an empty cluster (tests: a migrated template). */
  pgliteLoadDataDir?: Blob;
  /** Where MikroORM's own messages (migrator, debug SQL) go; by default they are dropped. */
  log?: (message: string) => void;
  /** Called with the PostgreSQL connection pool once it exists (to watch for starvation). */
  onPool?: (pool: Pool) => void;
}

export function ormOptions(db: DatabaseConfig, overrides: OrmOverrides = {}): OrmOptions {
  return defineConfig<AbstractSqlDriver, SqlEntityManager<AbstractSqlDriver>>({
    ...(db.url
      ? { driver: PostgreSqlDriver, clientUrl: db.url, ...postgresPool(db, overrides) }
      : {
          driver: ResponsivePgliteDriver,
          dbName: overrides.pgliteDbName ?? pgliteDir(db),
          // A function, so MikroORM hands PGlite the Blob itself (it deep-copies an options object, and a copied Blob throws).
          ...(overrides.pgliteLoadDataDir
            ? { driverOptions: () => ({ loadDataDir: overrides.pgliteLoadDataDir }) }
            : {}),
        }),
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

/**
 * pg's pool waits for a free connection for ever by default; with a bound, a starved pool fails a query ("try again in
 * a moment") instead of hanging the interaction. TCP keep-alive notices a peer that vanished without closing.
 */
function postgresPool(db: DatabaseConfig, overrides: OrmOverrides) {
  const pool = db.pool ?? DEFAULT_DATABASE_POOL;
  return {
    pool: { max: pool.max },
    driverOptions: {
      connectionTimeoutMillis: pool.acquireTimeoutMs,
      keepAlive: true,
      onPoolCreated: overrides.onPool,
    },
  };
}
