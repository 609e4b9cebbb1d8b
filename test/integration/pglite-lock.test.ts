// Two processes must never open the same PGlite folder: the second is refused with a clear message.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DatabaseLockedError, openDatabase } from '../../src/db.ts';

const HOLDER = `
import { openDatabase } from './src/db.ts';
const orm = await openDatabase({ url: undefined, dataDir: process.argv[1], debug: false });
process.stdout.write('open\\n');
process.stdin.resume();
process.stdin.on('end', async () => { await orm.close(true); process.exit(0); });
`;

describe.skipIf(inject('dbKind') !== 'pglite')('embedded database lock', () => {
  // A second process creates the PGlite folder (an initdb), seconds on a busy 2-core machine.
  it('when another process has the folder open, then a second open is refused; after it exits, it opens', {
    timeout: 90_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'marquee-lock-'));
    const child = spawn(process.execPath, ['--input-type=module', '-e', HOLDER, dataDir], {
      cwd: join(import.meta.dirname, '../..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('open') && resolve());
      child.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
    });
    const config = { url: undefined, dataDir, debug: false };
    const err = await openDatabase(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseLockedError);
    expect((err as Error).message).toMatch(/already open in another Marquee process/);

    child.stdin.end();
    await new Promise((r) => child.on('exit', r));
    const orm = await openDatabase(config);
    await orm.close(true);
  });
});
