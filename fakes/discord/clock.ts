// Time as the local Discord sees it. Every window it enforces (the 3 s interaction callback, the 15 min token, rate
// limit resets, nonce memory) reads this clock, so tests move time forward instead of sleeping.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that follows the wall clock plus an offset tests can push forward: `clock.advance(3_001)`. */
export class AdjustableClock implements Clock {
  private offset: number;
  /** `startAt`: the instant the clock shows now (a scripted sandbox run starts at a fixed time, so its transcript repeats). */
  constructor(startAt?: number) {
    this.offset = startAt === undefined ? 0 : startAt - Date.now();
  }
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}
