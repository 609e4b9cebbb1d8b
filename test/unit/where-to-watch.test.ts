import { describe, expect, it } from 'vitest';
import type { PickView } from '../../src/bot/context.ts';
import { CustomIds } from '../../src/bot/custom-id.ts';
import { PICK_DESCRIPTION_MAX, renderHelp, renderPicks } from '../../src/bot/render.ts';
import { renderServicesMenu, servicesPage } from '../../src/bot/services-render.ts';
import { renderSimilar } from '../../src/bot/similar-render.ts';
import { renderWeeklyDm } from '../../src/bot/weekly-render.ts';
import { joinNames, offerLine, whereToWatchField } from '../../src/bot/where-to-watch.ts';
import { commands } from '../../src/commands/index.ts';
import { translator } from '../../src/i18n/index.ts';
import type { FilmOffers, Offers, WhereToWatch } from '../../src/services/streaming-service.ts';
import type { DmPayload } from '../../src/services/weekly-run-service.ts';

const en = translator('en-US');

const ids = new CustomIds('s', () => Date.UTC(2026, 0, 1));
const tr = translator('en-US');
const JUSTWATCH_CREDIT = tr.t('stream.credit');
const r = { ids, owner: '1400000000000000001' };
const p = (id: number, name: string, priority = id) => ({ id, name, priority });
const none: Offers = { flatrate: [], free: [], ads: [], rent: [], buy: [] };
const film = (movieId: number, offers: Partial<Offers>): FilmOffers => ({
  movieId,
  region: 'GB',
  link: `https://www.themoviedb.org/movie/${movieId}/watch?locale=GB`,
  offers: { ...none, ...offers },
});

describe('where to watch, in words', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B, and C'],
    [['A', 'B', 'C', 'D', 'E'], 'A, B, C and 2 more'],
  ])('when names %j are joined, then they read %s', (names, text) => {
    expect(joinNames(tr, names)).toBe(text);
  });

  it('when a film streams on the person’s service, then that service comes first and is marked; buy is left out when it can be rented', () => {
    const f = film(1, {
      flatrate: [p(1, 'Fakeflix'), p(2, 'Demo Plus')],
      ads: [p(5, 'Popcorn Free')],
      free: [p(5, 'Popcorn Free')],
      rent: [p(3, 'Reel Rentals')],
      buy: [p(4, 'Pixel Store')],
    });
    expect(offerLine(tr, f, new Set([2]))).toBe(
      'Stream on Demo Plus (yours) and Fakeflix · Free on Popcorn Free · Rent on Reel Rentals',
    );
    expect(offerLine(tr, film(2, { buy: [p(4, 'Pixel Store')] }), new Set())).toBe('Buy on Pixel Store');
    expect(offerLine(tr, film(3, {}), new Set())).toBeNull();
    expect(offerLine(tr, undefined, new Set())).toBeNull();
    // The words are the person's language (src/i18n); the names are TMDB's.
    expect(offerLine(translator('de'), f, new Set([2]))).toBe(
      'Streamen bei Demo Plus (deins) und Fakeflix · Kostenlos bei Popcorn Free · Leihen bei Reel Rentals',
    );
  });

  it('when a card has no region, then it says how to set one; with one, it credits JustWatch with TMDB’s link', () => {
    const noRegion: WhereToWatch = { region: null, services: [], offers: new Map() };
    expect(whereToWatchField(tr, noRegion, 1)?.value).toContain('/settings region');
    const gb: WhereToWatch = {
      region: 'GB',
      services: [],
      offers: new Map([[1, film(1, { rent: [p(3, 'Reel Rentals')] })]]),
    };
    const field = whereToWatchField(tr, gb, 1);
    expect(field?.name).toBe('Where to watch (GB)');
    expect(field?.value).toBe(
      `Rent on Reel Rentals\n[${JUSTWATCH_CREDIT}](https://www.themoviedb.org/movie/1/watch?locale=GB)`,
    );
    expect(whereToWatchField(tr, gb, 2)?.value).toContain('Not streaming, for rent or for sale in GB');
    expect(whereToWatchField(tr, undefined, 1)).toBeNull();
  });

  it('when picks carry offers, then each shows its line within the description limit and the message credits JustWatch once', () => {
    const pick = (movieId: number): PickView => ({
      impressionId: movieId,
      movieId,
      title: 'T'.repeat(300),
      year: 2000,
      posterPath: null,
      genres: ['Drama'],
      score: 1,
      reason: { kind: 'starter' },
    });
    const many = Array.from({ length: 40 }, (_, k) => p(100 + k, `Provider with a long name ${k}`));
    const where: WhereToWatch = {
      region: 'GB',
      services: [{ id: 105, name: 'x' }],
      offers: new Map([[1, film(1, { flatrate: many, rent: many, free: many })]]),
    };
    const view = renderPicks(en, [pick(1), pick(2)], r, undefined, where);
    expect(view.content).toBe(`Picked for you:\n${JUSTWATCH_CREDIT}`);
    expect(view.embeds?.[0]?.description).toContain('📺 Stream on Provider with a long name 5 (yours)');
    expect(view.embeds?.[1]?.description).not.toContain('📺');
    for (const e of view.embeds ?? []) expect(e.description?.length).toBeLessThanOrEqual(PICK_DESCRIPTION_MAX);
    expect(renderPicks(en, [pick(2)], r, undefined, where).content).toBe('Picked for you:');
  });
});

describe('Stream on … under /similar and weekly picks', () => {
  const view = (movieId: number): PickView => ({
    impressionId: movieId,
    movieId,
    title: `Film ${movieId}`,
    year: 2000,
    posterPath: null,
    genres: ['Drama'],
    score: 1,
    reason: { kind: 'starter' },
  });
  const gb: WhereToWatch = {
    region: 'GB',
    services: [{ id: 2, name: 'Demo Plus' }],
    offers: new Map([[1, film(1, { flatrate: [p(1, 'Fakeflix'), p(2, 'Demo Plus')], rent: [p(3, 'Reel Rentals')] })]]),
  };
  const dm: DmPayload = {
    type: 'weekly_dm',
    isoWeek: '2026-W48',
    guildId: '1',
    userId: '123456789012345678',
    batchId: 'b',
    picks: [view(1), view(2)],
  };
  const reminder = {
    watchlistItemId: 1,
    movieId: 9,
    title: 'Heat',
    year: 1995,
    region: 'GB',
    services: ['Demo Plus'],
  };
  const LINE = '📺 Stream on Demo Plus (yours) and Fakeflix · Rent on Reel Rentals';
  const credits = (text: string) => text.split(JUSTWATCH_CREDIT).length - 1;

  it('when /similar is shown to someone with a region, then each film with offers has its line and JustWatch is credited once', () => {
    const result = {
      seed: { movieId: 949, title: 'Heat', year: 1995 },
      picks: [1, 2].map((id) => ({ ...view(id), reason: { kind: 'same_director' as const, name: 'Michael Mann' } })),
    };
    const shown = renderSimilar(tr, result, r, gb);
    expect(shown.embeds?.[0]?.description).toBe(`Same director: Michael Mann\n${LINE}\nDrama`);
    expect(shown.embeds?.[1]?.description).not.toContain('📺');
    expect(credits(shown.content ?? '')).toBe(1);
    // No region (or no offers known): no line and no credit.
    const plain = renderSimilar(tr, result, r, { region: null, services: [], offers: new Map() });
    expect(JSON.stringify(plain)).not.toContain('📺');
    expect(plain.content).not.toContain(JUSTWATCH_CREDIT);
  });

  it('when a weekly DM is rendered with where its picks stream, then each pick has its line and JustWatch is credited once, reminder or not', () => {
    const body = renderWeeklyDm(en, dm, ids, gb);
    expect(body.embeds?.[0]?.description).toContain(LINE);
    expect(body.embeds?.[1]?.description).not.toContain('📺');
    expect(credits(body.content)).toBe(1);
    const withReminder = renderWeeklyDm(en, { ...dm, reminder }, ids, gb);
    expect(withReminder.content).toContain('From your watchlist: **Heat (1995)**');
    expect(credits(withReminder.content)).toBe(1);
    // Without offers the reminder carries the credit itself; without either, there is none.
    expect(credits(renderWeeklyDm(en, { ...dm, reminder }, ids).content)).toBe(1);
    const bare = renderWeeklyDm(en, dm, ids);
    expect(JSON.stringify(bare)).not.toContain('📺');
    expect(bare.content).not.toContain(JUSTWATCH_CREDIT);
  });
});

describe('/settings services menu', () => {
  const providers = Array.from({ length: 27 }, (_, k) => ({ id: 1 + k, name: `Service ${k + 1}` }));

  it('when a region has more services than a select holds, then page 1 offers the first 25 and ◀ ▶ reach the rest', () => {
    const view = renderServicesMenu(tr, { region: 'US', providers, mine: [{ id: 2, name: 'Service 2' }], page: 1 }, r);
    const select = view.components?.[0]?.components[0] as unknown as {
      options: { value: string; default?: boolean }[];
      max_values: number;
      min_values: number;
    };
    expect(select.options).toHaveLength(25);
    expect(select.min_values).toBe(0);
    expect(select.max_values).toBe(25);
    expect(select.options.filter((o) => o.default).map((o) => o.value)).toEqual(['2']);
    expect(view.components).toHaveLength(2);
    expect(view.content).toContain('Services 1–25 of 27');
    const last = renderServicesMenu(tr, { region: 'US', providers, mine: [], page: 9 }, r);
    const options = (last.components?.[0]?.components[0] as unknown as { options: unknown[] } | undefined)?.options;
    expect(options).toHaveLength(2);
    expect(servicesPage(providers, 2).map((x) => x.id)).toEqual([26, 27]);
  });

  it('when a region lists no services, then there is no menu, only a sentence', () => {
    const view = renderServicesMenu(tr, { region: 'AQ', providers: [], mine: [], page: 1 }, r);
    expect(view.components).toEqual([]);
    expect(view.content).toContain('no streaming services for AQ');
  });
});

describe('weekly DM reminder', () => {
  it('when a DM carries a reminder, then it is in the content, credits JustWatch, and all limits hold', () => {
    const dm: DmPayload = {
      type: 'weekly_dm',
      isoWeek: '2026-W48',
      guildId: '1',
      userId: '123456789012345678',
      batchId: 'b',
      picks: [1, 2, 3, 4, 5].map((movieId) => ({
        impressionId: movieId,
        movieId,
        title: 'T'.repeat(300),
        year: 1995,
        posterPath: null,
        genres: ['Crime'],
        score: 1,
        reason: { kind: 'starter' },
      })),
      reminder: {
        watchlistItemId: 1,
        movieId: 9,
        title: 'A'.repeat(400),
        year: 2001,
        region: 'GB',
        services: ['Fakeflix', 'Demo Plus'],
      },
    };
    const body = renderWeeklyDm(en, dm, ids);
    expect(body.content).toContain('From your watchlist: **');
    expect(body.content).toContain('is streaming on Fakeflix and Demo Plus (GB) now.');
    expect(body.content).toContain(JUSTWATCH_CREDIT);
    expect(body.content.length).toBeLessThanOrEqual(2000);
    expect(renderWeeklyDm(en, { ...dm, reminder: undefined }, ids).content).not.toContain('watchlist');
  });
});

describe('/help', () => {
  it('when /help is shown, then it names every subcommand of every command, available:mine, and credits JustWatch', () => {
    const embed = renderHelp(en).embeds?.[0];
    const text = embed?.description ?? '';
    for (const c of commands) {
      const json = c.data.toJSON();
      const lines = text.split('\n').filter((l) => l.includes(`/${json.name}`));
      expect(lines.length, json.name).toBeGreaterThan(0);
      for (const o of json.options ?? []) {
        if (o.type === 1) expect(lines.join('\n'), `${json.name} ${o.name}`).toContain(o.name);
      }
    }
    expect(text).toContain('available:mine');
    expect(embed?.footer?.text).toContain(JUSTWATCH_CREDIT);
  });
});
