// `npm run dev` is `node --watch src/main.ts`. Under watch mode Node posts its own messages on every worker's port
// (which files the worker loaded); the model build must take only the worker's tagged model message.
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';

it('when the model is built in a worker under node --watch, then the build resolves with the model', async () => {
  const child = spawn(process.execPath, ['--watch', 'test/support/watch-build-child.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const built = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('model built')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => reject(new Error(`watch process exited:\n${output}`)));
  });
  try {
    await built;
  } finally {
    child.kill('SIGTERM');
  }
  expect(output).toContain('model built: 3 films');
  expect(output).not.toContain('Cannot read properties');
});
