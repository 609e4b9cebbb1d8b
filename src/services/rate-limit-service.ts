// Per-user command limits shared by every process on one PostgreSQL: a sliding-window log of uses per (bucket, user)
// in `rate_limit_uses`. A transaction-scoped advisory lock on the key makes count-then-insert atomic across
// processes; each take prunes that key's expired uses, so the table holds at most `limit` rows per active key.
import type { Em } from '../db.ts';
import { RateLimitUse } from '../entities/index.ts';

export interface SharedLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

/** Records a use and returns null, or returns the seconds to wait when the limit is reached (nothing recorded). */
export async function takeSharedLimit(
  em: Em,
  userId: string,
  bucket: string,
  rule: SharedLimitRule,
  now: Date,
): Promise<number | null> {
  const since = new Date(now.getTime() - rule.windowMs);
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`rate:${bucket}:${userId}`]);
    await tx.execute('delete from rate_limit_uses where bucket = ? and user_id = ? and used_at <= ?', [
      bucket,
      userId,
      since,
    ]);
    const rows = await tx.execute<{ n: string | number; first: Date | string | null }[]>(
      'select count(*) as n, min(used_at) as first from rate_limit_uses where bucket = ? and user_id = ?',
      [bucket, userId],
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n >= rule.limit) {
      const first = rows[0]?.first ? new Date(rows[0].first).getTime() : now.getTime();
      return Math.max(1, Math.ceil((rule.windowMs - (now.getTime() - first)) / 1000));
    }
    await tx.execute('insert into rate_limit_uses (bucket, user_id, used_at) values (?, ?, ?)', [bucket, userId, now]);
    return null;
  });
}

/** How many recent uses are kept for `userId` (a privacy export or delete counts them). */
export function sharedLimitUses(em: Em, userId: string): Promise<number> {
  return em.count(RateLimitUse, { userId });
}

/** Forgets `userId`'s recent uses (part of deleting everything about a person). */
export function forgetSharedLimits(em: Em, userId: string): Promise<number> {
  return em.nativeDelete(RateLimitUse, { userId });
}
