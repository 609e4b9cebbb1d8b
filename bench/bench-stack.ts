// What the TMDB benchmarks share: the fake TMDB serving the TMDB 5000 catalogue (read at run time from ../shared) with
// added latency, our real TMDB client and catalogue at a given request rate, and an in-memory PGlite database.
import { resolve } from 'node:path';
import { startFakeTmdb } from '../fakes/tmdb/index.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { createCatalogue } from '../src/services/catalogue-service.ts';
import { createTmdbClient } from '../src/services/tmdb/index.ts';

export async function startTmdbBench(o: { csv: string; latencyMs: number; requestsPerSecond: number }) {
  const base = loadConfig({ NODE_ENV: 'production' });
  const logger = createLogger({ log: { level: 'silent', format: 'json' } });
  const fake = await startFakeTmdb({ catalogue: { tmdb5000Csv: resolve(o.csv) } });
  fake.faults.latencyMs = o.latencyMs;
  const tmdbConfig = {
    ...base.tmdb,
    baseUrl: fake.url,
    readToken: 'fake-tmdb-token',
    apiKey: undefined,
    requestsPerSecond: o.requestsPerSecond,
  };
  const client = createTmdbClient({ config: tmdbConfig, logger });
  const catalogue = createCatalogue({ tmdb: client, logger, ttlDays: tmdbConfig.cacheTtlDays });
  const orm = await openDatabase(
    { url: undefined, dataDir: '/nonexistent', debug: false },
    { pgliteDbName: 'memory://' },
  );
  const close = async () => {
    await orm.close(true);
    await client.close();
    await fake.stop();
  };
  return { logger, fake, tmdbConfig, client, catalogue, orm, close };
}
