// What the process does with errors nothing caught.
import type { EventEmitter } from 'node:events';
import type { Logger } from './logger.ts';

/**
 * A promise nobody awaited that rejects is a bug in one piece of work, not a broken process: log it and keep serving.
 * An exception nothing caught may have left any state half-changed: log it and call `fatal` (main shuts down and
 * exits 1, so a supervisor starts a clean process). One malformed gateway event is caught before it gets here (see
 * src/bot/client.ts). Errors are logged through the logger's serializer, which scrubs tokens from every field.
 */
export function guardProcess(proc: EventEmitter, logger: Logger, fatal: (reason: string) => void): void {
  proc.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection (kept serving)');
  });
  proc.on('uncaughtException', (err: Error, origin: string) => {
    logger.fatal({ err, origin }, 'uncaught exception; shutting down');
    fatal('uncaughtException');
  });
}
