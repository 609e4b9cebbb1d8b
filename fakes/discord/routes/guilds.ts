// The guild as the bot may read it. resources/guild.mdx (Get Guild, Get Guild Member, Get Guild Roles, Get Guild
// Channels; not in the local copy of the docs: discord-openapi.json /guilds/{guild_id}...); discord.js's
// `guild.members.fetchMe()` uses Get Guild Member, `npm run doctor` Get Guild for the roles.
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from '../errors.ts';
import type { RouteContext, RouteDef } from '../http.ts';

function guildOf({ fake, params }: RouteContext) {
  const guild = fake.guildById(params.guild_id);
  if (!guild) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  return guild;
}

/** GUILD_CREATE's fields that the guild object itself does not have (events/gateway-events.mdx § Guild Create). */
const GATEWAY_ONLY = [
  'joined_at',
  'large',
  'unavailable',
  'member_count',
  'voice_states',
  'members',
  'channels',
  'threads',
  'presences',
  'stage_instances',
  'guild_scheduled_events',
];

export const guildRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/guilds/{guild_id}',
    auth: 'bot',
    rateLimit: { global: true },
    handle: (ctx) => {
      const guild = guildOf(ctx);
      const payload = { ...ctx.fake.guildPayload(guild) };
      for (const key of GATEWAY_ONLY) delete payload[key];
      return { status: 200, payload };
    },
  },
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
      return { status: 200, payload: ctx.fake.guildPayload(guild).channels };
    },
  },
];
