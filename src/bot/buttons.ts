// Button handlers. The custom id has already been verified (signature, expiry); each handler declares whether only
// the owner may click, and acts for the person clicking, never for anyone else.
import type { ButtonInteraction, MessageComponentInteraction, StringSelectMenuInteraction } from 'discord.js';
import { servicesView } from '../commands/settings.ts';
import { watchedListView } from '../commands/watched.ts';
import { watchlistView } from '../commands/watchlist.ts';
import { Movie, Watched } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { toggleFeedback } from '../services/feedback-service.ts';
import { inLanguage } from '../services/movie-titles.ts';
import { deleteUserData } from '../services/privacy-data.ts';
import { getRating, removeRating, setRating, validateStars } from '../services/rating-service.ts';
import { addWatched } from '../services/watched-service.ts';
import { isOnWatchlist, toggleWatchlist } from '../services/watchlist-service.ts';
import type { InteractionContext } from './command.ts';
import { type Action, type CustomId, intArg } from './custom-id.ts';
import { MOVIE_NIGHT_BUTTONS } from './movie-night-buttons.ts';
import { picksView, ratedAmong } from './picks.ts';
import { renderDeleteCancelled, renderDeleted } from './privacy-render.ts';
import {
  FEEDBACK_BY_CODE,
  renderFeedbackAck,
  renderMovieCard,
  renderOnboarding,
  renderRatingChange,
  renderRatingRemoved,
  renderWatchedChange,
  renderWatchlistChange,
  WATCHLIST_SOURCES,
  yearOf,
} from './render.ts';

export type ButtonDefer = 'ephemeral' | 'public' | 'update';

export interface ButtonHandler {
  /** Only the person the buttons were made for may click. */
  readonly ownerOnly: boolean;
  /**
   * How to defer if the work is slow: a private new message, a public one, or an update of the clicked message. A
   * function when it depends on the button (its privacy must be known before the "thinking…" is sent).
   */
  readonly defer: ButtonDefer | ((id: CustomId) => ButtonDefer);
  /** Buttons, and the string selects that share their signed custom ids (`/settings services`). */
  run(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    id: CustomId,
    ctx: InteractionContext,
  ): Promise<void>;
}

const SOURCES: Record<string, string> = {
  r: 'recommend',
  o: 'onboarding',
  w: 'weekly_dm',
  c: 'weekly_channel',
  s: 'search',
  m: 'similar',
};

function stale(): UserFacingError {
  return UserFacingError.of('invalid_input', 'button.stale');
}

export const BUTTONS: Record<Action, ButtonHandler> = {
  pdel: {
    ownerOnly: true,
    defer: 'update',
    async run(_i, _id, ctx) {
      const { removed } = await deleteUserData(ctx.em, ctx.userId);
      // Counts only: the log says that a deletion happened and how big it was, never what was deleted.
      ctx.logger.info({ removed }, 'privacy delete');
      await ctx.respond.update(renderDeleted(ctx.tr, removed));
    },
  },
  pkeep: {
    ownerOnly: true,
    defer: 'update',
    async run(_i, _id, ctx) {
      await ctx.respond.update(renderDeleteCancelled(ctx.tr));
    },
  },
  fb: {
    ownerOnly: true,
    defer: 'ephemeral',
    async run(_i, id, ctx) {
      const movieId = intArg(id, 0, { min: 1 });
      const kind = FEEDBACK_BY_CODE[id.args[1] ?? ''];
      const impressionId = intArg(id, 2);
      const source = SOURCES[id.args[3] ?? ''];
      if (!kind || !source) throw stale();
      const movie = await ctx.services.catalogue.ensureMovie(ctx.em, movieId);
      const { active } = await toggleFeedback(ctx.em, {
        userId: ctx.userId,
        movieId,
        kind,
        source,
        impressionId: impressionId || null,
        now: ctx.services.clock(),
      });
      ctx.logger.info({ movieId, kind, active, impressionId }, 'feedback');
      await ctx.respond.send(
        renderFeedbackAck(ctx.tr, kind, active, movie.title, { movieId, ids: ctx.ids, owner: ctx.userId }),
      );
    },
  },
  rate: {
    ownerOnly: true,
    // Onboarding's buttons update their own message; elsewhere a rating gets its own private answer.
    defer: (id) => (id.args[2] === 'o' ? 'update' : 'ephemeral'),
    async run(i, id, ctx) {
      const movieId = intArg(id, 0, { min: 1 });
      const stars = validateStars(Number(id.args[1]));
      const movie = await ctx.services.catalogue.ensureMovie(ctx.em, movieId);
      const change = await setRating(ctx.em, ctx.userId, movie.id, stars);
      ctx.logger.info({ movieId, previous: change.previous, current: stars, source: id.args[2] }, 'rated');
      if (id.args[2] === 'o') {
        await ctx.respond.update(await onboardingFromMessage(i, ctx));
      } else {
        await ctx.respond.send(renderRatingChange(ctx.tr, change, { ids: ctx.ids, owner: ctx.userId }));
      }
    },
  },
  unrate: {
    ownerOnly: true,
    defer: 'ephemeral',
    async run(_i, id, ctx) {
      const movieId = intArg(id, 0, { min: 1 });
      const movie = await ctx.em.findOne(Movie, movieId);
      if (!movie) throw stale();
      const previous = await removeRating(ctx.em, ctx.userId, movieId);
      await ctx.respond.send(renderRatingRemoved(ctx.tr, movie.title, previous));
    },
  },
  watch: {
    // Public search results: whoever clicks logs the film for themselves.
    ownerOnly: false,
    defer: 'ephemeral',
    async run(_i, id, ctx) {
      const movie = await ctx.services.catalogue.ensureMovie(ctx.em, intArg(id, 0, { min: 1 }));
      const change = await addWatched(ctx.em, ctx.userId, movie.id, { now: ctx.services.clock() });
      await ctx.respond.send(renderWatchedChange(ctx.tr, change, null));
    },
  },
  open: {
    // Anyone may open a card from public results; its buttons are made for the person who opened it.
    ownerOnly: false,
    defer: 'ephemeral',
    async run(_i, id, ctx) {
      const movieId = intArg(id, 0, { min: 1 });
      const english = await ctx.services.catalogue.getDetails(ctx.em, movieId);
      const card = inLanguage(
        english,
        movieId,
        await ctx.services.catalogue.titlesFor(ctx.em, [movieId], ctx.tr.locale),
      );
      const rating = await getRating(ctx.em, ctx.userId, movieId);
      const watched = await ctx.em.findOne(Watched, { user: ctx.userId, movie: movieId });
      const onWatchlist = await isOnWatchlist(ctx.em, ctx.userId, movieId);
      const view = await ctx.services.streaming?.whereToWatch(ctx.em, ctx.userId, [movieId]);
      await ctx.respond.send(
        renderMovieCard(
          ctx.tr,
          card,
          { rating, watchedOn: watched?.watchedOn ?? null, onWatchlist },
          { ids: ctx.ids, owner: ctx.userId },
          view,
        ),
      );
    },
  },
  wl: {
    ownerOnly: true,
    defer: 'update',
    async run(i, id, ctx) {
      const target = id.args[0] ?? '';
      if (!/^\d{17,20}$/.test(target)) throw stale();
      const page = intArg(id, 1, { min: 1, max: 10_000 });
      const name =
        target === ctx.userId
          ? ctx.userName
          : ((await i.client.users.fetch(target).catch(() => null))?.displayName ?? ctx.tr.t('common.someone'));
      await ctx.respond.update(await watchedListView(ctx, target, name, page));
    },
  },
  bm: {
    // 🔖 acts for whoever clicks: it only ever touches the clicker's own watchlist.
    ownerOnly: false,
    defer: 'ephemeral',
    async run(_i, id, ctx) {
      const source = WATCHLIST_SOURCES[id.args[1] ?? ''];
      if (!source) throw stale();
      const movie = await ctx.services.catalogue.ensureMovie(ctx.em, intArg(id, 0, { min: 1 }));
      const change = await toggleWatchlist(ctx.em, ctx.userId, movie.id, { source });
      ctx.logger.info({ movieId: movie.id, onList: change.onList, source }, 'watchlist');
      await ctx.respond.send(renderWatchlistChange(ctx.tr, change, 'button'));
    },
  },
  wll: {
    ownerOnly: true,
    defer: 'update',
    async run(_i, id, ctx) {
      const target = id.args[0] ?? '';
      // Only your own list until profile visibility exists.
      if (target !== ctx.userId) throw stale();
      const page = intArg(id, 1, { min: 1, max: 10_000 });
      await ctx.respond.update(await watchlistView(ctx, target, ctx.userName, page));
    },
  },
  svc: {
    ownerOnly: true,
    defer: 'update',
    async run(i, id, ctx) {
      if (!i.isStringSelectMenu()) throw stale();
      const page = intArg(id, 0, { min: 1, max: 100 });
      const chosen = i.values.map((v) => Number(v));
      if (chosen.some((v) => !Number.isSafeInteger(v))) throw stale();
      await ctx.respond.update(await servicesView(ctx, page, chosen));
    },
  },
  svp: {
    ownerOnly: true,
    defer: 'update',
    async run(_i, id, ctx) {
      await ctx.respond.update(await servicesView(ctx, intArg(id, 0, { min: 1, max: 100 })));
    },
  },
  rec: {
    ownerOnly: true,
    defer: 'public',
    async run(_i, _id, ctx) {
      // Picks are public, more onboarding is private: decide before the "thinking…" fixes the privacy.
      const onboarding = await ctx.services.recommendations.needsOnboarding(ctx.em, ctx.userId);
      await ctx.respond.defer({ ephemeral: onboarding });
      await ctx.respond.send(await picksView(ctx, { count: 5 }));
    },
  },
  ...MOVIE_NIGHT_BUTTONS,
  noop: {
    ownerOnly: false,
    defer: 'ephemeral',
    async run(_i, _id, ctx) {
      await ctx.respond.send({ content: ctx.tr.t('button.label_only'), ephemeral: true });
    },
  },
};

/** Rebuilds the onboarding message from its own buttons (the films are in the signed ids) and current ratings. */
async function onboardingFromMessage(i: MessageComponentInteraction, ctx: InteractionContext) {
  const ids: number[] = [];
  for (const row of i.message.components) {
    if (!('components' in row)) continue;
    for (const c of row.components) {
      const customId = 'customId' in c ? c.customId : null;
      if (!customId) continue;
      try {
        const decoded = ctx.ids.decode(customId);
        if (decoded.action === 'noop') ids.push(Number(decoded.args[0]));
      } catch {
        // not ours or expired: leave it out
      }
    }
  }
  const movies = ids.length ? await ctx.em.find(Movie, { id: { $in: ids } }) : [];
  const byId = new Map(movies.map((m) => [m.id, m]));
  const list = ids
    .map((mid) => byId.get(mid))
    .filter((m): m is Movie => Boolean(m))
    .map((m) => ({ id: m.id, title: m.title, year: yearOf(m.releaseDate) }));
  return renderOnboarding(ctx.tr, list, await ratedAmong(ctx, ids), { ids: ctx.ids, owner: ctx.userId });
}
