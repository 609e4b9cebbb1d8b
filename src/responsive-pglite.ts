// PGlite runs PostgreSQL as WebAssembly on the main thread, and every query's promise settles in a microtask: a
// backlog of queries (a burst of users) then runs back to back without ever letting timers or sockets in, and the bot
// misses Discord's 3-second window although it is busy, not stuck (issue 11, item 4: a 10 ms timer fired 0 times in
// 3.6 s). This connection runs statements that are not part of a transaction one at a time, each after yielding to
// the event loop (one macrotask), so gateway frames, interaction callbacks and the automatic-defer timer run between
// them. PGlite executes one statement at a time anyway, so no throughput is lost.
//
// Statements inside a transaction are left exactly as Kysely's PGlite driver runs them: it keeps one "current
// transaction" per connection, and changing the timing of concurrent transactions there makes two of them wait for
// each other (two weekly runs of one server starting together did). PostgreSQL needs none of this: its queries wait
// on sockets.
import { type Configuration, PgliteConnection, PgliteDriver } from '@mikro-orm/pglite';
import { yieldToEventLoop } from './event-loop.ts';

export class ResponsivePgliteConnection extends PgliteConnection {
  #outside: Promise<unknown> = Promise.resolve();

  override execute<T>(...args: Parameters<PgliteConnection['execute']>): Promise<T> {
    if (args[3] !== undefined) return super.execute(...args) as Promise<T>; // inside a transaction: as Kysely does
    // One at a time, each after a macrotask: a burst of statements can no longer run back to back in microtasks.
    const run = this.#outside.then(yieldToEventLoop).then(() => super.execute(...args) as Promise<T>);
    this.#outside = run.catch(() => {});
    return run;
  }
}

export class ResponsivePgliteDriver extends PgliteDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: PgliteConnection }).connection = new ResponsivePgliteConnection(this.config);
  }
}
