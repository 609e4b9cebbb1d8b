import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DeliveryOutbox, User } from '../../src/entities/index.ts';
import {
  claim,
  drain,
  enqueue,
  lastDigestProblem,
  type OutboxMessage,
  SendError,
  type Sender,
} from '../../src/services/delivery-outbox-service.ts';
import { updateGuildSettings } from '../../src/services/guild-settings-service.ts';
import { noteGuildLocale } from '../../src/services/locale-service.ts';
import { storeTitles } from '../../src/services/movie-titles.ts';
import { takeDmPauseNotice, updatePreferences } from '../../src/services/user-service.ts';
import { createWeeklyRunner, type WeeklyRecommender } from '../../src/services/weekly-run-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { recordingSender, seedGuild, spiedRecommender } from '../support/weekly-fixtures.ts';

const db = useTestDatabase();
const logger = pino({ level: 'silent' });
const WEEK = '2026-W48';

function messages(n: number, guildId = '1'): OutboxMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    idempotencyKey: `dm:${guildId}:${i}:${WEEK}`,
    kind: 'dm' as const,
    guildId,
    recipientId: String(1000 + i),
    isoWeek: WEEK,
    payload: { i },
  }));
}

describe('delivery outbox', () => {
  it('when the same messages are enqueued twice, then each exists once', async () => {
    expect(await enqueue(db.em(), messages(5))).toBe(5);
    expect(await enqueue(db.em(), [...messages(7)])).toBe(2);
    expect(await db.em().count(DeliveryOutbox, {})).toBe(7);
  });

  it('when two workers claim at once, then no row goes to both', async () => {
    await enqueue(db.em(), messages(40));
    const o = { guildId: '1', isoWeek: WEEK, limit: 25, leaseMs: 60_000, maxAttempts: 3, now: new Date() };
    const [a, b] = await Promise.all([claim(db.em(), o), claim(db.em(), o)]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
    expect(await claim(db.em(), o)).toHaveLength(0);
  });

  it('when a sending row outlives its lease, then it is claimed again with the same nonce', async () => {
    await enqueue(db.em(), messages(1));
    // The lease is measured on the injected clock, not the database's: no sleeping, and it holds to the millisecond.
    const t0 = Date.parse('2026-11-27T17:00:00Z');
    const o = (ms: number) => ({
      guildId: '1',
      isoWeek: WEEK,
      limit: 10,
      leaseMs: 60_000,
      maxAttempts: 3,
      now: new Date(t0 + ms),
    });
    const [first] = await claim(db.em(), o(0));
    expect(await claim(db.em(), o(59_999))).toHaveLength(0);
    const [again] = await claim(db.em(), o(60_001));
    expect(again?.id).toBe(first?.id);
    expect(again?.nonce).toBe(first?.nonce);
    expect(again?.attempts).toBe(2);
  });

  it('when claiming takes longer than the lease, then a drain never takes back and resends its own rows', async () => {
    await enqueue(db.em(), messages(6));
    // Each reading of the clock is a second later: every claim sees the rows claimed before it as out of their 200 ms
    // lease, as a claim slowed down by a busy database does. Idle workers claim again while the first rows are sent.
    let t = Date.parse('2026-11-27T17:00:00Z');
    const clock = () => {
      t += 1_000;
      return new Date(t);
    };
    const out = recordingSender();
    const summary = await drain(db.em(), {
      guildId: '1',
      isoWeek: WEEK,
      sender: out.sender,
      logger,
      concurrency: 8, // more workers than rows: two are idle from the start
      leaseMs: 200,
      clock,
    });
    const keys = out.sends.map((m) => m.idempotencyKey);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
    expect(summary.sent).toBe(6);
  });

  it('when Discord says 50007, then the row is undeliverable and not retried; transient errors are retried', async () => {
    await enqueue(db.em(), messages(4));
    let flaky = 0;
    const sent: string[] = [];
    const summary = await drain(db.em(), {
      guildId: '1',
      isoWeek: WEEK,
      logger,
      concurrency: 2,
      sender: {
        async send(m) {
          sent.push(m.recipientId);
          if (m.recipientId === '1000')
            throw new SendError('undeliverable', 'Cannot send messages to this user', 50007);
          if (m.recipientId === '1001' && flaky++ === 0) throw new Error('socket hang up');
          return { messageId: `9${m.id}` };
        },
      },
    });
    expect(summary).toMatchObject({ sent: 3, undeliverable: 1, failed: 0, retried: 1 });
    expect(sent.filter((r) => r === '1000')).toHaveLength(1);
    const row = await db.em().findOneOrFail(DeliveryOutbox, { recipientId: '1000' });
    expect(row).toMatchObject({ status: 'undeliverable', attempts: 1 });
    expect(row.lastError).toContain('Cannot send messages');
    expect(summary.status).toMatchObject({ sent: 3, undeliverable: 1, pending: 0, sending: 0 });
  });
});

describe('weekly run', () => {
  /** A runner over the spied recommender, sending through `out`. */
  const spiedRunner = async (out: ReturnType<typeof recordingSender>) =>
    createWeeklyRunner({ orm: db.orm, logger, recommender: await spiedRecommender(db.orm), sender: out.sender });

  it('when a run happens, then opted-in members with enough ratings get one DM each and the channel one digest', async () => {
    const g = await seedGuild(db.em(), { prefix: '71', members: 6 });
    const rec = await spiedRecommender(db.orm);
    const out = recordingSender({ undeliverable: new Set([g.optedIn[0] as string]) });
    const runner = createWeeklyRunner({ orm: db.orm, logger, recommender: rec, sender: out.sender });
    const summary = await runner.runGuildWeek(g.guildId, WEEK);
    expect(summary).toMatchObject({ computed: true, audience: 6, dmsEnqueued: 6, digestEnqueued: true });
    expect(summary.delivery).toMatchObject({ sent: 6, undeliverable: 1 });
    expect(new Set(rec.calls)).toEqual(new Set(g.optedIn));
    const channel = out.sends.filter((m) => m.kind === 'channel');
    expect(channel).toHaveLength(1);
    expect(channel[0]?.recipientId).toBe(g.channelId);
    const dm = out.sends.find((m) => m.kind === 'dm' && m.recipientId === g.optedIn[1]);
    expect(dm?.payload.picks).toHaveLength(5);

    // A second run (another tick, another process) sends nothing again and computes nothing again.
    const again = await runner.runGuildWeek(g.guildId, WEEK);
    expect(again).toMatchObject({ computed: false, delivery: { attempted: 0 } });
    expect(rec.calls).toHaveLength(6);
    expect(await runner.isSettled(g.guildId, WEEK)).toBe(true);
  });

  it('when only the compute step runs, then the week is enqueued and nothing is sent until a run delivers it', async () => {
    const g = await seedGuild(db.em(), { prefix: '74', members: 3 });
    const out = recordingSender();
    const runner = await spiedRunner(out);
    const computed = await runner.computeGuildWeek(g.guildId, WEEK);
    expect(computed).toMatchObject({ computed: true, audience: 3, dmsEnqueued: 3, digestEnqueued: true });
    expect(out.sends).toHaveLength(0);
    expect(await runner.isSettled(g.guildId, WEEK)).toBe(false);
    expect(await runner.computeGuildWeek(g.guildId, WEEK)).toMatchObject({ computed: false, dmsEnqueued: 0 });
    const run = await runner.runGuildWeek(g.guildId, WEEK);
    expect(run).toMatchObject({ computed: false, delivery: { sent: 4 } });
    expect(await runner.isSettled(g.guildId, WEEK)).toBe(true);
  });

  it('when one chunk fails, then both chunks in flight stop, nothing is enqueued, and the next run computes it all', async () => {
    const g = await seedGuild(db.em(), { prefix: '73', members: 6 });
    const real = await spiedRecommender(db.orm);
    let chunks = 0;
    let inFlight = 0;
    const failing: WeeklyRecommender = {
      recommend: real.recommend,
      async recommendMany(em, userIds, opts) {
        const n = ++chunks;
        inFlight++;
        try {
          if (n === 2) throw new Error('the database went away');
          return await real.recommendMany!(em, userIds, opts);
        } finally {
          inFlight--;
        }
      },
    };
    const out = recordingSender();
    const runner = createWeeklyRunner({
      orm: db.orm,
      logger,
      recommender: failing,
      sender: out.sender,
      computeChunk: 1,
    });
    await expect(runner.computeGuildWeek(g.guildId, WEEK)).rejects.toThrow('the database went away');
    // Neither lane has a chunk in flight once the run has failed (its transaction is over).
    expect(inFlight).toBe(0);
    // Lanes stop after the failure: at most the other lane's chunk in progress was finished.
    expect(chunks).toBeLessThanOrEqual(3);
    const rows = await db.em().execute<{ n: string | number }[]>('select count(*) as n from delivery_outbox');
    expect(Number(rows[0]?.n)).toBe(0);
    const again = await createWeeklyRunner({
      orm: db.orm,
      logger,
      recommender: real,
      sender: out.sender,
    }).computeGuildWeek(g.guildId, WEEK);
    expect(again).toMatchObject({ computed: true, audience: 6, dmsEnqueued: 6 });
  });

  it('when the next week runs, then no member is sent a film from their earlier weekly DM', async () => {
    const g = await seedGuild(db.em(), { prefix: '78', members: 4 });
    const out = recordingSender();
    const runner = await spiedRunner(out);
    const films = (week: string, userId: string) =>
      (
        (out.sends.find((m) => m.kind === 'dm' && m.isoWeek === week && m.recipientId === userId)?.payload.picks ??
          []) as { movieId: number }[]
      ).map((p) => p.movieId);
    await runner.runGuildWeek(g.guildId, WEEK);
    await runner.runGuildWeek(g.guildId, '2026-W49');
    for (const userId of g.optedIn) {
      const before = films(WEEK, userId);
      const after = films('2026-W49', userId);
      expect(before.length).toBeGreaterThan(0);
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((m) => before.includes(m))).toEqual([]);
    }
  });

  it("when the server's Discord language is German, then the digest is German until /config language says French", async () => {
    const g = await seedGuild(db.em(), { prefix: '75', members: 2 });
    await noteGuildLocale(db.em(), g.guildId, 'de');
    const digestLocale = async (week: string) => {
      const out = recordingSender();
      const runner = await spiedRunner(out);
      await runner.runGuildWeek(g.guildId, week);
      return out.sends.find((m) => m.kind === 'channel')?.payload.locale;
    };
    expect(await digestLocale(WEEK)).toBe('de');
    await updateGuildSettings(db.em(), g.guildId, { language: 'fr' }, new Date());
    expect(await digestLocale('2026-W49')).toBe('fr');
  });

  it('when a member reads German, then their weekly picks carry the German titles we have; English ones stay for others', async () => {
    const g = await seedGuild(db.em(), { prefix: '76', members: 2 });
    const [german, english] = g.optedIn as [string, string];
    await updatePreferences(db.em(), german, { localeOverride: 'de' });
    const films = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: `Der Film ${i + 1}` }));
    await storeTitles(db.em(), 'de', films, new Date());
    const out = recordingSender();
    const runner = createWeeklyRunner({
      orm: db.orm,
      logger,
      recommender: await spiedRecommender(db.orm),
      sender: out.sender,
    });
    await runner.runGuildWeek(g.guildId, WEEK);
    const titles = (userId: string) =>
      (
        (out.sends.find((m) => m.kind === 'dm' && m.recipientId === userId)?.payload.picks ?? []) as { title: string }[]
      ).map((p) => p.title);
    expect(titles(german).length).toBeGreaterThan(0);
    expect(titles(german).every((t) => t.startsWith('Der Film'))).toBe(true);
    expect(titles(english).every((t) => /^Film \d+$/.test(t))).toBe(true);
  });

  it('when the picks channel refuses the digest, then the run reports it and the server can read it back', async () => {
    const g = await seedGuild(db.em(), { prefix: '73', members: 3 });
    const rec = await spiedRecommender(db.orm);
    const out = recordingSender();
    const sender: Sender = {
      async send(m) {
        if (m.kind === 'channel')
          throw new SendError('permanent', 'DiscordAPIError[50013]: Missing Permissions', 50013);
        return out.sender.send(m);
      },
    };
    const runner = createWeeklyRunner({ orm: db.orm, logger, recommender: rec, sender });
    const summary = await runner.runGuildWeek(g.guildId, WEEK);
    expect(summary.digestProblem).toMatchObject({ channelId: g.channelId, isoWeek: WEEK });
    expect(summary.digestProblem?.error).toContain('Missing Permissions');
    expect(await lastDigestProblem(db.em(), g.guildId)).toMatchObject({ channelId: g.channelId });
    expect(summary.delivery.sent).toBe(3);
  });

  it('when the digest went out, then there is no problem to report', async () => {
    const g = await seedGuild(db.em(), { prefix: '74', members: 2 });
    const runner = createWeeklyRunner({
      orm: db.orm,
      logger,
      recommender: await spiedRecommender(db.orm),
      sender: recordingSender().sender,
    });
    expect((await runner.runGuildWeek(g.guildId, WEEK)).digestProblem).toBeNull();
    expect(await lastDigestProblem(db.em(), g.guildId)).toBeNull();
  });

  it('when a member’s DMs are undeliverable two weeks running, then they are paused, cost no more requests, are told once, and /settings dms on resumes them', async () => {
    const g = await seedGuild(db.em(), { prefix: '75', members: 3 });
    const closed = g.optedIn[0] as string;
    const rec = await spiedRecommender(db.orm);
    const out = recordingSender({ undeliverable: new Set([closed]) });
    const now = new Date('2026-12-07T12:00:00Z');
    const runner = createWeeklyRunner({ orm: db.orm, logger, recommender: rec, sender: out.sender, clock: () => now });
    const dmsTo = (week: string) =>
      out.sends.filter((m) => m.kind === 'dm' && m.recipientId === closed && m.isoWeek === week).length;

    await runner.runGuildWeek(g.guildId, '2026-W48');
    expect((await db.em().findOneOrFail(User, closed)).dmPausedAt).toBeNull(); // one failed week is not enough
    await runner.runGuildWeek(g.guildId, '2026-W49');
    expect((await db.em().findOneOrFail(User, closed)).dmPausedAt).toEqual(now);
    const third = await runner.runGuildWeek(g.guildId, '2026-W50');
    expect(dmsTo('2026-W50')).toBe(0);
    expect(third.delivery.undeliverable).toBe(0);
    expect(third.dmsEnqueued).toBe(2);

    expect(await takeDmPauseNotice(db.em(), closed, now)).toBe(true);
    expect(await takeDmPauseNotice(db.em(), closed, now)).toBe(false);
    await updatePreferences(db.em(), closed, { dmOptIn: true });
    expect((await db.em().findOneOrFail(User, closed)).dmPausedAt).toBeNull();
    await runner.runGuildWeek(g.guildId, '2026-W51');
    expect(dmsTo('2026-W51')).toBe(1);
  });

  it('when two processes start the same week at once, then only one computes it and each message is sent once', async () => {
    const g = await seedGuild(db.em(), { prefix: '72', members: 5 });
    const rec = await spiedRecommender(db.orm);
    const out = recordingSender({ delayMs: 5 });
    const a = createWeeklyRunner({ orm: db.orm, logger, recommender: rec, sender: out.sender, concurrency: 2 });
    const b = createWeeklyRunner({ orm: db.orm, logger, recommender: rec, sender: out.sender, concurrency: 2 });
    const [ra, rb] = await Promise.all([a.runGuildWeek(g.guildId, WEEK), b.runGuildWeek(g.guildId, WEEK)]);
    expect([ra.computed, rb.computed].filter(Boolean)).toHaveLength(1);
    expect(out.sends).toHaveLength(6);
    expect(new Set(out.sends.map((m) => m.idempotencyKey)).size).toBe(6);
  });
});
