// The logic behind `npm run tmdb:check`: ask TMDB's authentication endpoint whether the configured key works and
// turn the answer into one clear sentence plus what to do next. Never prints the key.
import type { TmdbConfig } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { createTmdbClient } from './tmdb-client.ts';

export interface TmdbCheckResult {
  readonly status: 'ok' | 'rejected' | 'no_key' | 'unreachable';
  /** 0 ok, 1 rejected, 2 no key, 3 unreachable. */
  readonly exitCode: number;
  readonly lines: readonly string[];
}

export async function runTmdbCheck(config: TmdbConfig, logger: Logger): Promise<TmdbCheckResult> {
  const client = createTmdbClient({ config: { ...config, maxRetries: 1 }, logger });
  const which = client.authStyle === 'bearer' ? 'read access token (TMDB_READ_TOKEN)' : 'API key (TMDB_API_KEY)';
  try {
    const r = await client.checkAuthentication();
    switch (r.status) {
      case 'ok':
        return {
          status: 'ok',
          exitCode: 0,
          lines: [`OK: ${config.baseUrl} accepted the ${which}.`],
        };
      case 'no_key':
        return {
          status: 'no_key',
          exitCode: 2,
          lines: [
            'No key: neither TMDB_READ_TOKEN nor TMDB_API_KEY is set.',
            'Marquee still runs on its local catalogue, but cannot look up new films.',
            'Get a key at https://www.themoviedb.org/settings/api and put the "API Read Access Token" in TMDB_READ_TOKEN.',
          ],
        };
      case 'rejected':
        return {
          status: 'rejected',
          exitCode: 1,
          lines: [
            `Rejected: ${config.baseUrl} refused the ${which} (401).`,
            client.authStyle === 'bearer'
              ? 'TMDB_READ_TOKEN must be the long "API Read Access Token" (a JWT starting with eyJ), not the short v3 key.'
              : 'TMDB_API_KEY must be the 32-character v3 "API Key"; check for stray quotes or spaces.',
            'Copy it again from https://www.themoviedb.org/settings/api, then re-run npm run tmdb:check.',
          ],
        };
      default:
        return {
          status: 'unreachable',
          exitCode: 3,
          lines: [
            `Unreachable: could not get an answer from ${config.baseUrl} (${r.message}).`,
            'Check the network or proxy, and TMDB_BASE_URL (unset means https://api.themoviedb.org).',
          ],
        };
    }
  } finally {
    await client.close();
  }
}
