// The local Discord's voice states (events/gateway-events.mdx § Voice State Update, § Guild Create; events/gateway.mdx
// § List of Intents) and their intent: raw gateway clients see exactly what is sent, and the unmodified discord.js
// client keeps its voice-state cache from it.
import { Client, GatewayIntentBits } from 'discord.js';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { connectTestClient } from '../../fakes/discord/test-client.ts';
import { DiscordSpec } from '../support/discord-spec.ts';

let fake: FakeDiscord;
const spec = new DiscordSpec();
beforeEach(async () => {
  fake = await new FakeDiscord({ heartbeatIntervalMs: 500 }).start();
});
afterEach(async () => {
  await fake.stop();
});

const voiceRoom = () => fake.channel('Screening Room')!;

it('when people join, move out of and leave voice, then a GUILD_VOICE_STATES session gets one VOICE_STATE_UPDATE each, valid against the spec', async () => {
  const client = await connectTestClient(fake, {
    intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildVoiceStates,
  });
  const bob = fake.user('bob');
  fake.joinVoice(bob);
  fake.joinVoice(bob); // already there: nothing new
  fake.leaveVoice(bob);
  fake.leaveVoice(bob); // not in voice: nothing
  await vi.waitFor(() => expect(client.dispatches.filter((d) => d.t === 'VOICE_STATE_UPDATE')).toHaveLength(2));
  const [joined, left] = client.dispatches.filter((d) => d.t === 'VOICE_STATE_UPDATE').map((d) => d.d);
  expect(joined).toMatchObject({ guild_id: fake.guild.id, channel_id: voiceRoom().id, user_id: bob.id });
  expect(left).toMatchObject({ guild_id: fake.guild.id, channel_id: null, user_id: bob.id });
  expect(left.session_id).toBe(joined.session_id);
  for (const state of [joined, left]) {
    expect(spec.validate('VoiceStateResponse', state)).toEqual([]);
  }
  client.close();
});

it('when a session did not ask for GUILD_VOICE_STATES, then it gets no voice events and no voice_states in GUILD_CREATE', async () => {
  fake.joinVoice(fake.user('carol'));
  const client = await connectTestClient(fake, { intents: GatewayIntentBits.Guilds });
  fake.joinVoice(fake.user('bob'));
  fake.dispatch('INTERACTION_PING_MARKER', {}); // an event under no intent still arrives, after the voice one would
  await vi.waitFor(() => expect(client.dispatches.some((d) => d.t === 'INTERACTION_PING_MARKER')).toBe(true));
  expect(client.dispatches.some((d) => d.t === 'VOICE_STATE_UPDATE')).toBe(false);
  const guild = client.dispatches.find((d) => d.t === 'GUILD_CREATE')!.d;
  expect(guild.voice_states).toEqual([]);
  client.close();
});

it('when the bot connects while people are in voice, then GUILD_CREATE lists their states (without guild_id) and members, and discord.js sees them and later moves', async () => {
  const carol = fake.user('carol');
  fake.joinVoice(carol);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
    rest: { api: fake.apiBase },
  });
  try {
    await client.login(fake.token);
    const guild = client.guilds.cache.get(fake.guild.id)!;
    await vi.waitFor(() => expect(guild.voiceStates.cache.get(carol.id)?.channelId).toBe(voiceRoom().id));
    const created = fake.frames.find((f) => f.t === 'GUILD_CREATE')!.d;
    expect(created.voice_states[0]).not.toHaveProperty('guild_id');
    expect(created.members.map((m: { user: { id: string } }) => m.user.id)).toContain(carol.id);
    expect(guild.channels.cache.get(voiceRoom().id)?.isVoiceBased()).toBe(true);
    fake.leaveVoice(carol);
    await vi.waitFor(() => expect(guild.voiceStates.cache.get(carol.id)?.channelId ?? null).toBeNull());
  } finally {
    await client.destroy();
  }
});

it('when someone may not connect to the voice channel, then their client cannot join it', () => {
  const room = voiceRoom();
  fake.permissions.setOverwrite(room.id, { id: fake.guild.id, type: 0, allow: 0n, deny: 1n << 20n });
  expect(() => fake.joinVoice(fake.user('dan'))).toThrow(/may not connect/);
  expect(() => fake.joinVoice(fake.user('dan'), '#announcements')).toThrow(/not a voice channel/);
  expect(fake.voiceStates.size).toBe(0);
});
