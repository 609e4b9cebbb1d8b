import { Writable } from 'node:stream';
import { ConnectionException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { describeFailure, isDatabaseUnavailable } from '../../src/bot/failures.ts';
import { UserFacingError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';

function logger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _e, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger({ log: { level: 'debug', format: 'json' } }, stream), lines };
}

describe('failures as the user sees them', () => {
  it('when the error is user-facing, then its message is shown as is and no error id is made', () => {
    const { log } = logger();
    expect(describeFailure(new UserFacingError('not_found', 'No such film.'), log)).toEqual({
      message: 'No such film.',
    });
  });

  it.each([
    ['a MikroORM connection error', new ConnectionException(new Error('connect ECONNREFUSED'))],
    ['a server shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    [
      'a refused socket in the cause chain',
      new Error('query failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
    ],
    ['a closed PGlite', new Error('PGlite is closed')],
    ['the database missing', Object.assign(new Error('database "x" does not exist'), { code: '3D000' })],
  ])('when the database is down (%s), then the user is asked to try again in a moment', (_n, err) => {
    const { log } = logger();
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(describeFailure(err, log).message).toContain('try again in a moment');
  });

  it('when the error is a bug, then it is logged with an id the user also sees, and its message stays private', () => {
    const { log, lines } = logger();
    const view = describeFailure(new TypeError('secret internals'), log);
    expect(view.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(view.message).toContain(view.errorId);
    expect(view.message).not.toContain('secret internals');
    expect(lines.join('')).toContain(`"errorId":"${view.errorId}"`);
  });
});
