// A fake TMDB plus a client wired to it with short timeouts and backoffs, and a logger whose lines tests can read.
import { Writable } from 'node:stream';
import { Agent } from 'undici';
import { type FakeTmdb, type StartFakeTmdbOptions, startFakeTmdb } from '../../fakes/tmdb/index.ts';
import type { TmdbConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { createTmdbClient, type TmdbClient } from '../../src/services/tmdb/index.ts';

export const TEST_TOKEN = 'test-read-token-5f9c2b7a1e';

export function captureLogger(): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return {
    logger: createLogger({ log: { level: 'debug', format: 'json' } }, stream),
    lines,
    text: () => lines.join(''),
  };
}

export function testTmdbConfig(baseUrl: string, overrides: Partial<TmdbConfig> = {}): TmdbConfig {
  return {
    readToken: TEST_TOKEN,
    apiKey: undefined,
    baseUrl,
    requestsPerSecond: 1000,
    maxInFlight: 20,
    connectTimeoutMs: 500,
    timeoutMs: 2_000,
    cacheTtlDays: 7,
    providersTtlHours: 24,
    language: 'en-US',
    maxRetries: 2,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    maxRetryAfterMs: 2_000,
    breakerFailureThreshold: 3,
    breakerCooldownMs: 200,
    searchCacheSize: 50,
    searchCacheTtlSeconds: 60,
    refreshIntervalMs: 0,
    refreshBatchSize: 50,
    changesEveryMs: 0,
    ...overrides,
  };
}

export interface TmdbHarness {
  readonly fake: FakeTmdb;
  readonly client: TmdbClient;
  readonly log: ReturnType<typeof captureLogger>;
  readonly config: TmdbConfig;
  close(): Promise<void>;
}

export async function startTmdbHarness(
  opts: { fake?: StartFakeTmdbOptions; config?: Partial<TmdbConfig> } = {},
): Promise<TmdbHarness> {
  const fake = await startFakeTmdb({ token: TEST_TOKEN, ...opts.fake });
  const config = testTmdbConfig(fake.url, opts.config);
  const log = captureLogger();
  const agent = new Agent({ connections: config.maxInFlight, connect: { timeout: config.connectTimeoutMs } });
  const client = createTmdbClient({ config, logger: log.logger, dispatcher: agent });
  return {
    fake,
    client,
    log,
    config,
    close: async () => {
      await client.close();
      await agent.close();
      await fake.stop();
    },
  };
}
