import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../src/config.ts';

describe('TMDB config', () => {
  it('when nothing is set, then retries, breaker and search cache have their documented defaults', () => {
    expect(loadConfig({}).tmdb).toMatchObject({
      maxRetries: 3,
      retryBaseDelayMs: 250,
      retryMaxDelayMs: 4_000,
      maxRetryAfterMs: 10_000,
      breakerFailureThreshold: 5,
      breakerCooldownMs: 30_000,
      searchCacheSize: 500,
      searchCacheTtlSeconds: 600,
      cacheTtlDays: 7,
      providersTtlHours: 24,
    });
  });

  it('when values are given, then they are parsed', () => {
    const t = loadConfig({
      TMDB_MAX_RETRIES: '0',
      TMDB_BREAKER_THRESHOLD: '2',
      TMDB_SEARCH_CACHE_TTL_SECONDS: '30',
    }).tmdb;
    expect(t).toMatchObject({ maxRetries: 0, breakerFailureThreshold: 2, searchCacheTtlSeconds: 30 });
  });

  it('when values are invalid, then every problem is listed', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ TMDB_MAX_RETRIES: '-1', TMDB_BREAKER_COOLDOWN_MS: 'soon', TMDB_RETRY_BASE_MS: '1.5' });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems.join('\n')).toMatch(/TMDB_MAX_RETRIES/);
    expect(problems.join('\n')).toMatch(/TMDB_BREAKER_COOLDOWN_MS/);
    expect(problems.join('\n')).toMatch(/TMDB_RETRY_BASE_MS/);
  });
});
