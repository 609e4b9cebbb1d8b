// Registers the slash commands: in one server while developing (instant), globally in production (may take a while
// to reach every client). A bulk PUT replaces the whole list, so removed commands disappear too.
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { commandsJson } from '../commands/index.ts';

export interface DeployOptions {
  readonly token: string;
  readonly appId: string;
  readonly guildId?: string;
  readonly apiUrl?: string;
}

export async function deployCommands(opts: DeployOptions): Promise<{ scope: string; names: string[] }> {
  const rest = new REST(opts.apiUrl ? { api: opts.apiUrl } : {}).setToken(opts.token);
  const body = commandsJson();
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.appId, opts.guildId)
    : Routes.applicationCommands(opts.appId);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return { scope: opts.guildId ? `guild ${opts.guildId}` : 'global', names: saved.map((c) => c.name) };
}

/**
 * What a deploy means for where people can use Marquee, printed after it. Guild commands exist only in that server:
 * Discord never offers them in DMs or through a user install (developers/interactions/application-commands.mdx,
 * "Contexts"; personal commands declare `contexts` and `integration_types` for that, which only global commands use).
 */
export function deployNotes(scope: { guildId?: string | undefined }): string[] {
  if (scope.guildId) {
    return [
      `These commands exist only in server ${scope.guildId}, where they appear at once. They are not offered in DMs`,
      'with Marquee, nor to people who installed Marquee to their account: guild commands never are. Deploy globally',
      '(`npm run commands:deploy -- --global`) for personal commands in DMs.',
    ];
  }
  return [
    'Global commands: every server Marquee is in, DMs with the bot and, for people who add Marquee to their account,',
    'any DM or server. That last part needs User Install enabled (Developer Portal → your app → Installation →',
    'Installation Contexts → User Install, with the applications.commands scope); without it only servers and DMs',
    'with the bot get them. /config stays a server command for people with Manage Server.',
  ];
}
