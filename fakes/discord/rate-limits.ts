// Discord's rate limits as the REST API reports them: per-route buckets with X-RateLimit-* headers, a global limit
// across all routes (50 requests/second for a bot by default), and 429 answers carrying `retry_after` in seconds.

export interface BucketRule {
  /** Requests allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitOptions {
  /** Requests per second across all authenticated routes; Discord's default for bots is 50. 0 disables. */
  readonly globalPerSecond?: number;
  /** Per-route bucket applied to each major parameter (channel, webhook…) separately. */
  readonly routeRule?: BucketRule;
}

export type RateLimitDecision =
  | { readonly ok: true; readonly headers: Record<string, string> }
  | {
      readonly ok: false;
      readonly headers: Record<string, string>;
      readonly body: { message: string; retry_after: number; global: boolean; code?: number };
    };

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  globalPerSecond: number;
  routeRule: BucketRule;
  private readonly windows = new Map<string, Window>();
  private global: Window = { start: 0, count: 0 };
  private readonly now: () => number;
  /** Every 429 this limiter answered, for tests that check a client backs off. */
  readonly limited: { bucket: string; global: boolean; at: number }[] = [];
  /** Buckets whose shared resource limit is exhausted until the given time (see `exhaustShared`). */
  private readonly shared = new Map<string, number>();

  constructor(opts: RateLimitOptions = {}, now: () => number = Date.now) {
    this.globalPerSecond = opts.globalPerSecond ?? 50;
    this.routeRule = opts.routeRule ?? { limit: 5, windowMs: 5_000 };
    this.now = now;
  }

  /**
   * Simulates a per-resource limit shared by every app using that resource (topics/rate-limits.mdx § Header Format,
   * `X-RateLimit-Scope: shared`): requests on `bucket` answer 429 with scope `shared` for `ms`.
   */
  exhaustShared(bucket: string, ms: number): void {
    this.shared.set(bucket, this.now() + ms);
  }

  /** `bucket` is the route template plus its major parameter, e.g. `POST /channels/123/messages`. */
  take(bucket: string, opts: { global: boolean; rule?: BucketRule }): RateLimitDecision {
    const now = this.now();
    const sharedUntil = this.shared.get(bucket) ?? 0;
    if (sharedUntil > now) {
      const retry = (sharedUntil - now) / 1_000;
      this.limited.push({ bucket, global: false, at: now });
      return {
        ok: false,
        headers: { 'retry-after': String(Math.ceil(retry)), 'x-ratelimit-scope': 'shared' },
        body: { message: 'You are being rate limited.', retry_after: round3(retry), global: false },
      };
    }
    if (opts.global && this.globalPerSecond > 0) {
      if (now - this.global.start >= 1_000) this.global = { start: now, count: 0 };
      if (this.global.count >= this.globalPerSecond) {
        const retry = (1_000 - (now - this.global.start)) / 1_000;
        this.limited.push({ bucket, global: true, at: now });
        return {
          ok: false,
          headers: {
            'retry-after': String(Math.ceil(retry)),
            'x-ratelimit-global': 'true',
            'x-ratelimit-scope': 'global',
          },
          body: { message: 'You are being rate limited.', retry_after: round3(retry), global: true },
        };
      }
      this.global.count++;
    }
    const rule = opts.rule ?? this.routeRule;
    let w = this.windows.get(bucket);
    if (!w || now - w.start >= rule.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(bucket, w);
    }
    const resetAfter = (rule.windowMs - (now - w.start)) / 1_000;
    const hash = bucketHash(bucket);
    const base = {
      'x-ratelimit-limit': String(rule.limit),
      'x-ratelimit-reset': String(round3((w.start + rule.windowMs) / 1_000)),
      'x-ratelimit-reset-after': String(round3(resetAfter)),
      'x-ratelimit-bucket': hash,
    };
    if (w.count >= rule.limit) {
      this.limited.push({ bucket, global: false, at: now });
      return {
        ok: false,
        headers: {
          ...base,
          'x-ratelimit-remaining': '0',
          'x-ratelimit-scope': 'user',
          'retry-after': String(Math.ceil(resetAfter)),
        },
        body: { message: 'You are being rate limited.', retry_after: round3(resetAfter), global: false },
      };
    }
    w.count++;
    return { ok: true, headers: { ...base, 'x-ratelimit-remaining': String(rule.limit - w.count) } };
  }
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function bucketHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * topics/rate-limits.mdx § Invalid Request Limit aka Cloudflare bans: 10,000 requests answered 401, 403 or 429 (not
 * `shared`) per 10 minutes get an IP banned. The fake counts them so tests can assert a client stays well below.
 */
export class InvalidRequestCounter {
  static readonly LIMIT = 10_000;
  static readonly WINDOW_MS = 10 * 60_000;
  readonly log: { at: number; status: number; route: string }[] = [];
  private readonly now: () => number;
  constructor(now: () => number) {
    this.now = now;
  }
  record(at: number, status: number, route: string): void {
    this.log.push({ at, status, route });
  }
  /** Invalid requests in the last `windowMs` (default: Discord's 10 minutes). */
  count(windowMs = InvalidRequestCounter.WINDOW_MS): number {
    const since = this.now() - windowMs;
    return this.log.filter((e) => e.at > since).length;
  }
  /** True once the last 10 minutes hold Discord's 10,000. */
  get banned(): boolean {
    return this.count() >= InvalidRequestCounter.LIMIT;
  }
}
