// What a session receives depends on the intents it identified with (events/gateway.mdx § Gateway Intents: "If you do
// not specify an intent when identifying, you will not receive *any* of the Gateway events associated with that
// intent"; § Caveats: Guild Create is uniquely affected by intents). Events listed under no intent (READY, RESUMED,
// INTERACTION_CREATE) always go out.
import { GatewayIntentBits as I } from 'discord-api-types/v10';
import type { Json } from './types.ts';

/** events/gateway.mdx § List of Intents: the intent an event needs, in a server and in a DM. */
const EVENT_INTENTS: Readonly<Record<string, { guild: number; dm: number }>> = {
  GUILD_CREATE: { guild: I.Guilds, dm: I.Guilds },
  GUILD_UPDATE: { guild: I.Guilds, dm: I.Guilds },
  GUILD_DELETE: { guild: I.Guilds, dm: I.Guilds },
  CHANNEL_CREATE: { guild: I.Guilds, dm: I.Guilds },
  CHANNEL_UPDATE: { guild: I.Guilds, dm: I.Guilds },
  CHANNEL_DELETE: { guild: I.Guilds, dm: I.Guilds },
  VOICE_STATE_UPDATE: { guild: I.GuildVoiceStates, dm: I.GuildVoiceStates },
  VOICE_CHANNEL_EFFECT_SEND: { guild: I.GuildVoiceStates, dm: I.GuildVoiceStates },
  MESSAGE_CREATE: { guild: I.GuildMessages, dm: I.DirectMessages },
  MESSAGE_UPDATE: { guild: I.GuildMessages, dm: I.DirectMessages },
  MESSAGE_DELETE: { guild: I.GuildMessages, dm: I.DirectMessages },
  MESSAGE_POLL_VOTE_ADD: { guild: I.GuildMessagePolls, dm: I.DirectMessagePolls },
  MESSAGE_POLL_VOTE_REMOVE: { guild: I.GuildMessagePolls, dm: I.DirectMessagePolls },
  GUILD_SCHEDULED_EVENT_CREATE: { guild: I.GuildScheduledEvents, dm: I.GuildScheduledEvents },
  GUILD_SCHEDULED_EVENT_UPDATE: { guild: I.GuildScheduledEvents, dm: I.GuildScheduledEvents },
  GUILD_SCHEDULED_EVENT_DELETE: { guild: I.GuildScheduledEvents, dm: I.GuildScheduledEvents },
};

/**
 * The event as a session with `intents` receives it, or null when it receives none of it. GUILD_CREATE's
 * `voice_states` come with GUILD_VOICE_STATES only: they are the state that intent's VOICE_STATE_UPDATE events keep
 * current.
 */
export function forIntents(intents: number, t: string, d: Json): Json | null {
  const need = EVENT_INTENTS[t];
  if (need && (intents & (d?.guild_id || t.startsWith('GUILD_') ? need.guild : need.dm)) === 0) return null;
  if (t === 'GUILD_CREATE' && (intents & I.GuildVoiceStates) === 0 && d.voice_states?.length) {
    return { ...d, voice_states: [] };
  }
  return d;
}
