// Issue 13 ("your film life") end to end: the real bot and discord.js against the local Discord and the fake TMDB,
// on PGlite (project e2e) and on PostgreSQL (project e2e-postgres).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type StoredMessage } from '../../fakes/discord/index.ts';
import type { LocalStack } from '../../fakes/local-stack.ts';
import { Feedback, MovieAlternativeTitle, Watched, WatchlistItem } from '../../src/entities/index.ts';
import { DiscordSpec } from '../support/discord-spec.ts';
import { startE2eStack } from '../support/e2e-stack.ts';

let stack: LocalStack;
const em = () => stack.orm.em.fork();
const spec = new DiscordSpec();
const buttons = (m: StoredMessage) => FakeDiscord.buttons(m);
const bookmark = (m: StoredMessage, n = 0) => buttons(m).filter((b) => b.label.startsWith('🔖'))[n];

beforeAll(async () => {
  stack = await startE2eStack({
    discord: { heartbeatIntervalMs: 500, onBody: (e) => void spec.check(e.direction, e.method, e.route, e.body) },
  });
  // The first interaction of a fresh process pays for cold code paths; on a loaded 2-core machine that alone can pass
  // Discord's 3 s, which is not what this file tests (as in where-to-stream.e2e.test.ts). Its bodies are not checked.
  const checked = spec.checked.length;
  await stack.discord
    .command(stack.discord.user('warm-up'), 'watchlist add', { movie: 'Heat' })
    .reply()
    .catch(() => {});
  spec.checked.splice(checked);
}, 180_000); // PGlite, discord.js and the catalogue preload share 2 cores with the rest of the machine
afterAll(async () => {
  await stack?.stop();
});

async function watchlistOf(userId: string): Promise<number[]> {
  const rows = await em().find(WatchlistItem, { user: userId }, { orderBy: { movie: 'asc' } });
  return rows.map((r) => r.movie.id);
}

describe('watchlist', () => {
  it('when someone adds films by command and by 🔖 on search results and a card, then /watchlist list shows them', async () => {
    const d = stack.discord;
    const ada = d.user('ada');
    const added = await d.command(ada, 'watchlist add', { movie: 'Heat' }).reply();
    expect(added.content).toContain('Added **Heat** to your watchlist');
    expect(added.ephemeralFor).toBe(ada.id);
    const again = await d.command(ada, 'watchlist add', { movie: '949' }).reply();
    expect(again.content).toContain('already on your watchlist');

    const results = await d.command(ada, 'search', { query: 'The Matrix' }).reply();
    const viaSearch = await d.click(ada, results, bookmark(results)?.customId ?? '').reply();
    expect(viaSearch.content).toContain('Added **The Matrix**');

    // Anyone may use 🔖 on public results: it acts on the clicker's own list.
    const bea = d.user('bea');
    await d.click(bea, results, bookmark(results)?.customId ?? '').reply();
    expect(await watchlistOf(bea.id)).toEqual([603]);

    const open = buttons(results).find((b) => b.label.startsWith('🎬'));
    const card = await d.click(ada, results, open?.customId ?? '').reply();
    expect(JSON.stringify(card.embeds[0].fields)).toContain('on your watchlist');
    const cardBookmark = bookmark(card);
    expect(cardBookmark?.label).toContain('Remove from watchlist');
    const off = await d.click(ada, card, cardBookmark?.customId ?? '').reply();
    expect(off.content).toContain('Removed **The Matrix** from your watchlist');
    expect(await watchlistOf(ada.id)).toEqual([949]);

    const list = await d.command(ada, 'watchlist list').reply();
    expect(list.embeds[0].title).toBe('🔖 Your watchlist');
    expect(list.embeds[0].description).toContain('Heat (1995)');
    expect(list.embeds[0].footer.text).toBe('Page 1 of 1 · 1 film');
    const removed = await d.command(ada, 'watchlist remove', { movie: '949' }).reply();
    expect(removed.content).toContain('Removed **Heat**');
    const empty = await d.command(ada, 'watchlist list').reply();
    expect(empty.content).toContain('Your watchlist is empty');
  });

  it('when a watchlist has more than a page, then Next turns it in place', async () => {
    const d = stack.discord;
    const cy = d.user('cy');
    for (const id of [238, 240, 278, 424, 550, 680, 13, 155, 27205, 603, 122])
      await d.command(cy, 'watchlist add', { movie: String(id) }).reply();
    const list = await d.command(cy, 'watchlist list').reply();
    expect(list.embeds[0].footer.text).toBe('Page 1 of 2 · 11 films');
    const next = buttons(list).find((b) => b.label.includes('Next'));
    const page2 = await d.click(cy, list, next?.customId ?? '').reply();
    expect(page2.id).toBe(list.id);
    expect(page2.embeds[0].footer.text).toBe('Page 2 of 2 · 11 films');
  });

  it('when a watchlisted film is rated or logged, then it leaves the list, and picks never offer a watchlisted film', async () => {
    const d = stack.discord;
    const dee = d.user('dee');
    for (const [id, stars] of [
      [238, 5],
      [680, 4.5],
      [155, 4],
      [27205, 4.5],
    ] as const)
      await d.command(dee, 'rate', { movie: String(id), stars }).reply();
    const before = await d.command(dee, 'recommend', { count: 5 }).reply();
    const firstPick = bookmark(before);
    expect(buttons(before).filter((b) => b.label.startsWith('🔖'))).toHaveLength(before.embeds.length);
    const ack = await d.click(dee, before, firstPick?.customId ?? '').reply();
    expect(ack.content).toContain('to your watchlist');
    const listed = await watchlistOf(dee.id);
    expect(listed).toHaveLength(1);
    const after = await d.command(dee, 'recommend', { count: 5 }).reply();
    expect(after.embeds.map((e: { title: string }) => e.title).join('\n')).not.toContain(
      before.embeds[0].title.slice(3),
    );

    await d.command(dee, 'watchlist add', { movie: '550' }).reply();
    await d.command(dee, 'watched add', { movie: '550' }).reply();
    await d.command(dee, 'rate', { movie: String(listed[0]), stars: 3 }).reply();
    expect(await watchlistOf(dee.id)).toEqual([]);
  });

  it('when Seen it is clicked on a pick, then the film is logged as watched and a quick rating is offered', async () => {
    const d = stack.discord;
    const eli = d.user('eli');
    for (const id of [238, 680, 155, 27205]) await d.command(eli, 'rate', { movie: String(id), stars: 4.5 }).reply();
    const picks = await d.command(eli, 'recommend', { count: 1 }).reply();
    const seen = buttons(picks).find((b) => b.label === 'Seen it');
    const ack = await d.click(eli, picks, seen?.customId ?? '').reply();
    expect(ack.content).toContain('How was it?');
    expect(buttons(ack).map((b) => b.label)).toEqual(['1★', '2★', '3★', '4★', '5★']);
    expect(await em().count(Watched, { user: eli.id })).toBe(1);
  });

  it('when someone types a title without its accents or punctuation, then autocomplete still finds it', async () => {
    const d = stack.discord;
    const fay = d.user('fay');
    const [amelie] = await d.autocomplete(fay, 'watchlist add', { movie: 'amelie' }, 'movie');
    expect(amelie?.name).toBe('Amélie (2001)');
    const [walle] = await d.autocomplete(fay, 'rate', { movie: 'wall-e' }, 'movie');
    expect(walle?.name).toBe('WALL·E (2008)');
    const [leon] = await d.autocomplete(fay, 'rate', { movie: 'leon' }, 'movie');
    expect(leon?.name).toContain('Léon');
  });

  it('when someone asks for films like Heat, then each comes with a reason, seen films are skipped, and 👍 / 🔖 work', async () => {
    const d = stack.discord;
    const gil = d.user('gil');
    await d.command(gil, 'rate', { movie: '680', stars: 4 }).reply(); // Pulp Fiction: seen, so never suggested
    const reply = await d.command(gil, 'similar', { movie: '949' }).reply();
    expect(reply.content).toContain('More like **Heat (1995)**');
    expect(reply.embeds.length).toBeGreaterThan(0);
    for (const e of reply.embeds) expect(e.description.split('\n')[0].length).toBeGreaterThan(5);
    expect(reply.embeds.map((e: { title: string }) => e.title).join()).not.toContain('Pulp Fiction');
    const up = buttons(reply).find((b) => b.label.startsWith('👍'));
    const ack = await d.click(gil, reply, up?.customId ?? '').reply();
    expect(ack.content).toContain('👍 Noted');
    const fb = await em().findOneOrFail(Feedback, { user: gil.id }, { populate: ['impression'] });
    expect([fb.source, fb.impression?.context]).toEqual(['similar', 'similar']);
    await d.click(gil, reply, bookmark(reply)?.customId ?? '').reply();
    expect(await watchlistOf(gil.id)).toHaveLength(1);
  });

  it('when two members compare, then they see a shrunk match, agreements, disagreements and a film for both', async () => {
    const d = stack.discord;
    const sam = d.user('sam');
    const ana = d.user('ana');
    for (const [m, a, b] of [
      [238, 5, 5],
      [680, 4.5, 4],
      [155, 5, 1.5],
      [27205, 4, 4.5],
    ] as const) {
      await d.command(sam, 'rate', { movie: String(m), stars: a }).reply();
      await d.command(ana, 'rate', { movie: String(m), stars: b }).reply();
    }
    const reply = await d.command(sam, 'compare', { user: 'ana' }).reply();
    const embed = reply.embeds[0];
    expect(embed.title).toMatch(/^🎭 You and Ana: \d+% taste match$/);
    const match = Number(/(\d+)%/.exec(embed.title)?.[1]);
    expect(match).toBeGreaterThan(40);
    expect(match).toBeLessThan(80);
    const fields = JSON.stringify(embed.fields);
    expect(fields).toContain('You agree on');
    expect(fields).toContain('The Godfather (1972) — you ★★★★★ (5), Ana ★★★★★ (5)');
    expect(fields).toContain('You disagree on');
    expect(fields).toContain('The Dark Knight');
    expect(fields).toContain('Watch together');

    // Someone who never used Marquee in this server is not visible to compare with.
    const hidden = await d.command(sam, 'compare', { user: 'zed' }).reply();
    expect(hidden.content).toContain("isn't visible to you here");
  });

  it('when members of this server who share your taste drove a pick, then it names those who allow it', async () => {
    const d = stack.discord;
    const [rio, kit, lou, vic] = ['rio', 'kit', 'lou', 'vic'].map((n) => d.user(n));
    // Heat, The Godfather, Pulp Fiction, then crime classics vic has not seen.
    const crime = [949, 238, 680, 769, 1422, 500, 103];
    for (const friend of [rio!, kit!, lou!]) {
      for (const m of crime) await d.command(friend, 'rate', { movie: String(m), stars: 5 }).reply();
    }
    await d.command(lou!, 'settings profile', { visibility: 'private' }).reply();
    for (const m of crime.slice(0, 3)) await d.command(vic!, 'rate', { movie: String(m), stars: 5 }).reply();
    await stack.app.recommendations.rebuild(); // the background rebuild, now: their ratings join the model
    const reply = await d.command(vic!, 'recommend', { count: 5 }).reply();
    const reasons: string[] = reply.embeds.map((e: { description: string }) => e.description.split('\n')[0] ?? '');
    const named = reasons.filter((r) => / your taste, (gave|watched)/.test(r));
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) expect(r).toMatch(/^(Rio|Kit)( and (Rio|Kit))?, who shares? your taste, gave it 5★$/);
    expect(reasons.join('\n')).not.toContain('Lou');
  });

  it('when someone searches for or types “seven”, then Se7en is found by its alternative title, from TMDB and from the catalogue alone', async () => {
    const d = stack.discord;
    const ray = d.user('ray');
    const results = await d.command(ray, 'search', { query: 'seven' }).reply();
    expect(results.embeds[0].title).toContain('Se7en (1995)');
    const [first] = await d.autocomplete(ray, 'rate', { movie: 'seven' }, 'movie');
    expect(first).toEqual({ name: 'Se7en (1995)', value: '807' });
    // The catalogue stored Se7en's alternative titles with its details; with TMDB's search failing, it alone answers.
    expect(await em().count(MovieAlternativeTitle, { movie: 807 })).toBeGreaterThan(0);
    const fake = stack.fakeTmdb;
    fake?.faults.inject({ kind: 'server_error', times: Number.POSITIVE_INFINITY, pathPrefix: '/3/search/movie' });
    try {
      const searchesBefore = fake?.requests.filter((r) => r.path === '/3/search/movie').length ?? 0;
      const [local] = await d.autocomplete(ray, 'rate', { movie: 'sieben' }, 'movie');
      expect(local).toEqual({ name: 'Se7en (1995)', value: '807' });
      const offline = await d.command(ray, 'search', { query: 'Sieben' }).reply();
      expect(offline.embeds[0].title).toContain('Se7en (1995)');
      // Both went to TMDB first (and failed): what answered was the catalogue.
      const failed = fake?.requests.filter((r) => r.path === '/3/search/movie' && r.status === 500).length ?? 0;
      expect(failed).toBeGreaterThan(0);
      expect(searchesBefore).toBeGreaterThan(0);
    } finally {
      fake?.faults.clear();
    }
  });

  it('when all of the above ran, then every body exchanged conforms to Discord’s OpenAPI spec', () => {
    expect(spec.checked.length).toBeGreaterThan(0);
    expect(spec.checked.flatMap((c) => c.problems)).toEqual([]);
  });
});
