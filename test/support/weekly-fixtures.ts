// Builders for weekly-picks tests: a server with members and ratings, the real recommender behind a spy, and a
// recording Sender in place of Discord.
import { pino } from 'pino';
import type { Em, Orm } from '../../src/db.ts';
import { type ClaimedMessage, SendError, type Sender } from '../../src/services/delivery-outbox-service.ts';
import { createRecommendationService } from '../../src/services/recommendation-service.ts';
import type { WeeklyRecommender } from '../../src/services/weekly-run-service.ts';

export interface SeededGuild {
  guildId: string;
  channelId: string;
  optedIn: string[];
  optedOut: string[];
  tooFewRatings: string[];
}

/** Ids are fixed-width numeric strings that look like snowflakes; `prefix` keeps files apart. */
export async function seedGuild(
  em: Em,
  opts: { prefix: string; members: number; movies?: number },
): Promise<SeededGuild> {
  const id = (n: number) => `${opts.prefix}${String(n).padStart(18 - opts.prefix.length, '0')}`;
  const guildId = id(1);
  const channelId = id(2);
  const movies = opts.movies ?? 20;
  const values = Array.from({ length: movies }, (_, i) => `(${i + 1}, 'Film ${i + 1}', now(), now())`).join(', ');
  await em.execute(`insert into movies (id, title, created_at, updated_at) values ${values} on conflict do nothing`);
  await em.execute(
    `insert into guild_settings (guild_id, picks_channel_id, schedule_day, schedule_time, timezone, enabled, created_at, updated_at)
     values (?, ?, 5, '18:00', 'Europe/Berlin', true, now(), now())`,
    [guildId, channelId],
  );
  const optedIn: string[] = [];
  const optedOut: string[] = [];
  const tooFewRatings: string[] = [];
  for (let i = 0; i < opts.members + 2; i++) {
    const userId = id(100 + i);
    const kind = i === opts.members ? 'out' : i === opts.members + 1 ? 'few' : 'in';
    await em.execute(
      `insert into users (id, kind, dm_opt_in, created_at, updated_at) values (?, 'discord', ?, now(), now())`,
      [userId, kind !== 'out'],
    );
    await em.execute(
      'insert into guild_members (guild_id, user_id, first_seen_at, last_seen_at) values (?, ?, now(), now())',
      [guildId, userId],
    );
    const n = kind === 'few' ? 2 : 3;
    for (let m = 1; m <= n; m++) {
      await em.execute(
        'insert into ratings (user_id, movie_id, score, created_at, updated_at) values (?, ?, 4, now(), now())',
        [userId, ((i + m) % movies) + 1],
      );
    }
    (kind === 'in' ? optedIn : kind === 'out' ? optedOut : tooFewRatings).push(userId);
  }
  return { guildId, channelId, optedIn, optedOut, tooFewRatings };
}

/**
 * The real recommendation service over the test database, wrapped to record which members it was asked about (a spy,
 * not a stand-in). Build it after seeding: the model is built from what the database holds at `start()`.
 */
export async function spiedRecommender(orm: Orm): Promise<WeeklyRecommender & { calls: string[] }> {
  const service = createRecommendationService({ orm, logger: pino({ level: 'silent' }), buildInWorker: false });
  await service.start();
  const calls: string[] = [];
  return {
    calls,
    recommend(em, userId, opts) {
      calls.push(userId);
      return service.recommend(em, userId, opts);
    },
    recommendMany(em, userIds, opts) {
      calls.push(...userIds);
      return service.recommendMany(em, userIds, opts);
    },
  };
}

/** For a run that must not compute anything (it resumes delivery only): any call fails the test. */
export const mustNotRecompute: WeeklyRecommender = {
  recommend() {
    throw new Error('the weekly run recomputed picks it had already committed');
  },
};

/** Records every send; answers like Discord with `enforce_nonce` (same nonce → the same message). */
export function recordingSender(opts: { undeliverable?: ReadonlySet<string>; delayMs?: number } = {}) {
  const sends: ClaimedMessage[] = [];
  const byNonce = new Map<string, string>();
  let next = 1;
  const sender: Sender = {
    async send(m) {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      sends.push(m);
      if (m.kind === 'dm' && opts.undeliverable?.has(m.recipientId)) {
        throw new SendError('undeliverable', 'Cannot send messages to this user', 50007);
      }
      let id = byNonce.get(m.nonce);
      if (!id) {
        id = String(900000000000000000n + BigInt(next++));
        byNonce.set(m.nonce, id);
      }
      return { messageId: id };
    },
  };
  return { sender, sends, messagesCreated: () => byNonce.size };
}
