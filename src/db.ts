// Opens the database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. Applies pending migrations.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import { ormOptions, pgliteDir } from '../mikro-orm.config.ts';
import type { DatabaseConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { ResponsivePgliteConnection } from './responsive-pglite.ts';

export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager<AbstractSqlDriver>>;
export type Em = SqlEntityManager<AbstractSqlDriver>;

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database at ${dir} is already open in another Marquee process (pid ${pid}). ` +
        'Stop that process first, or set MARQUEE_DATA_DIR to another folder, or use DATABASE_URL for PostgreSQL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own: two processes opening one folder would corrupt it. We keep a lock file holding our
 * pid, created with O_EXCL; a lock left by a dead process is taken over.
 */
export function acquireDirLock(dir: string): () => void {
  const lockFile = join(dir, 'marquee.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw new DatabaseLockedError(dir, pid);
      rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}

/** What the PostgreSQL pool holds right now; null on PGlite (one embedded connection, no pool). */
export interface PoolState {
  readonly max: number;
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

export function poolState(pool: Pool): PoolState {
  return {
    max: pool.options.max ?? 10,
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  };
}

/** pg's message when a query gave up waiting for a free connection (connectionTimeoutMillis). */
export const POOL_TIMEOUT_MESSAGE = /timeout exceeded when trying to connect/i;

/**
 * Logs the pool's state when a query gives up waiting for a connection (at most every 10 s): a starved pool is
 * otherwise silent, and the counts tell a leak (all checked out, none idle) from plain overload (many waiting).
 */
function watchPool(pool: Pool, logger: Logger): void {
  const log = logger.child({ component: 'db-pool' });
  const connect = pool.connect.bind(pool) as () => Promise<unknown>;
  let lastLogged = Number.NEGATIVE_INFINITY;
  // Kysely acquires every connection through connect() without a callback; that is the one path to watch.
  (pool as unknown as { connect: (cb?: unknown) => unknown }).connect = (cb?: unknown) => {
    if (cb !== undefined) return (connect as (cb: unknown) => unknown)(cb);
    return connect().catch((err: unknown) => {
      const now = performance.now();
      if (err instanceof Error && POOL_TIMEOUT_MESSAGE.test(err.message) && now - lastLogged >= 10_000) {
        lastLogged = now;
        log.warn({ pool: poolState(pool) }, 'database pool starved: no free connection');
      }
      throw err;
    });
  };
}

/**
 * True when a statement issued now would wait behind other work for a while: on PGlite, a long transaction (a weekly
 * run's compute) or a queue of statements holds its one connection (ResponsivePgliteConnection.busy); on PostgreSQL,
 * statements wait for a pool connection. The dispatcher then acknowledges interactions before touching the database.
 */
export function databaseBusy(orm: Orm): boolean {
  const connection = orm.em.getConnection();
  if (connection instanceof ResponsivePgliteConnection) return connection.busy;
  const pool = pools.get(orm)?.pool;
  return pool !== undefined && pool.waitingCount > 0;
}

/**
 * True when the database executes statements on this thread (PGlite): a large statement is then one long step the
 * event loop cannot interrupt, so batch writers keep their statements small there (src/responsive-pglite.ts).
 */
export function statementsRunHere(em: Em): boolean {
  return em.getConnection() instanceof ResponsivePgliteConnection;
}

/** Each open PostgreSQL database's pool, once pg created it. */
const pools = new WeakMap<Orm, { pool?: Pool }>();

export interface OpenDatabaseOptions {
  logger?: Logger;
  /** Apply pending migrations (the app and `db:migrate` do; the migration generator must not). */
  migrate?: boolean;
  /** PGlite location override, e.g. `memory://` for tests. */
  pgliteDbName?: string;
  /**
   * With `memory://`: start from this PGlite data directory dump instead of an empty cluster. The tests pass one
   * migrated database, made once per run, so each file skips PGlite's initdb (several seconds on 2 cores).
   */
  pgliteLoadDataDir?: Blob;
}

export async function openDatabase(db: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<Orm> {
  let release = () => {};
  const inMemory = options.pgliteDbName?.startsWith('memory://') ?? false;
  if (!db.url && !inMemory) {
    const dir = options.pgliteDbName ?? pgliteDir(db);
    mkdirSync(dir, { recursive: true }); // PGlite creates only the last folder of its path
    release = acquireDirLock(dir);
  }
  try {
    const log = options.logger?.child({ component: 'orm' });
    const created: { pool?: Pool } = {};
    const orm = (await MikroORM.init(
      ormOptions(db, {
        pgliteDbName: options.pgliteDbName,
        pgliteLoadDataDir: inMemory ? options.pgliteLoadDataDir : undefined,
        log: (m) => log?.debug(m),
        onPool: (p) => {
          created.pool = p;
          if (options.logger) watchPool(p, options.logger);
        },
      }),
    )) as Orm;
    pools.set(orm, created);
    const originalClose = orm.close.bind(orm);
    orm.close = async (force?: boolean) => {
      try {
        await originalClose(force);
      } finally {
        release();
      }
    };
    if (options.migrate ?? true) {
      const applied = await orm.migrator.up();
      if (applied.length > 0) options.logger?.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    }
    options.logger?.info({ driver: db.url ? 'postgresql' : 'pglite' }, 'database ready');
    return orm;
  } catch (err) {
    release();
    throw err;
  }
}
