// The local Discord's scheduled events (discord-openapi.json /guilds/{guild_id}/scheduled-events; Manage Events per
// topics/permissions.mdx), with the test playing the bot over raw HTTP.
import { GatewayIntentBits } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { connectTestClient, type TestGatewayClient } from '../../fakes/discord/test-client.ts';

let fake: FakeDiscord;
let client: TestGatewayClient;

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.apiBase}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bot ${fake.token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const external = {
  name: 'Movie night: Heat',
  privacy_level: 2,
  entity_type: 3,
  scheduled_start_time: '2026-12-05T20:30:00.000Z',
  scheduled_end_time: '2026-12-05T23:20:00.000Z',
  entity_metadata: { location: "Sam's place" },
};

beforeEach(async () => {
  fake = await new FakeDiscord().start();
  client = await connectTestClient(fake, {
    intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildScheduledEvents,
  });
});
afterEach(async () => {
  client.close();
  await fake.stop();
});

describe('scheduled events on the local Discord', () => {
  const events = () => `/guilds/${fake.guild.id}/scheduled-events`;

  it('when the bot lacks Manage Events, then creating one is 403 50013', async () => {
    for (const roleId of fake.permissions.rolesOf(fake.botUser.id)) {
      const role = fake.permissions.roles.get(roleId);
      if (role) role.permissions &= ~(1n << 33n);
    }
    const res = await call('POST', events(), external);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(50013);
  });

  it("with Manage Events (the bot's invite role): bad bodies are 50035, an event is created, moved, cancelled once and deleted", async () => {
    const bad = await call('POST', events(), { ...external, name: '', entity_metadata: {}, scheduled_end_time: null });
    expect(bad.body.code).toBe(50035);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['entity_metadata', 'name', 'scheduled_end_time']);
    const created = await call('POST', events(), external);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 1, entity_type: 3, entity_metadata: { location: "Sam's place" } });
    const path = `${events()}/${created.body.id}`;
    const moved = await call('PATCH', path, { scheduled_start_time: '2026-12-06T20:30:00.000Z' });
    expect(moved.body.scheduled_start_time).toBe('2026-12-06T20:30:00.000Z');
    expect((await call('PATCH', path, { status: 4 })).body.status).toBe(4);
    expect((await call('PATCH', path, { status: 2 })).status).toBe(400);
    expect((await call('DELETE', path)).status).toBe(204);
    expect((await call('GET', path)).body.code).toBe(10070);
    const eventKinds = () => client.dispatches.map((d) => d.t).filter((t) => t.startsWith('GUILD_SCHEDULED_EVENT'));
    while (eventKinds().length < 4) await new Promise((r) => client.ws.once('message', r));
    const kinds = eventKinds();
    expect(kinds).toEqual([
      'GUILD_SCHEDULED_EVENT_CREATE',
      'GUILD_SCHEDULED_EVENT_UPDATE',
      'GUILD_SCHEDULED_EVENT_UPDATE',
      'GUILD_SCHEDULED_EVENT_DELETE',
    ]);
  });
});
