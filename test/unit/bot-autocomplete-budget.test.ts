import { describe, expect, it } from 'vitest';
import { autocompleteBudgetMs } from '../../src/bot/dispatcher.ts';

describe('how long autocomplete may work', () => {
  it.each([
    ['it arrives at once', 0, undefined, 2_000],
    ['the gateway took 500 ms', 500, undefined, 1_700],
    ['the gateway took 2.1 s', 2_100, undefined, 100],
    ['it arrives after the window', 3_500, undefined, 0],
    ['a fraction of a millisecond is involved', 250.7, undefined, 1_949],
    ['a larger cap is asked for', 0, 5_000, 2_200],
    ['our clock is behind Discord’s', -400, undefined, 2_000],
  ])('when %s, then the budget is %s… and ≥ 800 ms stay for the network', (_n, elapsed, cap, expected) => {
    const createdAt = 1_000_000;
    const budget = autocompleteBudgetMs({ createdAt, now: createdAt + elapsed, capMs: cap });
    expect(budget).toBe(expected);
    expect(Number.isInteger(budget)).toBe(true);
    expect(Math.max(0, elapsed) + budget).toBeLessThanOrEqual(Math.max(2_200, elapsed));
  });
});
