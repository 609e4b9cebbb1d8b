import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger({ log: { level: 'info', format: 'json' } }, stream) };
}

describe('logger', () => {
  it('when an object carries tokens and keys, then they are redacted', () => {
    const { lines, logger } = capture();
    logger.info(
      { token: 'discord-secret', tmdb: { apiKey: 'k3y', readToken: 'rt' }, headers: { authorization: 'Bearer abc' } },
      'hello',
    );
    const out = lines.join('');
    for (const secret of ['discord-secret', 'k3y', '"rt"', 'Bearer abc']) expect(out).not.toContain(secret);
    expect(out).toContain('[Redacted]');
  });

  it('when a child logger is made, then its context appears on every line', () => {
    const { lines, logger } = capture();
    logger.child({ command: 'rate', userId: '123' }).info('done');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ command: 'rate', userId: '123', msg: 'done' });
  });

  it('when an error message contains a secret, then the serialised error is scrubbed', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('GET https://x/3/movie?api_key=abcdef123 failed') }, 'boom');
    expect(lines.join('')).not.toContain('abcdef123');
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['https://api.themoviedb.org/3/movie/1?api_key=SECRET&x=1', 'SECRET'],
    ['Authorization: Bearer eyJhbGciOi.J9.xyz', 'eyJhbGciOi'],
    ['postgresql://user:hunter2@db/marquee', 'hunter2'],
    ['/interactions/123456/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA/callback', 'aW50ZXJhY3Rpb246'],
  ])('when text is %s, then the secret is removed', (text, secret) => {
    expect(scrubSecrets(text)).not.toContain(secret);
  });
});
