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
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,app' },
      },
    });
  }
  return pino(options);
}
