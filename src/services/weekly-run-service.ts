// One server's weekly picks for one ISO week: compute picks for every opted-in member, turn them into outbox rows
// (one DM per member, one digest for the picks channel), then deliver the outbox.
//
// Only one process computes a given guild-week: the compute + enqueue phase runs in one transaction that first takes
// `pg_try_advisory_xact_lock(guild, week)` (PostgreSQL and PGlite alike). The outbox rows and the impressions are
// committed together, so a process killed while computing leaves nothing behind and the next tick starts again; a
// process killed while sending leaves rows that the next run (any process) resumes. "Rows exist for this
// guild-week" is the marker that the compute phase is done.
import { type Em, type Orm, statementsRunHere } from '../db.ts';
import { GuildSettings } from '../entities/index.ts';
import type { ImpressionContext } from '../entities/recommendation-log.entity.ts';
import { type Locale, localeFor } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { previousIsoWeek } from '../weekly/schedule.ts';
import {
  channelKey,
  type DigestProblem,
  type DrainSummary,
  dmKey,
  drain,
  enqueue,
  lastDigestProblem,
  type OutboxMessage,
  type Sender,
} from './delivery-outbox-service.ts';
import { serverLocale } from './locale-service.ts';
import { inLanguage, titlesByLocale } from './movie-titles.ts';
import { knowsEnoughForPicksSql } from './recommendation-data.ts';
import type { PickView, RecommendationResult } from './recommendation-service.ts';
import { markReminded, type StreamingService, type WatchlistReminder } from './streaming-service.ts';

export type WeeklyPick = PickView;
export type WeeklyRecommendation = RecommendationResult;

/** The part of the recommendation service the weekly run uses. */
export interface WeeklyRecommender {
  recommend(
    em: Em,
    userId: string,
    opts: { count?: number; context: ImpressionContext; guildId?: string | null; excludeMovieIds?: number[] },
  ): Promise<WeeklyRecommendation>;
  /** The batch form (results in `userIds` order); used in chunks when present, else `recommend` per member. */
  recommendMany?(
    em: Em,
    userIds: readonly string[],
    opts: {
      count?: number;
      context: ImpressionContext;
      guildId?: string | null;
      excludeMovieIds?: ReadonlyMap<string, readonly number[]>;
    },
  ): Promise<WeeklyRecommendation[]>;
}

export interface DmPayload extends Record<string, unknown> {
  type: 'weekly_dm';
  /** The locale it is written in (src/i18n localeFor, `personal`); absent in rows queued before it existed: en-US. */
  locale?: string;
  isoWeek: string;
  guildId: string;
  userId: string;
  batchId: string;
  picks: WeeklyPick[];
  /** A watchlisted film now streaming on one of the member's services (each film is mentioned once). */
  reminder?: WatchlistReminder;
}

export interface DigestPayload extends Record<string, unknown> {
  type: 'weekly_digest';
  /** The locale it is written in (src/i18n localeFor, `public`); absent in rows queued before it existed: en-US. */
  locale?: string;
  isoWeek: string;
  guildId: string;
  members: number;
  films: { movieId: number; title: string; year: number | null; members: number }[];
}

export interface WeeklyRunOptions {
  orm: Orm;
  logger: Logger;
  recommender: WeeklyRecommender;
  /** Watchlist reminders; without it, weekly DMs carry picks only. */
  streaming?: Pick<StreamingService, 'warmWatchlists' | 'dueReminders' | 'warmOffers'>;
  sender: Sender;
  picksPerDm?: number;
  digestSize?: number;
  /** Members per `recommendMany` call (one set-based read and one impression insert each); default COMPUTE_CHUNK. */
  computeChunk?: number;
  /** Requests in flight while draining. */
  concurrency?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** The time the run records (pauses); the real clock by default. */
  clock?: () => Date;
}

export interface WeeklyRunSummary {
  guildId: string;
  isoWeek: string;
  /** false when another process holds this guild-week, or it had been computed already. */
  computed: boolean;
  audience: number;
  dmsEnqueued: number;
  digestEnqueued: boolean;
  /** This week's digest could not be posted to the picks channel (gone, or the bot lacks permissions there). */
  digestProblem: DigestProblem | null;
  computeMs: number;
  delivery: DrainSummary;
}

/** The compute step alone: the picks enqueued in one transaction, nothing delivered yet. */
export interface WeeklyComputeSummary {
  /** false when another process holds this guild-week, or it had been computed already. */
  computed: boolean;
  audience: number;
  dmsEnqueued: number;
  digestEnqueued: boolean;
  computeMs: number;
}

export interface WeeklyRunner {
  /** Computes (when not done yet) and delivers a guild-week. */
  runGuildWeek(guildId: string, isoWeek: string): Promise<WeeklyRunSummary>;
  /** Computes and enqueues a guild-week's picks without delivering them (what `runGuildWeek` does first). */
  computeGuildWeek(guildId: string, isoWeek: string): Promise<WeeklyComputeSummary>;
  /** True once every row of the guild-week is in a final state (or nothing was ever enqueued and none is due). */
  isSettled(guildId: string, isoWeek: string): Promise<boolean>;
}

/**
 * Opted-in, Discord, members of this server whom the recommender knows enough about for personal picks (the same
 * rule /recommend applies: `knowsEnoughForPicks`), so nobody in the audience silently gets films to rate instead.
 * Read in pages by id: one statement over thousands of members is a single long synchronous step on PGlite (issue 11).
 */
export async function weeklyAudience(em: Em, guildId: string, pageSize = AUDIENCE_PAGE): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    // A page of the server's members by id (its primary key), then the rule on that page only: each statement costs
    // the same whatever the page's place.
    const rows: { id: string; ok: boolean }[] = await em.execute(
      `with page as (
         select gm.user_id from guild_members gm
         where gm.guild_id = ? ${after === null ? '' : 'and gm.user_id > ?'}
         order by gm.user_id limit ?)
       select p.user_id as id,
              (u.dm_opt_in and u.dm_paused_at is null and u.kind = 'discord' and ${knowsEnoughForPicksSql('u')}) as ok
       from page p left join users u on u.id = p.user_id
       order by p.user_id`,
      after === null ? [guildId, pageSize] : [guildId, after, pageSize],
    );
    for (const r of rows) if (r.ok) out.push(r.id);
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return out;
    after = last.id;
  }
}

/** Members per page of the audience read. */
const AUDIENCE_PAGE = 250;
/**
 * Members per chunk of the weekly compute. On PGlite each chunk's statements run on the bot's thread (about 1 s for
 * 500 members' 2,500 impressions on a busy machine; docs/benchmarks.md, "while a weekly run computes"), so 100. On
 * PostgreSQL fewer, larger statements keep the one connection of the transaction less busy: 100,000 members took
 * 62.6 s in chunks of 100, 57.9 s in chunks of 250 and 50.2 s in chunks of 500 (docs/benchmarks.md,
 * "100k-member compute").
 */
const COMPUTE_CHUNK = { embedded: 100, server: 500 } as const;
/** Members per read of earlier weekly picks (bound parameters stay well below PostgreSQL's 65,535). */
const PREVIOUS_PICKS_PAGE = 1000;
/** Chunks of the weekly compute in flight at once (one ranked while the database serves the other). */
const COMPUTE_LANES = 2;

/**
 * Pauses weekly DMs for this guild-week's members whose DM was undeliverable (Discord 50007 / 50278) now and in the
 * week before, with nothing delivered to them in either week; returns how many were paused. They stop costing invalid
 * requests, and are told once, kindly, the next time they use Marquee (`takeDmPauseNotice`).
 */
export async function pauseUndeliverableDms(em: Em, guildId: string, isoWeek: string, now: Date): Promise<number> {
  const previous = previousIsoWeek(isoWeek);
  const rows = await em.execute<{ id: string }[]>(
    `update users set dm_paused_at = ?
     where dm_paused_at is null and id in (
       select o.recipient_id from delivery_outbox o
       where o.guild_id = ? and o.kind = 'dm' and o.iso_week = ? and o.status = 'undeliverable'
         and exists (select 1 from delivery_outbox p where p.kind = 'dm' and p.recipient_id = o.recipient_id
                     and p.iso_week = ? and p.status = 'undeliverable')
         and not exists (select 1 from delivery_outbox s where s.kind = 'dm' and s.recipient_id = o.recipient_id
                         and s.iso_week in (?, ?) and s.status = 'sent'))
     returning id`,
    [now, guildId, isoWeek, previous, isoWeek, previous],
  );
  return rows.length;
}

export function buildDigest(
  guildId: string,
  isoWeek: string,
  dms: readonly { readonly picks: readonly WeeklyPick[] }[],
  size: number,
): DigestPayload {
  const byMovie = new Map<
    number,
    { movieId: number; title: string; year: number | null; members: number; score: number }
  >();
  for (const dm of dms) {
    for (const p of dm.picks) {
      const e = byMovie.get(p.movieId) ?? { movieId: p.movieId, title: p.title, year: p.year, members: 0, score: 0 };
      e.members++;
      e.score += p.score;
      byMovie.set(p.movieId, e);
    }
  }
  const films = [...byMovie.values()]
    .sort((a, b) => b.members - a.members || b.score - a.score || a.movieId - b.movieId)
    .slice(0, size)
    .map(({ movieId, title, year, members }) => ({ movieId, title, year, members }));
  return { type: 'weekly_digest', isoWeek, guildId, members: dms.length, films };
}

/** Films each member was already sent in recent weekly DMs: a week's picks never repeat an earlier week's. */
export async function previousWeeklyPicks(
  em: Em,
  guildId: string,
  members: readonly string[],
  now: Date,
  weeks = 12,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (members.length === 0) return out;
  // Asked for the members given (a chunk of the audience), so that no one statement reads a whole server's history.
  const rows = await em.execute<{ user_id: string; movie_id: number }[]>(
    `select distinct l.user_id, l.movie_id from recommendation_log l
     join guild_members gm on gm.user_id = l.user_id and gm.guild_id = ?
     where l.context = 'weekly_dm' and l.shown_at > ? and l.user_id in (${members.map(() => '?').join(', ')})`,
    [guildId, new Date(now.getTime() - weeks * 7 * 86_400_000), ...members],
  );
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push(Number(r.movie_id));
    out.set(r.user_id, list);
  }
  return out;
}

async function hasRows(em: Em, guildId: string, isoWeek: string): Promise<boolean> {
  const rows = await em.execute<{ n: number }[]>(
    'select 1 as n from delivery_outbox where guild_id = ? and iso_week = ? limit 1',
    [guildId, isoWeek],
  );
  return rows.length > 0;
}

export function createWeeklyRunner(o: WeeklyRunOptions): WeeklyRunner {
  const picksPerDm = o.picksPerDm ?? 5;
  const digestSize = o.digestSize ?? 5;
  const chunkFor = (em: Em) =>
    Math.max(1, o.computeChunk ?? COMPUTE_CHUNK[statementsRunHere(em) ? 'embedded' : 'server']);
  const clock = o.clock ?? (() => new Date());

  /**
   * One batch of DMs made ready to send, as outbox rows: the watchlist reminders due (marked in this transaction,
   * once per film, exactly when the DM carrying it is enqueued), the language each is written in, and the pick titles
   * in that language where we have them cached.
   */
  async function finishDms(tem: Em, dms: DmPayload[]): Promise<OutboxMessage[]> {
    if (o.streaming) {
      // Decided from cached offers (warmed before this transaction).
      const due = await o.streaming.dueReminders(
        tem,
        dms.map((d) => d.userId),
      );
      for (const dm of dms) {
        const reminder = due.get(dm.userId);
        if (reminder) dm.reminder = reminder;
      }
      await markReminded(
        tem,
        [...due.values()].map((r) => r.watchlistItemId),
        clock(),
      );
    }
    // The language each message is written in, decided now and kept with the row (src/i18n/locale-for.ts): a DM in
    // the person's chosen language, else the one they last used. Plain rows in pages, not entities: hydrating
    // thousands of users at once was one long step on PGlite.
    for (let i = 0; i < dms.length; i += AUDIENCE_PAGE) {
      const page = dms.slice(i, i + AUDIENCE_PAGE);
      const people = await tem.execute<{ id: string; locale: string | null; locale_override: string | null }[]>(
        `select id, locale, locale_override from users where id in (${page.map(() => '?').join(', ')})`,
        page.map((d) => d.userId),
      );
      const byId = new Map(people.map((u) => [u.id, u]));
      for (const d of page) {
        const u = byId.get(d.userId);
        d.locale = localeFor('personal', { userChoice: u?.locale_override, storedUserLocale: u?.locale });
      }
    }
    // Titles in each reader's language where we have them cached (src/services/movie-titles.ts); no TMDB call
    // inside this transaction: a title we do not have shows in English.
    const localized = await titlesByLocale(
      tem,
      dms.map((d) => ({ locale: d.locale as Locale, ids: d.picks.map((p) => p.movieId) })),
    );
    return dms.map((d) => {
      const titles = localized.get(d.locale as Locale);
      return {
        idempotencyKey: dmKey(d.guildId, d.userId, d.isoWeek),
        kind: 'dm',
        guildId: d.guildId,
        recipientId: d.userId,
        isoWeek: d.isoWeek,
        payload: titles ? { ...d, picks: d.picks.map((p) => inLanguage(p, p.movieId, titles)) } : d,
      };
    });
  }

  async function compute(guildId: string, isoWeek: string, log: Logger) {
    const em = o.orm.em.fork();
    return em.transactional(async (tem) => {
      const [lock] = await tem.execute<{ locked: boolean }[]>(
        'select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as locked',
        [`weekly:${guildId}:${isoWeek}`],
      );
      if (!lock?.locked) {
        log.info('another process is computing this week; only helping deliver');
        return null;
      }
      if (await hasRows(tem, guildId, isoWeek)) return null;
      const settings = await tem.findOne(GuildSettings, guildId);
      const audience = await weeklyAudience(tem, guildId);
      // Everyone's films from earlier weekly DMs, read before this transaction writes any impression: read per chunk
      // in between, each read slowed as this run's own rows piled up in the log (11 → 31 ms a chunk over a
      // 100,000-member run, docs/benchmarks.md, "100k-member compute"). Each member is in one chunk, so no read needs
      // this run's rows.
      const previous = new Map<string, number[]>();
      for (let i = 0; i < audience.length; i += PREVIOUS_PICKS_PAGE) {
        const page = await previousWeeklyPicks(tem, guildId, audience.slice(i, i + PREVIOUS_PICKS_PAGE), clock());
        for (const [userId, films] of page) previous.set(userId, films);
      }
      // The picks as computed (English titles), for the digest and the summary.
      const sent: { userId: string; picks: WeeklyPick[] }[] = [];
      // Each chunk's DMs are finished and enqueued as soon as its picks are in, inside the lanes below: the outbox
      // rows are written while the next chunks are ranked, instead of 100,000 rows at the end with the ranking
      // worker idle (docs/benchmarks.md, "100k-member compute"). Still the one transaction.
      const finish = async (members: readonly string[], results: readonly (WeeklyRecommendation | undefined)[]) => {
        const dms: DmPayload[] = [];
        for (const [k, userId] of members.entries()) {
          const r = results[k];
          if (r?.kind !== 'picks' || r.picks.length === 0) continue;
          dms.push({ type: 'weekly_dm', isoWeek, guildId, userId, batchId: r.batchId, picks: r.picks });
          sent.push({ userId, picks: r.picks });
        }
        if (dms.length > 0) await enqueue(tem, await finishDms(tem, dms));
      };
      const recommender = o.recommender;
      if (recommender.recommendMany) {
        // Batches: each chunk's rows are read in a few set-based queries and its impressions written in one insert.
        // Still inside the one transaction, so the guarantees above hold unchanged. Two chunks are in flight: while
        // one is ranked (this thread and the ranking worker), the database reads the next one's rows and writes the
        // last one's picks and DMs on its own core.
        const many = recommender.recommendMany.bind(recommender);
        const chunks: string[][] = [];
        const computeChunk = chunkFor(tem);
        for (let i = 0; i < audience.length; i += computeChunk) chunks.push(audience.slice(i, i + computeChunk));
        let next = 0;
        // A chunk that fails stops both lanes; the transaction ends (rolls back) only once neither has a statement
        // in flight.
        let failure: { error: unknown } | null = null;
        const lane = async () => {
          while (next < chunks.length && failure === null) {
            const chunk = chunks[next++]!;
            try {
              const results = await many(tem, chunk, {
                count: picksPerDm,
                context: 'weekly_dm',
                guildId,
                excludeMovieIds: previous,
              });
              await finish(chunk, results);
            } catch (error) {
              failure ??= { error };
              return;
            }
            tem.clear();
          }
        };
        await Promise.all(Array.from({ length: COMPUTE_LANES }, lane));
        if (failure) throw (failure as { error: unknown }).error;
      } else {
        const results: WeeklyRecommendation[] = [];
        for (const userId of audience) {
          const r = await recommender.recommend(tem, userId, {
            count: picksPerDm,
            context: 'weekly_dm',
            guildId,
            excludeMovieIds: previous.get(userId),
          });
          // Each recommend() flushes its impressions; without clearing, every flush would re-scan all the entities
          // of the members before (quadratic in the audience).
          tem.clear();
          results.push(r);
        }
        await finish(audience, results);
      }
      const channelId = settings?.picksChannelId ?? null;
      if (channelId) {
        // The digest ranks films across the DMs by id, from the picks as computed; then its titles change language.
        const digest = { ...buildDigest(guildId, isoWeek, sent, digestSize), locale: serverLocale(settings) };
        const titles = (
          await titlesByLocale(tem, [{ locale: digest.locale, ids: digest.films.map((f) => f.movieId) }])
        ).get(digest.locale);
        if (titles) digest.films = digest.films.map((f) => inLanguage(f, f.movieId, titles));
        await enqueue(tem, [
          {
            idempotencyKey: channelKey(guildId, channelId, isoWeek),
            kind: 'channel',
            guildId,
            recipientId: channelId,
            isoWeek,
            payload: digest,
          },
        ]);
      }
      return {
        audience: audience.length,
        dms: sent.length,
        digest: channelId !== null,
        films: new Map(sent.map((d) => [d.userId, d.picks.slice(0, picksPerDm).map((p) => p.movieId)])),
      };
    });
  }

  async function computeGuildWeek(guildId: string, isoWeek: string, log: Logger): Promise<WeeklyComputeSummary> {
    const t0 = performance.now();
    let computed: Awaited<ReturnType<typeof compute>> = null;
    if (!(await hasRows(o.orm.em.fork(), guildId, isoWeek))) {
      if (o.streaming) {
        // TMDB lookups happen here, outside the compute transaction (which must not wait on the network).
        const em = o.orm.em.fork();
        await o.streaming
          .warmWatchlists(em, await weeklyAudience(em, guildId))
          .catch((err: unknown) => log.warn({ err }, 'could not refresh watchlist availability; using the cache'));
      }
      computed = await compute(guildId, isoWeek, log);
      if (computed && o.streaming) {
        // Where the picks stream, fetched now (after the transaction, before delivery): the sender reads it from
        // the cache for each DM's "Stream on …" lines.
        await o.streaming
          .warmOffers(o.orm.em.fork(), computed.films)
          .catch((err: unknown) => log.warn({ err }, 'could not refresh where the picks stream; using the cache'));
      }
    }
    const computeMs = Math.round(performance.now() - t0);
    if (computed)
      log.info({ audience: computed.audience, dmsEnqueued: computed.dms, computeMs }, 'weekly picks computed');
    return {
      computed: computed !== null,
      audience: computed?.audience ?? 0,
      dmsEnqueued: computed?.dms ?? 0,
      digestEnqueued: computed?.digest ?? false,
      computeMs,
    };
  }

  return {
    computeGuildWeek: (guildId, isoWeek) =>
      computeGuildWeek(guildId, isoWeek, o.logger.child({ job: 'weekly', guildId, isoWeek })),
    async runGuildWeek(guildId, isoWeek) {
      const log = o.logger.child({ job: 'weekly', guildId, isoWeek });
      const computed = await computeGuildWeek(guildId, isoWeek, log);
      const delivery = await drain(o.orm.em.fork(), {
        guildId,
        isoWeek,
        sender: o.sender,
        logger: log,
        concurrency: o.concurrency,
        leaseMs: o.leaseMs,
        maxAttempts: o.maxAttempts,
        clock,
      });
      const paused = await pauseUndeliverableDms(o.orm.em.fork(), guildId, isoWeek, clock());
      if (paused > 0) log.info({ paused }, 'weekly DMs paused for members whose DMs failed two weeks running');
      const digestProblem = await lastDigestProblem(o.orm.em.fork(), guildId, isoWeek);
      if (digestProblem) {
        // The admin sees this in /config show; operators see it here.
        log.warn(
          { channelId: digestProblem.channelId, error: digestProblem.error },
          'weekly digest could not be posted to its channel',
        );
      }
      const summary: WeeklyRunSummary = {
        guildId,
        isoWeek,
        digestProblem,
        ...computed,
        delivery,
      };
      log.info(
        {
          computed: summary.computed,
          audience: summary.audience,
          dmsEnqueued: summary.dmsEnqueued,
          digest: summary.digestEnqueued,
          computeMs: computed.computeMs,
          attempted: delivery.attempted,
          sent: delivery.sent,
          undeliverable: delivery.undeliverable,
          failed: delivery.failed,
          retried: delivery.retried,
          sendMs: delivery.durationMs,
          totals: delivery.status,
        },
        'weekly run summary',
      );
      return summary;
    },
    async isSettled(guildId, isoWeek) {
      const rows = await o.orm.em
        .fork()
        .execute<{ n: number }[]>(
          "select 1 as n from delivery_outbox where guild_id = ? and iso_week = ? and status in ('pending', 'sending') limit 1",
          [guildId, isoWeek],
        );
      return rows.length === 0 && (await hasRows(o.orm.em.fork(), guildId, isoWeek));
    },
  };
}
