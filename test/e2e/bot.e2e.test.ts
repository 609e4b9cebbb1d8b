// The real discord.js client against the local Discord, the fake TMDB and PGlite: what a person does, end to end.
import { REST } from '@discordjs/rest';
import { GatewayIntentBits, Routes, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeDiscord, type StoredMessage } from '../../fakes/discord/index.ts';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';
import { createBot } from '../../src/bot/client.ts';
import type { Command } from '../../src/bot/command.ts';
import type { BotServices } from '../../src/bot/context.ts';
import { weeklyMessageRenderer } from '../../src/bot/weekly-buttons.ts';
import { createDiscordSender } from '../../src/bot/weekly-sender.ts';
import { commands } from '../../src/commands/index.ts';
import { Feedback, GuildMember, GuildSettings, Rating, RecommendationLog, Watched } from '../../src/entities/index.ts';
import { createLogger } from '../../src/logger.ts';
import { publicLocale } from '../../src/services/locale-service.ts';
import { updatePreferences } from '../../src/services/user-service.ts';
import { DiscordSpec } from '../support/discord-spec.ts';

let stack: LocalStack;
const em = () => stack.orm.em.fork();
const spec = new DiscordSpec();

beforeAll(async () => {
  stack = await startLocalStack({
    dataDir: 'memory://',
    discord: {
      heartbeatIntervalMs: 500,
      // Every body the bot sends and the local Discord returns is checked against Discord's OpenAPI spec.
      onBody: (e) => void spec.check(e.direction, e.method, e.route, e.body),
    },
    // A generous TMDB timeout: the demo preload must not fail on a loaded machine; faults are injected, not waited out.
    env: { TMDB_MAX_RETRIES: '0', TMDB_TIMEOUT_MS: '5000', TMDB_BREAKER_COOLDOWN_MS: '200' },
  });
});
afterAll(async () => {
  await stack?.stop();
});

function buttonsOf(m: StoredMessage) {
  return FakeDiscord.buttons(m);
}

describe('the bot against the local Discord', () => {
  it('when the bot logs in, then it identifies with non-privileged intents only (Guilds, polls, voice states) and registers its commands', () => {
    const identify = stack.discord.frames.find((f) => f.dir === 'in' && f.op === 2);
    expect(identify?.d.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessagePolls | GatewayIntentBits.GuildVoiceStates,
    );
    // Deployed globally, as production does; nothing is registered to the guild.
    expect(stack.discord.commands.get(stack.discord.guild.id)).toBeUndefined();
    const names = (stack.discord.commands.get('global') ?? []).map((c: { name: string }) => c.name);
    expect(names.sort()).toEqual([
      'compare',
      'config',
      'help',
      'import',
      'movienight',
      'privacy',
      'rate',
      'recommend',
      'search',
      'settings',
      'similar',
      'stats',
      'watched',
      'watchlist',
    ]);
    const rate = stack.discord.findCommand('rate');
    expect(rate.contexts).toEqual([0, 1, 2]);
    expect(rate.integration_types).toEqual([0, 1]);
  });

  it('when someone asks for /help, then the answer is private and lists every command', async () => {
    const reply = await stack.discord.command(stack.discord.user('helen'), 'help').reply();
    expect(reply.ephemeralFor).toBeDefined();
    const text = JSON.stringify(reply.embeds);
    for (const c of commands) expect(text).toContain(`/${c.data.name}`);
    for (const c of ['/watched add', '/watched list', '/settings profile']) expect(text).toContain(c);
  });

  it('when someone picks /settings language, then replies use it over their Discord client language, until they go back to it', async () => {
    const d = stack.discord;
    const yuki = d.user('yuki');
    const helpText = async () => JSON.stringify((await d.command(yuki, 'help').reply()).embeds);
    expect(await helpText()).toContain('`/help`');
    const registered = d.findCommand('settings');
    expect(registered.name_localizations.ja).toBe('設定');
    await d.command(yuki, 'settings language', { language: 'ja' }).reply();
    expect(await helpText()).toContain('`/ヘルプ`');
    // Film titles follow the choice too, where TMDB has them: suggestions, search results and the card.
    const [spirited] = await d.autocomplete(yuki, 'rate', { movie: 'Spirited Away' }, 'movie');
    expect(spirited?.name).toBe('千と千尋の神隠し (2001)');
    const found = await d.command(yuki, 'search', { query: 'Shawshank' }).reply();
    expect(JSON.stringify(found.embeds)).toContain('ショーシャンクの空に');
    const open = buttonsOf(found).find((b) => b.label.includes('ショーシャンク'));
    const card = await d.click(yuki, found, open?.customId ?? '').reply();
    expect(card.embeds[0].title).toContain('ショーシャンクの空に');
    d.setClientLocale(yuki, 'de');
    expect(await helpText()).toContain('`/ヘルプ`'); // the choice beats the client
    await d.command(yuki, 'settings language', { language: 'auto' }).reply();
    expect(await helpText()).toContain('`/hilfe`'); // back to the client's language
  });

  it("when the server's Discord language changes, then Marquee keeps it for the posts its jobs write (the digest)", async () => {
    const d = stack.discord;
    const stored = async () => (await em().findOne(GuildSettings, d.guild.id))?.discordLocale;
    d.setGuildLocale('pt-BR'); // GUILD_UPDATE
    try {
      await vi.waitFor(async () => expect(await stored()).toBe('pt-BR'));
      expect(await publicLocale(em(), d.guild.id)).toBe('pt-BR');
    } finally {
      d.setGuildLocale('en-US');
      await vi.waitFor(async () => expect(await stored()).toBe('en-US'));
    }
  });

  it('when a new user searches, rates five films, logs one, asks for picks and likes one, then the database has every step', async () => {
    const d = stack.discord;
    const alice = d.user('alice');

    const results = await d.command(alice, 'search', { query: 'Heat' }).reply();
    expect(results.embeds[0].title).toContain('Heat (1995)');
    expect(results.embeds[0].description).toMatch(/TMDB \d\.\d\/10 · .*Crime/);
    const open = buttonsOf(results).find((b) => b.label.includes('Heat'));
    expect(open).toBeDefined();
    const card = await d.click(alice, results, open?.customId ?? '').reply();
    expect(card.embeds[0].title).toBe('Heat (1995)');
    const fourStars = buttonsOf(card).find((b) => b.label === '4★');
    const rated = await d.click(alice, card, fourStars?.customId ?? '').reply();
    expect(rated.content).toContain('not rated → ★★★★ (4)');

    const suggestions = await d.autocomplete(alice, 'rate', { movie: 'Heat' }, 'movie');
    expect(suggestions[0]).toEqual({ name: 'Heat (1995)', value: '949' });
    const changed = await d.command(alice, 'rate', { movie: suggestions[0]?.value, stars: 4.5 }).reply();
    expect(changed.content).toContain('★★★★ (4) → ★★★★½ (4.5)');

    for (const title of ['The Godfather', 'Pulp Fiction', 'The Dark Knight', 'Inception']) {
      const [first] = await d.autocomplete(alice, 'rate', { movie: title }, 'movie');
      expect(first?.name).toContain(title);
      await d.command(alice, 'rate', { movie: first?.value, stars: 5 }).reply();
    }
    const [fightClub] = await d.autocomplete(alice, 'watched add', { movie: 'Fight Club' }, 'movie');
    const logged = await d
      .command(alice, 'watched add', { movie: fightClub?.value, date: 'yesterday', stars: 3.5 })
      .reply();
    expect(logged.content).toContain('Logged **Fight Club**');

    const picks = await d.command(alice, 'recommend', { count: 3 }).reply();
    expect(picks.embeds.length).toBe(3);
    expect(picks.embeds[0].description.length).toBeGreaterThan(5);
    const like = buttonsOf(picks)[0];
    expect(like?.label).toContain('👍');
    const ack = await d.click(alice, picks, like?.customId ?? '').reply();
    expect(ack.content).toContain('👍 Noted');
    expect(ack.ephemeralFor).toBe(alice.id);

    const e = em();
    expect(await e.count(Rating, { user: alice.id })).toBe(6);
    expect((await e.findOneOrFail(Rating, { user: alice.id, movie: 949 })).score).toBe(4.5);
    expect(await e.count(Watched, { user: alice.id })).toBe(1);
    const logs = await e.find(RecommendationLog, { user: alice.id }, { orderBy: { rank: 'asc' } });
    expect(logs).toHaveLength(3);
    const fb = await e.findOneOrFail(Feedback, { user: alice.id });
    expect(fb.kind).toBe('up');
    expect(fb.source).toBe('recommend');
    expect(fb.impression?.id).toBe(logs[0]?.id);
    expect(await e.count(GuildMember, { guildId: d.guild.id, user: alice.id })).toBe(1);

    // Clicking again undoes.
    const undo = await d.click(alice, picks, like?.customId ?? '').reply();
    expect(undo.content).toContain('Removed your 👍');
    expect(await em().count(Feedback, { user: alice.id })).toBe(0);
  });

  it('when a brand-new user asks for picks, then they get onboarding buttons instead of an error', async () => {
    const d = stack.discord;
    const nina = d.user('nina');
    const msgs = await d.command(nina, 'recommend').settled();
    const onboarding = msgs.find((m) => m.content.includes('Welcome'));
    expect(onboarding).toBeDefined();
    const liked = buttonsOf(onboarding as StoredMessage).filter((b) => b.label.includes('Liked'));
    expect(liked.length).toBeGreaterThanOrEqual(3);
    const updated = await d.click(nina, onboarding as StoredMessage, liked[0]?.customId ?? '').reply();
    expect(updated.content).toContain('1 rated');
    expect(await em().count(Rating, { user: nina.id })).toBe(1);
  });

  it('when someone else clicks my buttons or forges an id, then nothing happens on my behalf', async () => {
    const d = stack.discord;
    const alice = d.user('alice');
    const mallory = d.user('mallory');
    const picks = await d.command(alice, 'recommend', { count: 1 }).reply();
    const like = buttonsOf(picks)[0]?.customId ?? '';
    const foreign = await d.click(mallory, picks, like).reply();
    expect(foreign.content).toContain('belong to');
    expect(foreign.ephemeralFor).toBe(mallory.id);

    const forged = like.replace(/\|[^|]+$/, '|AAAAAAAAAA');
    const refused = await d.click(alice, picks, forged).reply();
    expect(refused.content).toContain("isn't one I recognise");
    const ownerSwap = like.replace(`|${alice.id}|`, `|${mallory.id}|`);
    const refused2 = await d.click(mallory, picks, ownerSwap).reply();
    expect(refused2.content).toContain("isn't one I recognise");
    expect(await em().count(Feedback, { user: { $in: [alice.id, mallory.id] } })).toBe(0);
  });

  it('when TMDB is slow, then autocomplete still answers inside Discord’s 3 s with local titles', async () => {
    const d = stack.discord;
    stack.fakeTmdb?.faults.clear();
    if (stack.fakeTmdb) stack.fakeTmdb.faults.latencyMs = 5_000;
    try {
      const choices = await d.autocomplete(d.user('bob'), 'rate', { movie: 'Incep' }, 'movie');
      const state = [...d.interactions.values()].at(-1);
      expect(state?.error).toBeUndefined();
      expect(state?.callbacks).toEqual([8]);
      expect(choices[0]?.name).toBe('Inception (2010)');
    } finally {
      if (stack.fakeTmdb) stack.fakeTmdb.faults.latencyMs = 0;
    }
  });

  it('when TMDB is down, then commands still answer', async () => {
    const d = stack.discord;
    const bob = d.user('bob');
    stack.fakeTmdb?.faults.inject({ kind: 'server_error', times: Number.POSITIVE_INFINITY });
    try {
      const search = await d.command(bob, 'search', { query: 'Heat' }).reply();
      expect(search.content + JSON.stringify(search.embeds)).toMatch(/Heat|TMDB/);
      const rated = await d.command(bob, 'rate', { movie: '949', stars: 3 }).reply();
      expect(rated.content).toContain('Heat');
      const help = await d.command(bob, 'help').reply();
      expect(help.embeds.length).toBe(1);
    } finally {
      stack.fakeTmdb?.faults.clear();
    }
  });

  it('when the gateway connection drops, then the bot resumes and answers what was sent meanwhile', async () => {
    const d = stack.discord;
    // Counted from here: on a loaded machine an earlier stall past the short test heartbeat can close the connection
    // as a zombie, which the bot also resumes. What this case checks: each drop is resumed, never re-identified.
    const { resumes, identifies } = { ...d.stats };
    const resumed = d.waitForResume();
    d.dropConnection();
    const pending = d.command(d.user('carol'), 'help');
    await resumed;
    const reply = await pending.reply();
    expect(reply.embeds[0].title).toContain('Marquee');
    expect(d.stats.resumes).toBeGreaterThanOrEqual(resumes + 1);
    expect(d.stats.identifies).toBe(identifies);
    const resume = d.frames.find((f) => f.dir === 'in' && f.op === 6);
    expect(resume?.d.session_id).toMatch(/^fake-session-/);

    // A network failure (no close frame) is resumed the same way.
    const again = d.waitForResume();
    d.dropConnection('terminate');
    const second = d.command(d.user('carol'), 'help');
    await again;
    expect((await second.reply()).embeds[0].title).toContain('Marquee');
    expect(d.stats.resumes).toBeGreaterThanOrEqual(resumes + 2);
    expect(d.stats.identifies).toBe(identifies);
  });

  it('when someone uses Marquee in a DM, then personal commands work and no server membership is recorded', async () => {
    const d = stack.discord;
    const gus = d.user('gus');
    const reply = await d.command(gus, 'rate', { movie: '949', stars: 2.5 }, { dm: true }).reply();
    expect(reply.content).toContain('Heat');
    expect(reply.guild_id).toBeUndefined();
    const e = em();
    expect(await e.count(Rating, { user: gus.id })).toBe(1);
    expect(await e.count(GuildMember, { user: gus.id })).toBe(0);
  });

  it('when a watch log has more than one page, then Next shows page 2 in place and only its owner may turn pages', async () => {
    const d = stack.discord;
    const hank = d.user('hank');
    const ids = [238, 240, 278, 424, 550, 680, 13, 155, 27205, 603, 122];
    for (const id of ids) await d.command(hank, 'watched add', { movie: String(id) }).reply();
    const list = await d.command(hank, 'watched list').reply();
    expect(list.embeds[0].footer.text).toBe('Page 1 of 2 · 11 films');
    const next = buttonsOf(list).find((b) => b.label.includes('Next'));
    const page2 = await d.click(hank, list, next?.customId ?? '').reply();
    expect(page2.id).toBe(list.id);
    expect(page2.embeds[0].footer.text).toBe('Page 2 of 2 · 11 films');
    const other = await d.click(d.user('ivy'), page2, buttonsOf(page2)[0]?.customId ?? '').reply();
    expect(other.content).toContain('belong to');
    const removed = await d.command(hank, 'watched remove', { movie: '550' }).reply();
    expect(removed.content).toContain('Removed **Fight Club**');
    expect(await em().count(Watched, { user: hank.id })).toBe(10);
  });

  it('when one user asks for picks too often, then they are asked to wait and others are unaffected', async () => {
    const d = stack.discord;
    const jo = d.user('jo');
    const replies: string[] = [];
    for (let i = 0; i < 6; i++) {
      const msgs = await d.command(jo, 'recommend').settled({ quietMs: 30 });
      replies.push(msgs.map((m) => m.content).join(' '));
    }
    expect(replies.slice(0, 5).every((r) => !r.includes('Easy there'))).toBe(true);
    expect(replies[5]).toContain('Easy there! You can use /recommend again in');
    const other = await d.command(d.user('kim'), 'recommend').settled({ quietMs: 30 });
    expect(other.map((m) => m.content).join(' ')).not.toContain('Easy there');
  });

  it('when a film id is unknown everywhere, then the user gets a clear private message', async () => {
    const reply = await stack.discord
      .command(stack.discord.user('lou'), 'rate', { movie: '999999999', stars: 3 })
      .reply();
    expect(reply.ephemeralFor).toBeDefined();
    expect(reply.content).toMatch(/⚠️/);
  });

  it('when a weekly DM arrives and its recipient clicks 👍 in the DM, then the feedback is stored as weekly_dm', async () => {
    const d = stack.discord;
    const wes = d.user('wes');
    const rest = new REST({ api: d.apiBase }).setToken(d.token);
    const sender = createDiscordSender({ rest, render: weeklyMessageRenderer(stack.app.bot.ids) });
    const message = {
      id: 1,
      attempts: 0,
      nonce: 'weekly-nonce-1',
      idempotencyKey: 'dm:g:wes:2026-W48',
      kind: 'dm',
      guildId: d.guild.id,
      recipientId: wes.id,
      isoWeek: '2026-W48',
      payload: {
        type: 'weekly_dm',
        isoWeek: '2026-W48',
        guildId: d.guild.id,
        userId: wes.id,
        batchId: 'b',
        picks: [
          {
            impressionId: 0,
            movieId: 949,
            title: 'Heat',
            year: 1995,
            posterPath: null,
            genres: [],
            score: 1,
            reason: 'Because',
          },
        ],
      },
    } as const;
    await sender.send(message);
    await sender.send(message); // a resend after a crash: enforce_nonce makes it the same message
    const [dm, ...more] = d.dmsTo(wes.id);
    expect(more).toHaveLength(0);
    const ack = await d
      .click(wes, dm as StoredMessage, buttonsOf(dm as StoredMessage)[0]?.customId ?? '', { dm: true })
      .reply();
    expect(ack.content).toContain('👍 Noted');
    const fb = await em().findOneOrFail(Feedback, { user: wes.id });
    expect([fb.kind, fb.source]).toEqual(['up', 'weekly_dm']);
  });

  it('when work is slow or a handler crashes, then the bot defers in time, shows an error id, and other interactions are unaffected', async () => {
    const d2 = await new FakeDiscord({ interactionDeadlineMs: 3_000 }).start();
    const slow: Command = {
      data: new SlashCommandBuilder().setName('slow').setDescription('takes a while'),
      async execute(_i, ctx) {
        await new Promise((r) => setTimeout(r, 400));
        await ctx.respond.send({ content: 'done', ephemeral: true });
      },
    };
    const boom: Command = {
      data: new SlashCommandBuilder().setName('boom').setDescription('always fails'),
      async execute() {
        throw new TypeError('internal detail that must not leak');
      },
    };
    const services: BotServices = {
      orm: stack.orm,
      logger: createLogger({ log: { level: 'silent', format: 'json' } }),
      catalogue: stack.app.catalogue,
      recommendations: stack.app.recommendations,
      clock: () => new Date(),
    };
    const bot = createBot({ services, token: d2.token, apiUrl: d2.apiBase, commands: [slow, boom], autoDeferMs: 100 });
    try {
      await new REST({ api: d2.apiBase }).setToken(d2.token).put(Routes.applicationCommands(d2.appId), {
        body: [slow.data.toJSON(), boom.data.toJSON()],
      });
      await bot.start();
      const handle = d2.command(d2.user('max'), 'slow');
      const crash = d2.command(d2.user('max'), 'boom');
      const failed = await crash.reply();
      expect(failed.content).toMatch(/error id `[0-9a-f]{8}`/);
      expect(failed.content).not.toContain('internal detail');
      expect(failed.ephemeralFor).toBeDefined();
      const reply = await handle.reply();
      expect(handle.state.callbacks).toEqual([5]);
      expect(reply.content).toBe('done');
      expect(reply.ephemeralFor).toBeDefined();
    } finally {
      await bot.stop();
      await d2.stop();
    }
  });

  it('when a server’s weekly picks are due, then the app DMs opted-in members with buttons that work and posts a digest', async () => {
    const d = stack.discord;
    const alice = d.user('alice');
    const now = new Date();
    const e = em();
    await updatePreferences(e, alice.id, { dmOptIn: true });
    const minuteAgo = new Date(now.getTime() - 60_000);
    // The row exists already: the bot keeps the server's Discord language there since GUILD_CREATE.
    await e.upsert(GuildSettings, {
      guildId: d.guild.id,
      picksChannelId: d.guild.channelId,
      enabled: true,
      scheduleDay: minuteAgo.getUTCDay(),
      scheduleTime: minuteAgo.toISOString().slice(11, 16),
      timezone: 'UTC',
    });
    const ran = await stack.app.weekly.tick(now);
    expect(ran.map((r) => r.guildId)).toEqual([d.guild.id]);
    const [dm] = d.dmsTo(alice.id);
    expect(dm?.embeds.length).toBeGreaterThan(0);
    const digest = d.channelMessages(d.guild.channelId).at(-1);
    expect(digest?.content).toContain('This week');
    const down = buttonsOf(dm as StoredMessage).find((b) => b.label.includes('👎'));
    const ack = await d.click(alice, dm as StoredMessage, down?.customId ?? '', { dm: true }).reply();
    expect(ack.content).toContain('👎 Noted');
    const fb = await em().findOneOrFail(Feedback, { user: alice.id, kind: 'down' }, { populate: ['impression'] });
    expect(fb.source).toBe('weekly_dm');
    expect(fb.impression?.context).toBe('weekly_dm');
  });

  it('when a reply, a deferred answer and start-up have happened, then every body exchanged conforms to Discord’s OpenAPI spec', async () => {
    // Its own traffic (start-up happened in beforeAll), so it holds whichever tests ran before it, or none.
    const d = stack.discord;
    await d.command(d.user('spec'), 'help').reply();
    await d.command(d.user('spec'), 'search', { query: 'Heat' }).settled();
    const kinds = new Set(spec.checked.map((c) => c.what));
    for (const k of [
      'request POST /interactions/{interaction_id}/{interaction_token}/callback',
      'request PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
      'response PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
      'request PUT /applications/{application_id}/commands',
      'response GET /gateway/bot',
    ]) {
      expect(kinds).toContain(k);
    }
    expect(spec.checked.flatMap((c) => c.problems)).toEqual([]);
  });
});
