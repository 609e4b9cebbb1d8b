// Movie night buttons: "I'm in" / "I'm out" on the join message, stars and "I watched it" after the screening. They
// act for whoever clicks (anyone in the server may join; only attendees may rate, which the service checks).
import { UserFacingError } from '../errors.ts';
import type { ButtonHandler } from './buttons.ts';
import type { InteractionContext } from './command.ts';
import type { MovieNightBot } from './context.ts';
import { intArg } from './custom-id.ts';
import { renderJoin, renderRated } from './movie-night-render.ts';

function nights(ctx: InteractionContext): MovieNightBot {
  const m = ctx.services.movieNights;
  if (!m) throw UserFacingError.of('invalid_input', 'night.unavailable');
  return m;
}

async function joinOrLeave(ctx: InteractionContext, nightId: number, join: boolean): Promise<void> {
  const { service } = nights(ctx);
  if (join) await service.join(ctx.em, nightId, ctx.userId);
  else await service.leave(ctx.em, nightId, ctx.userId);
  ctx.logger.info({ nightId, join }, 'movie night participation');
  const night = await service.get(ctx.em, nightId);
  await ctx.respond.update(
    renderJoin(ctx.publicTr, night, await service.participants(ctx.em, nightId), ctx.ids, ctx.services.clock()),
  );
}

export const MOVIE_NIGHT_BUTTONS = {
  mnin: {
    ownerOnly: false,
    defer: 'update',
    run: (_i, id, ctx) => joinOrLeave(ctx, intArg(id, 0, { min: 1 }), true),
  },
  mnout: {
    ownerOnly: false,
    defer: 'update',
    run: (_i, id, ctx) => joinOrLeave(ctx, intArg(id, 0, { min: 1 }), false),
  },
  mnrate: {
    ownerOnly: false,
    defer: 'ephemeral',
    async run(_i, id, ctx) {
      const nightId = intArg(id, 0, { min: 1 });
      const stars = intArg(id, 1, { min: 1, max: 5 });
      const r = await nights(ctx).service.rate(ctx.em, nightId, ctx.userId, stars);
      ctx.logger.info({ nightId, stars }, 'movie night rated');
      await ctx.respond.send(renderRated(ctx.tr, r.title, stars, r.groupScore));
    },
  },
  mnsaw: {
    ownerOnly: false,
    defer: 'ephemeral',
    async run(_i, id, ctx) {
      const nightId = intArg(id, 0, { min: 1 });
      const ok = await nights(ctx).service.markAttended(ctx.em, nightId, ctx.userId, 'button');
      await ctx.respond.send({
        content: ctx.tr.t(ok ? 'night.attended' : 'night.not_yet'),
        ephemeral: true,
      });
    },
  },
} satisfies Record<'mnin' | 'mnout' | 'mnrate' | 'mnsaw', ButtonHandler>;
