// PostgreSQL array literals for set-based writes: `insert … select from unnest(?::text[], …)` takes a whole batch of
// rows in a few ordinary escaped parameters, one statement parsed and planned once (the seeder, the impressions log,
// the delivery outbox), and works the same on PostgreSQL and PGlite.

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
