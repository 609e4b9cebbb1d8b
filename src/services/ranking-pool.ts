// Ranking on a second core. The weekly run ranks a whole server's members; on the bot's thread alone that is one
// core's work however many the machine has. The pool keeps one worker thread holding a copy of the serving model
// (sent with the first batch of each model version, freed after a minute without batches) and ranks part of each
// batch there while the caller ranks the rest (src/services/recommendation-service.ts). If the thread fails, the
// caller ranks everything itself.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import type { HybridModel, ScoredItem } from '../recommender/index.ts';
import {
  isRankedMessage,
  RANK,
  RANK_MODEL,
  type RankedMessage,
  type RankingRequest,
  type RankJob,
} from './recommendation-worker-message.ts';

const WORKER_URL = new URL(`./ranking-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export interface RankingPool {
  /**
   * Ranks the jobs on the worker; rejects if the worker failed (the caller then ranks them itself). The first batch
   * for a model version sends the worker that model first (a structured copy: a synchronous step of ~0.2 s at the 5M
   * scale), so a process that never ranks a large batch never pays for it.
   */
  rank(
    model: HybridModel,
    version: string,
    circle: Uint8Array | undefined,
    jobs: readonly RankJob[],
  ): Promise<ScoredItem[][]>;
  /** False once the worker failed or the pool was closed: callers stop sending it work. */
  readonly healthy: boolean;
  /** Whether a worker thread (and its copy of the model) exists right now. */
  readonly running: boolean;
  close(): Promise<void>;
}

/**
 * A worker with no batch for this long is stopped, and its copy of the model freed; the next batch starts another.
 * Weekly runs come in bursts (one per server-week), so the copy lives about as long as a run.
 */
const IDLE_MS = 60_000;

export function createRankingPool(deps: { logger: Logger; idleMs?: number }): RankingPool {
  const log = deps.logger.child({ component: 'ranking-pool' });
  let worker: Worker | null = null;
  /** The model version the worker holds (versions are unique per build). */
  let sentVersion: string | null = null;
  let broken = false;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: ScoredItem[][]) => void; reject: (e: Error) => void }>();

  const fail = (err: Error) => {
    if (!broken) log.warn({ err }, 'ranking worker failed; ranking on the main thread from now on');
    broken = true;
    worker = null;
    sentVersion = null;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = new Worker(WORKER_URL);
    w.unref();
    w.on('message', (message: unknown) => {
      if (!isRankedMessage(message)) return; // Node's own traffic (watch mode): not ours
      const m: RankedMessage = message;
      const pending = waiting.get(m.id);
      if (!pending) return;
      waiting.delete(m.id);
      if (m.results) pending.resolve(m.results);
      else pending.reject(new Error(m.error ?? 'ranking failed'));
    });
    w.once('error', (err) => fail(err));
    w.once('exit', (code) => {
      if (worker === w) fail(new Error(`ranking worker exited with code ${code}`));
    });
    worker = w;
    return w;
  }

  function post(request: RankingRequest): void {
    ensureWorker().postMessage(request);
  }

  function prepare(model: HybridModel, version: string): void {
    if (sentVersion === version) return;
    post({ type: RANK_MODEL, version, model });
    sentVersion = version;
  }

  let idle: NodeJS.Timeout | null = null;
  function stopWhenIdle(): void {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      idle = null;
      if (waiting.size > 0 || !worker) return;
      const w = worker;
      worker = null;
      sentVersion = null;
      void w.terminate();
    }, deps.idleMs ?? IDLE_MS);
    idle.unref();
  }

  return {
    get healthy() {
      return !broken;
    },
    get running() {
      return worker !== null;
    },
    rank(model, version, circle, jobs) {
      if (broken) return Promise.reject(new Error('ranking worker is not available'));
      prepare(model, version);
      const id = nextId++;
      return new Promise<ScoredItem[][]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // The worker is referenced only while it has work, so an idle pool never keeps the process alive.
        worker?.ref();
        post({ type: RANK, id, version, circle, jobs });
      }).finally(() => {
        if (waiting.size === 0) {
          worker?.unref();
          stopWhenIdle();
        }
      });
    },
    async close() {
      if (idle) clearTimeout(idle);
      const w = worker;
      broken = true; // closed: callers rank on their own thread from now on
      worker = null;
      sentVersion = null;
      for (const p of waiting.values()) p.reject(new Error('ranking pool closed'));
      waiting.clear();
      if (w) await w.terminate();
    },
  };
}
