// Shared model builds: when several processes serve one PostgreSQL database, one of them builds the recommendation
// model and saves it here; the others load that snapshot instead of spending the same minutes of CPU (a build is
// tens of seconds at 1M ratings; loading is a read and a deserialise). A lease row says who is building, so a
// process that finds the lease taken waits for the snapshot rather than building too; a lease left by a process that
// died expires. Chosen over an advisory lock because a session lock lives on one pooled connection for the whole
// build, and over a fixed stagger because builds take as long as the data makes them.
import { deserialize, serialize } from 'node:v8';
import type { Em } from '../db.ts';

export interface SnapshotMeta {
  readonly version: string;
  readonly builtAt: Date;
  readonly buildMs: number;
}

export interface Snapshot<T> extends SnapshotMeta {
  readonly value: T;
}

/** The newest snapshot's version and age (no payload), or null when none was saved yet. */
export async function snapshotMeta(em: Em, name: string): Promise<SnapshotMeta | null> {
  const [row] = await em.execute<{ version: string | null; built_at: Date | string | null; build_ms: number | null }[]>(
    'select version, built_at, build_ms from model_snapshots where name = ? and payload is not null',
    [name],
  );
  if (!row?.version || !row.built_at) return null;
  return { version: row.version, builtAt: new Date(row.built_at), buildMs: row.build_ms ?? 0 };
}

/** The newest snapshot, deserialised. */
export async function loadSnapshot<T>(em: Em, name: string): Promise<Snapshot<T> | null> {
  const [row] = await em.execute<
    { version: string | null; built_at: Date | string | null; build_ms: number | null; payload: Uint8Array | null }[]
  >('select version, built_at, build_ms, payload from model_snapshots where name = ?', [name]);
  if (!row?.version || !row.built_at || !row.payload) return null;
  return {
    version: row.version,
    builtAt: new Date(row.built_at),
    buildMs: row.build_ms ?? 0,
    value: deserialize(Buffer.from(row.payload.buffer, row.payload.byteOffset, row.payload.byteLength)) as T,
  };
}

/** Takes the build lease if it is free, expired or already ours; true when this process should build now. */
export async function tryBuildLease(
  em: Em,
  name: string,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await em.execute<{ name: string }[]>(
    `insert into model_snapshots (name, lease_holder, lease_until) values (?, ?, ?)
     on conflict (name) do update set lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
       where model_snapshots.lease_until is null or model_snapshots.lease_until <= ?
          or model_snapshots.lease_holder = excluded.lease_holder
     returning name`,
    [name, holder, until, now],
  );
  return rows.length === 1;
}

/** Saves what the lease holder built and frees the lease, in one statement. */
export async function saveSnapshot(
  em: Em,
  name: string,
  holder: string,
  snapshot: SnapshotMeta & { value: unknown },
): Promise<number> {
  const payload = serialize(snapshot.value);
  await em.execute(
    `update model_snapshots set version = ?, built_at = ?, build_ms = ?, payload = ?, lease_holder = null,
       lease_until = null where name = ? and (lease_holder = ? or lease_holder is null)`,
    [snapshot.version, snapshot.builtAt, snapshot.buildMs, payload, name, holder],
  );
  return payload.byteLength;
}

/** Frees the lease after a failed build, so another process need not wait for it to expire. */
export async function releaseBuildLease(em: Em, name: string, holder: string): Promise<void> {
  await em.execute(
    'update model_snapshots set lease_holder = null, lease_until = null where name = ? and lease_holder = ?',
    [name, holder],
  );
}
