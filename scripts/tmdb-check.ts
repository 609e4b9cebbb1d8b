// npm run tmdb:check — asks TMDB (GET /3/authentication) whether the configured key works. Exit code 0 OK,
// 1 rejected, 2 no key, 3 unreachable. Works against the fake TMDB too: set TMDB_BASE_URL.
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { runTmdbCheck } from '../src/services/tmdb/tmdb-check.ts';

const config = loadConfig();
const logger = createLogger({ log: { level: 'silent', format: 'json' } });
const result = await runTmdbCheck(config.tmdb, logger);
for (const line of result.lines) console.log(line);
process.exitCode = result.exitCode;
