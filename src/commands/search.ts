import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { renderSearchResults } from '../bot/render.ts';
import { personalCommand } from './_shared.ts';

export const data = personalCommand('search', 'Find a film')
  .addStringOption((o) => o.setName('query').setDescription('Title or part of it').setRequired(true).setMaxLength(100))
  .addIntegerOption((o) => o.setName('year').setDescription('Release year').setMinValue(1870).setMaxValue(2100));

export const defer = 'always';
export const limit = { limit: 8, windowMs: 30_000 };

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const query = interaction.options.getString('query', true).trim();
  const year = interaction.options.getInteger('year') ?? undefined;
  const cards = await ctx.services.catalogue.search(ctx.em, query, { year });
  ctx.logger.info({ results: cards.length }, 'searched');
  await ctx.respond.send(renderSearchResults(query, cards, { ids: ctx.ids, owner: ctx.userId }));
}
