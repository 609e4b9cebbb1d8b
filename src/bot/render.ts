// Pure renderers: data in, message payload out. No I/O, no discord.js objects; unit-tested.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { FeedbackKind } from '../entities/feedback.entity.ts';
import { yearOf } from '../release-year.ts';
import type { RatingChange } from '../services/rating-service.ts';
import type { WhereToWatch } from '../services/streaming-service.ts';
import type { WatchedChange, WatchedView } from '../services/watched-service.ts';
import type { WatchlistChange, WatchlistView } from '../services/watchlist-service.ts';
import { clip } from '../text.ts';
import type { MovieCard, PickView } from './context.ts';
import type { CustomIds } from './custom-id.ts';
import { reasonText } from './reason-text.ts';
import type { MessageView } from './responder.ts';
import { JUSTWATCH_CREDIT, pickLine, whereToWatchField } from './where-to-watch.ts';

export const BRAND_COLOUR = 0xe5a00d;
/**
 * A pick's embed description: five picks of a 256-character title and this much stay under Discord's 6,000 characters
 * across a message's embeds (developers/resources/message.mdx, "Embed Limits").
 */
export const PICK_DESCRIPTION_MAX = 900;
const POSTER_BASE = 'https://image.tmdb.org/t/p/w185';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface RenderIds {
  readonly ids: CustomIds;
  /** The person the buttons act for. */
  readonly owner: string;
}

export function starsText(score: number): string {
  const full = Math.floor(score);
  return `${'★'.repeat(full)}${score - full >= 0.5 ? '½' : ''} (${score})`;
}

export function titleWithYear(title: string, year: number | null | undefined): string {
  return year ? `${title} (${year})` : title;
}

export { yearOf };

export function button(
  customId: string,
  label: string,
  style: ButtonStyle = ButtonStyle.Secondary,
  emoji?: string,
  disabled = false,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    style,
    ...(label ? { label: clip(label, 80) } : {}),
    ...(emoji ? { emoji: { name: emoji } } : {}),
    ...(disabled ? { disabled: true } : {}),
  } as APIButtonComponent;
}

export function row(...components: APIButtonComponent[]): Row {
  return { type: ComponentType.ActionRow, components };
}

function cardFacts(card: Pick<MovieCard, 'voteAverage' | 'voteCount' | 'genres' | 'runtime'>): string {
  const parts: string[] = [];
  if (card.voteCount > 0) parts.push(`TMDB ${card.voteAverage.toFixed(1)}/10`);
  if (card.genres.length) parts.push(card.genres.slice(0, 3).join(', '));
  if (card.runtime) parts.push(`${card.runtime} min`);
  return parts.join(' · ') || 'No details yet';
}

/**
 * /search: one compact card per result, and a row per result to open it or mark it watched. With no result, says
 * whether the year was the reason (`otherYears`: what the same words find in any year).
 */
export function renderSearchResults(
  query: string,
  cards: readonly MovieCard[],
  r: RenderIds,
  missed: { year?: number | undefined; otherYears?: readonly MovieCard[] } = {},
): MessageView {
  if (cards.length === 0) {
    const q = clip(query, 100);
    const others = missed.otherYears ?? [];
    if (missed.year !== undefined && others.length > 0) {
      const examples = others
        .slice(0, 3)
        .map((c) => titleWithYear(c.title, c.year))
        .join(', ');
      return {
        content: `Nothing from ${missed.year} matches “${q}”, but other years do: ${examples}. Try another year or leave it out.`,
      };
    }
    return {
      content:
        missed.year !== undefined
          ? `No films found for “${q}” in ${missed.year} or any other year. Check the spelling or try fewer words.`
          : `No films found for “${q}”. Check the spelling or try fewer words.`,
    };
  }
  const shown = cards.slice(0, 5);
  return {
    content: `Results for “${clip(query, 100)}”:`,
    embeds: shown.map((c, i) => ({
      title: clip(`${i + 1}. ${titleWithYear(c.title, c.year)}`, 256),
      description: cardFacts(c),
      color: BRAND_COLOUR,
      ...(c.posterUrl ? { thumbnail: { url: c.posterUrl } } : {}),
    })),
    components: shown.map((c, i) =>
      row(
        button(r.ids.encode('open', r.owner, [c.id]), clip(`${i + 1}. ${c.title}`, 40), ButtonStyle.Primary, '🎬'),
        button(r.ids.encode('watch', r.owner, [c.id]), 'Watched', ButtonStyle.Secondary, '👁️'),
        watchlistButton(c.id, 's', r),
      ),
    ),
  };
}

/** Where a 🔖 click came from, for the watchlist row's `source`. */
export const WATCHLIST_SOURCES: Record<string, string> = {
  s: 'search',
  c: 'card',
  r: 'recommend',
  w: 'weekly_dm',
  m: 'similar',
};

/** 🔖: adds the film to the clicker's watchlist (a second click takes it off). */
export function watchlistButton(
  movieId: number,
  source: keyof typeof WATCHLIST_SOURCES,
  r: RenderIds,
  label = '',
): APIButtonComponent {
  return button(r.ids.encode('bm', r.owner, [movieId, source]), label, ButtonStyle.Secondary, '🔖');
}

/** A film's full card with rating buttons. */
export function renderMovieCard(
  card: MovieCard,
  mine: { rating: number | null; watchedOn: string | null; onWatchlist?: boolean },
  r: RenderIds,
  where?: WhereToWatch,
): MessageView {
  const fields: APIEmbed['fields'] = [];
  const watchField = whereToWatchField(where, card.id);
  if (card.directors.length)
    fields.push({ name: 'Director', value: card.directors.slice(0, 3).join(', '), inline: true });
  if (card.cast.length) fields.push({ name: 'Cast', value: card.cast.slice(0, 4).join(', '), inline: true });
  fields.push({
    name: 'You',
    value: [
      mine.rating !== null ? `rated ${starsText(mine.rating)}` : 'not rated',
      mine.watchedOn ? `watched ${mine.watchedOn}` : null,
      mine.onWatchlist ? 'on your watchlist' : null,
    ]
      .filter(Boolean)
      .join(' · '),
  });
  if (watchField) fields.push(watchField);
  return {
    embeds: [
      {
        title: clip(titleWithYear(card.title, card.year), 256),
        description: [cardFacts(card), card.overview ? clip(card.overview, 600) : null].filter(Boolean).join('\n\n'),
        color: BRAND_COLOUR,
        fields,
        url: `https://www.themoviedb.org/movie/${card.id}`,
        ...(card.posterUrl ? { thumbnail: { url: card.posterUrl } } : {}),
      },
    ],
    components: [
      row(...[1, 2, 3, 4, 5].map((s) => button(r.ids.encode('rate', r.owner, [card.id, s, 's']), `${s}★`))),
      row(
        button(r.ids.encode('watch', r.owner, [card.id]), 'Mark watched', ButtonStyle.Secondary, '👁️'),
        watchlistButton(card.id, 'c', r, mine.onWatchlist ? 'Remove from watchlist' : 'Watchlist'),
        ...(mine.rating !== null
          ? [button(r.ids.encode('unrate', r.owner, [card.id]), 'Remove rating', ButtonStyle.Danger)]
          : []),
      ),
    ],
    ephemeral: true,
  };
}

export function renderRatingChange(change: RatingChange, r: RenderIds): MessageView {
  const before = change.previous === null ? 'not rated' : starsText(change.previous);
  const verb = change.previous === null ? 'Rated' : change.previous === change.current ? 'Kept' : 'Updated';
  return {
    content: `⭐ ${verb} **${change.title}**: ${before} → ${starsText(change.current)}`,
    components: [row(button(r.ids.encode('unrate', r.owner, [change.movieId]), 'Remove rating', ButtonStyle.Danger))],
    ephemeral: true,
  };
}

export function renderRatingRemoved(title: string, previous: number | null): MessageView {
  return {
    content:
      previous === null
        ? `You hadn't rated **${title}**, so there was nothing to remove.`
        : `🗑️ Removed your rating of **${title}** (was ${starsText(previous)}).`,
    ephemeral: true,
  };
}

export function renderWatchedChange(change: WatchedChange, rating: RatingChange | null): MessageView {
  const lines = [
    change.firstTime
      ? `👁️ Logged **${change.title}** as watched on ${change.watchedOn}.`
      : `👁️ **${change.title}** again — that's ${change.rewatchCount + 1} viewings (latest ${change.watchedOn}).`,
  ];
  if (rating)
    lines.push(
      `⭐ ${rating.previous === null ? 'not rated' : starsText(rating.previous)} → ${starsText(rating.current)}`,
    );
  return { content: lines.join('\n'), ephemeral: true };
}

export function renderWatchedRemoved(title: string, removed: boolean): MessageView {
  return {
    content: removed ? `🗑️ Removed **${title}** from your watch log.` : `**${title}** wasn't in your watch log.`,
    ephemeral: true,
  };
}

export interface WatchedPage {
  readonly items: readonly WatchedView[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

/** /watched list with ◀ ▶ buttons that act for the viewer. */
export function renderWatchedList(
  list: WatchedPage,
  who: { targetId: string; targetName: string; self: boolean },
  r: RenderIds,
): MessageView {
  const heading = who.self ? 'Your watch log' : `${who.targetName}'s watch log`;
  if (list.total === 0) {
    return {
      content: who.self
        ? 'Your watch log is empty. Add a film with `/watched add`.'
        : `${who.targetName} hasn't logged any films yet.`,
    };
  }
  const lines = list.items.map((w) => {
    const extra = [w.stars !== null ? starsText(w.stars) : null, w.rewatchCount > 0 ? `×${w.rewatchCount + 1}` : null]
      .filter(Boolean)
      .join(' · ');
    return `\`${w.watchedOn}\` ${titleWithYear(w.title, yearOf(w.releaseDate))}${extra ? ` — ${extra}` : ''}`;
  });
  const components = pager(list, (page) => r.ids.encode('wl', r.owner, [who.targetId, page]));
  return {
    embeds: [
      {
        title: heading,
        description: lines.join('\n'),
        color: BRAND_COLOUR,
        footer: { text: `Page ${list.page} of ${list.pages} · ${list.total} film${list.total === 1 ? '' : 's'}` },
      },
    ],
    components,
  };
}

const FEEDBACK_CODES: Record<FeedbackKind, string> = { up: 'u', down: 'd', seen: 's', not_interested: 'n' };
export const FEEDBACK_BY_CODE: Record<string, FeedbackKind> = { u: 'up', d: 'down', s: 'seen', n: 'not_interested' };

export function feedbackButtons(
  pick: { movieId: number; title: string; impressionId: number | null },
  source: string,
  r: RenderIds,
): Row {
  const id = (k: FeedbackKind) =>
    r.ids.encode('fb', r.owner, [pick.movieId, FEEDBACK_CODES[k], pick.impressionId ?? 0, source]);
  return row(
    button(id('up'), clip(pick.title, 30), ButtonStyle.Success, '👍'),
    button(id('down'), '', ButtonStyle.Secondary, '👎'),
    button(id('seen'), 'Seen it', ButtonStyle.Secondary),
    button(id('not_interested'), 'Not interested', ButtonStyle.Secondary),
    watchlistButton(pick.movieId, source === 'w' ? 'w' : 'r', r),
  );
}

export function posterUrl(posterPath: string | null): string | null {
  if (!posterPath) return null;
  return posterPath.startsWith('http') ? posterPath : `${POSTER_BASE}${posterPath}`;
}

/** /recommend: numbered picks, each with its reason and a row of feedback buttons. */
export function renderPicks(
  picks: readonly PickView[],
  r: RenderIds,
  intro = 'Picked for you:',
  where?: WhereToWatch,
): MessageView {
  if (picks.length === 0) {
    return {
      content:
        "I couldn't find anything new that matches. Try fewer filters, or rate a few more films so I learn your taste.",
      ephemeral: true,
    };
  }
  const shown = picks.slice(0, 5);
  const streams = shown.map((p) => pickLine(where, p.movieId));
  return {
    // TMDB asks for JustWatch's credit wherever its watch-provider data is shown.
    content: streams.some(Boolean) ? `${intro}\n${JUSTWATCH_CREDIT}` : intro,
    embeds: shown.map((p, i) => {
      const poster = posterUrl(p.posterPath);
      return {
        title: clip(`${i + 1}. ${titleWithYear(p.title, p.year)}`, 256),
        description: clip(
          [reasonText(p.reason), streams[i], p.genres.length ? p.genres.slice(0, 3).join(', ') : null]
            .filter(Boolean)
            .join('\n'),
          PICK_DESCRIPTION_MAX,
        ),
        color: BRAND_COLOUR,
        ...(poster ? { thumbnail: { url: poster } } : {}),
      };
    }),
    components: shown.map((p) => feedbackButtons(p, 'r', r)),
  };
}

/** A new user's first /recommend: rate a few well-known films with one click each. */
export function renderOnboarding(
  movies: readonly { id: number; title: string; year: number | null }[],
  rated: ReadonlyMap<number, number>,
  r: RenderIds,
): MessageView {
  const shown = movies.slice(0, 4);
  const done = [...rated.keys()].length;
  const rows = shown.map((m) => {
    const given = rated.get(m.id);
    return row(
      button(
        r.ids.encode('noop', r.owner, [m.id]),
        clip(titleWithYear(m.title, m.year), 40),
        ButtonStyle.Secondary,
        given ? '✅' : '🎞️',
        true,
      ),
      ...[2, 4, 5].map((s) =>
        button(
          r.ids.encode('rate', r.owner, [m.id, s, 'o']),
          s === 2 ? 'Meh' : s === 4 ? 'Liked' : 'Loved',
          given === s ? ButtonStyle.Primary : ButtonStyle.Secondary,
          s === 2 ? '👎' : s === 4 ? '👍' : '❤️',
        ),
      ),
    );
  });
  rows.push(row(button(r.ids.encode('rec', r.owner, []), 'Show my picks', ButtonStyle.Success, '🎬', done === 0)));
  return {
    content:
      done === 0
        ? "👋 Welcome! I don't know your taste yet. Tap how you felt about a few films you've seen (skip the rest), then **Show my picks**."
        : `Thanks — ${done} rated. Rate a couple more for better picks, or tap **Show my picks**.`,
    components: rows,
    ephemeral: true,
  };
}

/** `rate`: after "Seen it", offer a quick 1–5★ rating of that film (the weekly DM's "Seen it (then a quick rate)"). */
export function renderFeedbackAck(
  kind: FeedbackKind,
  active: boolean,
  title: string,
  rate?: { movieId: number } & RenderIds,
): MessageView {
  const what: Record<FeedbackKind, [string, string]> = {
    up: ['👍 Noted: more like', 'Removed your 👍 for'],
    down: ['👎 Noted: fewer like', 'Removed your 👎 for'],
    seen: ["👁️ Got it, you've seen", "Okay, you haven't seen"],
    not_interested: ["🙈 I won't suggest", 'I may suggest again'],
  };
  const [on, off] = what[kind];
  const content = `${active ? on : off} **${title}**.${active ? ' (Click again to undo.)' : ''}`;
  if (kind === 'seen' && active && rate) {
    return {
      content: `${content}\nHow was it? One click rates it:`,
      components: [
        row(
          ...[1, 2, 3, 4, 5].map((s) => button(rate.ids.encode('rate', rate.owner, [rate.movieId, s, 's']), `${s}★`)),
        ),
      ],
      ephemeral: true,
    };
  }
  return { content, ephemeral: true };
}

export function renderHelp(): MessageView {
  return {
    embeds: [
      {
        title: '🎬 Marquee — film picks for you and your friends',
        color: BRAND_COLOUR,
        description: [
          '`/search query [year]` — find a film; open it to rate it or mark it watched',
          '`/rate movie stars` — rate 0.5–5 stars in half steps (shows old → new; a button removes it)',
          '`/watched add movie [date] [stars]` — log a film you saw (date like 2024-05-31, "today", "yesterday")',
          "`/watched list [user]` — your (or a friend's) watch log, page by page",
          '`/watched remove movie` — take a film off your log',
          '`/similar movie` — films like one you name, each with why (👍 and 🔖 on each)',
          '`/compare user` — your taste match with a friend, what you agree and disagree on, and a film for you both',
          '`/watchlist add|list|remove` — films you mean to see (🔖 on any card or pick adds one; rating or logging it takes it off)',
          '`/recommend [count] [genre] [from-year] [to-year] [max-runtime] [available:mine]` — picks with a reason each and where to stream them (`available:mine`: only what is on your services); 👍 👎 Seen it / Not interested teach me',
          '`/movienight start|end|reschedule|cancel|history` — group picks for tonight, a poll to decide, a server event',
          "`/stats [user] [server]` — your taste (or the server's) as a picture",
          '`/import file [source] [undo]` — bring your Letterboxd or IMDb ratings, diary and watchlist',
          '`/privacy export|delete` — everything Marquee holds about you, as a ZIP by DM, or deleted',
          '`/settings dms on|off`, `/settings region`, `/settings services`, `/settings profile`, `/settings show` — weekly picks by DM (opt-in), your country and streaming services (for where to watch), who sees your log',
          '`/config picks-channel|schedule|enable|disable|show` — weekly picks for this server (Manage Server)',
          '`/help` — this message',
          '',
          'Start typing a title in any `movie` option and pick from the suggestions. Personal commands work in DMs too.',
        ].join('\n'),
        footer: {
          text: `This product uses the TMDB API but is not endorsed or certified by TMDB. ${JUSTWATCH_CREDIT}`,
        },
      },
    ],
    ephemeral: true,
  };
}

export function renderWatchlistChange(change: WatchlistChange, via: 'command' | 'button'): MessageView {
  const undo = via === 'button' ? ' (Click 🔖 again to undo.)' : '';
  let content: string;
  if (change.onList) {
    content = change.changed
      ? `🔖 Added **${change.title}** to your watchlist.${undo}`
      : `🔖 **${change.title}** is already on your watchlist.`;
  } else {
    content = change.changed
      ? `Removed **${change.title}** from your watchlist.`
      : `**${change.title}** wasn't on your watchlist.`;
  }
  return { content, ephemeral: true };
}

/** /watchlist list with ◀ ▶ buttons that act for the viewer (the same paging as the watch log). */
export function renderWatchlist(
  list: { items: readonly WatchlistView[]; total: number; page: number; pages: number },
  who: { targetId: string; targetName: string; self: boolean },
  r: RenderIds,
): MessageView {
  if (list.total === 0) {
    return {
      content: who.self
        ? 'Your watchlist is empty. Add a film with `/watchlist add`, or 🔖 on any card or pick.'
        : `${who.targetName}'s watchlist is empty.`,
      ephemeral: true,
    };
  }
  const lines = list.items.map(
    (w, i) =>
      `${(list.page - 1) * 10 + i + 1}. ${titleWithYear(w.title, yearOf(w.releaseDate))} · added ${w.addedAt.toISOString().slice(0, 10)}`,
  );
  return {
    embeds: [
      {
        title: who.self ? '🔖 Your watchlist' : `🔖 ${who.targetName}'s watchlist`,
        description: lines.join('\n'),
        color: BRAND_COLOUR,
        footer: { text: `Page ${list.page} of ${list.pages} · ${list.total} film${list.total === 1 ? '' : 's'}` },
      },
    ],
    components: pager(list, (page) => r.ids.encode('wll', r.owner, [who.targetId, page])),
    ephemeral: true,
  };
}

/** ◀ ▶ for a paged list; no row when everything fits on one page. */
function pager(list: { page: number; pages: number }, idFor: (page: number) => string): Row[] {
  if (list.pages <= 1) return [];
  return [
    row(
      button(idFor(list.page - 1), 'Previous', ButtonStyle.Secondary, '◀️', list.page <= 1),
      button(idFor(list.page + 1), 'Next', ButtonStyle.Secondary, '▶️', list.page >= list.pages),
    ),
  ];
}

export function renderDmPauseNotice(): MessageView {
  return {
    content:
      "📭 By the way: I couldn't DM you your weekly picks two weeks running (Discord says your DMs are closed to me), " +
      "so I've paused them rather than keep trying. To get them again, allow direct messages from this server's " +
      'members (Privacy Settings), then run `/settings dms on`.',
    ephemeral: true,
  };
}

export function renderFailure(message: string): MessageView {
  return { content: `⚠️ ${message}`, ephemeral: true };
}
