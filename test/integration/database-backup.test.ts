// db:backup / db:restore on the database this project runs (a PGlite folder, or a fresh PostgreSQL database): a row
// written before the backup and removed after it is back once restored.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db.ts';
import { User } from '../../src/entities/index.ts';
import { backupDatabase, restoreDatabase } from '../../src/services/database-backup.ts';
import { createTestDatabaseConfig } from '../support/database.ts';

let work: string;
let db: DatabaseConfig;
let drop: () => Promise<void>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'marquee-backup-'));
  const created = await createTestDatabaseConfig();
  db = { ...created.config, dataDir: join(work, 'data') };
  drop = created.drop;
});
afterAll(async () => {
  await drop?.();
  rmSync(work, { recursive: true, force: true });
});

async function names(): Promise<string[]> {
  const orm = await openDatabase(db);
  try {
    return (await orm.em.fork().find(User, {}, { orderBy: { id: 'asc' } })).map((u) => u.displayName ?? '');
  } finally {
    await orm.close(true);
  }
}

it('when a backup is restored after a change, then the data is as it was at the backup', {
  timeout: 120_000,
}, async () => {
  const orm = await openDatabase(db);
  const em = orm.em.fork();
  em.create(User, { id: '100000000000000001', displayName: 'Ada' });
  await em.flush();
  await orm.close(true);

  const file = join(work, 'backup');
  await backupDatabase(db, file);
  const later = await openDatabase(db);
  await later.em.fork().nativeDelete(User, {});
  await later.close(true);
  expect(await names()).toEqual([]);

  const kept = await restoreDatabase(db, file, new Date('2026-11-30T01:00:00Z'));
  expect(await names()).toEqual(['Ada']);
  if (inject('dbKind') === 'pglite') {
    expect(kept).toContain('pglite.before-restore-20261130T010000Z');
    expect(readdirSync(join(work, 'data')).sort()).toEqual(['pglite', 'pglite.before-restore-20261130T010000Z']);
  }
});
