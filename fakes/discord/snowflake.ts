// Discord ids are snowflakes: milliseconds since the Discord epoch in the top bits, then worker/process/increment.
// @sapphire/snowflake's DiscordSnowflake (discord.js's SnowflakeUtil) makes them; the fake keeps its own clock.
import { DiscordSnowflake } from '@sapphire/snowflake';

export class SnowflakeGenerator {
  private increment = 0n;
  private readonly now: () => number;
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  next(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    return DiscordSnowflake.generate({
      timestamp: this.now(),
      workerId: 1n,
      processId: 0n,
      increment: this.increment,
    }).toString();
  }
}

export function snowflakeTimestamp(id: string): number {
  return DiscordSnowflake.timestampFrom(id);
}
