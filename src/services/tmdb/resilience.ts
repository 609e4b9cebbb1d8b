// The small pieces undici does not ship: a token-bucket rate limiter (as a dispatch interceptor, so every retry
// attempt is paced too), an in-flight limit, a circuit breaker, and a jittered retry policy for undici's retry
// interceptor that honours Retry-After.
import type { Dispatcher } from 'undici';

export type Clock = () => number;
const monotonic: Clock = () => performance.now();

/**
 * Token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. `reserve()` takes a token now and returns
 * how long the caller must wait before using it (the bucket may go into debt, which keeps waiters in order).
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private readonly rate: number;
  private readonly burst: number;
  private readonly now: Clock;

  constructor(opts: { ratePerSecond: number; burst?: number; now?: Clock }) {
    this.rate = opts.ratePerSecond;
    this.burst = Math.max(1, opts.burst ?? Math.floor(opts.ratePerSecond / 4));
    this.now = opts.now ?? monotonic;
    this.tokens = this.burst;
    this.last = this.now();
  }

  reserve(): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.rate) / 1000);
    this.last = t;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.rate;
  }
}

/** Delays each dispatch until the rate limiter allows it. Placed inside the retry interceptor. */
export function rateLimitInterceptor(limiter: RateLimiter): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const wait = limiter.reserve();
    if (wait <= 0) return dispatch(opts, handler);
    setTimeout(() => dispatch(opts, handler), wait);
    return true;
  };
}

/** Counts requests in flight; callers wait in FIFO order and can give up through their AbortSignal. */
export class Semaphore {
  private active = 0;
  private readonly waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  get inFlight(): number {
    return this.active;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.active < this.limit) {
      this.active++;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiters.shift();
      if (next) next.resolve();
      else this.active--;
    };
  }
}

export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * Opens after `failureThreshold` consecutive failures (or at once on `trip()`), rejects calls for `cooldownMs`, then
 * lets one probe through: success closes it, failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: BreakerState = 'closed';
  private probing = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: Clock;
  private readonly onChange: (from: BreakerState, to: BreakerState) => void;

  constructor(opts: {
    failureThreshold: number;
    cooldownMs: number;
    now?: Clock;
    onChange?: (from: BreakerState, to: BreakerState) => void;
  }) {
    this.threshold = Math.max(1, opts.failureThreshold);
    this.cooldownMs = opts.cooldownMs;
    this.now = opts.now ?? monotonic;
    this.onChange = opts.onChange ?? (() => {});
  }

  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.cooldownMs) this.set('half_open');
    return this.current;
  }

  /** Whether a call may go out now; in half-open only one probe at a time. */
  tryAcquire(): boolean {
    const s = this.state;
    if (s === 'closed') return true;
    if (s === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    if (this.current !== 'closed') this.set('closed');
  }

  failure(): void {
    this.failures++;
    const wasProbe = this.probing;
    this.probing = false;
    if (wasProbe || this.current === 'half_open' || this.failures >= this.threshold) this.open();
  }

  /** A call that neither proves nor disproves TMDB's health (e.g. a 404) ends a probe without a verdict. */
  neutral(): void {
    if (this.probing) {
      this.probing = false;
      this.success();
    }
  }

  trip(): void {
    this.probing = false;
    this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    if (this.current !== 'open') this.set('open');
  }

  private set(to: BreakerState): void {
    const from = this.current;
    this.current = to;
    this.onChange(from, to);
  }
}

export interface RetryPolicyOptions {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails and the breaker counts it. */
  readonly maxRetryAfterMs: number;
  readonly random?: () => number;
}

export const RETRY_STATUS_CODES = [429, 500, 502, 503, 504] as const;
export const RETRY_ERROR_CODES = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
] as const;

/** Seconds or an HTTP date → milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, capped at maxDelayMs. */
export function backoffDelay(attempt: number, opts: RetryPolicyOptions): number {
  const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return step / 2 + (opts.random ?? Math.random)() * (step / 2);
}

type RetryErr = Error & { statusCode?: number; code?: string; headers?: Record<string, string | string[] | undefined> };

/** The `retry` callback for undici's retry interceptor. Returns its timer so undici can cancel it on abort. */
export function retryPolicy(opts: RetryPolicyOptions) {
  return (
    err: Error,
    context: { state: { counter: number }; opts: { method?: string } },
    cb: (err?: Error | null) => void,
  ): NodeJS.Timeout | undefined => {
    const e = err as RetryErr;
    const attempt = context.state.counter;
    if (e.code && e.code !== 'UND_ERR_REQ_RETRY' && !(RETRY_ERROR_CODES as readonly string[]).includes(e.code)) {
      cb(err);
      return undefined;
    }
    if (context.opts.method !== 'GET' && context.opts.method !== 'HEAD') {
      cb(err);
      return undefined;
    }
    if (e.statusCode != null && !(RETRY_STATUS_CODES as readonly number[]).includes(e.statusCode)) {
      cb(err);
      return undefined;
    }
    if (attempt > opts.maxRetries) {
      cb(err);
      return undefined;
    }
    let delay = backoffDelay(attempt, opts);
    const retryAfter =
      e.statusCode === 429 || e.statusCode === 503 ? parseRetryAfter(e.headers?.['retry-after']) : undefined;
    if (retryAfter !== undefined) {
      if (retryAfter > opts.maxRetryAfterMs) {
        cb(err);
        return undefined;
      }
      delay = Math.max(delay, retryAfter);
    }
    return setTimeout(() => cb(null), delay);
  };
}
