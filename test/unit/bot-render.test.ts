import { describe, expect, it } from 'vitest';
import type { MovieCard, PickView } from '../../src/bot/context.ts';
import { CustomIds } from '../../src/bot/custom-id.ts';
import { UserRateLimiter } from '../../src/bot/rate-limit.ts';
import {
  renderFeedbackAck,
  renderMovieCard,
  renderOnboarding,
  renderPicks,
  renderRatingChange,
  renderSearchResults,
  renderWatchedList,
  starsText,
} from '../../src/bot/render.ts';
import type { MessageView } from '../../src/bot/responder.ts';
import { translator } from '../../src/i18n/index.ts';

const en = translator('en-US');

const ids = new CustomIds('s', () => Date.UTC(2026, 0, 1));
const owner = '1400000000000000001';
const r = { ids, owner };

const heat: MovieCard = {
  id: 949,
  title: 'Heat',
  year: 1995,
  releaseDate: '1995-12-15',
  genres: ['Action', 'Crime', 'Drama', 'Thriller'],
  voteAverage: 7.9,
  voteCount: 6000,
  posterUrl: 'https://image.tmdb.org/t/p/w185/heat.jpg',
  runtime: 170,
  overview: null,
  directors: ['Michael Mann'],
  cast: ['Al Pacino', 'Robert De Niro'],
};

interface TestButton {
  custom_id?: string;
  label?: string;
  emoji?: { name?: string };
  disabled?: boolean;
}
const buttons = (v: MessageView): TestButton[] =>
  (v.components ?? []).flatMap((row) => row.components as unknown as TestButton[]);

describe('renderers', () => {
  it.each([
    [0.5, '½ (0.5)'],
    [3, '★★★ (3)'],
    [4.5, '★★★★½ (4.5)'],
  ])('when the score is %s, then stars read %s', (score, text) => {
    expect(starsText(en, score)).toBe(text);
  });

  it('when search has results, then each is a compact card with poster, year, rating and genres, and a row of actions', () => {
    const v = renderSearchResults(en, 'heat', [heat], r);
    expect(v.embeds?.[0]).toMatchObject({
      title: '1. Heat (1995)',
      description: 'TMDB 7.9/10 · Action, Crime, Drama · 2 hr, 50 min',
      thumbnail: { url: heat.posterUrl },
    });
    expect(buttons(v).map((b) => b.label ?? b.emoji?.name)).toEqual(['1. Heat', 'Watched', '🔖']);
    expect(buttons(v).map((b) => ids.decode(b.custom_id ?? '').action)).toEqual(['open', 'watch', 'bm']);
  });

  it('when search finds nothing, then the answer says so and what to try', () => {
    expect(renderSearchResults(en, 'zzz', [], r).content).toBe(
      'No films found for “zzz”. Check the spelling or try fewer words.',
    );
  });

  it('when search finds nothing in the year asked but in others, then the answer blames the year and names them', () => {
    const v = renderSearchResults(en, 'heat', [], r, { year: 1980, otherYears: [heat] });
    expect(v.content).toBe(
      'Nothing from 1980 matches “heat”, but other years do: Heat (1995). Try another year or leave it out.',
    );
  });

  it('when search finds nothing in any year, then the answer says the year was not the reason', () => {
    expect(renderSearchResults(en, 'zzz', [], r, { year: 1980, otherYears: [] }).content).toContain(
      'in 1980 or any other year',
    );
  });

  it('when a card is shown, then it offers 1–5 stars, mark watched, the watchlist, and remove only if rated', () => {
    expect(buttons(renderMovieCard(en, heat, { rating: null, watchedOn: null }, r)).map((b) => b.label)).toEqual([
      '1★',
      '2★',
      '3★',
      '4★',
      '5★',
      'Mark watched',
      'Watchlist',
    ]);
    const listed = buttons(renderMovieCard(en, heat, { rating: null, watchedOn: null, onWatchlist: true }, r));
    expect(listed.at(-1)?.label).toBe('Remove from watchlist');
    expect(ids.decode(listed.at(-1)?.custom_id ?? '').args).toEqual(['949', 'c']);
    expect(buttons(renderMovieCard(en, heat, { rating: 4, watchedOn: '2026-01-01' }, r)).at(-1)?.label).toBe(
      'Remove rating',
    );
  });

  it('when a rating changes, then the message shows old → new and a remove button', () => {
    const v = renderRatingChange(en, { movieId: 949, title: 'Heat', previous: 3, current: 4.5 }, r);
    expect(v.content).toBe('⭐ Updated **Heat**: ★★★ (3) → ★★★★½ (4.5)');
    expect(ids.decode(buttons(v)[0]?.custom_id ?? '')).toMatchObject({ action: 'unrate', owner, args: ['949'] });
  });

  it('when picks are shown, then each has its reason and 👍 👎 Seen it / Not interested for that impression', () => {
    const pick: PickView = {
      impressionId: 77,
      movieId: 949,
      title: 'Heat',
      year: 1995,
      posterPath: '/heat.jpg',
      genres: ['Crime'],
      score: 0.9,
      reason: {
        kind: 'similar_to',
        via: 'item',
        evidence: [{ movieId: 1887, title: 'Collateral', stars: 5, share: 0.6 }],
      },
    };
    const v = renderPicks(en, [pick], r);
    expect(v.embeds?.[0]?.description).toContain('Because you loved Collateral');
    expect(v.embeds?.[0]?.thumbnail?.url).toBe('https://image.tmdb.org/t/p/w185/heat.jpg');
    const decoded = buttons(v).map((b) => ids.decode(b.custom_id ?? '').args);
    expect(decoded).toEqual([
      ['949', 'u', '77', 'r'],
      ['949', 'd', '77', 'r'],
      ['949', 's', '77', 'r'],
      ['949', 'n', '77', 'r'],
      ['949', 'r'],
    ]);
  });

  it('when there are no picks, then the user gets a hint, not an empty message', () => {
    expect(renderPicks(en, [], r).content).toContain("couldn't find");
  });

  it('when onboarding is shown, then each film has one-click ratings and Show my picks waits for a first rating', () => {
    const films = [
      { id: 1, title: 'A', year: 2000 },
      { id: 2, title: 'B', year: null },
    ];
    const fresh = renderOnboarding(en, films, new Map(), r);
    expect(fresh.components).toHaveLength(3);
    expect(buttons(fresh).at(-1)).toMatchObject({ label: 'Show my picks', disabled: true });
    const after = renderOnboarding(en, films, new Map([[1, 4]]), r);
    expect(after.content).toContain('1 rated');
    expect(buttons(after).at(-1)).toMatchObject({ label: 'Show my picks' });
    expect(buttons(after).at(-1)?.disabled ?? false).toBe(false);
  });

  it('when a watch log has several pages, then ◀ ▶ are offered and disabled at the ends', () => {
    const v = renderWatchedList(
      en,
      {
        items: [
          {
            movieId: 949,
            title: 'Heat',
            releaseDate: '1995-12-15',
            watchedOn: '2026-01-02',
            rewatchCount: 1,
            stars: 4,
          },
        ],
        total: 11,
        page: 1,
        pages: 2,
      },
      { targetId: owner, targetName: 'Alice', self: true },
      r,
    );
    expect(v.embeds?.[0]?.description).toBe('`Jan 2, 2026` Heat (1995) — ★★★★ (4) · ×2');
    expect(buttons(v).map((b) => [b.label, b.disabled ?? false])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);
  });

  it('when feedback is toggled off, then the acknowledgement says so', () => {
    expect(renderFeedbackAck(en, 'up', false, 'Heat').content).toBe('Removed your 👍 for **Heat**.');
  });
});

describe('per-user rate limit', () => {
  it('when a user exceeds the limit, then they are told when to retry, and others are unaffected', () => {
    let now = 0;
    const limiter = new UserRateLimiter(() => now);
    const rule = { limit: 2, windowMs: 10_000 };
    limiter.take('a', 'recommend', rule);
    limiter.take('a', 'recommend', rule);
    expect(() => limiter.take('a', 'recommend', rule)).toThrow(/again in 10 s/);
    expect(() => limiter.take('b', 'recommend', rule)).not.toThrow();
    now = 10_001;
    expect(() => limiter.take('a', 'recommend', rule)).not.toThrow();
  });
});
