// The local Discord's own behaviour, through @discordjs/rest and a raw WebSocket: rate limits, DMs, gateway rules.
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AdjustableClock, FakeDiscord } from '../../fakes/discord/index.ts';
import { connectTestClient } from '../../fakes/discord/test-client.ts';

let fake: FakeDiscord;
let rest: REST;
beforeEach(async () => {
  fake = await new FakeDiscord({
    rateLimits: { globalPerSecond: 5, routeRule: { limit: 50, windowMs: 1_000 } },
  }).start();
  rest = new REST({ api: fake.apiBase, retries: 2 }).setToken(fake.token);
});
afterEach(async () => {
  await fake.stop();
});

it('when a client exceeds the global limit, then it gets 429s with retry_after, backs off, and every message arrives', async () => {
  const channel = fake.guild.channelId;
  await Promise.all(
    Array.from({ length: 8 }, (_, i) => rest.post(Routes.channelMessages(channel), { body: { content: `m${i}` } })),
  );
  expect(fake.channelMessages(channel)).toHaveLength(8);
  expect(fake.rateLimiter.limited.some((l) => l.global)).toBe(true);
  const limited = fake.requests.find((r) => r.status === 429);
  expect(limited).toBeDefined();
});

it('when a response is sent, then it carries X-RateLimit headers', async () => {
  const res = await fetch(`${fake.apiBase}/v10/channels/${fake.guild.channelId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ content: 'hi' }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('x-ratelimit-limit')).toBe('50');
  expect(res.headers.get('x-ratelimit-remaining')).toBe('49');
  expect(res.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{8}$/);
});

it('when the bot DMs a user, then a DM channel is created; a user with DMs closed answers 50007', async () => {
  const ann = fake.user('ann');
  const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: ann.id } })) as {
    id: string;
    type: number;
  };
  expect(dm.type).toBe(1);
  await rest.post(Routes.channelMessages(dm.id), { body: { content: 'your picks' } });
  expect(fake.dmsTo(ann.id).map((m) => m.content)).toEqual(['your picks']);
  fake.dmsClosed.add(ann.id);
  await expect(rest.post(Routes.channelMessages(dm.id), { body: { content: 'again' } })).rejects.toMatchObject({
    code: 50007,
    status: 403,
  });
});

it('when a request has a wrong token, then it is 401; an unknown interaction callback is 10062', async () => {
  const bad = new REST({ api: fake.apiBase, retries: 0 }).setToken('wrong');
  await expect(bad.get(Routes.gatewayBot())).rejects.toMatchObject({ status: 401 });
  await expect(
    rest.post(Routes.interactionCallback('1', 'nope'), { body: { type: 4, data: { content: 'x' } }, auth: false }),
  ).rejects.toMatchObject({ code: 10062 });
});

it('when a client asks for a privileged intent, then the gateway closes with 4014', async () => {
  const ws = new WebSocket(`${fake.gatewayUrl}/?v=10&encoding=json`);
  const code = await new Promise<number>((resolve) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.op === 10)
        ws.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: (1 << 0) | (1 << 15), properties: {} } }));
    });
    ws.on('close', (c) => resolve(c));
  });
  expect(code).toBe(4014);
});

describe('invalid requests and special limits', () => {
  it('when requests are answered 401, 403 or 429, then they are counted against 10,000 per 10 minutes; shared 429s are not', async () => {
    const clock = new AdjustableClock();
    const f = await new FakeDiscord({ clock }).start();
    try {
      const call = (path: string, token = f.token) =>
        fetch(`${f.apiBase}/v10${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bot ${token}` },
          body: JSON.stringify({ content: 'hi' }),
        });
      expect((await call(`/channels/${f.guild.channelId}/messages`, 'wrong')).status).toBe(401);
      f.permissions.setOverwrite(f.guild.channelId, {
        id: f.permissions.botRoleId,
        type: OverwriteType.Role,
        allow: 0n,
        deny: PermissionFlagsBits.SendMessages,
      });
      expect((await call(`/channels/${f.guild.channelId}/messages`)).status).toBe(403);
      f.rateLimiter.exhaustShared(`POST /channels/${f.guild.channelId}/messages`, 5_000);
      const shared = await call(`/channels/${f.guild.channelId}/messages`);
      expect(shared.status).toBe(429);
      expect(shared.headers.get('x-ratelimit-scope')).toBe('shared');
      expect(f.invalidRequests.count()).toBe(2);
      expect(f.invalidRequests.banned).toBe(false);
      clock.advance(10 * 60_000 + 1);
      expect(f.invalidRequests.count()).toBe(0);
    } finally {
      await f.stop();
    }
  });

  it('when the global limit is spent, then interaction webhooks still work, limited per webhook and token instead', async () => {
    const f = await new FakeDiscord({ rateLimits: { globalPerSecond: 1 } }).start();
    const client = await connectTestClient(f);
    try {
      f.commands.set(f.guild.id, [{ id: '1', type: 1, name: 'pick', description: 'Pick' }]);
      f.command(f.user('ann'), 'pick');
      const s = [...f.interactions.values()][0];
      if (!s) throw new Error('no interaction');
      const url = `${f.apiBase}/v10/webhooks/${f.appId}/${s.token}`;
      const post = (content: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content }),
        });
      await fetch(`${f.apiBase}/v10/interactions/${s.id}/${s.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'hi' } }),
      });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(`f${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(f.rateLimiter.limited.every((l) => !l.global)).toBe(true);
    } finally {
      client.close();
      await f.stop();
    }
  });
});
