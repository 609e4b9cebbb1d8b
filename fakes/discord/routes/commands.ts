// Application commands. interactions/application-commands.mdx (Get/Bulk Overwrite Global and Guild Application
// Commands).
import { ApplicationCommandType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from '../errors.ts';
import type { FakeDiscord } from '../fake-discord.ts';
import type { RouteContext, RouteDef } from '../http.ts';
import type { Json } from '../types.ts';
import { validateCommands } from '../validation/commands.ts';

function scope({ fake, params }: RouteContext): string {
  if (params.application_id !== fake.appId)
    throw new DiscordHttpError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
  return params.guild_id ?? 'global';
}

function saveCommand(fake: FakeDiscord, c: Json, guildId: string | undefined): Json {
  const previous = (fake.commands.get(guildId ?? 'global') ?? []).find((x: Json) => x.name === c.name);
  return {
    ...c,
    id: previous?.id ?? fake.ids.next(),
    application_id: fake.appId,
    ...(guildId ? { guild_id: guildId } : {}),
    type: c.type ?? ApplicationCommandType.ChatInput,
    version: fake.ids.next(),
    // Requests carry an integer (per the spec), responses a string.
    default_member_permissions: c.default_member_permissions == null ? null : String(c.default_member_permissions),
    nsfw: c.nsfw ?? false,
  };
}

function list(ctx: RouteContext) {
  return { status: 200, payload: ctx.fake.commands.get(scope(ctx)) ?? [] };
}

function overwrite(ctx: RouteContext) {
  const key = scope(ctx);
  validateCommands(ctx.body);
  const saved = ctx.body.map((c: Json) => saveCommand(ctx.fake, c, ctx.params.guild_id));
  ctx.fake.commands.set(key, saved);
  ctx.fake.emit('commands', key, saved);
  return { status: 200, payload: saved };
}

const limited = { global: true } as const;
const global = '/applications/{application_id}/commands';
const guild = '/applications/{application_id}/guilds/{guild_id}/commands';

export const commandRoutes: RouteDef[] = [
  { method: 'GET', path: global, auth: 'bot', rateLimit: limited, handle: list },
  { method: 'PUT', path: global, auth: 'bot', rateLimit: limited, handle: overwrite },
  { method: 'GET', path: guild, auth: 'bot', rateLimit: limited, handle: list },
  { method: 'PUT', path: guild, auth: 'bot', rateLimit: limited, handle: overwrite },
];
