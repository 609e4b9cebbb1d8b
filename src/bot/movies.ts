// Shared steps: turning a `movie` option into a film, and autocomplete answers for it.
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Movie } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { clip } from '../text.ts';
import type { AutocompleteContext, InteractionContext } from './command.ts';

/**
 * The `movie` option carries a TMDB id when the person picked a suggestion, or free text when they typed and sent
 * without picking; then we take the best suggestion, as they most likely meant.
 */
export async function resolveMovie(ctx: InteractionContext, raw: string): Promise<Movie> {
  const text = raw.trim();
  if (/^\d{1,9}$/.test(text)) return ctx.services.catalogue.ensureMovie(ctx.em, Number(text));
  if (text.length === 0) throw UserFacingError.of('invalid_input', 'movie.which');
  const hits = await ctx.services.catalogue.autocomplete(ctx.em, text, { budgetMs: 1_500, locale: ctx.tr.locale });
  const first = hits[0];
  if (!first) {
    throw UserFacingError.of('not_found', 'movie.not_found', { title: clip(text, 80) });
  }
  return ctx.services.catalogue.ensureMovie(ctx.em, first.id);
}

export async function movieChoices(
  ctx: AutocompleteContext,
  text: string,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const hits = await ctx.services.catalogue.autocomplete(ctx.em, text.trim(), {
    budgetMs: ctx.budgetMs,
    locale: ctx.tr.locale,
  });
  return hits.slice(0, 25).map((h) => ({ name: clip(h.label, 100), value: String(h.id) }));
}
