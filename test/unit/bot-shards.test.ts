import { describe, expect, it } from 'vitest';
import { shardOptions } from '../../src/bot/client.ts';

describe('shardOptions', () => {
  it('when the count is auto, then discord.js asks GET /gateway/bot and runs every shard', () => {
    expect(shardOptions({ count: 'auto', ids: 'all' })).toEqual({ shards: 'auto' });
  });
  it('when the count is fixed, then the listed shards (or all) of that count run here', () => {
    expect(shardOptions({ count: 4, ids: [2, 3] })).toEqual({ shards: [2, 3], shardCount: 4 });
    expect(shardOptions({ count: 3, ids: 'all' })).toEqual({ shards: [0, 1, 2], shardCount: 3 });
  });
});
