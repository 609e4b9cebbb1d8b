// Backup and restore of Marquee's database, whichever it is.
// - PostgreSQL: PostgreSQL's own tools (pg_dump's custom format; pg_restore --clean), which need the client programs
//   on PATH. Safe while the bot runs (pg_dump reads one consistent snapshot).
// - PGlite: PGlite's own data-directory dump (a gzipped tar of the folder), taken under the folder's lock, so the bot
//   must be stopped first: PGlite has no second connection. Restore unpacks it into a fresh folder and keeps the old one
//   beside it, so nothing is lost if the backup was the wrong one.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDir } from '../../mikro-orm.config.ts';
import type { DatabaseConfig } from '../config.ts';
import { acquireDirLock } from '../db.ts';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function run(cmd: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += String(c);
    });
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new BackupError(
              `${cmd} was not found. Install the PostgreSQL client programs (Debian: apt install postgresql-client-15), ` +
                `or run ${cmd} where the server is (e.g. docker compose exec db ${cmd} …).`,
            )
          : err,
      ),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${cmd} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** The default file name: marquee-<driver>-<UTC timestamp>.<ext>. */
export function defaultBackupName(db: Pick<DatabaseConfig, 'url'>, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
  return db.url ? `marquee-postgresql-${stamp}.dump` : `marquee-pglite-${stamp}.tar.gz`;
}

export async function backupDatabase(db: DatabaseConfig, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  if (db.url) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${db.url}`]);
    return;
  }
  const dir = pgliteDir(db);
  if (!existsSync(dir)) throw new BackupError(`There is no embedded database at ${dir} to back up.`);
  const release = acquireDirLock(dir);
  try {
    const pg = await PGlite.create(dir);
    try {
      const dump = await pg.dumpDataDir('gzip');
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
}

/** Restores `file` over the configured database. Returns where the previous PGlite folder was kept, if any. */
export async function restoreDatabase(db: DatabaseConfig, file: string, now = new Date()): Promise<string | null> {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  if (db.url) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', `--dbname=${db.url}`, file]);
    return null;
  }
  const dir = pgliteDir(db);
  let kept: string | null = null;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    acquireDirLock(dir)(); // throws DatabaseLockedError while the bot has it open
    kept = `${dir}.before-restore-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z')}`;
    renameSync(dir, kept);
  }
  mkdirSync(dir, { recursive: true });
  const release = acquireDirLock(dir);
  try {
    const pg = await PGlite.create(dir, { loadDataDir: new Blob([readFileSync(file)]) });
    try {
      await pg.query('select 1');
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
  return kept;
}
