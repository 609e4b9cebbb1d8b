// Two kinds of error. A UserFacingError is an expected outcome the user is meant to read (no such title, TMDB is
// unavailable, not allowed). Anything else is a bug: it is logged with an id and the user sees only that id.
import { randomBytes } from 'node:crypto';
import type { MessageKey } from './i18n/catalogue/index.ts';
import { type MessageValues, type Text, t } from './i18n/translator.ts';

export type UserFacingCode =
  | 'invalid_input'
  | 'not_found'
  | 'unknown_movie'
  | 'duplicate'
  | 'forbidden'
  | 'rate_limited'
  | 'tmdb_unavailable'
  | 'database_unavailable'
  | 'expired';

/**
 * What the person reads is a message key with its values (src/i18n), rendered in their language by the bot layer;
 * `message` holds the English, for tests and for errors that reach a log. A plain string is shown as it is (only for
 * text that is not ours to translate).
 */
export class UserFacingError extends Error {
  readonly code: UserFacingCode;
  readonly text: Text | null;
  constructor(code: UserFacingCode, message: string | Text, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : t('en-US', message.key, message.values), options);
    this.name = 'UserFacingError';
    this.code = code;
    this.text = typeof message === 'string' ? null : message;
  }

  /** Shorthand: `UserFacingError.of('not_found', 'search.none', { query })`. */
  static of(code: UserFacingCode, key: MessageKey, values?: MessageValues, options?: { cause?: unknown }) {
    return new UserFacingError(code, values === undefined ? { key } : { key, values }, options);
  }
}

export function isUserFacing(err: unknown): err is UserFacingError {
  return err instanceof UserFacingError;
}

/** Short id a user can quote and an operator can grep for in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
