// The bot's services for a test that drives only commands over the database: the catalogue answers autocomplete with
// nothing and titles with none, and every other TMDB or recommender call fails loudly, so a test that reaches one
// is visibly wrong.
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { FakeDiscord, type FakeDiscordOptions } from '../../fakes/discord/index.ts';
import { type BotOptions, createBot } from '../../src/bot/client.ts';
import type { Command } from '../../src/bot/command.ts';
import type { BotServices } from '../../src/bot/context.ts';
import type { Orm } from '../../src/db.ts';
import type { Logger } from '../../src/logger.ts';

export function databaseOnlyServices(orm: Orm, logger: Logger): BotServices {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return {
    orm,
    logger,
    catalogue: {
      search: unused,
      autocomplete: async () => [],
      titlesFor: async () => new Map(),
      ensureMovie: unused,
      getDetails: unused,
      popular: unused,
    },
    recommendations: { recommend: unused, needsOnboarding: unused, similar: unused, recommendForGroup: unused },
    clock: () => new Date(),
  };
}

/**
 * Runs `run` against a started local Discord and a bot with only `commands` registered, over `services`; stops both
 * afterwards whatever happens.
 */
export async function withCommandBot(
  opts: {
    discord?: FakeDiscordOptions;
    services: BotServices;
    commands: Command[];
    bot?: Pick<BotOptions, 'autoDeferMs' | 'deadlineMs'>;
  },
  run: (d: FakeDiscord) => Promise<void>,
): Promise<void> {
  const d = await new FakeDiscord(opts.discord).start();
  const bot = createBot({
    services: opts.services,
    token: d.token,
    apiUrl: d.apiBase,
    commands: opts.commands,
    ...opts.bot,
  });
  try {
    await new REST({ api: d.apiBase })
      .setToken(d.token)
      .put(Routes.applicationCommands(d.appId), { body: opts.commands.map((c) => c.data.toJSON()) });
    await bot.start();
    await run(d);
  } finally {
    await bot.stop();
    await d.stop();
  }
}
