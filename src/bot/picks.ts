// /recommend and the onboarding "Show my picks" button share this flow.
import { Rating } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import type { InteractionContext } from './command.ts';
import type { RecommendOptions } from './context.ts';
import { renderOnboarding, renderPicks } from './render.ts';
import type { MessageView } from './responder.ts';
import { joinNames } from './where-to-watch.ts';

export interface PickFilters extends Omit<RecommendOptions, 'context' | 'guildId' | 'onlyMovieIds'> {
  /** `available:mine`: only films streaming on the person's services in their region. */
  availableOnMine?: boolean;
}

/** Why `available:mine` cannot filter yet, said kindly with the way out. */
export function availabilityHint(kind: 'no_region' | 'no_services', region?: string): MessageView {
  return {
    content:
      kind === 'no_region'
        ? "🌍 To pick from what's on your streaming services I need your country first: `/settings region code:GB` (your two-letter code), then `/settings services`."
        : `📺 You haven't told me your streaming services in ${region ?? 'your region'} yet. Choose them with \`/settings services\`, then ask again.`,
    ephemeral: true,
  };
}

export async function picksView(ctx: InteractionContext, filters: PickFilters): Promise<MessageView> {
  const { availableOnMine, ...rest } = filters;
  const streaming = ctx.services.streaming;
  let onlyMovieIds: ReadonlySet<number> | undefined;
  let services: readonly { name: string }[] = [];
  if (availableOnMine) {
    if (!streaming) throw new UserFacingError('tmdb_unavailable', "Where-to-stream isn't available right now.");
    const a = await streaming.availableOnServices(ctx.em, ctx.userId);
    if (a.kind !== 'ok') return availabilityHint(a.kind, a.kind === 'no_services' ? a.region : undefined);
    onlyMovieIds = a.movieIds;
    services = a.services;
  }
  const result = await ctx.services.recommendations.recommend(ctx.em, ctx.userId, {
    ...rest,
    onlyMovieIds,
    context: 'recommend',
    guildId: ctx.guildId,
  });
  const r = { ids: ctx.ids, owner: ctx.userId };
  if (result.kind === 'onboarding') {
    ctx.logger.info({ movies: result.movies.length }, 'onboarding shown');
    return renderOnboarding(
      ctx.tr,
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
  if (availableOnMine && result.picks.length === 0) {
    return {
      content: `📺 Nothing new for you on ${joinNames(services.map((x) => x.name))} matches right now. Try fewer filters, choose more services with \`/settings services\`, or ask without \`available\`.`,
      ephemeral: true,
    };
  }
  const where = await streaming?.whereToWatch(
    ctx.em,
    ctx.userId,
    result.picks.map((p) => p.movieId),
  );
  return renderPicks(ctx.tr, result.picks, r, undefined, where);
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
