// The weekly sender's pace: requests evenly spaced under Discord's global limit, never two in one slot, at most a
// small burst after a pause. On an injected clock (no timers).
import { describe, expect, it } from 'vitest';
import { requestPacer } from '../../src/bot/weekly-sender.ts';

function clocked(perSecond: number, burst?: number) {
  let t = 1_000;
  const starts: number[] = [];
  const pace = requestPacer(perSecond, {
    burst,
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
  });
  return {
    starts,
    advance: (ms: number) => {
      t += ms;
    },
    async request() {
      await pace();
      starts.push(t);
    },
  };
}

describe('weekly request pacer', () => {
  it('when requests keep coming, then they start 1000/rate ms apart and no second holds more than the rate + burst', async () => {
    const c = clocked(48);
    for (let i = 0; i < 200; i++) await c.request();
    const gaps = c.starts.slice(1).map((s, i) => s - (c.starts[i] as number));
    expect(Math.min(...gaps.slice(1))).toBeCloseTo(1000 / 48, 6);
    for (const s of c.starts) expect(c.starts.filter((x) => x >= s && x < s + 1000).length).toBeLessThanOrEqual(50);
    expect(((c.starts.length - 1) * 1000) / ((c.starts.at(-1) as number) - (c.starts[0] as number))).toBeCloseTo(48, 0);
  });

  it('when callers ask at the same moment, then each gets its own slot', async () => {
    let t = 0;
    const slept: number[] = [];
    const pace = requestPacer(50, {
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    await Promise.all(Array.from({ length: 5 }, () => pace()));
    // Two at once (the burst), then one every 20 ms.
    expect(slept).toEqual([20, 40, 60]);
    t = 10_000;
    slept.length = 0;
    await pace();
    expect(slept).toEqual([]); // after a pause, no waiting
  });
});
