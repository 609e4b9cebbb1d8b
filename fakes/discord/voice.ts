// Voice states: who is in which voice channel of the server. A person joins, moves or leaves; the bot hears of it
// through VOICE_STATE_UPDATE (events/gateway-events.mdx § Voice State Update: "Sent when someone joins/leaves/moves
// voice channels"; needs GUILD_VOICE_STATES, events/gateway.mdx § List of Intents) and finds the current states in
// GUILD_CREATE's `voice_states`, whose members are listed too (§ Guild Create Extra Fields and its warning).
// The voice state object's fields follow resources/voice.mdx § Voice State Object, which the local copy of the docs
// lacks; discord-openapi.json § VoiceStateResponse has the same fields and is what tests validate against.
import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { FakeDiscord } from './fake-discord.ts';
import type { FakeChannel, FakeUser, Json } from './types.ts';

export interface VoiceState {
  readonly channelId: string;
  readonly sessionId: string;
}

/** Voice goes on whether a bot is connected or not: before any bot identified there is no one to tell. */
function tell(fake: FakeDiscord, d: Json): void {
  if (fake.gateway.identified) fake.dispatch('VOICE_STATE_UPDATE', d);
}

const VOICE_TYPES: readonly ChannelType[] = [ChannelType.GuildVoice, ChannelType.GuildStageVoice];

/** A voice state object; `withGuild` false for GUILD_CREATE, whose voice states lack `guild_id`. */
export function voiceStatePayload(
  fake: FakeDiscord,
  user: FakeUser,
  channelId: string | null,
  sessionId: string,
  withGuild = true,
): Json {
  return {
    ...(withGuild ? { guild_id: fake.guild.id } : {}),
    channel_id: channelId,
    user_id: user.id,
    ...(withGuild ? { member: fake.memberPayload(user) } : {}),
    session_id: sessionId,
    deaf: false,
    mute: false,
    self_deaf: false,
    self_mute: false,
    self_stream: false,
    self_video: false,
    suppress: false,
    request_to_speak_timestamp: null,
  };
}

/** GUILD_CREATE's `voice_states`, and the members in voice it lists besides the bot. */
export function voiceStatesPayload(fake: FakeDiscord): { states: Json[]; members: Json[] } {
  const states: Json[] = [];
  const members: Json[] = [];
  for (const [userId, state] of fake.voiceStates) {
    const user = fake.users.get(userId);
    if (!user) continue;
    states.push(voiceStatePayload(fake, user, state.channelId, state.sessionId, false));
    members.push(fake.memberPayload(user));
  }
  return { states, members };
}

/**
 * `user` joins (or moves to) a voice channel, as their client would: only a voice channel of this server, and only
 * with View Channel and Connect there (topics/permissions.mdx § Bitwise Permission Flags: CONNECT "allows for joining
 * of a voice channel"). Throws what the person would see.
 */
export function joinVoice(fake: FakeDiscord, user: FakeUser, channel: FakeChannel): void {
  if (!VOICE_TYPES.includes(channel.type)) throw new Error(`#${channel.name} is not a voice channel`);
  const perms = fake.permissions.inChannel(user.id, channel.id);
  if ((perms & (P.ViewChannel | P.Connect)) !== (P.ViewChannel | P.Connect)) {
    throw new Error(`${user.username} may not connect to ${channel.name}`);
  }
  const before = fake.voiceStates.get(user.id);
  if (before?.channelId === channel.id) return;
  const state: VoiceState = { channelId: channel.id, sessionId: before?.sessionId ?? fake.ids.next() };
  fake.voiceStates.set(user.id, state);
  tell(fake, voiceStatePayload(fake, user, state.channelId, state.sessionId));
}

/** `user` leaves voice: one VOICE_STATE_UPDATE with `channel_id` null. Nothing happens if they were not in one. */
export function leaveVoice(fake: FakeDiscord, user: FakeUser): void {
  const before = fake.voiceStates.get(user.id);
  if (!before) return;
  fake.voiceStates.delete(user.id);
  tell(fake, voiceStatePayload(fake, user, null, before.sessionId));
}
