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
import type { MessageKey, Translator } from '../i18n/index.ts';
import { yearOf } from '../release-year.ts';
import type { RatingChange } from '../services/rating-service.ts';
import type { WhereToWatch } from '../services/streaming-service.ts';
import { posterUrl as posterUrlFor } from '../services/tmdb/images.ts';
import type { WatchedChange, WatchedView } from '../services/watched-service.ts';
import type { WatchlistChange, WatchlistView } from '../services/watchlist-service.ts';
import { clip } from '../text.ts';
import { titleWithYear } from '../title-key.ts';
import type { MovieCard, PickView } from './context.ts';
import type { CustomIds } from './custom-id.ts';
import { EMBED_FIELD_VALUE_MAX } from './discord-limits.ts';
import { reasonText } from './reason-text.ts';
import type { MessageView } from './responder.ts';
import { pickLines, whereToWatchField } from './where-to-watch.ts';

export const BRAND_COLOUR = 0xe5a00d;
/**
 * A pick's embed description: five picks of a 256-character title and this much stay under Discord's 6,000 characters
 * across a message's embeds (developers/resources/message.mdx, "Embed Limits").
 */
export const PICK_DESCRIPTION_MAX = 900;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface RenderIds {
  readonly ids: CustomIds;
  /** The person the buttons act for. */
  readonly owner: string;
}

/** ★★★½ (3.5), with the number in the locale's digits. */
export function starsText(tr: Translator, score: number): string {
  return tr.starBar(score);
}

export { titleWithYear, yearOf };

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

function cardFacts(tr: Translator, card: Pick<MovieCard, 'voteAverage' | 'voteCount' | 'genres' | 'runtime'>): string {
  const parts: string[] = [];
  if (card.voteCount > 0) parts.push(tr.t('card.tmdb_score', { score: tr.decimal(card.voteAverage) }));
  if (card.genres.length) parts.push(tr.genres(card.genres.slice(0, 3)));
  if (card.runtime) parts.push(tr.runtime(card.runtime));
  return parts.join(' · ') || tr.t('card.no_details');
}

/**
 * /search: one compact card per result, and a row per result to open it or mark it watched. With no result, says
 * whether the year was the reason (`otherYears`: what the same words find in any year).
 */
export function renderSearchResults(
  tr: Translator,
  query: string,
  cards: readonly MovieCard[],
  r: RenderIds,
  missed: { year?: number | undefined; otherYears?: readonly MovieCard[] } = {},
): MessageView {
  if (cards.length === 0) {
    const q = clip(query, 100);
    const others = missed.otherYears ?? [];
    if (missed.year !== undefined && others.length > 0) {
      const examples = tr.list(others.slice(0, 3).map((c) => titleWithYear(c.title, c.year)));
      return { content: tr.t('search.other_years', { year: String(missed.year), query: q, examples }) };
    }
    return {
      content:
        missed.year !== undefined
          ? tr.t('search.none_any_year', { query: q, year: String(missed.year) })
          : tr.t('search.none', { query: q }),
    };
  }
  const shown = cards.slice(0, 5);
  return {
    content: tr.t('search.results', { query: clip(query, 100) }),
    embeds: shown.map((c, i) => ({
      title: clip(`${i + 1}. ${titleWithYear(c.title, c.year)}`, 256),
      description: cardFacts(tr, c),
      color: BRAND_COLOUR,
      ...(c.posterUrl ? { thumbnail: { url: c.posterUrl } } : {}),
    })),
    components: shown.map((c, i) =>
      row(
        button(r.ids.encode('open', r.owner, [c.id]), clip(`${i + 1}. ${c.title}`, 40), ButtonStyle.Primary, '🎬'),
        button(r.ids.encode('watch', r.owner, [c.id]), tr.t('search.watched_button'), ButtonStyle.Secondary, '👁️'),
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
  tr: Translator,
  card: MovieCard,
  mine: { rating: number | null; watchedOn: string | null; onWatchlist?: boolean },
  r: RenderIds,
  where?: WhereToWatch,
): MessageView {
  const fields: APIEmbed['fields'] = [];
  const watchField = whereToWatchField(tr, where, card.id);
  if (card.directors.length)
    fields.push({
      name: tr.t('card.director', { count: card.directors.length }),
      value: clip(card.directors.slice(0, 3).join(', '), EMBED_FIELD_VALUE_MAX),
      inline: true,
    });
  // TMDB sets no length on a person's name: four long ones would break Discord's 1,024 per field value.
  if (card.cast.length)
    fields.push({
      name: tr.t('card.cast'),
      value: clip(card.cast.slice(0, 4).join(', '), EMBED_FIELD_VALUE_MAX),
      inline: true,
    });
  fields.push({
    name: tr.t('card.you'),
    value: [
      mine.rating !== null ? tr.t('card.you_rated', { stars: starsText(tr, mine.rating) }) : tr.t('card.you_not_rated'),
      mine.watchedOn ? tr.t('card.you_watched', { date: tr.date(mine.watchedOn) }) : null,
      mine.onWatchlist ? tr.t('card.you_on_watchlist') : null,
    ]
      .filter(Boolean)
      .join(' · '),
  });
  if (watchField) fields.push(watchField);
  return {
    embeds: [
      {
        title: clip(titleWithYear(card.title, card.year), 256),
        description: [cardFacts(tr, card), card.overview ? clip(card.overview, 600) : null]
          .filter(Boolean)
          .join('\n\n'),
        color: BRAND_COLOUR,
        fields,
        url: `https://www.themoviedb.org/movie/${card.id}`,
        ...(card.posterUrl ? { thumbnail: { url: card.posterUrl } } : {}),
      },
    ],
    components: [
      row(...[1, 2, 3, 4, 5].map((s) => button(r.ids.encode('rate', r.owner, [card.id, s, 's']), `${s}★`))),
      row(
        button(r.ids.encode('watch', r.owner, [card.id]), tr.t('card.mark_watched'), ButtonStyle.Secondary, '👁️'),
        watchlistButton(card.id, 'c', r, mine.onWatchlist ? tr.t('card.watchlist_remove') : tr.t('card.watchlist_add')),
        ...(mine.rating !== null
          ? [button(r.ids.encode('unrate', r.owner, [card.id]), tr.t('rating.remove_button'), ButtonStyle.Danger)]
          : []),
      ),
    ],
    ephemeral: true,
  };
}

export function renderRatingChange(tr: Translator, change: RatingChange, r: RenderIds): MessageView {
  const before = change.previous === null ? tr.t('rating.not_rated') : starsText(tr, change.previous);
  const verb = change.previous === null ? 'new' : change.previous === change.current ? 'same' : 'changed';
  return {
    content: tr.t('rating.changed', { verb, title: change.title, before, after: starsText(tr, change.current) }),
    components: [
      row(button(r.ids.encode('unrate', r.owner, [change.movieId]), tr.t('rating.remove_button'), ButtonStyle.Danger)),
    ],
    ephemeral: true,
  };
}

export function renderRatingRemoved(tr: Translator, title: string, previous: number | null): MessageView {
  return {
    content:
      previous === null
        ? tr.t('rating.nothing_to_remove', { title })
        : tr.t('rating.removed', { title, stars: starsText(tr, previous) }),
    ephemeral: true,
  };
}

export function renderWatchedChange(tr: Translator, change: WatchedChange, rating: RatingChange | null): MessageView {
  const date = tr.date(change.watchedOn);
  const lines = [
    change.firstTime
      ? tr.t('watched.logged', { title: change.title, date })
      : tr.t('watched.again', { title: change.title, viewings: change.rewatchCount + 1, date }),
  ];
  if (rating)
    lines.push(
      tr.t('watched.rating_line', {
        before: rating.previous === null ? tr.t('rating.not_rated') : starsText(tr, rating.previous),
        after: starsText(tr, rating.current),
      }),
    );
  return { content: lines.join('\n'), ephemeral: true };
}

export function renderWatchedRemoved(tr: Translator, title: string, removed: boolean): MessageView {
  return {
    content: removed ? tr.t('watched.removed', { title }) : tr.t('watched.not_in_log', { title }),
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
  tr: Translator,
  list: WatchedPage,
  who: { targetId: string; targetName: string; self: boolean },
  r: RenderIds,
): MessageView {
  const heading = who.self
    ? tr.t('watched.list_title_self')
    : tr.t('watched.list_title_other', { name: who.targetName });
  if (list.total === 0) {
    return {
      content: who.self ? tr.t('watched.list_empty_self') : tr.t('watched.list_empty_other', { name: who.targetName }),
    };
  }
  const lines = list.items.map((w) => {
    const extra = [
      w.stars !== null ? starsText(tr, w.stars) : null,
      w.rewatchCount > 0 ? `×${tr.int(w.rewatchCount + 1)}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
    return `\`${tr.date(w.watchedOn)}\` ${titleWithYear(w.title, yearOf(w.releaseDate))}${extra ? ` — ${extra}` : ''}`;
  });
  const components = pager(tr, list, (page) => r.ids.encode('wl', r.owner, [who.targetId, page]));
  return {
    embeds: [
      {
        title: heading,
        description: lines.join('\n'),
        color: BRAND_COLOUR,
        footer: { text: tr.t('list.footer', { page: list.page, pages: list.pages, total: list.total }) },
      },
    ],
    components,
  };
}

const FEEDBACK_CODES: Record<FeedbackKind, string> = { up: 'u', down: 'd', seen: 's', not_interested: 'n' };
export const FEEDBACK_BY_CODE: Record<string, FeedbackKind> = { u: 'up', d: 'down', s: 'seen', n: 'not_interested' };

export function feedbackButtons(
  tr: Translator,
  pick: { movieId: number; title: string; impressionId: number | null },
  source: string,
  r: RenderIds,
): Row {
  const id = (k: FeedbackKind) =>
    r.ids.encode('fb', r.owner, [pick.movieId, FEEDBACK_CODES[k], pick.impressionId ?? 0, source]);
  return row(
    button(id('up'), clip(pick.title, 30), ButtonStyle.Success, '👍'),
    button(id('down'), '', ButtonStyle.Secondary, '👎'),
    button(id('seen'), tr.t('feedback.seen_button'), ButtonStyle.Secondary),
    button(id('not_interested'), tr.t('feedback.not_interested_button'), ButtonStyle.Secondary),
    watchlistButton(pick.movieId, source === 'w' ? 'w' : 'r', r),
  );
}

/** A pick's poster: the one builder and size (src/services/tmdb/images.ts) with TMDB's image base. */
export function posterUrl(posterPath: string | null): string | null {
  return posterUrlFor(posterPath);
}

/** /recommend: numbered picks, each with its reason and a row of feedback buttons. */
export function renderPicks(
  tr: Translator,
  picks: readonly PickView[],
  r: RenderIds,
  intro: MessageKey = 'picks.intro',
  where?: WhereToWatch,
): MessageView {
  if (picks.length === 0) return { content: tr.t('picks.none'), ephemeral: true };
  const shown = picks.slice(0, 5);
  const { lines: streams, content } = pickLines(
    tr,
    where,
    shown.map((p) => p.movieId),
    tr.t(intro),
  );
  return {
    content,
    embeds: shown.map((p, i) => {
      const poster = posterUrl(p.posterPath);
      return {
        title: clip(`${i + 1}. ${titleWithYear(p.title, p.year)}`, 256),
        description: clip(
          [reasonText(tr, p.reason), streams[i], p.genres.length ? tr.genres(p.genres.slice(0, 3)) : null]
            .filter(Boolean)
            .join('\n'),
          PICK_DESCRIPTION_MAX,
        ),
        color: BRAND_COLOUR,
        ...(poster ? { thumbnail: { url: poster } } : {}),
      };
    }),
    components: shown.map((p) => feedbackButtons(tr, p, 'r', r)),
  };
}

/** A new user's first /recommend: rate a few well-known films with one click each. */
export function renderOnboarding(
  tr: Translator,
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
          tr.t(s === 2 ? 'onboarding.meh' : s === 4 ? 'onboarding.liked' : 'onboarding.loved'),
          given === s ? ButtonStyle.Primary : ButtonStyle.Secondary,
          s === 2 ? '👎' : s === 4 ? '👍' : '❤️',
        ),
      ),
    );
  });
  const show = tr.t('onboarding.show_picks');
  rows.push(row(button(r.ids.encode('rec', r.owner, []), show, ButtonStyle.Success, '🎬', done === 0)));
  return {
    content: done === 0 ? tr.t('onboarding.welcome', { show }) : tr.t('onboarding.progress', { done, show }),
    components: rows,
    ephemeral: true,
  };
}

/** `rate`: after "Seen it", offer a quick 1–5★ rating of that film (the weekly DM's "Seen it (then a quick rate)"). */
export function renderFeedbackAck(
  tr: Translator,
  kind: FeedbackKind,
  active: boolean,
  title: string,
  rate?: { movieId: number } & RenderIds,
): MessageView {
  const what: Record<FeedbackKind, [MessageKey, MessageKey]> = {
    up: ['feedback.up_on', 'feedback.up_off'],
    down: ['feedback.down_on', 'feedback.down_off'],
    seen: ['feedback.seen_on', 'feedback.seen_off'],
    not_interested: ['feedback.not_interested_on', 'feedback.not_interested_off'],
  };
  const [on, off] = what[kind];
  const content = active ? `${tr.t(on, { title })} ${tr.t('feedback.undo_hint')}` : tr.t(off, { title });
  if (kind === 'seen' && active && rate) {
    return {
      content: `${content}\n${tr.t('feedback.rate_prompt')}`,
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

/** /help: one line per command, in the order people meet them. */
const HELP_LINES: readonly MessageKey[] = [
  'help.search',
  'help.rate',
  'help.watched_add',
  'help.watched_list',
  'help.watched_remove',
  'help.similar',
  'help.compare',
  'help.watchlist',
  'help.recommend',
  'help.movienight',
  'help.stats',
  'help.import',
  'help.privacy',
  'help.settings',
  'help.config',
  'help.help',
];

export function renderHelp(tr: Translator): MessageView {
  return {
    embeds: [
      {
        title: tr.t('help.title'),
        color: BRAND_COLOUR,
        description: [...HELP_LINES.map((k) => tr.t(k)), '', tr.t('help.tip')].join('\n'),
        footer: { text: `${tr.t('help.tmdb_notice')} ${tr.t('stream.credit')}` },
      },
    ],
    ephemeral: true,
  };
}

export function renderWatchlistChange(tr: Translator, change: WatchlistChange, via: 'command' | 'button'): MessageView {
  const title = change.title;
  let content: string;
  if (change.onList) {
    content = change.changed
      ? `${tr.t('watchlist.added', { title })}${via === 'button' ? ` ${tr.t('watchlist.undo_hint')}` : ''}`
      : tr.t('watchlist.already', { title });
  } else {
    content = change.changed ? tr.t('watchlist.removed', { title }) : tr.t('watchlist.not_on', { title });
  }
  return { content, ephemeral: true };
}

/** /watchlist list with ◀ ▶ buttons that act for the viewer (the same paging as the watch log). */
export function renderWatchlist(
  tr: Translator,
  list: { items: readonly WatchlistView[]; total: number; page: number; pages: number },
  who: { targetId: string; targetName: string; self: boolean },
  r: RenderIds,
): MessageView {
  if (list.total === 0) {
    return {
      content: who.self ? tr.t('watchlist.empty_self') : tr.t('watchlist.empty_other', { name: who.targetName }),
      ephemeral: true,
    };
  }
  const lines = list.items.map(
    (w, i) =>
      `${(list.page - 1) * 10 + i + 1}. ${tr.t('watchlist.line', { film: titleWithYear(w.title, yearOf(w.releaseDate)), date: tr.date(w.addedAt) })}`,
  );
  return {
    embeds: [
      {
        title: who.self ? tr.t('watchlist.title_self') : tr.t('watchlist.title_other', { name: who.targetName }),
        description: lines.join('\n'),
        color: BRAND_COLOUR,
        footer: { text: tr.t('list.footer', { page: list.page, pages: list.pages, total: list.total }) },
      },
    ],
    components: pager(tr, list, (page) => r.ids.encode('wll', r.owner, [who.targetId, page])),
    ephemeral: true,
  };
}

/** ◀ ▶ for a paged list; no row when everything fits on one page. */
function pager(tr: Translator, list: { page: number; pages: number }, idFor: (page: number) => string): Row[] {
  if (list.pages <= 1) return [];
  return [
    row(
      button(idFor(list.page - 1), tr.t('list.previous'), ButtonStyle.Secondary, '◀️', list.page <= 1),
      button(idFor(list.page + 1), tr.t('list.next'), ButtonStyle.Secondary, '▶️', list.page >= list.pages),
    ),
  ];
}

export function renderDmPauseNotice(tr: Translator): MessageView {
  return { content: tr.t('dm.paused_notice'), ephemeral: true };
}

export function renderFailure(message: string): MessageView {
  return { content: `⚠️ ${message}`, ephemeral: true };
}
