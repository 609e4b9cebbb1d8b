// PGlite runs PostgreSQL as WebAssembly on the main thread, and every query's promise settles in a microtask: a
// backlog of queries (a burst of users) then runs back to back without ever letting timers or sockets in, and the bot
// misses Discord's 3-second window although it is busy, not stuck (issue 11, item 4: a 10 ms timer fired 0 times in
// 3.6 s). This connection runs statements that are not part of a transaction one at a time, each after yielding to
// the event loop (one macrotask), so gateway frames, interaction callbacks and the automatic-defer timer run between
// them. PGlite executes one statement at a time anyway, so no throughput is lost.
//
// Statements inside a transaction are not queued: Kysely's PGlite driver keeps one "current transaction" per
// connection and holds its only connection for the whole transaction, so a transaction's statement queued behind a
// statement waiting for that connection would wait for ever (two weekly runs of one server starting together did).
// They only yield first, which changes no order: a long transaction (a weekly run's compute, hundreds of statements)
// then lets the gateway and interaction callbacks in between its statements too.
//
// `busy` tells the dispatcher that a statement issued now would wait behind others (a long transaction holds the one
// connection, or statements have queued without a break), so that it acknowledges an interaction at once instead of
// after its database work (src/bot/dispatcher.ts). PostgreSQL needs none of this: its queries wait on sockets.
import { type Configuration, PgliteConnection, PgliteDriver } from '@mikro-orm/pglite';
import { yieldToEventLoop } from './event-loop.ts';

/** Work on the database longer than this, without a break, counts as busy: well above one interaction's statements. */
export const PGLITE_BUSY_AFTER_MS = 250;

type Begin = PgliteConnection['begin'];
type Commit = PgliteConnection['commit'];
type Rollback = PgliteConnection['rollback'];

export class ResponsivePgliteConnection extends PgliteConnection {
  #outside: Promise<unknown> = Promise.resolve();
  /** Statements outside transactions queued or running, and since when the queue has been non-empty. */
  #queued = 0;
  #queuedSince = 0;
  /** Top-level transactions begun (or waiting for the connection) and not yet ended, with when each began. */
  readonly #transactions = new Map<object, number>();
  #beginning: number[] = [];
  readonly #now: () => number = () => performance.now();

  override execute<T>(...args: Parameters<PgliteConnection['execute']>): Promise<T> {
    // Inside a transaction: in Kysely's order, after one macrotask (see above).
    if (args[3] !== undefined) return yieldToEventLoop().then(() => super.execute(...args) as Promise<T>);
    // One at a time, each after a macrotask: a burst of statements can no longer run back to back in microtasks.
    if (this.#queued++ === 0) this.#queuedSince = this.#now();
    const run = this.#outside.then(yieldToEventLoop).then(() => super.execute(...args) as Promise<T>);
    this.#outside = run.catch(() => {});
    void this.#outside.then(() => {
      this.#queued--;
    });
    return run;
  }

  override async begin(...args: Parameters<Begin>): ReturnType<Begin> {
    if (args[0]?.ctx) return super.begin(...args); // a savepoint inside a transaction already counted
    const since = this.#now();
    this.#beginning.push(since);
    try {
      const trx = await super.begin(...args);
      this.#transactions.set(trx, since);
      return trx;
    } finally {
      this.#beginning.splice(this.#beginning.indexOf(since), 1);
    }
  }

  override async commit(...args: Parameters<Commit>): ReturnType<Commit> {
    try {
      return await super.commit(...args);
    } finally {
      this.#ended(args[0]);
    }
  }

  override async rollback(...args: Parameters<Rollback>): ReturnType<Rollback> {
    try {
      return await super.rollback(...args);
    } finally {
      this.#ended(args[0]);
    }
  }

  #ended(ctx: unknown): void {
    const c = ctx as { savepointName?: string } | null;
    if (c && !('savepointName' in c)) this.#transactions.delete(c);
  }

  /** True when the database has been working (or held by a transaction) for PGLITE_BUSY_AFTER_MS without a break. */
  get busy(): boolean {
    const since = Math.min(
      this.#queued > 0 ? this.#queuedSince : Number.POSITIVE_INFINITY,
      ...this.#beginning,
      ...this.#transactions.values(),
    );
    return this.#now() - since >= PGLITE_BUSY_AFTER_MS;
  }
}

export class ResponsivePgliteDriver extends PgliteDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: PgliteConnection }).connection = new ResponsivePgliteConnection(this.config);
  }
}
