// The one hook for "what we know of this person's taste changed": every service that writes ratings, watched films,
// feedback, imports or the watchlist calls it after its write. It bumps users.taste_version, which the
// recommendation service compares with its per-user cache (in every process), so no caller has to tell the
// recommender anything.
import type { Em } from '../db.ts';

export async function noteTasteChanged(em: Em, userId: string): Promise<void> {
  await em.execute('update users set taste_version = taste_version + 1 where id = ?', [userId]);
}

/** Current taste versions for these users (absent users are left out). */
export async function tasteVersions(em: Em, userIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const chunk = userIds.slice(i, i + 1000);
    const rows = await em.execute<{ id: string; taste_version: number }[]>(
      `select id, taste_version from users where id in (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const r of rows) out.set(r.id, Number(r.taste_version));
  }
  return out;
}
