// Discord snowflakes: 64 bits = milliseconds since the Discord epoch (2015-01-01) << 22 | worker (5 bits) << 17 |
// process (5 bits) << 12 | increment (12 bits). They exceed 2^53, so they are built with BigInt and kept as strings.

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
  const id =
    (BigInt(timestampMs - DISCORD_EPOCH_MS) << 22n) |
    (BigInt(workerId) << 17n) |
    (BigInt(processId) << 12n) |
    BigInt(increment);
  return id.toString();
}

export function parseSnowflake(id: string): SnowflakeParts {
  const n = BigInt(id);
  return {
    timestampMs: Number(n >> 22n) + DISCORD_EPOCH_MS,
    workerId: Number((n >> 17n) & 31n),
    processId: Number((n >> 12n) & 31n),
    increment: Number(n & 4095n),
  };
}
