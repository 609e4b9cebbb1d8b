// /recommend and the onboarding "Show my picks" button share this flow.
import { Rating } from '../entities/index.ts';
import type { InteractionContext } from './command.ts';
import type { RecommendOptions } from './context.ts';
import { renderOnboarding, renderPicks } from './render.ts';
import type { MessageView } from './responder.ts';

export type PickFilters = Omit<RecommendOptions, 'context' | 'guildId'>;

export async function picksView(ctx: InteractionContext, filters: PickFilters): Promise<MessageView> {
  const result = await ctx.services.recommendations.recommend(ctx.em, ctx.userId, {
    ...filters,
    context: 'recommend',
    guildId: ctx.guildId,
  });
  const r = { ids: ctx.ids, owner: ctx.userId };
  if (result.kind === 'onboarding') {
    ctx.logger.info({ movies: result.movies.length }, 'onboarding shown');
    return renderOnboarding(
      result.movies,
      await ratedAmong(
        ctx,
        result.movies.map((m) => m.id),
      ),
      r,
    );
  }
  ctx.logger.info(
    { picks: result.picks.length, modelVersion: result.modelVersion, batchId: result.batchId },
    'picks shown',
  );
  return renderPicks(result.picks, r);
}

export async function showPicks(ctx: InteractionContext, filters: PickFilters): Promise<void> {
  await ctx.respond.send(await picksView(ctx, filters));
}

/** The user's ratings among these films, to show onboarding progress. */
export async function ratedAmong(ctx: InteractionContext, movieIds: number[]): Promise<Map<number, number>> {
  if (movieIds.length === 0) return new Map();
  const rows = await ctx.em.find(
    Rating,
    { user: ctx.userId, movie: { $in: movieIds } },
    { fields: ['movie', 'score'] },
  );
  return new Map(rows.map((r) => [r.movie.id, r.score]));
}
