// /recommend and the onboarding "Show my picks" button share this flow.
import { Rating } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import type { Translator } from '../i18n/index.ts';
import { inLanguage } from '../services/movie-titles.ts';
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
export function availabilityHint(tr: Translator, kind: 'no_region' | 'no_services', region?: string): MessageView {
  return {
    content:
      kind === 'no_region' ? tr.t('stream.needs_region') : tr.t('stream.needs_services', { region: region ?? '' }),
    ephemeral: true,
  };
}

export async function picksView(ctx: InteractionContext, filters: PickFilters): Promise<MessageView> {
  const { availableOnMine, ...rest } = filters;
  const streaming = ctx.services.streaming;
  let onlyMovieIds: ReadonlySet<number> | undefined;
  let services: readonly { name: string }[] = [];
  if (availableOnMine) {
    if (!streaming) throw UserFacingError.of('tmdb_unavailable', 'stream.unavailable');
    const a = await streaming.availableOnServices(ctx.em, ctx.userId);
    if (a.kind !== 'ok') return availabilityHint(ctx.tr, a.kind, a.kind === 'no_services' ? a.region : undefined);
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
      content: ctx.tr.t('stream.nothing_on_services', {
        services: joinNames(
          ctx.tr,
          services.map((x) => x.name),
        ),
      }),
      ephemeral: true,
    };
  }
  // Picks are public, but where to stream is the asker's: their region, their services, their language.
  const where = await streaming?.whereToWatch(
    ctx.em,
    ctx.userId,
    result.picks.map((p) => p.movieId),
  );
  const titles = await ctx.services.catalogue.titlesFor(
    ctx.em,
    result.picks.map((p) => p.movieId),
    ctx.tr.locale,
  );
  const picks = result.picks.map((p) => inLanguage(p, p.movieId, titles));
  return renderPicks(ctx.tr, picks, r, undefined, where);
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
