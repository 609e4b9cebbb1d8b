// PostgreSQL array literals for set-based writes: `insert … select from unnest(?::text[], …)` takes a whole batch of
// rows in a few ordinary parameters, one statement parsed and planned once (the seeder, the impressions log, the
// delivery outbox), and works the same on PostgreSQL and PGlite.
import { CompiledQuery } from 'kysely';
import { type Em, statementsRunHere } from '../db.ts';

export type Scalar = string | number | null;

/** `{1,2,"a \"b\"",NULL}`: a PostgreSQL array literal, every string element quoted and escaped. */
export function pgArray(values: ArrayLike<Scalar>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'number') parts[i] = Number.isFinite(v) ? String(v) : 'NULL';
    else parts[i] = `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

/**
 * Runs one set-based statement (`?` placeholders) and returns its rows. On PostgreSQL the parameters are bound
 * (`$1`, `$2`, … through the transaction's own Kysely connection) instead of being escaped into the SQL text as
 * `em.execute` does: MikroORM's formatting of a 2 MB batch of array literals cost ~0.1 s of the bot's thread per
 * 1,000 outbox rows (docs/benchmarks.md, "100k-member compute"). On PGlite, `em.execute` as before (its connection
 * class keeps the event loop responsive between statements).
 */
export async function executeSetBased<T extends object>(
  em: Em,
  sql: string,
  params: readonly (Scalar | Date | boolean)[],
): Promise<T[]> {
  if (statementsRunHere(em)) return em.execute<T[]>(sql, [...params]);
  let n = 0;
  const numbered = sql.replace(/\?/g, () => `$${++n}`);
  if (n !== params.length) throw new Error(`executeSetBased: ${n} placeholders for ${params.length} parameters`);
  const result = await em.getKysely().executeQuery<T>(CompiledQuery.raw(numbered, [...params]));
  return [...result.rows];
}
