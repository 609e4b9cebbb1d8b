import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { type PickFilters, showPicks } from '../bot/picks.ts';
import { UserFacingError } from '../errors.ts';
import { CHOOSABLE_GENRES } from '../services/tmdb/genres.ts';
import { personalCommand } from './_shared.ts';

/** The genres to choose from (the one list: src/services/tmdb/genres.ts). */
export const GENRES = CHOOSABLE_GENRES;

export const data = personalCommand('recommend', 'Films picked for you, each with a reason')
  .addIntegerOption((o) =>
    o.setName('count').setDescription('How many picks (1–5, default 5)').setMinValue(1).setMaxValue(5),
  )
  .addStringOption((o) =>
    o
      .setName('genre')
      .setDescription('Only this genre')
      .addChoices(...GENRES.map((g) => ({ name: g, value: g }))),
  )
  .addIntegerOption((o) =>
    o.setName('from-year').setDescription('Released in or after').setMinValue(1870).setMaxValue(2100),
  )
  .addIntegerOption((o) =>
    o.setName('to-year').setDescription('Released in or before').setMinValue(1870).setMaxValue(2100),
  )
  .addIntegerOption((o) =>
    o.setName('max-runtime').setDescription('Longest runtime in minutes').setMinValue(30).setMaxValue(600),
  )
  .addStringOption((o) =>
    o
      .setName('available')
      .setDescription('mine: only films streaming on your services (/settings services) in your region')
      .addChoices({ name: 'mine', value: 'mine' }),
  );

export const defer = 'always';
export const limit = { limit: 5, windowMs: 60_000 };

/** The filters as asked, or a UserFacingError saying what to change. */
function filtersOf(interaction: ChatInputCommandInteraction): PickFilters {
  const o = interaction.options;
  const fromYear = o.getInteger('from-year') ?? undefined;
  const toYear = o.getInteger('to-year') ?? undefined;
  if (fromYear !== undefined && toYear !== undefined && fromYear > toYear) {
    throw UserFacingError.of('invalid_input', 'recommend.years_swapped', {
      from: String(fromYear),
      to: String(toYear),
    });
  }
  return {
    count: o.getInteger('count') ?? 5,
    genre: o.getString('genre') ?? undefined,
    fromYear,
    toYear,
    maxRuntime: o.getInteger('max-runtime') ?? undefined,
    availableOnMine: o.getString('available') === 'mine',
  };
}

export function validate(interaction: ChatInputCommandInteraction): void {
  filtersOf(interaction);
}

/** A newcomer's onboarding is private, and so is "set your region / services first"; picks are public. */
export async function answersPrivately(i: ChatInputCommandInteraction, ctx: InteractionContext): Promise<boolean> {
  if (await ctx.services.recommendations.needsOnboarding(ctx.em, ctx.userId)) return true;
  if (i.options.getString('available') !== 'mine' || !ctx.services.streaming) return false;
  return (await ctx.services.streaming.readiness(ctx.em, ctx.userId)) !== 'ok';
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  await showPicks(ctx, filtersOf(interaction));
}
