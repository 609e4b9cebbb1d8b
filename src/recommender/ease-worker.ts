// Worker thread entry for `buildEaseOnThread` (ease-parallel.ts): builds EASE from the user rows it is given, posts
// the model on its port, then raises the shared flag the caller waits on. Every failure is posted too, so the caller
// never waits for a flag that will not come.
import { type MessagePort, workerData } from 'node:worker_threads';
import type { EaseOptions } from './ease.ts';
import type { Csr } from './types.ts';

const { ptr, cols, nRows, nCols, counts, opts, features, flag, port } = workerData as {
  ptr: Int32Array;
  cols: Int32Array;
  nRows: number;
  nCols: number;
  counts: Int32Array;
  opts: EaseOptions;
  features: Csr | null;
  flag: Int32Array;
  port: MessagePort;
};

try {
  const { buildEase } = await import('./ease.ts');
  const model = buildEase({ nRows, nCols, ptr, cols, vals: new Float32Array(0) }, counts, opts, features);
  const buffers = model ? [model.b.buffer, model.items.buffer, model.pos.buffer] : [];
  port.postMessage({ model }, buffers as ArrayBuffer[]);
} catch (err) {
  port.postMessage({ error: err instanceof Error ? err.message : String(err) });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
