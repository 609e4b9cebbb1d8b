// The embedded database (PGlite) run in a worker thread, behind the small interface MikroORM's PGlite driver (through
// Kysely's PGlite dialect) uses: query, transaction, exec, close. See src/pglite-worker.ts for why.
//
// Why our own few lines rather than PGlite's `@electric-sql/pglite/worker`: that one is built for browser Web Workers
// shared by several tabs (leader election over navigator.locks, BroadcastChannel, a web worker's global postMessage),
// and does not run on Node's worker_threads (electric-sql/pglite#398, open). Here one process owns the database (the
// folder lock in src/db.ts), so a request/reply channel is all it takes.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Configuration, PgliteConnection, PgliteDriver } from '@mikro-orm/pglite';
import {
  dataToError,
  type PgliteQueryResult,
  type PgliteReadyMessage,
  type PgliteReply,
  type PgliteRequest,
  type PgliteWorkerData,
} from './pglite-worker-protocol.ts';

const WORKER_URL = new URL(`./pglite-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

type Request = PgliteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface PgliteTransactionHandle {
  query<T>(sql: string, params?: unknown[], options?: unknown): Promise<{ rows: T[]; affectedRows?: number }>;
  rollback(): Promise<void>;
}

export class PgliteInWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #closed = false;
  #ready = false;
  readonly waitReady: Promise<void>;

  private constructor(dataDir: string) {
    this.#worker = new Worker(WORKER_URL, { workerData: { dataDir } satisfies PgliteWorkerData });
    this.waitReady = new Promise<void>((resolve, reject) => {
      const onFirst = (m: PgliteReadyMessage) => {
        if (m.ready) {
          this.#ready = true;
          this.#worker.on('message', (r: PgliteReply) => this.#settle(r));
          resolve();
        } else reject(dataToError(m.error));
      };
      this.#worker.once('message', onFirst);
      this.#worker.once('error', reject);
    });
    this.#worker.on('error', (err) => this.#fail(err));
    this.#worker.once('exit', (code) =>
      this.#fail(new Error(`PGlite is closed (its worker exited with code ${code})`)),
    );
  }

  /** Starts the worker and opens the database in it; `memory://` for an in-memory database. */
  static async start(dataDir: string): Promise<PgliteInWorker> {
    const db = new PgliteInWorker(dataDir);
    await db.waitReady;
    return db;
  }

  get ready(): boolean {
    return this.#ready;
  }

  get closed(): boolean {
    return this.#closed;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<{ rows: T[]; affectedRows?: number }> {
    return this.#call({ op: 'query', sql, params }) as Promise<PgliteQueryResult & { rows: T[] }>;
  }

  async exec(sql: string): Promise<void> {
    await this.#call({ op: 'exec', sql });
  }

  /** Runs `callback` in one transaction in the worker: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: PgliteTransactionHandle) => Promise<T>): Promise<T> {
    const txId = (await this.#call({ op: 'begin' })) as number;
    let over = false;
    const tx: PgliteTransactionHandle = {
      query: <R>(sql: string, params: unknown[] = []) =>
        this.#call({ op: 'query', sql, params, tx: txId }) as Promise<PgliteQueryResult & { rows: R[] }>,
      rollback: async () => {
        over = true;
        await this.#call({ op: 'rollback', tx: txId });
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (err) {
      if (!over) await this.#call({ op: 'rollback', tx: txId }).catch(() => {});
      throw err;
    }
    if (!over) await this.#call({ op: 'commit', tx: txId });
    return result;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#call({ op: 'close' });
    } finally {
      this.#closed = true;
      await this.#worker.terminate();
    }
  }

  #call(request: Request): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('PGlite is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id } as PgliteRequest);
    });
  }

  #settle(reply: PgliteReply): void {
    const p = this.#pending.get(reply.id);
    if (!p) return;
    this.#pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(dataToError(reply.error));
  }

  /** The worker is gone: every waiting statement fails as "PGlite is closed" (the bot's "database down" message). */
  #fail(err: Error): void {
    this.#closed = true;
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }
}

/** MikroORM's PGlite connection with the database in a worker thread instead of in-process. */
export class PgliteWorkerConnection extends PgliteConnection {
  #db: PgliteInWorker | undefined;

  override createKyselyDialect(
    overrides: Record<string, unknown>,
  ): ReturnType<PgliteConnection['createKyselyDialect']> {
    const dataDir = String(this.config.get('dbName'));
    // Handed over as the caller's own instance: MikroORM then leaves closing it to us (see close below).
    return super.createKyselyDialect({
      ...overrides,
      pglite: async () => {
        this.#db ??= await PgliteInWorker.start(dataDir);
        return this.#db;
      },
    });
  }

  override async close(force?: boolean): Promise<void> {
    try {
      await super.close(force);
    } finally {
      await this.#db?.close();
    }
  }
}

export class PgliteWorkerDriver extends PgliteDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: PgliteConnection }).connection = new PgliteWorkerConnection(this.config);
  }
}
