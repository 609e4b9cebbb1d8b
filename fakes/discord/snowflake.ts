// Discord ids are snowflakes: milliseconds since the Discord epoch in the top bits, then worker/process/increment.
const DISCORD_EPOCH = 1_420_070_400_000n;

export class SnowflakeGenerator {
  private increment = 0n;
  private readonly now: () => number;
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  next(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    return String(((BigInt(this.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.increment);
  }
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
