// The local stack for an e2e file on the database its vitest project names: in-memory PGlite, or a fresh
// PostgreSQL database for this file (dropped at the end), so the same e2e file runs on both.
import { inject } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../fakes/local-stack.ts';
import { createTestDatabaseConfig } from './database.ts';
import { pgliteTemplate } from './pglite-template.ts';

export async function startE2eStack(
  opts: Omit<LocalStackOptions, 'dataDir'> = {},
): Promise<LocalStack & { dbKind: 'pglite' | 'postgres' }> {
  const dbKind = inject('dbKind');
  const { config, drop } = await createTestDatabaseConfig();
  const stack = await startLocalStack({
    ...opts,
    dataDir: 'memory://',
    pgliteLoadDataDir: config.url ? undefined : await pgliteTemplate(),
    env: { ...(config.url ? { DATABASE_URL: config.url } : {}), ...opts.env },
  });
  return {
    ...stack,
    dbKind,
    async stop() {
      await stack.stop();
      await drop();
    },
  };
}
