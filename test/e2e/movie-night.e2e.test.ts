// A whole movie night through the real discord.js client and the local Discord: start, join and drop out, the
// shortlist as a native poll, votes as gateway events, a kill and restart mid-poll (votes cast while down are read
// back from the poll), the winner announced once even when two runs race, the event step, rating prompt and stars.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AdjustableClock } from '../../fakes/discord/clock.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import type { StoredMessage } from '../../fakes/discord/types.ts';
import type { LocalStack } from '../../fakes/local-stack.ts';
import { type App, createApp } from '../../src/app.ts';
import {
  Movie,
  MovieNight,
  MovieNightCandidate,
  MovieNightParticipant,
  MovieNightVote,
  Rating,
  Watched,
} from '../../src/entities/index.ts';
import { createLogger } from '../../src/logger.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { DiscordSpec } from '../support/discord-spec.ts';
import { startE2eStack } from '../support/e2e-stack.ts';

const clock = new AdjustableClock();
const now = () => new Date(clock.now());
const spec = new DiscordSpec();
let stack: LocalStack;
let app: App;
const em = () => stack.orm.em.fork();

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const channel = () => stack.discord.channelMessages(stack.discord.guild.channelId);
const pollMessage = () => channel().find((m) => m.poll) as StoredMessage;

beforeAll(async () => {
  stack = await startE2eStack({
    discord: {
      clock,
      heartbeatIntervalMs: 500,
      onBody: (e) => void spec.check(e.direction, e.method, e.route, e.body),
    },
    clock: now,
  });
  app = stack.app;
  const d = stack.discord;
  // Each member has seen a different film; none of those may be a candidate.
  const films = await em().find(Movie, {}, { limit: 6, orderBy: { id: 'asc' } });
  for (const [k, name] of ['alice', 'bob', 'carol'].entries()) {
    for (const f of films.slice(k * 2, k * 2 + 2)) await setRating(em(), d.user(name).id, f.id, 4.5);
  }
  await app.recommendations.rebuild();
});

afterAll(async () => {
  if (app !== stack?.app) {
    await app?.stop();
    // the first app was stopped mid-poll already; stop the rest of the stack without it
    Object.assign(stack.app, { stop: async () => {} });
  }
  await stack?.stop();
});

describe('a movie night against the local Discord', () => {
  let nightId: number;

  it('when alice starts one naming bob, then a public join message lists them with I am in / I am out', async () => {
    const d = stack.discord;
    const bob = d.user('bob');
    const reply = await d
      .command(d.user('alice'), 'movienight start', {
        when: 'tomorrow 20:30',
        people: `<@${bob.id}>`,
        candidates: 4,
        'join-minutes': 10,
        'poll-hours': 2,
      })
      .reply();
    expect(reply.ephemeralFor).toBeUndefined();
    expect(reply.content).toContain('Movie night');
    expect(reply.content).toContain(`<@${bob.id}>`);
    expect(FakeDiscord.buttons(reply).map((b) => b.label)).toEqual(["I'm in", "I'm out"]);
    const night = await em().findOneOrFail(MovieNight, { guildId: d.guild.id });
    nightId = night.id;
    expect(night.status).toBe('gathering');
  });

  it('when carol joins and bob drops out and back in, then the message shows who is in', async () => {
    const d = stack.discord;
    const join = channel().find((m) => m.content.includes('Movie night') && !m.poll) as StoredMessage;
    const [inId, outId] = FakeDiscord.buttons(join).map((b) => b.customId) as [string, string];
    await d.click(d.user('carol'), join, inId).settled();
    await d.click(d.user('bob'), join, outId).settled();
    await d.click(d.user('bob'), join, inId).settled();
    expect(join.content).toContain(`<@${d.user('carol').id}>`);
    expect(join.content).toMatch(/In \(3\)/);
  });

  it('when joining closes, then a native poll of unseen films goes up next to their cards', async () => {
    clock.advance(10 * 60_000 + 1_000);
    await app.movieNights.tick();
    const poll = pollMessage();
    expect(poll).toBeDefined();
    expect(poll.poll?.answers).toHaveLength(4);
    expect(poll.embeds[0]?.description).toMatch(/should love it; nobody has seen it/);
    const rated = (await em().find(Rating, {})).map((r) => r.movie.id);
    const titles = poll.poll!.answers.map((a) => a.poll_media.text as string);
    expect(titles.every((t) => t.length <= 55)).toBe(true);
    const candidates = await em().find(MovieNightCandidate, { night: nightId });
    expect(candidates).toHaveLength(4);
    for (const c of candidates) expect(rated).not.toContain(c.movie.id);
  });

  it('when people vote, then each vote arrives as a gateway event and is stored', async () => {
    const d = stack.discord;
    d.vote(d.user('alice'), pollMessage(), [2]);
    d.vote(d.user('bob'), pollMessage(), [1]);
    d.vote(d.user('bob'), pollMessage(), [2]); // changes their vote: REMOVE 1, ADD 2
    await eventually(
      () => em().find(MovieNightVote, { night: nightId }),
      (v) => v.length === 2 && v.every((x) => x.answerId === 2),
      'two votes for answer 2',
    );
  });

  it('when the bot is killed mid-poll and restarted, then votes cast while it was down count', async () => {
    const d = stack.discord;
    await app.stop();
    d.vote(d.user('carol'), pollMessage(), [3]);
    app = await createApp({
      config: stack.config,
      logger: createLogger(stack.config),
      orm: stack.orm,
      clock: now,
      recommenderRefreshMs: 0,
      catalogueRefreshMs: 0,
      movieNightTickMs: 0,
    });
    await app.start();
    const votes = await em().find(MovieNightVote, { night: nightId }, { orderBy: { answerId: 'asc' } });
    expect(votes.map((v) => [v.userId, v.answerId])).toContainEqual([d.user('carol').id, 3]);
    expect(votes).toHaveLength(3);
  });

  it('when the poll ends while two runs race, then the winner is announced exactly once', async () => {
    clock.advance(2 * 3_600_000);
    await Promise.all([app.movieNights.tick(), app.movieNights.endNow(nightId), app.movieNights.endNow(nightId)]);
    await app.movieNights.tick();
    const wins = channel().filter((m) => m.content.startsWith('🏆'));
    expect(wins).toHaveLength(1);
    const answer2 = pollMessage().poll!.answers[1]!.poll_media.text as string;
    expect(wins[0]!.content).toContain(answer2.replace(/^2\. /, '').replace(/ \(\d{4}\)$/, ''));
    expect(wins[0]!.content).toContain('2 votes');
    const night = await em().findOneOrFail(MovieNight, nightId);
    expect(night.status).toBe('decided');
    // The bot's invite role has Manage Events: the screening is in the server's events, once, with the film's name.
    const events = [...stack.discord.scheduledEvents.values()];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ name: expect.stringContaining('Movie night: '), entity_type: 3, status: 1 });
    expect(events[0].scheduled_start_time).toBe(night.startsAt.toISOString());
    expect(channel().filter((m) => m.content.startsWith('📅'))).toHaveLength(0);
  });

  it('after the screening, attendees get one rating prompt; stars become ratings and watched entries', async () => {
    const d = stack.discord;
    clock.advance(2 * 86_400_000);
    await app.movieNights.tick();
    await app.movieNights.tick();
    const prompts = channel().filter((m) => m.content.startsWith('⭐'));
    expect(prompts).toHaveLength(1);
    const buttons = FakeDiscord.buttons(prompts[0]!);
    expect(buttons.map((b) => b.label)).toEqual(['1★', '2★', '3★', '4★', '5★', 'I watched it']);
    await d.click(d.user('bob'), prompts[0]!, buttons[5]!.customId).reply();
    const ack = await d.click(d.user('bob'), prompts[0]!, buttons[3]!.customId).reply();
    expect(ack.content).toContain('★★★★ (4)');
    await d.click(d.user('alice'), prompts[0]!, buttons[4]!.customId).reply();
    const night = await em().findOneOrFail(MovieNight, nightId, { populate: ['winner'] });
    expect(night.groupScore).toBe(4.5);
    const watched = await em().find(Watched, { movie: night.winner!.id });
    expect(watched.map((w) => w.user.id).sort()).toEqual([d.user('alice').id, d.user('bob').id].sort());
    const history = await d.command(d.user('carol'), 'movienight history').reply();
    expect(history.embeds[0]?.description).toContain(night.winner!.title);
    expect(history.embeds[0]?.description).toContain('4.5★');
  });
});

/** Starts a night as alice, closes joining and the poll, and runs the steps after (announce, event): its id. */
async function nightToDecision(values: Record<string, unknown>): Promise<{ nightId: number; start: StoredMessage }> {
  const d = stack.discord;
  const start = await d.command(d.user('alice'), 'movienight start', { candidates: 3, ...values }).reply();
  const night = await em().findOneOrFail(MovieNight, { guildId: d.guild.id, status: 'gathering' });
  clock.advance(10 * 60_000 + 1_000);
  await app.movieNights.tick();
  const ended = await d.command(d.user('alice'), 'movienight end').reply();
  expect(ended.content).toContain('Poll closed');
  await app.movieNights.tick();
  return { nightId: night.id, start };
}

describe('movie nights in a voice channel, rescheduled, cancelled, and without Manage Events', () => {
  const voiceRoom = () => stack.discord.channel('Screening Room')!;
  const events = () => [...stack.discord.scheduledEvents.values()];

  it('when alice names a voice channel, then the people in it are in, the event is in that channel and moves when rescheduled; attendance is who is in voice after the screening', async () => {
    const d = stack.discord;
    const [bob, carol, dave] = [d.user('bob'), d.user('carol'), d.user('dave')];
    d.joinVoice(bob);
    d.joinVoice(carol);
    const { nightId, start } = await nightToDecision({ when: 'tomorrow 20:30', voice: 'Screening Room' });
    expect(start.content).toContain(`<@${bob.id}>`);
    expect(start.content).toContain(`<@${carol.id}>`);
    const event = events().find((e) => e.channel_id === voiceRoom().id);
    expect(event).toMatchObject({ entity_type: 2, status: 1 });
    const before = await em().findOneOrFail(MovieNight, nightId);
    const length = Date.parse(event.scheduled_end_time) - Date.parse(event.scheduled_start_time);

    const moved = await d.command(d.user('alice'), 'movienight reschedule', { when: 'tomorrow 22:00' }).reply();
    expect(moved.content).toContain('Movie night moved');
    const after = await em().findOneOrFail(MovieNight, nightId);
    expect(after.startsAt.getTime()).not.toBe(before.startsAt.getTime());
    expect(event.scheduled_start_time).toBe(after.startsAt.toISOString());
    expect(Date.parse(event.scheduled_end_time) - Date.parse(event.scheduled_start_time)).toBe(length);
    // Someone else may not move it: bob is neither the host nor has Manage Events.
    const refused = await d
      .command(bob, 'movienight reschedule', { when: 'tomorrow 23:00' }, { permissions: '0' })
      .reply();
    expect(refused.content).toContain('Manage Events');

    // During the screening bob leaves and dave (never named) comes in; carol stays.
    d.leaveVoice(bob);
    d.joinVoice(dave);
    await d.command(dave, 'help').reply(); // the voice events reach the bot before this interaction
    // Erin comes in once the film runs and leaves before the end: she was there too.
    const erin = d.user('erin');
    clock.advance(Date.parse(event.scheduled_start_time) - clock.now() + 10 * 60_000);
    d.joinVoice(erin);
    await vi.waitFor(async () =>
      expect(await em().count(MovieNightParticipant, { night: nightId, user: erin.id, attendedVia: 'voice' })).toBe(1),
    );
    d.leaveVoice(erin);
    clock.advance(Date.parse(event.scheduled_end_time) - clock.now() + 60_000);
    await app.movieNights.tick();
    const attended = await em().find(MovieNightParticipant, { night: nightId, attendedVia: 'voice' });
    expect(attended.map((p) => p.user.id).sort()).toEqual([carol.id, dave.id, erin.id].sort());
    const prompt = channel()
      .filter((m) => m.content.startsWith('⭐'))
      .at(-1)!;
    expect(prompt.content).toContain(`<@${dave.id}>`);
    expect(prompt.content).toContain(`<@${erin.id}>`);
    expect(prompt.content).not.toContain(`<@${bob.id}>`);
    d.leaveVoice(carol);
    d.leaveVoice(dave);
  });

  it('when an admin sets /config language de, then the poll and the winner are posted in German', async () => {
    const d = stack.discord;
    const admin = { permissions: String(PermissionFlagsBits.ManageGuild) };
    await d.command(d.user('alice'), 'config language', { language: 'de' }, admin).reply();
    try {
      const before = channel().length;
      await nightToDecision({ when: 'tomorrow 20:30', people: `<@${d.user('bob').id}>` });
      const posted = channel().slice(before);
      expect(posted.find((m) => m.poll)?.content).toContain('Filmabend');
      expect(posted.some((m) => m.content.startsWith('🏆 Filmabend'))).toBe(true);
    } finally {
      await d.command(d.user('alice'), 'movienight cancel').reply();
      await d.command(d.user('alice'), 'config language', { language: 'auto' }, admin).reply();
    }
  });

  it('when the host cancels a decided night, then its event is cancelled and the night is over', async () => {
    const d = stack.discord;
    const { nightId } = await nightToDecision({ when: 'tomorrow 20:30', people: `<@${d.user('bob').id}>` });
    const night = await em().findOneOrFail(MovieNight, nightId);
    expect(night.eventId).toBeTruthy();
    const reply = await d.command(d.user('alice'), 'movienight cancel').reply();
    expect(reply.content).toContain('cancelled');
    expect(d.scheduledEvents.get(String(night.eventId))?.status).toBe(4);
    expect((await em().findOneOrFail(MovieNight, nightId)).status).toBe('cancelled');
    const none = await d.command(d.user('alice'), 'movienight end').reply();
    expect(none.content).toContain('no movie night planned');
  });

  it('when the bot lacks Manage Events, then the night still gets its winner and one line says there is no event', async () => {
    const d = stack.discord;
    const taken: [string, bigint][] = [];
    for (const roleId of [d.guild.id, ...d.permissions.rolesOf(d.botUser.id)]) {
      const role = d.permissions.roles.get(roleId);
      if (role && role.permissions & PermissionFlagsBits.ManageEvents) {
        taken.push([roleId, role.permissions]);
        role.permissions &= ~PermissionFlagsBits.ManageEvents;
      }
    }
    try {
      const eventsBefore = events().length;
      const { nightId } = await nightToDecision({ when: 'tomorrow 20:30', people: `<@${d.user('carol').id}>` });
      await app.movieNights.tick();
      const night = await em().findOneOrFail(MovieNight, nightId);
      expect(night.status).toBe('decided');
      expect(night.eventId ?? null).toBeNull();
      expect(events()).toHaveLength(eventsBefore);
      const notes = channel().filter((m) => m.content.startsWith("📅 I couldn't"));
      expect(notes).toHaveLength(1);
      expect(notes[0]!.content).toContain('Manage Events');
      expect(channel().filter((m) => m.content.startsWith('🏆')).length).toBeGreaterThanOrEqual(2);
    } finally {
      for (const [roleId, permissions] of taken) d.permissions.roles.get(roleId)!.permissions = permissions;
    }
  });
});
