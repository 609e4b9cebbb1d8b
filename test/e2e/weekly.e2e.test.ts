// Weekly picks through the real discord.js client and the local Discord: settings with permission checks, a run
// that posts the digest and DMs, feedback clicks on a DM, and a resume after a crash that sends nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';
import { DEMO_MOVIES } from '../../fakes/tmdb/index.ts';
import { DeliveryOutbox, Feedback, GuildSettings, RecommendationLog, User } from '../../src/entities/index.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { DiscordSpec } from '../support/discord-spec.ts';

let stack: LocalStack;
const em = () => stack.orm.em.fork();
const spec = new DiscordSpec();
const WEEK = '2026-W48';
/** A member with Manage Server (the local Discord's default member has the usual member permissions only). */
const MANAGER = { permissions: String(1n << 5n) };

beforeAll(async () => {
  stack = await startLocalStack({
    dataDir: 'memory://',
    discord: {
      heartbeatIntervalMs: 500,
      onBody: (e) => void spec.check(e.direction, e.method, e.route, e.body),
    },
    env: {
      WEEKLY_SCHEDULER: 'false', // the run is started by the test, not by the wall clock
      BLEND_LEARNING_CRON: 'off',
      WEEKLY_LEASE_MS: '1000',
      TMDB_MAX_RETRIES: '0',
    },
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe('weekly picks against the local Discord', () => {
  it('when someone without Manage Server uses /config, then it is refused; Discord is told to hide it too', async () => {
    const d = stack.discord;
    expect(d.findCommand('config')?.default_member_permissions).toBe('32'); // MANAGE_GUILD
    // Discord hides /config from her; an admin may still enable it for her in the server's Integrations settings.
    d.allowCommandFor('config', d.user('mallory'));
    const refused = await d.command(d.user('mallory'), 'config enable', {}, { permissions: '0' }).reply();
    expect(refused.content).toContain('Manage Server');
    expect(refused.ephemeralFor).toBeDefined();
    // The server's row may exist (its Discord language, from GUILD_CREATE); the refused /config turned nothing on.
    expect((await em().findOne(GuildSettings, d.guild.id))?.enabled ?? false).toBe(false);
  });

  it('when an admin configures the server, then channel, schedule and switch are stored and validated', async () => {
    const d = stack.discord;
    const admin = d.user('ada');
    await d.command(admin, 'config picks-channel', { channel: d.guild.channelId }, MANAGER).reply();
    const bad = await d
      .command(admin, 'config schedule', { day: 5, time: '18:00', timezone: 'Mars/Olympus' }, MANAGER)
      .reply();
    expect(bad.content).toContain("don't know the time zone");
    const ok = await d
      .command(admin, 'config schedule', { day: 5, time: '18:00', timezone: 'europe/berlin' }, MANAGER)
      .reply();
    expect(ok.content).toContain('Fridays at 18:00 (Europe/Berlin)');
    const on = await d.command(admin, 'config enable', {}, MANAGER).reply();
    expect(on.content).toContain('DMs are opt-in');
    const s = await em().findOneOrFail(GuildSettings, d.guild.id);
    expect(s).toMatchObject({
      picksChannelId: d.guild.channelId,
      scheduleDay: 5,
      timezone: 'Europe/Berlin',
      enabled: true,
    });
  });

  it('when the week runs, then the channel gets the digest, opted-in members a DM with buttons, and clicks count', async () => {
    const d = stack.discord;
    const [alice, bob, carol, dave] = ['alice', 'bob', 'carol', 'dave'].map((n) => d.user(n));
    for (const u of [alice, bob, carol]) {
      const reply = await d.command(u as never, 'settings dms', { state: 'on' }).reply();
      expect(reply.content).toContain('/settings dms off');
    }
    await d.command(dave as never, 'settings region', { code: 'gb' }).reply(); // a member who never opted in
    expect((await em().findOneOrFail(User, dave?.id as string)).region).toBe('GB');
    const films = DEMO_MOVIES.slice(0, 12).map((m) => m.id);
    for (const [k, u] of [alice, bob, carol, dave].entries()) {
      for (let i = 0; i < 4; i++)
        await setRating(em(), u?.id as string, films[(k * 3 + i) % films.length] as number, 4.5);
    }
    d.dmsClosed.add(carol?.id as string); // carol blocks DMs: Discord answers 50007

    const summary = await stack.app.weeklyRunner.runGuildWeek(d.guild.id, WEEK);
    expect(summary).toMatchObject({ computed: true, audience: 3, dmsEnqueued: 3, digestEnqueued: true });
    expect(summary.delivery).toMatchObject({ sent: 3, undeliverable: 1, failed: 0 });

    const digest = d.channelMessages(d.guild.channelId).filter((m) => m.content.includes("This week's Marquee picks"));
    expect(digest).toHaveLength(1);
    expect(d.dmsTo(dave?.id as string)).toHaveLength(0);
    expect(d.dmsTo(carol?.id as string)).toHaveLength(0);
    const carolRow = await em().findOneOrFail(DeliveryOutbox, { recipientId: carol?.id as string });
    expect(carolRow).toMatchObject({ status: 'undeliverable', attempts: 1 });

    const [dm] = d.dmsTo(alice?.id as string);
    expect(dm?.embeds).toHaveLength(5);
    const buttons = FakeDiscord.buttons(dm as never);
    expect(buttons).toHaveLength(25);
    const down = buttons.find((b) => b.label.startsWith('👎'));
    const ack = await d.click(alice as never, dm as never, down?.customId ?? '', { dm: true }).reply();
    expect(ack.ephemeralFor).toBe(alice?.id);
    const fb = await em().findOneOrFail(
      Feedback,
      { user: alice?.id as string, kind: 'down' },
      { populate: ['impression'] },
    );
    const impression = await em().findOneOrFail(RecommendationLog, fb.impression?.id as number);
    expect(impression).toMatchObject({ context: 'weekly_dm', guildId: d.guild.id });
    expect(impression.movie.id).toBe(fb.movie.id);

    // The disliked film never comes back in alice's next picks.
    const next = await stack.app.recommendations.recommend(em(), alice?.id as string, {
      count: 10,
      context: 'recommend',
    });
    expect(next.kind === 'picks' && next.picks.map((p) => p.movieId)).not.toContain(fb.movie.id);

    // "Seen it" then a quick rate: the acknowledgement offers 1–5★, and one click stores the rating.
    const seen = buttons.find((b) => b.label === 'Seen it');
    const seenAck = await d.click(alice as never, dm as never, seen?.customId ?? '', { dm: true }).reply();
    const four = FakeDiscord.buttons(seenAck).find((b) => b.label === '4★');
    expect(four).toBeDefined();
    const rated = await d.click(alice as never, seenAck, four?.customId ?? '', { dm: true }).reply();
    expect(rated.content).toContain('★★★★ (4)');

    // A second click undoes it.
    await d.click(alice as never, dm as never, down?.customId ?? '', { dm: true }).reply();
    expect(await em().count(Feedback, { user: alice?.id as string, kind: 'down' })).toBe(0);
  });

  it('when a process died after sending but before recording, then the resumed run sends nothing twice', async () => {
    const d = stack.discord;
    const bob = d.user('bob');
    const row = await em().findOneOrFail(DeliveryOutbox, { recipientId: bob.id });
    const firstMessageId = row.discordMessageId;
    // As the dead process left it: claimed ('sending'), its lease long expired, the answer never recorded.
    await em().execute(
      "update delivery_outbox set status = 'sending', discord_message_id = null, updated_at = now() - interval '1 hour' where id = ?",
      [row.id],
    );
    const summary = await stack.app.weeklyRunner.runGuildWeek(d.guild.id, WEEK);
    expect(summary).toMatchObject({ computed: false, delivery: { attempted: 1, sent: 1 } });
    expect(d.dmsTo(bob.id)).toHaveLength(1); // enforce_nonce: Discord returned the message it already had
    const after = await em().findOneOrFail(DeliveryOutbox, row.id);
    expect(after).toMatchObject({ status: 'sent', discordMessageId: firstMessageId, attempts: 2 });
  });

  it('when all of the above ran, then every request the bot made conforms to Discord’s OpenAPI spec', () => {
    const routes = spec.checked.map((c) => c.what);
    expect(routes.some((r) => r.includes('/channels/{channel_id}/messages'))).toBe(true);
    // Requests only: the local Discord's 50007 error answer is checked against the message schema by the spec
    // helper (a false alarm on the fake's side, reported to the integrator).
    expect(spec.checked.filter((c) => c.what.startsWith('request')).flatMap((c) => c.problems)).toEqual([]);
  });
});
