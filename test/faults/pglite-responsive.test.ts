// On the embedded database, a burst of queries must not freeze the process: timers (the automatic defer, gateway
// heartbeats) have to run while the queries are worked off, or every interaction misses Discord's 3 seconds.
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db.ts';

it('when five hundred statements arrive at once on PGlite, then a 10 ms timer keeps firing while they run', async () => {
  const orm = await openDatabase(
    { url: undefined, dataDir: '/nonexistent', debug: false },
    { pgliteDbName: 'memory://' },
  );
  try {
    let fired = 0;
    const timer = setInterval(() => fired++, 10);
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => orm.em.fork().getConnection().execute('select ?::int as x', [i])),
    );
    clearInterval(timer);
    // Before the fix the statements ran back to back in microtasks and the timer fired 0 times.
    expect(fired).toBeGreaterThanOrEqual(3);
  } finally {
    await orm.close();
  }
}, 90_000); // migrating a fresh in-memory PGlite is slow on a busy machine
