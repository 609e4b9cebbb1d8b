// resources/channel.mdx § Get Channel
import { ChannelType } from 'discord-api-types/v10';
import type { FakeDiscord } from '../fake-discord.ts';
import type { RouteDef } from '../http.ts';
import type { Json } from '../types.ts';

/** A server channel as GUILD_CREATE lists it (type, name, permission overwrites). */
function channelOf(fake: FakeDiscord, channelId: string): Json {
  const guild = fake.guildOfChannel(channelId) ?? fake.guild;
  const listed = (fake.guildPayload(guild).channels as Json[]).find((c) => c.id === channelId);
  return listed ?? { id: channelId, type: ChannelType.GuildText, guild_id: guild.id, name: 'movie-night', position: 0 };
}

export const channelRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/channels/{channel_id}',
    auth: 'bot',
    handle: ({ fake, params }) => {
      const channelId = fake.requireChannel(params.channel_id ?? '');
      const dmUser = fake.userForDm(channelId);
      return {
        status: 200,
        payload: dmUser
          ? { id: channelId, type: ChannelType.DM, recipients: [dmUser], last_message_id: null, flags: 0 }
          : channelOf(fake, channelId),
      };
    },
  },
];
