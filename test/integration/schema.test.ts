import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../mikro-orm.config.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

describe('schema', () => {
  it('when the database is opened, then it uses the driver for its configuration', () => {
    expect(db.orm.config.get('driver')?.name).toBe(
      db.kind === 'postgres' ? 'PostgreSqlDriver' : 'ResponsivePgliteDriver',
    );
  });

  it('when opened, then every committed migration has been applied', async () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^Migration\d+.*\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const executed = await db.orm.migrator.getExecuted();
    expect(executed.map((m) => m.name).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
    expect(await db.orm.migrator.getPending()).toEqual([]);
  });

  it('when entities are compared with the migrated schema, then there is no pending difference', async () => {
    expect((await db.orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });
});
