// The guild as the bot may read it. resources/guild.mdx (Get Guild Member, Get Guild Roles, Get Guild Channels);
// discord.js's `guild.members.fetchMe()` uses Get Guild Member.
import { ChannelType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from '../errors.ts';
import type { RouteContext, RouteDef } from '../http.ts';

function guildOf({ fake, params }: RouteContext) {
  if (params.guild_id !== fake.guild.id)
    throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  return fake.guild;
}

export const guildRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/guilds/{guild_id}/members/{user_id}',
    auth: 'bot',
    rateLimit: { global: true },
    handle: (ctx) => {
      guildOf(ctx);
      const user =
        ctx.params.user_id === ctx.fake.botUser.id ? ctx.fake.botUser : ctx.fake.users.get(ctx.params.user_id ?? '');
      if (!user || ctx.fake.outsiders.has(user.id)) {
        throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
      }
      return { status: 200, payload: ctx.fake.memberPayload(user) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/{guild_id}/roles',
    auth: 'bot',
    rateLimit: { global: true },
    handle: (ctx) => {
      guildOf(ctx);
      return { status: 200, payload: ctx.fake.permissions.rolesPayload() };
    },
  },
  {
    method: 'GET',
    path: '/guilds/{guild_id}/channels',
    auth: 'bot',
    rateLimit: { global: true },
    handle: (ctx) => {
      const guild = guildOf(ctx);
      return {
        status: 200,
        payload: [
          {
            id: guild.channelId,
            type: ChannelType.GuildText,
            guild_id: guild.id,
            name: 'movie-night',
            position: 0,
            permission_overwrites: ctx.fake.permissions.overwritesPayload(guild.channelId),
          },
        ],
      };
    },
  },
];
