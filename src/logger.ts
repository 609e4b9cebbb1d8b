import { createRequire } from 'node:module';
import { type Logger, pino } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log object (tokens, keys, auth headers). */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'readToken',
  '*.readToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'config.discord.token',
  'config.tmdb.readToken',
  'config.tmdb.apiKey',
  'config.database.url',
];

/** Scrubs secrets from free text (error messages, URLs) that redact paths cannot reach. */
export function scrubSecrets(text: string): string {
  return (
    text
      .replace(/(api_key=)[^&\s"']+/gi, '$1[Redacted]')
      .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1[Redacted]')
      .replace(/(Bot\s+)[A-Za-z0-9._~+/=-]{20,}/g, '$1[Redacted]')
      .replace(/(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/gi, '$1[Redacted]@')
      // Interaction and webhook tokens in REST paths: whatever follows the id up to the next path separator.
      .replace(/(\/(?:interactions|webhooks)\/\d{15,25}\/)[^/?#\s"']{20,}/g, '$1[Redacted]')
  );
}

/** Every string in an error (and its cause chain, and what it carries, such as discord.js's `url`) is scrubbed. */
function scrubDeep(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value === null || typeof value !== 'object' || depth > 6 || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1, seen);
  return out;
}

function errSerializer(err: unknown) {
  const serialised = err instanceof Error ? pino.stdSerializers.err(err) : err;
  return scrubDeep(serialised, 0, new WeakSet());
}

export function createLogger(config: Pick<Config, 'log'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    base: { app: 'marquee' },
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: { err: errSerializer, error: errSerializer },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (config.log.format === 'pretty') {
    const pretty = prettyStream();
    if (pretty) return pino(options, pretty);
    const logger = pino(options);
    logger.warn('LOG_FORMAT=pretty needs pino-pretty, a dev dependency that this install lacks: logging JSON');
    return logger;
  }
  return pino(options);
}

/**
 * pino-pretty as a stream on the main thread, not a pino transport: a transport runs in a worker thread whose port
 * also carries Node's own messages under `node --watch` (`npm run dev`), and pino's thread-stream then destroys the
 * transport, so dev printed nothing. Pretty output is for people at a terminal; its cost on the main thread is fine.
 * pino-pretty is a dev dependency: absent in a production install, which gets null and logs JSON.
 */
function prettyStream(): pino.DestinationStream | null {
  try {
    const build = createRequire(import.meta.url)('pino-pretty') as (
      options: Record<string, unknown>,
    ) => pino.DestinationStream;
    return build({ colorize: process.stdout.isTTY, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,app' });
  } catch {
    return null;
  }
}
