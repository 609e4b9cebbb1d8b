// The local Discord's gateway rules (events/gateway.mdx; topics/opcodes-and-status-codes.mdx § Gateway) and nonce
// memory, with raw WebSocket clients so every close code is visible.
import { Client, GatewayIntentBits } from 'discord.js';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { AdjustableClock, FakeDiscord } from '../../fakes/discord/index.ts';
import { connectTestClient } from '../../fakes/discord/test-client.ts';

let fake: FakeDiscord;
let clock: AdjustableClock;
beforeEach(async () => {
  clock = new AdjustableClock();
  fake = await new FakeDiscord({ clock, heartbeatIntervalMs: 100 }).start();
});
afterEach(async () => {
  await fake.stop();
});

/** Opens a socket, runs `afterHello` once HELLO arrives, and resolves with the close code. */
function closeCodeOf(afterHello: (send: (op: number, d: unknown) => void) => void, query = '?v=10&encoding=json') {
  const ws = new WebSocket(`${fake.gatewayUrl}/${query}`);
  const send = (op: number, d: unknown) => ws.send(JSON.stringify({ op, d }));
  return new Promise<number>((resolve) => {
    ws.on('message', (raw) => {
      if (JSON.parse(String(raw)).op === 10) afterHello(send);
    });
    ws.on('close', (code) => resolve(code));
  });
}
const identify = { token: 'fake-discord-token', intents: 1, properties: { os: 'linux', browser: 't', device: 't' } };

it('when a client asks for gateway v8, then it is closed with 4012', async () => {
  expect(await closeCodeOf(() => {}, '?v=8&encoding=json')).toBe(4012);
});

it('when a client sends a presence update before identifying, then it is closed with 4003', async () => {
  expect(await closeCodeOf((send) => send(3, { status: 'online', activities: [], since: null, afk: false }))).toBe(
    4003,
  );
});

it('when a client identifies twice on one connection, then it is closed with 4005', async () => {
  expect(
    await closeCodeOf((send) => {
      send(2, identify);
      send(2, identify);
    }),
  ).toBe(4005);
});

it('when a client sends more than 120 payloads in 60 s, then it is closed with 4008', async () => {
  const client = await connectTestClient(fake);
  const presence = JSON.stringify({ op: 3, d: { status: 'online', activities: [], since: null, afk: false } });
  for (let i = 0; i < 119; i++) client.ws.send(presence); // with IDENTIFY: 120
  await vi.waitFor(() => expect(fake.frames.filter((f) => f.dir === 'in' && f.op === 3).length).toBe(119));
  clock.advance(60_001); // a new minute: the earlier ones no longer count
  for (let i = 0; i < 121; i++) client.ws.send(presence);
  expect(await client.closed).toBe(4008);
  expect(fake.frames.filter((f) => f.dir === 'in' && f.op === 3).length).toBe(239);
});

it('when a client stops heartbeating, then the zombie connection is closed so it must resume', async () => {
  const client = await connectTestClient(fake, { heartbeat: false });
  expect(await client.closed).toBe(4000);
  expect(fake.stats.zombieCloses).toBe(1);
});

it('when a client resumes from a sequence it never received, then it is closed with 4007', async () => {
  const first = await connectTestClient(fake);
  const sessionId = first.dispatches.find((d) => d.t === 'READY')?.d.session_id;
  first.ws.terminate();
  expect(await closeCodeOf((send) => send(6, { token: fake.token, session_id: sessionId, seq: 999 }))).toBe(4007);
});

it('when Discord sends op 7 Reconnect, then discord.js reconnects and resumes the same session', async () => {
  fake.heartbeatIntervalMs = 41_250;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
  try {
    await client.login(fake.token);
    await fake.whenReady();
    const resumed = fake.waitForResume();
    fake.requestReconnect();
    await resumed;
    expect(fake.stats.identifies).toBe(1);
    expect(fake.stats.resumes).toBe(1);
  } finally {
    await client.destroy();
  }
});

it('when a message is retried with enforce_nonce, then it is deduplicated for a few minutes, not forever', async () => {
  const post = async () => {
    const res = await fetch(`${fake.apiBase}/v10/channels/${fake.guild.channelId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bot ${fake.token}` },
      body: JSON.stringify({ content: 'weekly digest', nonce: 'w48', enforce_nonce: true }),
    });
    return ((await res.json()) as { id: string }).id;
  };
  const first = await post();
  clock.advance(60_000);
  expect(await post()).toBe(first);
  clock.advance(10 * 60_000);
  expect(await post()).not.toBe(first);
});
