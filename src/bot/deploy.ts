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
