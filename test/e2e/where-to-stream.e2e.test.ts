// Where to stream (issue 13, part 5) end to end: the real bot and discord.js against the local Discord and the fake
// TMDB's providers, on PGlite (project e2e) and on PostgreSQL (project e2e-postgres). One stack for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type StoredMessage } from '../../fakes/discord/index.ts';
import type { LocalStack } from '../../fakes/local-stack.ts';
import { offersIn } from '../../fakes/tmdb/index.ts';
import { UserStreamingService, WatchlistItem, WatchOffers } from '../../src/entities/index.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { DiscordSpec } from '../support/discord-spec.ts';
import { startE2eStack } from '../support/e2e-stack.ts';

let stack: LocalStack;
const em = () => stack.orm.em.fork();
const spec = new DiscordSpec();
const FAKEFLIX = '90001';
const POPCORN_FREE = '90005';

beforeAll(async () => {
  stack = await startE2eStack({
    discord: { heartbeatIntervalMs: 500, onBody: (e) => void spec.check(e.direction, e.method, e.route, e.body) },
  });
  // The first interaction of a fresh process pays for cold code paths; on a loaded 2-core machine that alone can pass
  // Discord's 3 s, which is not what this file tests.
  await stack.discord
    .command(stack.discord.user('warm-up'), 'help')
    .reply()
    .catch(() => {});
}, 180_000); // PGlite, discord.js and the model build share 2 cores with the rest of the machine
afterAll(async () => {
  await stack?.stop();
});

const selectOf = (m: StoredMessage) => FakeDiscord.selects(m)[0];
const servicesOf = async (userId: string) =>
  (await em().find(UserStreamingService, { user: userId }, { orderBy: { providerId: 'asc' } })).map(
    (s) => s.providerId,
  );

/** Streams (subscription, free or with ads) on one of these providers in the region, per the fake's data. */
function streamsOn(movieId: number, region: string, providers: readonly number[]): boolean {
  const o = offersIn(movieId, region);
  return [...(o.flatrate ?? []), ...(o.free ?? []), ...(o.ads ?? [])].some((p) => providers.includes(p.provider_id));
}

describe('where to stream', () => {
  it('when someone without a region asks for services or available:mine, then they are told kindly how to set one', async () => {
    const d = stack.discord;
    const noa = d.user('noa');
    const menu = await d.command(noa, 'settings services').reply();
    expect(menu.ephemeralFor).toBe(noa.id);
    expect(menu.content).toContain('/settings region');
    for (const id of [238, 680, 155, 27205]) await setRating(em(), noa.id, id, 4.5);
    const picks = await d.command(noa, 'recommend', { available: 'mine' }).reply();
    expect(picks.ephemeralFor).toBe(noa.id);
    expect(picks.content).toContain('/settings region');
    await d.command(noa, 'settings region', { code: 'gb' }).reply();
    const noServices = await d.command(noa, 'recommend', { available: 'mine' }).reply();
    expect(noServices.ephemeralFor).toBe(noa.id);
    expect(noServices.content).toContain('/settings services');
  });

  it('when someone chooses services over two pages of the menu, then both pages’ choices are kept', async () => {
    const d = stack.discord;
    const sam = d.user('sam');
    await d.command(sam, 'settings region', { code: 'us' }).reply();
    const menu = await d.command(sam, 'settings services').reply();
    const page1 = selectOf(menu);
    // The US has 27 providers in the fake: the 25 most prominent on page 1, the rest a click away.
    expect(page1?.options).toHaveLength(25);
    expect(page1?.options[0]?.label).toBe('Fakeflix');
    expect(menu.content).toContain('JustWatch');
    const saved = await d.choose(sam, menu, page1?.customId ?? '', [FAKEFLIX, POPCORN_FREE]).reply();
    expect(saved.id).toBe(menu.id);
    expect(saved.content).toContain('✅ Saved');
    expect(
      selectOf(saved)
        ?.options.filter((o) => o.selected)
        .map((o) => o.value),
    ).toEqual([FAKEFLIX, POPCORN_FREE]);
    const next = FakeDiscord.buttons(saved).find((b) => b.label.includes('Next'));
    const page2 = await d.click(sam, saved, next?.customId ?? '').reply();
    const second = selectOf(page2);
    expect(second?.options.map((o) => o.label)).toEqual(['Fake Channel 21', 'Fake Channel 22']);
    await d.choose(sam, page2, second?.customId ?? '', ['90121']).reply();
    expect(await servicesOf(sam.id)).toEqual([90001, 90005, 90121]);
    // Unticking on page 1 removes only page 1's service.
    const again = await d.command(sam, 'settings services').reply();
    await d.choose(sam, again, selectOf(again)?.customId ?? '', [POPCORN_FREE]).reply();
    expect(await servicesOf(sam.id)).toEqual([90005, 90121]);
  });

  it('when a card is opened, then it says where to stream in the viewer’s region, their services first, crediting JustWatch', async () => {
    const d = stack.discord;
    const kim = d.user('kim');
    await d.command(kim, 'settings region', { code: 'us' }).reply();
    const menu = await d.command(kim, 'settings services').reply();
    await d.choose(kim, menu, selectOf(menu)?.customId ?? '', ['90002']).reply();
    const results = await d.command(kim, 'search', { query: 'The Godfather' }).reply();
    const open = FakeDiscord.buttons(results).find((b) => b.label.startsWith('🎬'));
    const card = await d.click(kim, results, open?.customId ?? '').reply();
    const field = card.embeds[0].fields.find((f: { name: string }) => f.name === 'Where to watch (US)');
    // 238 is even: Fakeflix streams it in the US; Reel Rentals rents it. Kim has Demo Plus, which does not.
    expect(field?.value).toMatch(/^Stream on Fakeflix · Free on .* · Rent on Reel Rentals\n/);
    expect(field?.value).toContain('JustWatch');
    expect(await em().count(WatchOffers, { movie: 238, region: 'US' })).toBe(1);
  });

  it('when picks are asked for with available:mine, then every pick streams on one of the person’s services', async () => {
    const d = stack.discord;
    const sam = d.user('sam');
    for (const [id, stars] of [
      [238, 5],
      [680, 4.5],
      [155, 4],
      [27205, 4.5],
    ] as const)
      await setRating(em(), sam.id, id, stars);
    const mine = await servicesOf(sam.id);
    const picks = await d.command(sam, 'recommend', { available: 'mine' }).reply();
    expect(picks.embeds.length).toBeGreaterThan(0);
    expect(picks.content).toContain('JustWatch');
    const ids = FakeDiscord.buttons(picks)
      .filter((b) => b.label.startsWith('👍'))
      .map((b) => Number(stack.app.bot.ids.decode(b.customId).args[0]));
    for (const id of ids) expect(streamsOn(id, 'US', mine), String(id)).toBe(true);
    expect(picks.embeds.map((e: { description: string }) => e.description).join('\n')).toMatch(/\(yours\)/);

    // Without the option, picks may be anywhere: the filter is what made the difference.
    const any = await d.command(sam, 'recommend', { count: 5 }).reply();
    const anyIds = FakeDiscord.buttons(any)
      .filter((b) => b.label.startsWith('👍'))
      .map((b) => Number(stack.app.bot.ids.decode(b.customId).args[0]));
    expect(anyIds.some((id) => !streamsOn(id, 'US', mine))).toBe(true);
  });

  it('when someone with a region asks for films like one, then each says where it streams for them, crediting JustWatch', async () => {
    const d = stack.discord;
    const lee = d.user('lee');
    await d.command(lee, 'settings region', { code: 'us' }).reply();
    const menu = await d.command(lee, 'settings services').reply();
    await d.choose(lee, menu, selectOf(menu)?.customId ?? '', [FAKEFLIX]).reply();
    const similar = await d.command(lee, 'similar', { movie: '949' }).reply();
    expect(similar.embeds.length).toBeGreaterThan(0);
    const ids = FakeDiscord.buttons(similar)
      .filter((b) => b.label.startsWith('👍'))
      .map((b) => Number(stack.app.bot.ids.decode(b.customId).args[0]));
    for (const [i, id] of ids.entries()) {
      const description: string = similar.embeds[i].description;
      const offered = Object.values(offersIn(id, 'US')).some((list) => (list?.length ?? 0) > 0);
      expect(description.includes('📺 '), String(id)).toBe(offered);
      if (streamsOn(id, 'US', [Number(FAKEFLIX)])) expect(description).toContain('Fakeflix (yours)');
    }
    expect(similar.content).toContain('JustWatch');
    // Someone without a region sees the same films with no lines.
    const plain = await d.command(d.user('max'), 'similar', { movie: '949' }).reply();
    expect(JSON.stringify(plain.embeds)).not.toContain('📺');
    expect(plain.content).not.toContain('JustWatch');
  });

  it('when a watchlisted film streams on a member’s service, then the weekly DM mentions it once, not every week', async () => {
    const d = stack.discord;
    const ivy = d.user('ivy');
    await d.command(ivy, 'settings region', { code: 'us' }).reply();
    await d.command(ivy, 'settings dms', { state: 'on' }).reply();
    const menu = await d.command(ivy, 'settings services').reply();
    await d.choose(ivy, menu, selectOf(menu)?.customId ?? '', [FAKEFLIX]).reply();
    for (const id of [238, 680, 155, 27205]) await setRating(em(), ivy.id, id, 4.5);
    await d.command(ivy, 'watchlist add', { movie: '240' }).reply(); // even: on Fakeflix in the US
    const first = await stack.app.weeklyRunner.runGuildWeek(d.guild.id, '2026-W50');
    expect(first.delivery.failed).toBe(0);
    const [dm] = d.dmsTo(ivy.id);
    expect(dm?.content).toContain(
      'From your watchlist: **The Godfather Part II (1974)** is streaming on Fakeflix (US)',
    );
    expect(dm?.content).toContain('JustWatch');
    // Each pick says where it streams in ivy's region (looked up when the DM was sent), her service marked.
    const pickIds = FakeDiscord.buttons(dm as StoredMessage)
      .filter((b) => b.label.startsWith('👍'))
      .map((b) => Number(stack.app.bot.ids.decode(b.customId).args[0]));
    expect(pickIds.length).toBeGreaterThan(0);
    const descriptions: string[] = (dm?.embeds ?? []).map((e: { description: string }) => e.description);
    for (const [i, id] of pickIds.entries()) {
      const offered = Object.values(offersIn(id, 'US')).some((list) => (list?.length ?? 0) > 0);
      expect(descriptions[i]?.includes('📺 '), String(id)).toBe(offered);
      if (streamsOn(id, 'US', [Number(FAKEFLIX)])) expect(descriptions[i]).toContain('Fakeflix (yours)');
    }
    expect((dm?.content.match(/JustWatch/g) ?? []).length).toBe(1);
    expect((await em().findOneOrFail(WatchlistItem, { user: ivy.id, movie: 240 })).remindedAt).not.toBeNull();
    await stack.app.weeklyRunner.runGuildWeek(d.guild.id, '2026-W51');
    const dms = d.dmsTo(ivy.id);
    expect(dms).toHaveLength(2);
    expect(dms[1]?.content).not.toContain('From your watchlist');
  });
});
