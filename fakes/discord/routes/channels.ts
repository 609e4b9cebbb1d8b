// resources/channel.mdx § Get Channel
import { ChannelType } from 'discord-api-types/v10';
import type { RouteDef } from '../http.ts';

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
          : {
              id: channelId,
              type: ChannelType.GuildText,
              guild_id: fake.guildOfChannel(channelId)?.id,
              name: 'movie-night',
              position: 0,
            },
      };
    },
  },
];
