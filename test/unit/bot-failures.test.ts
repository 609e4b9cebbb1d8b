import { Writable } from 'node:stream';
import { ConnectionException } from '@mikro-orm/core';
import { ApplicationCommandOptionType, CommandInteractionOptionResolver } from 'discord.js';
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

describe('options discord.js could not read', () => {
  // The real resolver discord.js gives every command, fed what a client sent.
  // (Its constructor is marked private in the typings only.)
  const Resolver = CommandInteractionOptionResolver as unknown as new (
    client: unknown,
    options: unknown[],
    resolved: unknown,
  ) => CommandInteractionOptionResolver;
  const resolver = (options: unknown[]) => new Resolver({}, options, {});

  it.each([
    ['missing', [], (r: CommandInteractionOptionResolver) => r.getString('query', true)],
    [
      'null',
      [{ name: 'query', type: ApplicationCommandOptionType.String, value: null }],
      (r: CommandInteractionOptionResolver) => r.getString('query', true),
    ],
    [
      'of another type',
      [{ name: 'query', type: ApplicationCommandOptionType.Integer, value: 3 }],
      (r: CommandInteractionOptionResolver) => r.getString('query', true),
    ],
  ])('when a required option is %s, then the person is told which one, with no error id', (_n, options, read) => {
    const { log } = logger();
    let thrown: unknown;
    try {
      read(resolver(options));
    } catch (err) {
      thrown = err;
    }
    const view = describeFailure(thrown, log);
    expect(view.errorId).toBeUndefined();
    expect(view.message).toContain('`query`');
    expect(view.message).not.toContain('Something went wrong');
  });
});
