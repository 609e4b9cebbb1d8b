// npm run commands:deploy [-- --guild ID]: registers Marquee's slash commands with Discord.
// With --guild (or DISCORD_DEV_GUILD_ID) they appear in that server at once; without, globally.
import { parseArgs } from 'node:util';
import { deployCommands, deployNotes } from '../src/bot/deploy.ts';
import { ConfigError, loadConfig, readEnv } from '../src/config.ts';

const { values } = parseArgs({ options: { guild: { type: 'string' }, global: { type: 'boolean' } } });
try {
  const config = loadConfig(readEnv(), { discord: true });
  const guildId = values.global ? undefined : (values.guild ?? config.discord.devGuildId);
  if (guildId !== undefined && !/^\d{17,20}$/.test(guildId)) throw new ConfigError(['--guild must be a Discord id']);
  const result = await deployCommands({
    token: config.discord.token ?? '',
    appId: config.discord.appId ?? '',
    guildId,
    apiUrl: config.discord.apiUrl,
  });
  process.stdout.write(`Registered ${result.names.length} commands (${result.names.join(', ')}) ${result.scope}.\n`);
  process.stdout.write(`${deployNotes({ guildId }).join('\n')}\n`);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\nSee .env.example.\n`);
    process.exit(78);
  }
  process.stderr.write(`Could not register commands: ${(err as Error).message}\n`);
  process.exit(1);
}
