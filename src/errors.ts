// Two kinds of error. A UserFacingError is an expected outcome the user is meant to read (no such title, TMDB is
// unavailable, not allowed). Anything else is a bug: it is logged with an id and the user sees only that id.
import { randomBytes } from 'node:crypto';

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

export class UserFacingError extends Error {
  readonly code: UserFacingCode;
  constructor(code: UserFacingCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserFacingError';
    this.code = code;
  }
}

export function isUserFacing(err: unknown): err is UserFacingError {
  return err instanceof UserFacingError;
}

/** Short id a user can quote and an operator can grep for in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
