// A real database for integration tests: in-memory PGlite, or a fresh PostgreSQL database per test file.
// Migrations run once per file; tables are emptied before each test. Never a mock.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { DatabaseConfig } from '../../src/config.ts';
import { type Em, type Orm, openDatabase } from '../../src/db.ts';
import { pgliteTemplate } from './pglite-template.ts';

export interface TestDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: Orm;
  readonly config: DatabaseConfig;
  /** A fresh EntityManager, as one interaction or job would get. */
  em(): Em;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for this file (PostgreSQL) or returns the PGlite config. */
export async function createTestDatabaseConfig(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (inject('dbKind') === 'pglite') {
    return { config: { url: undefined, dataDir: '/nonexistent', debug: false }, drop: async () => {} };
  }
  const name = `${inject('pgDatabasePrefix')}${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database "${name}"`);
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return {
    config: { url: url.toString(), dataDir: '/nonexistent', debug: false },
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}

export async function openTestDatabase(): Promise<TestDatabase & { close(): Promise<void> }> {
  const { config, drop } = await createTestDatabaseConfig();
  const orm = await openDatabase(config, { pgliteDbName: 'memory://', pgliteLoadDataDir: await pgliteTemplate() });
  return {
    kind: inject('dbKind'),
    orm,
    config,
    em: () => orm.em.fork(),
    close: async () => {
      await orm.close(true);
      await drop();
    },
  };
}

/**
 * Empties every entity table in one statement, as `orm.schema.clear()` does table by table (one TRUNCATE each: a
 * few hundred milliseconds per test on a busy PGlite).
 */
export async function emptyTables(orm: Orm): Promise<void> {
  const tables = [...orm.getMetadata().getAll().values()]
    .filter((meta) => meta.tableName && !meta.embeddable && !meta.virtual && !meta.abstract)
    .map((meta) => `"${meta.tableName}"`);
  await orm.em.getConnection().execute(`truncate table ${[...new Set(tables)].join(', ')} restart identity cascade`);
}

/** Registers hooks: one database for the file, emptied before each test. */
export function useTestDatabase(): TestDatabase {
  let db: (TestDatabase & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  beforeEach(async () => {
    if (db) await emptyTables(db.orm);
  });
  afterAll(async () => {
    await db?.close();
  });
  const get = () => {
    if (!db) throw new Error('test database is not open yet');
    return db;
  };
  return {
    get kind() {
      return get().kind;
    },
    get orm() {
      return get().orm;
    },
    get config() {
      return get().config;
    },
    em: () => get().em(),
  };
}
