import { describe, expect, it } from 'vitest';
import { formatLabel } from '../../src/services/catalogue-service.ts';
import { MalformedResponse, parseMovieDetails, parseMoviePage } from '../../src/services/tmdb/parse.ts';
import {
  backoffDelay,
  CircuitBreaker,
  parseRetryAfter,
  RateLimiter,
  retryPolicy,
  Semaphore,
} from '../../src/services/tmdb/resilience.ts';

describe('RateLimiter', () => {
  it('when requests arrive faster than the rate, then waits spread them at 1/rate after the burst', () => {
    let now = 0;
    const limiter = new RateLimiter({ ratePerSecond: 40, burst: 2, now: () => now });
    const waits = Array.from({ length: 6 }, () => limiter.reserve());
    expect(waits.map((w) => Math.round(w))).toEqual([0, 0, 25, 50, 75, 100]);
    now = 1_000; // a second later the debt is paid and the burst is back
    expect(limiter.reserve()).toBe(0);
  });

  it('when 400 requests are reserved at 40/s, then the last one starts after about 10 s', () => {
    const limiter = new RateLimiter({ ratePerSecond: 40, burst: 10, now: () => 0 });
    let last = 0;
    for (let i = 0; i < 400; i++) last = limiter.reserve();
    expect(last).toBeCloseTo((400 - 10) * 25, 5);
  });
});

describe('CircuitBreaker', () => {
  it('when failures reach the threshold, then it opens, half-opens after the cooldown and allows one probe', () => {
    let now = 0;
    const changes: string[] = [];
    const b = new CircuitBreaker({
      failureThreshold: 3,
      cooldownMs: 1_000,
      now: () => now,
      onChange: (f, t) => changes.push(`${f}>${t}`),
    });
    b.failure();
    b.failure();
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    now = 1_000;
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false); // one probe at a time
    b.success();
    expect(b.state).toBe('closed');
    expect(changes).toEqual(['closed>open', 'open>half_open', 'half_open>closed']);
  });

  it('when a success comes between failures, then the count starts again', () => {
    const b = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, now: () => 0 });
    b.failure();
    b.success();
    b.failure();
    expect(b.state).toBe('closed');
    b.trip();
    expect(b.state).toBe('open');
  });
});

describe('retry policy', () => {
  it.each([
    ['2', 2_000],
    ['0', 0],
    ['soon', undefined],
    [undefined, undefined],
    [['3'], 3_000],
  ])('when Retry-After is %j, then the wait is %j ms', (value, ms) => {
    expect(parseRetryAfter(value)).toBe(ms);
  });

  it('when Retry-After is an HTTP date, then the wait is the time until then', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 05:00:10 GMT', Date.parse('2026-11-24T05:00:00Z'))).toBe(10_000);
  });

  it('when attempts grow, then backoff doubles up to the cap with jitter in the upper half', () => {
    const opts = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
    expect(backoffDelay(1, { ...opts, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, { ...opts, random: () => 1 })).toBe(100);
    expect(backoffDelay(3, { ...opts, random: () => 1 })).toBe(400);
    expect(backoffDelay(10, { ...opts, random: () => 1 })).toBe(1_000);
  });

  const policy = retryPolicy({ maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 100 });
  function decide(err: object, counter = 1, method = 'GET'): Promise<'retry' | 'stop'> {
    return new Promise((resolve) => {
      policy(Object.assign(new Error('x'), err), { state: { counter }, opts: { method } }, (e) =>
        resolve(e ? 'stop' : 'retry'),
      );
    });
  }

  it.each([
    [{ statusCode: 500 }, 1, 'retry'],
    [{ statusCode: 503 }, 1, 'retry'],
    [{ statusCode: 429, headers: { 'retry-after': '0' } }, 1, 'retry'],
    [{ statusCode: 429, headers: { 'retry-after': '60' } }, 1, 'stop'],
    [{ statusCode: 404 }, 1, 'stop'],
    [{ statusCode: 401 }, 1, 'stop'],
    [{ code: 'ECONNRESET' }, 1, 'retry'],
    [{ code: 'UND_ERR_SOCKET' }, 2, 'retry'],
    [{ code: 'UND_ERR_SOCKET' }, 3, 'stop'],
    [{ code: 'ERR_SOMETHING_ELSE' }, 1, 'stop'],
  ])('when the error is %j on attempt %i, then the policy says %s', async (err, counter, expected) => {
    expect(await decide(err, counter)).toBe(expected);
  });

  it('when the method is not GET, then it is not retried', async () => {
    expect(await decide({ statusCode: 500 }, 1, 'POST')).toBe('stop');
  });
});

describe('Semaphore', () => {
  it('when the limit is reached, then the next caller waits until a slot is released, and can give up', async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    let got = false;
    const waiting = s.acquire().then((r) => {
      got = true;
      return r;
    });
    const controller = new AbortController();
    const givingUp = s.acquire(controller.signal);
    controller.abort(new Error('budget'));
    await expect(givingUp).rejects.toThrow('budget');
    expect(got).toBe(false);
    release();
    (await waiting)();
    expect(s.inFlight).toBe(0);
  });
});

describe('parsing', () => {
  it.each([
    ['results missing', { page: 1 }],
    ['an id that is a string', { page: 1, results: [{ id: '949', title: 'Heat' }] }],
    ['a title that is a number', { page: 1, results: [{ id: 949, title: 7 }] }],
    ['a bad date', { page: 1, results: [{ id: 949, title: 'Heat', release_date: '15/12/1995' }] }],
    ['not an object', [1, 2]],
  ])('when a page has %s, then parsing raises MalformedResponse', (_n, body) => {
    expect(() => parseMoviePage(body)).toThrow(MalformedResponse);
  });

  it('when optional fields are null or missing, then they become null, 0 or []', () => {
    const page = parseMoviePage({ page: 1, results: [{ id: 1, title: 'X', poster_path: null, release_date: '' }] });
    expect(page.results[0]).toMatchObject({ posterPath: null, releaseDate: null, genreIds: [], voteCount: 0 });
    const d = parseMovieDetails({ id: 1, title: 'X', runtime: 0, belongs_to_collection: null });
    expect(d).toMatchObject({ runtime: null, collection: null, cast: [], directors: [], alternativeTitles: [] });
  });
});

describe('labels', () => {
  it.each([
    ['Heat', 1995, 'Heat (1995)'],
    ['Untitled', null, 'Untitled'],
    ['x'.repeat(120), 2000, `${'x'.repeat(92)}… (2000)`],
  ])('when the title is %s and the year %s, then the label is %s', (title, year, label) => {
    expect(formatLabel(title, year)).toBe(label);
    expect(formatLabel(title, year).length).toBeLessThanOrEqual(100);
  });
});
