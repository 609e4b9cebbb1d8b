// Every message kind, in every locale, with worst-case values, stays within Discord's limits (issue 17: German and
// Japanese change lengths). Two layers: every catalogue message alone fits a message's content with long values, and
// each renderer's whole message (content, embeds, buttons, selects, poll) fits with long titles, names and lists.
import { describe, expect, it } from 'vitest';
import type { MovieCard, PickView } from '../../src/bot/context.ts';
import { CustomIds } from '../../src/bot/custom-id.ts';
import * as L from '../../src/bot/discord-limits.ts';
import { renderImportSummary } from '../../src/bot/import-render.ts';
import { renderHistory, renderJoin, renderPoll, renderRatingPrompt } from '../../src/bot/movie-night-render.ts';
import {
  renderFeedbackAck,
  renderHelp,
  renderMovieCard,
  renderOnboarding,
  renderPicks,
  renderSearchResults,
  renderWatchedList,
  renderWatchlist,
} from '../../src/bot/render.ts';
import { renderSimilar } from '../../src/bot/similar-render.ts';
import { renderWeeklyDigest, renderWeeklyDm } from '../../src/bot/weekly-render.ts';
import { enUS } from '../../src/i18n/catalogue/en-US.ts';
import { LOCALES, type MessageKey, t, translator } from '../../src/i18n/index.ts';
import type { ImportJobView } from '../../src/services/import/import-service.ts';
import type { CandidateView, NightView } from '../../src/services/movie-night-service.ts';
import type { WhereToWatch } from '../../src/services/streaming-service.ts';

const ids = new CustomIds('s', () => Date.UTC(2026, 0, 1));
const r = { ids, owner: '100000000000000001' };
const LONG_TITLE = 'Ü'.repeat(250);
const LONG_NAME = 'N'.repeat(32); // a Discord display name holds 32 characters

/** A long value for any argument: numbers for counts, long text for everything else. */
const worst = new Proxy({} as Record<string, string | number>, {
  get: (_, name) =>
    typeof name === 'string' &&
    /^(count|n|people|ratings|votes|members|rows|total|done|viewings|fans|page|pages|from|to|common|watched|seconds|size|limit|attended|match|half|score)$/.test(
      name,
    )
      ? 987_654
      : name === 'verb' ||
          name === 'changed' ||
          name === 'level' ||
          name === 'dms' ||
          name === 'all' ||
          name === 'report'
        ? 'other'
        : 'W'.repeat(120),
  has: () => true,
  ownKeys: () => [],
});

interface Checked {
  content?: string;
  embeds?: readonly {
    title?: string;
    description?: string;
    fields?: readonly { name: string; value: string }[];
    footer?: { text: string };
  }[];
  components?: readonly object[];
  poll?: { question: { text?: string }; answers: readonly { poll_media: { text?: string } }[] };
}

/** Every limit one message must keep; returns what it breaks. */
function overLimits(m: Checked): string[] {
  const bad: string[] = [];
  const len = (s: string | undefined) => (s ?? '').trim().length;
  if (len(m.content) > L.CONTENT_MAX) bad.push(`content ${len(m.content)}`);
  let total = 0;
  for (const e of m.embeds ?? []) {
    if (len(e.title) > L.EMBED_TITLE_MAX) bad.push(`title ${len(e.title)}`);
    if (len(e.description) > L.EMBED_DESCRIPTION_MAX) bad.push(`description ${len(e.description)}`);
    if ((e.fields?.length ?? 0) > L.EMBED_FIELDS_MAX) bad.push('fields');
    for (const f of e.fields ?? []) {
      if (len(f.name) > L.EMBED_FIELD_NAME_MAX) bad.push(`field name ${len(f.name)}`);
      if (len(f.value) > L.EMBED_FIELD_VALUE_MAX) bad.push(`field value ${len(f.value)}`);
      total += len(f.name) + len(f.value);
    }
    if (len(e.footer?.text) > L.EMBED_FOOTER_MAX) bad.push('footer');
    total += len(e.title) + len(e.description) + len(e.footer?.text);
  }
  if (total > L.EMBEDS_TOTAL_MAX) bad.push(`embeds total ${total}`);
  for (const row of (m.components ?? []) as { components?: object[] }[]) {
    for (const c of (row.components ?? []) as Record<string, unknown>[]) {
      const label = typeof c.label === 'string' ? c.label : '';
      if (label.length > L.BUTTON_LABEL_MAX) bad.push(`button ${label.length}`);
      const placeholder = typeof c.placeholder === 'string' ? c.placeholder : '';
      if (placeholder.length > L.SELECT_PLACEHOLDER_MAX) bad.push('placeholder');
      for (const o of (c.options as { label: string }[] | undefined) ?? []) {
        if (o.label.length > L.SELECT_OPTION_LABEL_MAX) bad.push('option label');
      }
    }
  }
  if (m.poll) {
    if (len(m.poll.question.text) > L.POLL_QUESTION_MAX) bad.push('poll question');
    for (const a of m.poll.answers) if (len(a.poll_media.text) > L.POLL_ANSWER_MAX) bad.push('poll answer');
  }
  return bad;
}

const card: MovieCard = {
  id: 1,
  title: LONG_TITLE,
  year: 1999,
  releaseDate: '1999-12-31',
  genres: ['Science Fiction', 'Documentary', 'Adventure'],
  voteAverage: 9.9,
  voteCount: 987_654,
  posterUrl: null,
  runtime: 999,
  overview: 'O'.repeat(2000),
  directors: [LONG_NAME, LONG_NAME, LONG_NAME],
  cast: [LONG_NAME, LONG_NAME, LONG_NAME, LONG_NAME],
};
const pick = (k: number): PickView => ({
  impressionId: k,
  movieId: k,
  title: LONG_TITLE,
  year: 2000,
  posterPath: null,
  genres: ['Science Fiction', 'Documentary', 'Adventure'],
  score: 1,
  reason: {
    kind: 'shared_keywords',
    keywords: ['K'.repeat(60), 'K'.repeat(60), 'K'.repeat(60)],
    evidence: [{ movieId: 1, title: LONG_TITLE, stars: 5, share: 1 }],
  },
});
/** Every pick on dozens of services with long names, all of them the viewer's: the longest "Stream on …" lines. */
const manyProviders = Array.from({ length: 40 }, (_, k) => ({ id: k, name: `${'P'.repeat(90)}${k}`, priority: k }));
const worstWhere: WhereToWatch = {
  region: 'GB',
  services: manyProviders.map((p) => ({ id: p.id, name: p.name })),
  offers: new Map(
    [1, 2, 3, 4, 5].map((movieId) => [
      movieId,
      {
        movieId,
        region: 'GB',
        link: 'https://www.themoviedb.org/movie/1/watch?locale=GB',
        offers: { flatrate: manyProviders, free: manyProviders, ads: manyProviders, rent: manyProviders, buy: [] },
      },
    ]),
  ),
};
const night = {
  id: 7,
  hostId: r.owner,
  guildId: '1',
  channelId: '2',
  status: 'gathering',
  startsAt: new Date('2026-12-05T20:30:00Z'),
  joinClosesAt: new Date('2026-12-05T20:00:00Z'),
  candidateCount: 10,
  location: 'L'.repeat(100),
  voiceChannelId: null,
  pollHours: 2,
  multiselect: false,
  decidedBy: 'votes',
} as unknown as NightView;
const candidate = (k: number): CandidateView => ({
  answerId: k,
  movieId: k,
  title: LONG_TITLE,
  year: 1995,
  runtime: 999,
  posterPath: null,
  genres: ['Science Fiction', 'Documentary', 'Adventure'],
  groupScore: 1,
  reasons: [
    { kind: 'fit', userIds: ['1', '2'], of: 3 },
    { kind: 'director', userIds: ['1', '2', '3'], movieId: 9, title: LONG_TITLE, name: LONG_NAME },
  ],
  votes: 987_654,
});
const job = {
  fileName: 'F'.repeat(200),
  source: 'letterboxd',
  status: 'done',
  totalRows: 20_000,
  processedRows: 20_000,
  matchedRows: 19_999,
  unmatchedRows: 1,
  failure: null,
  summary: {
    ratingsAdded: 20_000,
    ratingsUpdated: 20_000,
    watchedAdded: 20_000,
    watchedUpdated: 20_000,
    watchlistAdded: 20_000,
    watchlistSkipped: 20_000,
  },
} as unknown as ImportJobView;
const page = { total: 987_654, page: 98_766, pages: 98_766 };
const weeklyDm = {
  type: 'weekly_dm',
  isoWeek: '2026-W48',
  guildId: '1',
  userId: r.owner,
  batchId: 1,
  picks: [1, 2, 3, 4, 5].map(pick),
};

describe.each(LOCALES)('in %s', (locale) => {
  const tr = translator(locale);

  it('when any message is formatted with long values, then it fits a message', () => {
    const bad = (Object.keys(enUS) as MessageKey[]).filter((key) => t(locale, key, worst).length > L.CONTENT_MAX);
    expect(bad).toEqual([]);
  });

  it('when every message kind is rendered with worst-case data, then none breaks a Discord limit', () => {
    const names = new Map([
      ['1', LONG_NAME],
      ['2', LONG_NAME],
      ['3', LONG_NAME],
    ]);
    const kinds: Record<string, Checked> = {
      help: renderHelp(tr),
      search: renderSearchResults(tr, 'Q'.repeat(100), [card, card, card, card, card], r),
      searchOtherYears: renderSearchResults(tr, 'Q'.repeat(100), [], r, { year: 1980, otherYears: [card, card, card] }),
      card: renderMovieCard(tr, card, { rating: 4.5, watchedOn: '2024-05-31', onWatchlist: true }, r),
      picks: renderPicks(tr, [1, 2, 3, 4, 5].map(pick), r),
      picksWithOffers: renderPicks(tr, [1, 2, 3, 4, 5].map(pick), r, undefined, worstWhere),
      similarWithOffers: renderSimilar(
        tr,
        {
          seed: { movieId: 9, title: LONG_TITLE, year: 2000 },
          picks: [1, 2, 3, 4, 5].map((k) => ({
            ...pick(k),
            reason: { kind: 'shared_keywords', keywords: ['K'.repeat(60), 'K'.repeat(60), 'K'.repeat(60)] },
          })),
        },
        r,
        worstWhere,
      ),
      onboarding: renderOnboarding(
        tr,
        [1, 2, 3, 4].map((id) => ({ id, title: LONG_TITLE, year: 2000 })),
        new Map([[1, 5]]),
        r,
      ),
      seen: renderFeedbackAck(tr, 'seen', true, LONG_TITLE, { movieId: 1, ...r }),
      watchLog: renderWatchedList(
        tr,
        {
          ...page,
          items: Array.from({ length: 10 }, () => ({
            movieId: 1,
            title: LONG_TITLE,
            releaseDate: '1999-01-01',
            watchedOn: '2024-05-31',
            stars: 4.5,
            rewatchCount: 98,
          })) as never,
        },
        { targetId: '1', targetName: LONG_NAME, self: false },
        r,
      ),
      watchlist: renderWatchlist(
        tr,
        {
          ...page,
          items: Array.from({ length: 10 }, () => ({
            movieId: 1,
            title: LONG_TITLE,
            releaseDate: '1999-01-01',
            addedAt: new Date('2024-05-31T00:00:00Z'),
          })) as never,
        },
        { targetId: '1', targetName: LONG_NAME, self: false },
        r,
      ),
      weeklyDm: renderWeeklyDm(tr, weeklyDm as never, ids),
      weeklyDmWithOffers: renderWeeklyDm(
        tr,
        {
          ...weeklyDm,
          reminder: {
            watchlistItemId: 1,
            movieId: 9,
            title: LONG_TITLE,
            year: 2001,
            region: 'GB',
            services: manyProviders.map((p) => p.name),
          },
        } as never,
        ids,
        worstWhere,
      ),
      digest: renderWeeklyDigest(tr, {
        type: 'weekly_digest',
        isoWeek: '2026-W48',
        guildId: '1',
        members: 987_654,
        films: Array.from({ length: 10 }, (_, k) => ({
          movieId: k,
          title: LONG_TITLE,
          year: 2000,
          members: 987_654,
          score: 1,
        })),
      } as never),
      join: renderJoin(
        tr,
        night,
        Array.from({ length: 40 }, (_, k) => ({ userId: `10000000000000${k}`, out: false })) as never,
        ids,
        new Date('2026-12-05T19:00:00Z'),
      ),
      poll: renderPoll(
        tr,
        night,
        Array.from({ length: 10 }, (_, k) => candidate(k + 1)),
        names,
        'n',
      ),
      ratingPrompt: renderRatingPrompt(tr, night, candidate(1), ['1', '2', '3'], ids),
      history: renderHistory(
        tr,
        Array.from({ length: 50 }, () => ({
          title: LONG_TITLE,
          startsAt: new Date(),
          attendees: ['1', '2'],
          groupScore: 4.5,
          ratings: 99,
        })) as never,
      ),
      importSummary: renderImportSummary(tr, job, true),
    };
    const broken = Object.entries(kinds)
      .map(([kind, m]) => [kind, overLimits(m)] as const)
      .filter(([, bad]) => bad.length > 0);
    expect(broken).toEqual([]);
  });
});
