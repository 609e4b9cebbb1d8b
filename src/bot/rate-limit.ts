// Per-user limits for expensive commands: a sliding window of recent uses per user and bucket.
import { UserFacingError } from '../errors.ts';

export interface LimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

/** What the dispatcher asks before an expensive command: throws a UserFacingError when the user must wait. */
export interface RateLimiter {
  take(userId: string, bucket: string, rule: LimitRule): void | Promise<void>;
}

function limited(bucket: string, waitSeconds: number): UserFacingError {
  return UserFacingError.of('rate_limited', 'limit.wait', { command: bucket, seconds: waitSeconds });
}

/**
 * The same limits kept in the database, so several processes (shards) count one user's uses together. `take` is the
 * service call (src/services/rate-limit-service.ts) bound by the composition root: null = allowed, else seconds.
 */
export class SharedRateLimiter implements RateLimiter {
  private readonly takeShared: (userId: string, bucket: string, rule: LimitRule) => Promise<number | null>;
  constructor(take: (userId: string, bucket: string, rule: LimitRule) => Promise<number | null>) {
    this.takeShared = take;
  }

  async take(userId: string, bucket: string, rule: LimitRule): Promise<void> {
    const wait = await this.takeShared(userId, bucket, rule);
    if (wait !== null) throw limited(bucket, wait);
  }
}

/** In memory: enough for one process (PGlite is always one process). */
export class UserRateLimiter implements RateLimiter {
  private readonly uses = new Map<string, number[]>();
  private readonly now: () => number;
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Records a use, or throws a UserFacingError saying when to try again. */
  take(userId: string, bucket: string, rule: LimitRule): void {
    const wait = this.check(userId, bucket, rule);
    if (wait !== null) throw limited(bucket, wait);
  }

  /** Records a use and returns null, or returns the seconds to wait (nothing recorded). */
  check(userId: string, bucket: string, rule: LimitRule): number | null {
    const key = `${bucket}:${userId}`;
    const now = this.now();
    const recent = (this.uses.get(key) ?? []).filter((t) => now - t < rule.windowMs);
    if (recent.length >= rule.limit) {
      this.uses.set(key, recent);
      return Math.max(1, Math.ceil((rule.windowMs - (now - (recent[0] ?? now))) / 1000));
    }
    recent.push(now);
    this.uses.set(key, recent);
    if (this.uses.size > 10_000) this.sweep(now, rule.windowMs);
    return null;
  }

  private sweep(now: number, windowMs: number) {
    for (const [k, v] of this.uses) if (v.every((t) => now - t >= windowMs)) this.uses.delete(k);
  }
}
