import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { guardProcess } from '../../src/process-guards.ts';

function setup() {
  const lines: string[] = [];
  const logger = createLogger(
    { log: { level: 'info', format: 'json' } },
    new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  );
  const proc = new EventEmitter();
  const fatal: string[] = [];
  guardProcess(proc, logger, (reason) => fatal.push(reason));
  return { proc, lines, fatal };
}

describe('process guards', () => {
  it('when a promise rejects unhandled, then it is logged (scrubbed) and the process keeps serving', () => {
    const { proc, lines, fatal } = setup();
    proc.emit(
      'unhandledRejection',
      new Error('PATCH /webhooks/1400000000000000001/aW50ZXJhY3Rpb246c2VjcmV0c2VjcmV0 failed'),
    );
    expect(fatal).toEqual([]);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 50,
      msg: 'unhandled promise rejection (kept serving)',
    });
    expect(lines.join('')).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0c2VjcmV0');
  });

  it('when an exception is uncaught, then it is logged as fatal and the process shuts down', () => {
    const { proc, lines, fatal } = setup();
    proc.emit('uncaughtException', new TypeError('boom'), 'uncaughtException');
    expect(fatal).toEqual(['uncaughtException']);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 60, origin: 'uncaughtException' });
  });
});
