// The local Discord's guild sharding (events/gateway.mdx § Sharding, § Max Concurrency, § Get Gateway Bot;
// events/gateway-events.mdx § Identify; topics/opcodes-and-status-codes.mdx § Gateway Close Event Codes 4010/4011),
// with raw WebSocket clients so every close code and every routed event is visible.
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AdjustableClock, FakeDiscord, type FakeDiscordOptions, guildIdOnShard } from '../../fakes/discord/index.ts';
import { connectTestClient } from '../../fakes/discord/test-client.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.stop();
});

async function start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  fake = await new FakeDiscord({ heartbeatIntervalMs: 10_000, ...opts }).start();
  return fake;
}

/** Identifies with `shard` on a fresh socket; resolves with the close code, or 'invalid-session' for op 9. */
function identifyOutcome(f: FakeDiscord, shard: unknown): Promise<number | 'invalid-session' | 'ready'> {
  const ws = new WebSocket(`${f.gatewayUrl}/?v=10&encoding=json`);
  return new Promise((resolve) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.op === 10) {
        const d = { token: f.token, intents: 1, properties: { os: 'l', browser: 't', device: 't' }, shard };
        ws.send(JSON.stringify({ op: 2, d }));
      }
      if (msg.op === 9) resolve('invalid-session');
      if (msg.t === 'READY') resolve('ready');
    });
    ws.on('close', (code) => resolve(code));
  });
}

it('when the bot asks GET /gateway/bot, then it gets the recommended shards and max_concurrency', async () => {
  const f = await start({ recommendedShards: 4, maxConcurrency: 2 });
  const res = await fetch(`${f.apiBase}/v10/gateway/bot`, { headers: { authorization: `Bot ${f.token}` } });
  expect(await res.json()).toMatchObject({ shards: 4, session_start_limit: { max_concurrency: 2 } });
});

it('when IDENTIFY carries a malformed shard or an id outside 0…n-1, then the gateway closes with 4010', async () => {
  const f = await start();
  expect(await identifyOutcome(f, [2, 2])).toBe(4010);
  expect(await identifyOutcome(f, [-1, 2])).toBe(4010);
  expect(await identifyOutcome(f, ['0', 2])).toBe(4010);
  expect(await identifyOutcome(f, [0])).toBe(4010);
  expect(await identifyOutcome(f, [1, 2])).toBe('ready');
});

it('when one session would hold more guilds than a shard may, then it is closed with 4011; sharded it connects', async () => {
  const f = await start({ maxGuildsPerShard: 1 });
  f.addGuild('Second', guildIdOnShard(1, 2));
  expect(await identifyOutcome(f, undefined)).toBe(4011);
  expect(await identifyOutcome(f, [0, 2])).toBe('ready');
});

it('when two shards identify in the same max_concurrency bucket within 5 s, then the second gets Invalid Session', async () => {
  const clock = new AdjustableClock();
  const f = await start({ clock, maxConcurrency: 2 });
  expect(await identifyOutcome(f, [0, 4])).toBe('ready');
  expect(await identifyOutcome(f, [1, 4])).toBe('ready'); // key 1: its own bucket
  expect(await identifyOutcome(f, [2, 4])).toBe('invalid-session'); // key 0 again
  clock.advance(5_000);
  expect(await identifyOutcome(f, [2, 4])).toBe('ready');
});

it('when guilds sit on four shards, then READY, GUILD_CREATE and guild events reach only the owning shard; DMs shard 0', async () => {
  const f = await start();
  // Four guilds, one per shard of 4; two sessions of 2 shards each, so each holds two guilds.
  const guilds = [f.guild, ...[1, 2, 3].map((s) => f.addGuild(`Guild ${s}`, guildIdOnShard(s, 4)))];
  const [s0, s1] = await Promise.all([
    connectTestClient(f, { shard: [0, 2] }),
    connectTestClient(f, { shard: [1, 2] }),
  ]);
  const owner = (id: string) => Number((BigInt(id) >> 22n) % 2n);
  const readyGuilds = (c: typeof s0) =>
    c.dispatches.find((x) => x.t === 'READY')?.d.guilds.map((g: { id: string }) => g.id);
  const created = (c: typeof s0) => c.dispatches.filter((x) => x.t === 'GUILD_CREATE').map((x) => x.d.id);
  for (const [i, c] of [s0, s1].entries()) {
    const mine = guilds.filter((g) => owner(g.id) === i).map((g) => g.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(readyGuilds(c)?.sort()).toEqual([...mine].sort());
    expect(created(c).sort()).toEqual([...mine].sort());
    expect(c.dispatches.find((x) => x.t === 'READY')?.d.shard).toEqual([i, 2]);
  }
  expect(f.connectedShards.map((s) => s[0]).sort()).toEqual([0, 1]);
  for (const g of guilds) f.dispatch('INTERACTION_CREATE', { id: `i-${g.id}`, guild_id: g.id });
  f.dispatch('INTERACTION_CREATE', { id: 'i-dm', channel_id: '1' });
  await new Promise((r) => setTimeout(r, 100));
  const got = (c: typeof s0) => c.dispatches.filter((x) => x.t === 'INTERACTION_CREATE').map((x) => x.d.id);
  for (const [i, c] of [s0, s1].entries()) {
    const expected = guilds.filter((g) => owner(g.id) === i).map((g) => `i-${g.id}`);
    expect(got(c).sort()).toEqual((i === 0 ? [...expected, 'i-dm'] : expected).sort());
  }
  s0.close();
  s1.close();
});
