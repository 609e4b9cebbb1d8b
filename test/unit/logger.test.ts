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

  it('when a failed Discord call is logged, then no field of the error carries the interaction token', () => {
    const { lines, logger } = capture();
    const token = 'aW50ZXJhY3Rpb246MTQwMDAwMDAwMDAwMDAwMDEyMzpzZWNyZXRzZWNyZXQ';
    const url = `http://127.0.0.1:1/api/v10/webhooks/1400000000000000001/${token}/messages/@original`;
    const err = Object.assign(new Error('Unknown Webhook'), {
      code: 10015,
      status: 404,
      method: 'PATCH',
      url,
      requestBody: { files: undefined, json: { content: 'hi' } },
      cause: Object.assign(new Error(`fetch ${url}`), { url }),
    });
    logger.error({ err }, 'could not answer');
    logger.warn({ err: { url, nested: [url] } }, 'not an Error');
    const out = lines.join('');
    expect(out).not.toContain(token);
    expect(out).toContain('/webhooks/1400000000000000001/[Redacted]/messages');
    expect(JSON.parse(lines[0] ?? '{}').err).toMatchObject({ code: 10015, status: 404 });
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['https://api.themoviedb.org/3/movie/1?api_key=SECRET&x=1', 'SECRET'],
    ['Authorization: Bearer eyJhbGciOi.J9.xyz', 'eyJhbGciOi'],
    ['postgresql://user:hunter2@db/marquee', 'hunter2'],
    ['/interactions/1400000000000000456/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA/callback', 'aW50ZXJhY3Rpb246'],
    ['/webhooks/1400000000000000001/aW50ZXJhY3Rpb246MTQw:c2VjcmV0c2VjcmV0c2VjcmV0/messages/@original', 'c2VjcmV0'],
  ])('when text is %s, then the secret is removed', (text, secret) => {
    expect(scrubSecrets(text)).not.toContain(secret);
  });
});
