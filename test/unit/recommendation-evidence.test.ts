import { describe, expect, it } from 'vitest';
import { toEvidence, type UserRows } from '../../src/services/recommendation-data.ts';

const rows = (over: Partial<UserRows> = {}): UserRows => ({
  stars: new Map(),
  watched: new Set(),
  up: new Set(),
  down: new Set(),
  notInterested: new Set(),
  seen: new Set(),
  watchlist: new Set(),
  ...over,
});

// Movie ids 10..70 map to film indices 0..6.
const itemIndex = new Map([10, 20, 30, 40, 50, 60, 70].map((m, i) => [m, i]));

describe('toEvidence', () => {
  it('when earlier picks drew no reaction, then they become ignored; picks with any reaction do not', () => {
    const r = rows({
      stars: new Map([[10, 4]]),
      up: new Set([20]),
      down: new Set([30]),
      seen: new Set([40]),
    });
    const ev = toEvidence(r, itemIndex, undefined, [10, 20, 30, 40, 50, 60, 999]);
    expect(Array.from(ev.ignored ?? [])).toEqual([4, 5]);
    expect(Array.from(ev.disliked ?? [])).toEqual([2]);
    expect(Array.from(ev.exclude ?? [])).toEqual([3]);
  });

  it('when a film is on the watchlist, then it is excluded from picks but is not negative evidence', () => {
    const ev = toEvidence(rows({ stars: new Map([[10, 4]]), watchlist: new Set([50]) }), itemIndex, undefined);
    expect(Array.from(ev.exclude ?? [])).toEqual([4]);
    expect(Array.from(ev.disliked ?? [])).toEqual([]);
    expect(Array.from(ev.items)).toEqual([0]);
  });

  it('when nothing is excluded by the caller, then nothing is ignored', () => {
    expect(Array.from(toEvidence(rows({ stars: new Map([[10, 4]]) }), itemIndex, undefined).ignored ?? [])).toEqual([]);
  });
});
