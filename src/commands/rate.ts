import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { AutocompleteContext, InteractionContext } from '../bot/command.ts';
import { movieChoices, resolveMovie } from '../bot/movies.ts';
import { renderRatingChange } from '../bot/render.ts';
import { setRating, validateStars } from '../services/rating-service.ts';
import { movieOption, personalCommand } from './_shared.ts';

const STAR_CHOICES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5].map((s) => ({
  name: `${'★'.repeat(Math.floor(s))}${s % 1 ? '½' : ''} ${s}`,
  value: s,
}));

export const data = personalCommand('rate', 'Rate a film from 0.5 to 5 stars')
  .addStringOption(movieOption)
  .addNumberOption((o) =>
    o
      .setName('stars')
      .setDescription('0.5 to 5 in half steps')
      .setRequired(true)
      .addChoices(...STAR_CHOICES),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const stars = validateStars(interaction.options.getNumber('stars', true));
  const movie = await resolveMovie(ctx, interaction.options.getString('movie', true));
  const change = await setRating(ctx.em, ctx.userId, movie.id, stars);
  ctx.logger.info({ movieId: movie.id, previous: change.previous, current: change.current }, 'rated');
  await ctx.respond.send(renderRatingChange(ctx.tr, change, { ids: ctx.ids, owner: ctx.userId }));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: AutocompleteContext) {
  return movieChoices(ctx, String(interaction.options.getFocused()));
}
