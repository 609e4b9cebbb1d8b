// EASE on a second thread while the caller builds item-kNN on its own: the two biggest parts of a build run side by
// side on a 2-core machine. The caller stays synchronous (buildHybrid is): it starts the thread, does its own work,
// then blocks on a shared flag and takes the model off a message port (Atomics.wait + receiveMessageOnPort).
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { buildEase, type EaseModel, type EaseOptions } from './ease.ts';
import type { Csr } from './types.ts';

/** Below this many EASE films the m³ inverse takes well under a second: a thread would cost more than it saves. */
export const EASE_THREAD_MIN_ITEMS = 500;
/** The longest the caller waits for the thread before building EASE itself. */
const WAIT_MS = 15 * 60_000;

const WORKER_URL = new URL(`./ease-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
/**
 * The thread starts from this bootstrap, which imports the worker module: if that import fails (a missing file, a
 * syntax error), the bootstrap still raises the flag, so the caller is never left waiting.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.url).catch((err) => {
  workerData.port.postMessage({ error: String(err) });
  Atomics.store(workerData.flag, 0, 1);
  Atomics.notify(workerData.flag, 0);
});`;

export interface PendingEase {
  /** Blocks until the model is there (built on the thread, or here if the thread failed). */
  result(): EaseModel | null;
  /** Where `result()` built it: 'thread', or 'here' (no thread, or the thread failed or timed out). */
  readonly builtOn?: 'thread' | 'here';
}

/** How many films EASE would cover (the `maxItems` most-rated with at least `minCount` interactions). */
export function easeItemCount(counts: Int32Array, opts: EaseOptions): number {
  let m = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= opts.minCount) m++;
  return Math.min(m, opts.maxItems);
}

/** Starts EASE on a worker thread; the same model as `buildEase(byUser, counts, opts, features)`. */
export function buildEaseOnThread(
  byUser: Csr,
  counts: Int32Array,
  opts: EaseOptions,
  features?: Csr | null,
): PendingEase {
  const inline = (): PendingEase => ({ builtOn: 'here', result: () => buildEase(byUser, counts, opts, features) });
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        url: WORKER_URL.href,
        ptr: byUser.ptr,
        cols: byUser.cols,
        nRows: byUser.nRows,
        nCols: byUser.nCols,
        counts,
        opts,
        features: features ?? null,
        flag,
        port: port2,
      },
      transferList: [port2],
    });
  } catch {
    port1.close();
    return inline();
  }
  worker.unref();
  const pending: { builtOn?: 'thread' | 'here'; result(): EaseModel | null } = {
    result() {
      const waited = Atomics.wait(flag, 0, 0, WAIT_MS);
      const msg = waited === 'timed-out' ? undefined : receiveMessageOnPort(port1)?.message;
      port1.close();
      void worker.terminate();
      pending.builtOn = msg && 'model' in msg ? 'thread' : 'here';
      return msg && 'model' in msg ? (msg.model as EaseModel | null) : buildEase(byUser, counts, opts, features);
    },
  };
  return pending;
}
