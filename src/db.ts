// Opens the database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. Applies pending migrations.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/postgresql';
import { ormOptions, pgliteDir } from '../mikro-orm.config.ts';
import type { DatabaseConfig } from './config.ts';
import type { Logger } from './logger.ts';

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

export interface OpenDatabaseOptions {
  logger?: Logger;
  /** Apply pending migrations (the app and `db:migrate` do; the migration generator must not). */
  migrate?: boolean;
  /** PGlite location override, e.g. `memory://` for tests. */
  pgliteDbName?: string;
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
    const orm = (await MikroORM.init(
      ormOptions(db, { pgliteDbName: options.pgliteDbName, log: (m) => log?.debug(m) }),
    )) as Orm;
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
