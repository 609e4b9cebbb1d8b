// /similar movie: films like one you name, each with why ("fans of Heat gave it 4.4★", "same director").
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { AutocompleteContext, InteractionContext } from '../bot/command.ts';
import { movieChoices, resolveMovie } from '../bot/movies.ts';
import { renderSimilar } from '../bot/similar-render.ts';
import { UserFacingError } from '../errors.ts';
import { movieOption, personalCommand } from './_shared.ts';

export const data = personalCommand('similar', 'Films like one you name, each with a reason').addStringOption(
  movieOption,
);

export const defer = 'always';
export const limit = { limit: 5, windowMs: 60_000 };

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const movie = await resolveMovie(ctx, interaction.options.getString('movie', true));
  const result = await ctx.services.recommendations.similar(ctx.em, ctx.userId, movie.id, {
    count: 5,
    guildId: ctx.guildId,
  });
  if (!result) {
    throw UserFacingError.of('not_found', 'similar.unknown_seed', { title: movie.title });
  }
  ctx.logger.info({ movieId: movie.id, picks: result.picks.length }, 'similar shown');
  // Where to stream is the asker's: their region, their services (nothing without a region).
  const where = await ctx.services.streaming?.whereToWatch(
    ctx.em,
    ctx.userId,
    result.picks.slice(0, 5).map((p) => p.movieId),
  );
  await ctx.respond.send(renderSimilar(ctx.tr, result, { ids: ctx.ids, owner: ctx.userId }, where));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: AutocompleteContext) {
  return movieChoices(ctx, String(interaction.options.getFocused()));
}
