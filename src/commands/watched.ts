import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { AutocompleteContext, InteractionContext } from '../bot/command.ts';
import { movieChoices, resolveMovie } from '../bot/movies.ts';
import { renderWatchedChange, renderWatchedList, renderWatchedRemoved } from '../bot/render.ts';
import { UserFacingError } from '../errors.ts';
import { canSee } from '../services/privacy-service.ts';
import { setRating, validateStars } from '../services/rating-service.ts';
import { addWatched, listWatched, removeWatched } from '../services/watched-service.ts';
import { movieOption, personalCommand } from './_shared.ts';

export const PAGE_SIZE = 10;

export const data = personalCommand('watched', 'Your log of films you have seen')
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Log a film you watched')
      .addStringOption(movieOption)
      .addStringOption((o) =>
        o.setName('date').setDescription('When: 2024-05-31, today or yesterday (default today)').setMaxLength(10),
      )
      .addNumberOption((o) =>
        o.setName('stars').setDescription('Rate it too: 0.5 to 5').setMinValue(0.5).setMaxValue(5),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('list')
      .setDescription('Show a watch log')
      .addUserOption((o) => o.setName('user').setDescription('Whose log (default: yours)')),
  )
  .addSubcommand((s) => s.setName('remove').setDescription('Take a film off your log').addStringOption(movieOption));

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const sub = interaction.options.getSubcommand(true);
  if (sub === 'add') {
    const starsOpt = interaction.options.getNumber('stars');
    const stars = starsOpt === null ? null : validateStars(starsOpt);
    const movie = await resolveMovie(ctx, interaction.options.getString('movie', true));
    const change = await addWatched(ctx.em, ctx.userId, movie.id, {
      date: interaction.options.getString('date'),
      now: ctx.services.clock(),
    });
    const rating = stars === null ? null : await setRating(ctx.em, ctx.userId, movie.id, stars);
    ctx.logger.info({ movieId: movie.id, watchedOn: change.watchedOn }, 'watched');
    await ctx.respond.send(renderWatchedChange(ctx.tr, change, rating));
  } else if (sub === 'remove') {
    const movie = await resolveMovie(ctx, interaction.options.getString('movie', true));
    const removed = await removeWatched(ctx.em, ctx.userId, movie.id);
    await ctx.respond.send(renderWatchedRemoved(ctx.tr, movie.title, removed));
  } else {
    const target = interaction.options.getUser('user') ?? interaction.user;
    await ctx.respond.send(await watchedListView(ctx, target.id, target.globalName ?? target.username, 1));
  }
}

export async function watchedListView(ctx: InteractionContext, targetId: string, targetName: string, page: number) {
  // /settings profile: someone else's log only when their profile lets this person see it (pages too).
  if (!(await canSee(ctx.em, ctx.userId, targetId, ctx.guildId))) {
    throw UserFacingError.of('forbidden', 'watched.list_private', { name: targetName });
  }
  const list = await listWatched(ctx.em, targetId, { page, pageSize: PAGE_SIZE });
  return renderWatchedList(
    ctx.tr,
    list,
    { targetId, targetName, self: targetId === ctx.userId },
    { ids: ctx.ids, owner: ctx.userId },
  );
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: AutocompleteContext) {
  return movieChoices(ctx, String(interaction.options.getFocused()));
}
