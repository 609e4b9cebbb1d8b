import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { renderSearchResults } from '../bot/render.ts';
import { UserFacingError } from '../errors.ts';
import { personalCommand } from './_shared.ts';

export const data = personalCommand('search', 'Find a film')
  .addStringOption((o) => o.setName('query').setDescription('Title or part of it').setRequired(true).setMaxLength(100))
  .addIntegerOption((o) => o.setName('year').setDescription('Release year').setMinValue(1870).setMaxValue(2100));

export const defer = 'always';
export const limit = { limit: 8, windowMs: 30_000 };

function queryOf(interaction: ChatInputCommandInteraction): string {
  const query = interaction.options.getString('query', true).trim();
  if (query.length === 0) throw UserFacingError.of('invalid_input', 'search.empty');
  return query;
}

export function validate(interaction: ChatInputCommandInteraction): void {
  queryOf(interaction);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const query = queryOf(interaction);
  const year = interaction.options.getInteger('year') ?? undefined;
  const locale = ctx.tr.locale;
  const cards = await ctx.services.catalogue.search(ctx.em, query, { year, locale });
  // When a year found nothing, say whether the year was the reason (the same words match other years).
  const otherYears =
    cards.length === 0 && year !== undefined ? await ctx.services.catalogue.search(ctx.em, query, { locale }) : [];
  ctx.logger.info({ results: cards.length, otherYears: otherYears.length }, 'searched');
  await ctx.respond.send(
    renderSearchResults(ctx.tr, query, cards, { ids: ctx.ids, owner: ctx.userId }, { year, otherYears }),
  );
}
