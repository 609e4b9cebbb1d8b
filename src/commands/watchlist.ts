// /watchlist: the films you mean to see. Rating or logging a film takes it off; picks never repeat it.
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { AutocompleteContext, InteractionContext } from '../bot/command.ts';
import { movieChoices, resolveMovie } from '../bot/movies.ts';
import { renderWatchlist, renderWatchlistChange } from '../bot/render.ts';
import { addToWatchlist, listWatchlist, removeFromWatchlist } from '../services/watchlist-service.ts';
import { movieOption, personalCommand } from './_shared.ts';

export const PAGE_SIZE = 10;

export const data = personalCommand('watchlist', 'Films you mean to see')
  .addSubcommand((s) => s.setName('add').setDescription('Add a film to your watchlist').addStringOption(movieOption))
  .addSubcommand((s) => s.setName('list').setDescription('Show your watchlist'))
  .addSubcommand((s) =>
    s.setName('remove').setDescription('Take a film off your watchlist').addStringOption(movieOption),
  );

export const ephemeral = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const sub = interaction.options.getSubcommand(true);
  if (sub === 'list') {
    await ctx.respond.send(await watchlistView(ctx, ctx.userId, ctx.userName, 1));
    return;
  }
  const movie = await resolveMovie(ctx, interaction.options.getString('movie', true));
  const change =
    sub === 'add'
      ? await addToWatchlist(ctx.em, ctx.userId, movie.id, { source: 'command' })
      : await removeFromWatchlist(ctx.em, ctx.userId, movie.id);
  ctx.logger.info({ movieId: movie.id, sub, changed: change.changed }, 'watchlist');
  await ctx.respond.send(renderWatchlistChange(ctx.tr, change, 'command'));
}

export async function watchlistView(ctx: InteractionContext, targetId: string, targetName: string, page: number) {
  const list = await listWatchlist(ctx.em, targetId, { page, pageSize: PAGE_SIZE });
  return renderWatchlist(
    ctx.tr,
    list,
    { targetId, targetName, self: targetId === ctx.userId },
    { ids: ctx.ids, owner: ctx.userId },
  );
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: AutocompleteContext) {
  return movieChoices(ctx, String(interaction.options.getFocused()));
}
