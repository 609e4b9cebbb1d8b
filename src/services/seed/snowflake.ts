// Discord snowflakes: 64 bits = milliseconds since the Discord epoch (2015-01-01) << 22 | worker (5 bits) << 17 |
// process (5 bits) << 12 | increment (12 bits). They exceed 2^53, so they are built with BigInt and kept as strings.
// The bit layout is @sapphire/snowflake's DiscordSnowflake (what discord.js exposes as SnowflakeUtil), used directly
// because services never import discord.js. This file adds only what it lacks: a seed must get exactly the parts it
// asked for, so out-of-range parts are an error here, where the library would silently mask them.
import { DiscordSnowflake } from '@sapphire/snowflake';

export const DISCORD_EPOCH_MS = 1_420_070_400_000;

export interface SnowflakeParts {
  readonly timestampMs: number;
  readonly workerId: number;
  readonly processId: number;
  readonly increment: number;
}

export function makeSnowflake(parts: SnowflakeParts): string {
  const { timestampMs, workerId, processId, increment } = parts;
  if (!Number.isInteger(timestampMs) || timestampMs < DISCORD_EPOCH_MS) {
    throw new RangeError('snowflake timestamps start at the Discord epoch (2015-01-01)');
  }
  for (const [name, value, max] of [
    ['workerId', workerId, 31],
    ['processId', processId, 31],
    ['increment', increment, 4095],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be 0–${max}`);
  }
  return DiscordSnowflake.generate({
    timestamp: timestampMs,
    workerId: BigInt(workerId),
    processId: BigInt(processId),
    increment: BigInt(increment),
  }).toString();
}

export function parseSnowflake(id: string): SnowflakeParts {
  const d = DiscordSnowflake.deconstruct(id);
  return {
    timestampMs: Number(d.timestamp),
    workerId: Number(d.workerId),
    processId: Number(d.processId),
    increment: Number(d.increment),
  };
}
