// The messages between the bot's thread and the PGlite worker thread (src/pglite-worker.ts). Plain data only: they
// cross the thread boundary by structured clone.

export interface PgliteWorkerData {
  /** PGlite's data directory, or `memory://` for an in-memory database. */
  readonly dataDir: string;
}

export type PgliteRequest =
  | {
      readonly id: number;
      readonly op: 'query';
      readonly sql: string;
      readonly params: unknown[];
      readonly tx?: number;
    }
  | { readonly id: number; readonly op: 'exec'; readonly sql: string }
  | { readonly id: number; readonly op: 'begin' }
  | { readonly id: number; readonly op: 'commit' | 'rollback'; readonly tx: number }
  | { readonly id: number; readonly op: 'close' };

export interface PgliteQueryResult {
  readonly rows: Record<string, unknown>[];
  readonly affectedRows?: number;
}

/** An error as plain data: message, name and PostgreSQL's fields (code, detail, constraint…), which MikroORM reads. */
export interface PgliteErrorData {
  readonly message: string;
  readonly name: string;
  readonly fields: Record<string, string | number | boolean>;
}

export type PgliteReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: PgliteErrorData };

/** Sent once the database is open (or failed to open), before any reply. */
export type PgliteReadyMessage = { readonly ready: true } | { readonly ready: false; readonly error: PgliteErrorData };

export function errorToData(err: unknown): PgliteErrorData {
  if (!(err instanceof Error)) return { message: String(err), name: 'Error', fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(err)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = v;
  }
  return { message: err.message, name: err.name, fields };
}

export function dataToError(data: PgliteErrorData): Error {
  const err = new Error(data.message);
  err.name = data.name;
  return Object.assign(err, data.fields);
}
