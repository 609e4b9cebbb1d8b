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
  return text
    .replace(/(api_key=)[^&\s"']+/gi, '$1[Redacted]')
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1[Redacted]')
    .replace(/(Bot\s+)[A-Za-z0-9._~+/=-]{20,}/g, '$1[Redacted]')
    .replace(/(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/gi, '$1[Redacted]@')
    .replace(/\/(?:interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9_-]{30,}/g, (m) =>
      m.replace(/[A-Za-z0-9_-]{30,}$/, '[Redacted]'),
    );
}

function errSerializer(err: unknown) {
  const s = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (typeof s.message === 'string') s.message = scrubSecrets(s.message);
  if (typeof s.stack === 'string') s.stack = scrubSecrets(s.stack);
  return s;
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
