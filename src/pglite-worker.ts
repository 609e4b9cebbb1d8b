// Worker thread entry: owns the embedded database (PGlite) so that its WebAssembly never runs on the bot's thread.
// A single statement is one synchronous WebAssembly call that can take seconds (the weekly run's audience and rating
// reads on a large server); on the bot's thread it froze every timer and socket meanwhile, so interactions missed
// Discord's 3-second window (issue 11). Here it only delays other statements, exactly as PGlite's single connection
// always did, while the bot's thread keeps answering.
//
// Statements run concurrently as they arrive; PGlite's own locks order them: a statement outside a transaction waits
// for the open transaction to finish, and transactions run one at a time, as they do when PGlite is in-process.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { createPostgreSqlTypeParsers } from '@mikro-orm/postgresql';
import array from 'postgres-array';
import {
  errorToData,
  type PgliteQueryResult,
  type PgliteReadyMessage,
  type PgliteReply,
  type PgliteRequest,
  type PgliteWorkerData,
} from './pglite-worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread');

interface OpenTransaction {
  readonly tx: Transaction;
  readonly commit: () => void;
  readonly rollback: (reason: unknown) => void;
  /** Settles when PGlite has committed (resolves) or rolled back (rejects). */
  readonly closed: Promise<void>;
}

const ROLLBACK = Symbol('rollback');
const open = new Map<number, OpenTransaction>();
let nextTx = 1;

const { dataDir } = workerData as PgliteWorkerData;
let pg: PGlite;
try {
  // The same type parsers MikroORM's own PGlite connection installs (dates and intervals stay strings).
  pg = await PGlite.create({ dataDir, parsers: createPostgreSqlTypeParsers((s) => array.parse(s)) });
  port.postMessage({ ready: true } satisfies PgliteReadyMessage);
} catch (err) {
  port.postMessage({ ready: false, error: errorToData(err) } satisfies PgliteReadyMessage);
  process.exit(1);
}

function begin(): Promise<number> {
  return new Promise((resolve, reject) => {
    const id = nextTx++;
    let started = false;
    const closed = pg.transaction(
      (tx) =>
        new Promise<void>((commit, rollback) => {
          started = true;
          open.set(id, { tx, commit, rollback, closed });
          resolve(id);
        }),
    );
    // PGlite rolls back when the callback rejects and then rethrows; a rollback we asked for is not an error.
    void closed.then(
      () => open.delete(id),
      (err: unknown) => {
        open.delete(id);
        if (!started) reject(err);
      },
    );
  });
}

function transaction(id: number): OpenTransaction {
  const t = open.get(id);
  if (!t) throw new Error(`PGlite transaction ${id} is already over`);
  return t;
}

async function handle(m: PgliteRequest): Promise<unknown> {
  switch (m.op) {
    case 'query': {
      const target = m.tx === undefined ? pg : transaction(m.tx).tx;
      const r = await target.query<Record<string, unknown>>(m.sql, m.params, { rowMode: 'object' });
      return { rows: r.rows, affectedRows: r.affectedRows } satisfies PgliteQueryResult;
    }
    case 'exec':
      await pg.exec(m.sql);
      return null;
    case 'begin':
      return begin();
    case 'commit': {
      const t = transaction(m.tx);
      t.commit();
      await t.closed;
      return null;
    }
    case 'rollback': {
      const t = transaction(m.tx);
      t.rollback(ROLLBACK);
      await t.closed.catch((err: unknown) => {
        if (err !== ROLLBACK) throw err;
      });
      return null;
    }
    case 'close':
      await pg.close();
      return null;
  }
}

port.on('message', (m: PgliteRequest) => {
  handle(m).then(
    (result) => port.postMessage({ id: m.id, ok: true, result } satisfies PgliteReply),
    (err: unknown) => port.postMessage({ id: m.id, ok: false, error: errorToData(err) } satisfies PgliteReply),
  );
});
