// One migrated PGlite database per run, dumped to a file that every PGlite test file starts from (`loadDataDir`),
// as PostgreSQL files start from `create database`: PGlite's initdb costs seconds per file on 2 cores, loading a dump
// a fraction of that. The dump is keyed by the migrations' contents and PGlite's version, so a changed migration
// makes a new one; the files open their own copy in memory, so no test sees another's rows.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgliteConnection } from '@mikro-orm/pglite';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR } from '../../mikro-orm.config.ts';
import { openDatabase } from '../../src/db.ts';

function templateKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)));
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(MIGRATIONS_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject) {
  const path = join(tmpdir(), `marquee-pglite-template-${templateKey()}.tar`);
  if (!existsSync(path)) {
    const orm = await openDatabase(
      { url: undefined, dataDir: '/nonexistent', debug: false },
      { pgliteDbName: 'memory://' },
    );
    try {
      const pglite = await (orm.em.getConnection() as unknown as PgliteConnection).getNativeClient();
      const dump = await pglite.dumpDataDir('none');
      const partial = `${path}.${process.pid}`;
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      renameSync(partial, path); // whole or absent, even when two runs make it at once
    } finally {
      await orm.close(true);
    }
  }
  project.provide('pgliteTemplatePath', path);
}
