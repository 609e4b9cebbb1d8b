// Guild sharding as Discord documents it (events/gateway.mdx § Sharding, § Max Concurrency; events/gateway-events.mdx
// § Identify `shard`; topics/opcodes-and-status-codes.mdx § Gateway Close Event Codes 4010 and 4011). The gateway asks
// this file which shard an event belongs to and whether an IDENTIFY's `shard` field and timing are acceptable.
import { GatewayCloseCodes } from 'discord-api-types/v10';
import type { Json } from './types.ts';

/** `[shard_id, num_shards]` as sent in IDENTIFY; a connection without it is `[0, 1]`. */
export type ShardPair = readonly [id: number, count: number];

/** events/gateway.mdx § Sharding: "Each shard can only support a maximum of 2500 guilds". */
export const MAX_GUILDS_PER_SHARD = 2500;

/**
 * events/gateway.mdx § Sharding Formula: `shard_id = (guild_id >> 22) % num_shards`. Events without a guild id (DMs,
 * DM interactions) go to shard 0 only.
 */
export function shardOf(guildId: string | null | undefined, count: number): number {
  if (!guildId || count <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * A snowflake for a guild that lands on `shard` of `count` (for tests and the sandbox): consecutive timestamps walk
 * through the shards in order.
 */
export function guildIdOnShard(shard: number, count: number, nth = 0): string {
  const base = ((1_250_000_000_000_000_000n >> 22n) / BigInt(count)) * BigInt(count);
  return String(((base + BigInt(nth * count + shard)) << 22n) | 1n);
}

/** The guild id an event is routed by: `guild_id` on the payload, or `id` for the GUILD_* events about a guild. */
export function routingGuildId(t: string, d: Json): string | null {
  if (d && typeof d.guild_id === 'string') return d.guild_id;
  if ((t === 'GUILD_CREATE' || t === 'GUILD_UPDATE' || t === 'GUILD_DELETE') && typeof d?.id === 'string') return d.id;
  return null;
}

export type ShardCheck = { ok: true; shard: ShardPair } | { ok: false; code: GatewayCloseCodes; reason: string };

/**
 * Validates IDENTIFY's `shard` (events/gateway-events.mdx § Identify: "array of two integers (shard_id, num_shards)").
 * 4010 Invalid shard for a malformed pair or an id outside `0 … num_shards-1`; 4011 Sharding required when the session
 * would hold more guilds than one shard may (opcodes § Gateway Close Event Codes).
 */
export function checkShard(raw: unknown, guildIds: readonly string[], maxGuildsPerShard: number): ShardCheck {
  let shard: ShardPair = [0, 1];
  if (raw !== undefined && raw !== null) {
    const ok =
      Array.isArray(raw) &&
      raw.length === 2 &&
      raw.every((x) => Number.isInteger(x)) &&
      raw[1] >= 1 &&
      raw[0] >= 0 &&
      raw[0] < raw[1];
    if (!ok) return { ok: false, code: GatewayCloseCodes.InvalidShard, reason: 'Invalid shard' };
    shard = [raw[0], raw[1]];
  }
  const held = guildIds.filter((g) => shardOf(g, shard[1]) === shard[0]).length;
  if (held > maxGuildsPerShard) {
    return { ok: false, code: GatewayCloseCodes.ShardingRequired, reason: 'Sharding required' };
  }
  return { ok: true, shard };
}

/**
 * events/gateway.mdx § Identifying and § Max Concurrency: at most one IDENTIFY per `rate_limit_key = shard_id %
 * max_concurrency` every 5 seconds; more is answered with Invalid Session (op 9). Across processes too: the limit
 * belongs to the bot, not to a connection.
 */
export class IdentifyConcurrency {
  private readonly last = new Map<number, number>();
  readonly maxConcurrency: number;
  constructor(maxConcurrency: number) {
    this.maxConcurrency = maxConcurrency;
  }

  /** True when this shard may identify now (and records it). */
  take(shardId: number, now: number): boolean {
    const key = shardId % this.maxConcurrency;
    const prev = this.last.get(key);
    if (prev !== undefined && now - prev < 5_000) return false;
    this.last.set(key, now);
    return true;
  }
}
