// Per-user limits for expensive commands: a sliding window of recent uses per user and bucket.
import { UserFacingError } from '../errors.ts';

export interface LimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

export class UserRateLimiter {
  private readonly uses = new Map<string, number[]>();
  private readonly now: () => number;
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Records a use, or throws a UserFacingError saying when to try again. */
  take(userId: string, bucket: string, rule: LimitRule): void {
    const key = `${bucket}:${userId}`;
    const now = this.now();
    const recent = (this.uses.get(key) ?? []).filter((t) => now - t < rule.windowMs);
    if (recent.length >= rule.limit) {
      const wait = Math.max(1, Math.ceil((rule.windowMs - (now - (recent[0] ?? now))) / 1000));
      this.uses.set(key, recent);
      throw new UserFacingError('rate_limited', `Easy there! You can use /${bucket} again in ${wait} s.`);
    }
    recent.push(now);
    this.uses.set(key, recent);
    if (this.uses.size > 10_000) this.sweep(now, rule.windowMs);
  }

  private sweep(now: number, windowMs: number) {
    for (const [k, v] of this.uses) if (v.every((t) => now - t >= windowMs)) this.uses.delete(k);
  }
}
