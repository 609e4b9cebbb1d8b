// Turns any error into what the person sees. Expected outcomes (UserFacingError) are shown as they are; the database
// being down or restarting gets a kind "try again"; anything else is a bug, logged with an id the person also sees.
import { DiscordjsErrorCodes } from 'discord.js';
import { POOL_TIMEOUT_MESSAGE } from '../db.ts';
import { isUserFacing, newErrorId } from '../errors.ts';
import { type Translator, translator } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';

// Admin shutdown, crash shutdown, cannot connect now, connection failures, too many connections, and the database
// missing (renamed or being restored).
const DB_DOWN_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '3D000',
]);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/** True for "cannot talk to the database right now" (connection refused, server restarting, PGlite closed). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { name?: string; code?: string; message?: string; cause?: unknown } | undefined, i = 0;
    e && i < 6;
    i++
  ) {
    if (e.name === 'ConnectionException') return true;
    if (typeof e.code === 'string' && (DB_DOWN_CODES.has(e.code) || NET_CODES.has(e.code))) return true;
    if (
      typeof e.message === 'string' &&
      /PGlite is closed|Connection terminated|connection is closed|Client has encountered a connection error/i.test(
        e.message,
      )
    ) {
      return true;
    }
    // Every pooled connection is busy (or leaked): the query gave up waiting rather than hang.
    if (typeof e.message === 'string' && POOL_TIMEOUT_MESSAGE.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

export interface FailureView {
  readonly message: string;
  readonly errorId?: string;
}

// discord.js throws these when an option the command requires is missing, null, or of another type: bad input from
// the client, not a bug of ours.
const OPTION_ERRORS = new Set<string>([
  DiscordjsErrorCodes.CommandInteractionOptionNotFound,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup,
]);

function optionProblem(err: unknown, tr: Translator): string | null {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e.code !== 'string' || !OPTION_ERRORS.has(e.code)) return null;
  const name = typeof e.message === 'string' ? /"([\w-]{1,32})"/.exec(e.message)?.[1] : undefined;
  return name ? tr.t('failure.option_missing', { option: name }) : tr.t('failure.options_incomplete');
}

/** What the person reads about `err`, in their language (`tr`; English when the caller has no person to ask). */
export function describeFailure(err: unknown, logger: Logger, tr: Translator = translator('en-US')): FailureView {
  if (isUserFacing(err)) {
    logger.info({ code: err.code }, 'user-facing error');
    return { message: err.text ? tr.text(err.text) : err.message };
  }
  const badOption = optionProblem(err, tr);
  if (badOption) {
    logger.info({ code: (err as { code: string }).code }, 'interaction with a missing or invalid option');
    return { message: badOption };
  }
  if (isDatabaseUnavailable(err)) {
    logger.warn({ err }, 'database unavailable');
    return { message: tr.t('failure.database_unavailable') };
  }
  const errorId = newErrorId();
  logger.error({ err, errorId }, 'interaction failed');
  return { message: tr.t('failure.bug', { errorId }), errorId };
}

/** The outcome and error class a failure counts as in metrics (see src/observability/metrics.ts). */
export function classifyFailure(err: unknown): {
  outcome: 'user_error' | 'unavailable' | 'error';
  errorClass: string;
} {
  if (isUserFacing(err)) {
    // Restarting or past the deadline: told kindly, but it is our unavailability, not the person's input.
    return { outcome: err.code === 'database_unavailable' ? 'unavailable' : 'user_error', errorClass: err.code };
  }
  if (isDatabaseUnavailable(err)) return { outcome: 'unavailable', errorClass: 'database_unavailable' };
  const name = (err as { name?: unknown } | null)?.name;
  return { outcome: 'error', errorClass: typeof name === 'string' && name ? name : 'unknown' };
}
