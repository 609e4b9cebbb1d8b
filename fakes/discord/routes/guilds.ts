// The guild as the bot may read it. resources/guild.mdx (Get Guild Member, Get Guild Roles, Get Guild Channels);
// discord.js's `guild.members.fetchMe()` uses Get Guild Member.
import { ChannelType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from '../errors.ts';
import type { RouteContext, RouteDef } from '../http.ts';

function guildOf({ fake, params }: RouteContext) {
  const guild = fake.guildById(params.guild_id);
  if (!guild) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  return guild;
}

export const guildRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/guilds/{guild_id}/members/{user_id}',
    auth: 'bot',
    rateLimit: { global: true },
    handle: (ctx) => {
      const guild = guildOf(ctx);
      const user =
        ctx.params.user_id === ctx.fake.botUser.id ? ctx.fake.botUser : ctx.fake.users.get(ctx.params.user_id ?? '');
      if (!user || ctx.fake.outsiders.has(user.id)) {
        throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
      }
      return { status: 200, payload: ctx.fake.memberPayload(user, guild.id) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/{guild_id}/roles',
    auth: 'bot',
    rateLimit: { global: true },
    handle: (ctx) => {
      const guild = guildOf(ctx);
      return { status: 200, payload: ctx.fake.permissionsFor(guild.id).rolesPayload() };
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
            permission_overwrites: ctx.fake.permissionsFor(guild.id).overwritesPayload(guild.channelId),
          },
        ],
      };
    },
  },
];
