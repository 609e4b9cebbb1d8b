// Movie nights: who takes part, the group's shortlist, the poll's votes, the winner, the screening's event,
// attendance and the stars afterwards. No discord.js here: the bot turns Discord events into these calls and these
// results into messages. Steps that must happen once across restarts and bot processes are guarded in the database:
// a row lock for state changes (shortlist, decision) and a leased claim for side effects (announcing, the event,
// rating prompts), so a process that died mid-step is taken over after the lease and two never both act.
import type { Em } from '../db.ts';
import {
  type AttendanceSource,
  Movie,
  MovieNight,
  MovieNightCandidate,
  type MovieNightDecidedBy,
  MovieNightParticipant,
  type MovieNightStatus,
  MovieNightVote,
  type StoredGroupReason,
  User,
} from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { yearOf } from '../release-year.ts';
import { cut } from '../text.ts';
import { localParts, parseTime, zonedTimeToInstant } from '../weekly/schedule.ts';
import { getProfileVisibility } from './privacy-service.ts';
import { setRating, validateStars } from './rating-service.ts';
import type { RecommendationService } from './recommendation-service.ts';
import { ensureUser } from './user-service.ts';
import { addWatched, isoDate } from './watched-service.ts';

export const MIN_CANDIDATES = 3;
/** A Discord poll has at most 10 answers (developers/resources/poll.mdx, "Poll Create Request Object"). */
export const MAX_CANDIDATES = 10;
/** A poll lasts at most 32 days (768 hours) (developers/resources/poll.mdx, "Poll Create Request Object"). */
export const MAX_POLL_HOURS = 768;
/** How long a screening is assumed to last when the film's runtime is unknown. */
export const DEFAULT_SCREENING_MINUTES = 120;

export interface StartNightInput {
  guildId: string;
  channelId: string;
  hostId: string;
  startsAt: Date;
  timeZone: string;
  /** Server members named by the host (voice channel members, a role's members or mentions); the host is added. */
  named: readonly string[];
  candidateCount: number;
  maxRuntime?: number | null;
  genre?: string | null;
  voiceChannelId?: string | null;
  location?: string | null;
  multiselect?: boolean;
  joinMinutes: number;
  pollHours: number;
}

export interface ParticipantView {
  userId: string;
  source: 'named' | 'joined';
  out: boolean;
  attendedVia: AttendanceSource | null;
  stars: number | null;
}

export interface CandidateView {
  answerId: number;
  movieId: number;
  title: string;
  year: number | null;
  runtime: number | null;
  posterPath: string | null;
  genres: string[];
  groupScore: number;
  reasons: StoredGroupReason[];
  votes: number;
}

export interface NightView {
  id: number;
  guildId: string;
  channelId: string;
  hostId: string;
  status: MovieNightStatus;
  startsAt: Date;
  timeZone: string;
  voiceChannelId: string | null;
  location: string | null;
  candidateCount: number;
  maxRuntime: number | null;
  genre: string | null;
  multiselect: boolean;
  joinClosesAt: Date;
  pollHours: number;
  joinMessageId: string | null;
  pollMessageId: string | null;
  pollEndsAt: Date | null;
  winnerMovieId: number | null;
  decidedBy: MovieNightDecidedBy | null;
  announcedMessageId: string | null;
  eventId: string | null;
  eventProblem: string | null;
  promptedAt: Date | null;
  groupScore: number | null;
}

/** A step that is due for a night; the movie-night job performs it. */
export type DueStep = 'shortlist' | 'poll' | 'decide' | 'announce' | 'event' | 'prompt';
/** A side effect that must happen once. */
export type ClaimStep = 'poll' | 'announce' | 'event' | 'prompt';

export interface HistoryEntry {
  nightId: number;
  movieId: number;
  title: string;
  startsAt: Date;
  timeZone: string;
  attendees: string[];
  groupScore: number | null;
  ratings: number;
}

export interface MovieNightServiceDeps {
  recommendations: Pick<RecommendationService, 'recommendForGroup'>;
  clock: () => Date;
  /** How long a claimed side effect may take before another process may retry it. */
  leaseMs?: number;
}

export type MovieNightService = ReturnType<typeof createMovieNightService>;

const CLAIM_COLUMNS: Record<ClaimStep, { claimed: string; done: string }> = {
  poll: { claimed: 'poll_claimed_at', done: 'poll_message_id' },
  announce: { claimed: 'announce_claimed_at', done: 'announced_message_id' },
  event: { claimed: 'event_claimed_at', done: 'coalesce(event_id, event_problem)' },
  prompt: { claimed: 'prompt_claimed_at', done: 'prompted_at' },
};

/** double precision columns are typed string | number by the ORM; the driver returns numbers. */
function numberOrNull(v: string | number | null | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function view(n: MovieNight): NightView {
  return {
    id: n.id,
    guildId: n.guildId,
    channelId: n.channelId,
    hostId: n.host.id,
    status: n.status,
    startsAt: n.startsAt,
    timeZone: n.timeZone,
    voiceChannelId: n.voiceChannelId ?? null,
    location: n.location ?? null,
    candidateCount: n.candidateCount,
    maxRuntime: n.maxRuntime ?? null,
    genre: n.genre ?? null,
    multiselect: n.multiselect,
    joinClosesAt: n.joinClosesAt,
    pollHours: n.pollHours,
    joinMessageId: n.joinMessageId ?? null,
    pollMessageId: n.pollMessageId ?? null,
    pollEndsAt: n.pollEndsAt ?? null,
    winnerMovieId: n.winner?.id ?? null,
    decidedBy: n.decidedBy ?? null,
    announcedMessageId: n.announcedMessageId ?? null,
    eventId: n.eventId ?? null,
    eventProblem: n.eventProblem ?? null,
    promptedAt: n.promptedAt ?? null,
    groupScore: numberOrNull(n.groupScore),
  };
}

/**
 * "Today" and "tomorrow" in the bot's six languages (days from today), so that `/movienight when` reads what people
 * type in theirs: `morgen 20:30`, `demain 20h30`, `mañana 20:30`, `amanhã 20h`, `明日 20:30`.
 */
const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ...['today', 'heute', "aujourd'hui", 'hoy', 'hoje', '今日', 'きょう'].map((w) => [w, 0] as const),
  ...['tomorrow', 'morgen', 'demain', 'mañana', 'manana', 'amanhã', 'amanha', '明日', 'あした', 'あす'].map(
    (w) => [w, 1] as const,
  ),
]);

/**
 * When the screening starts, from what the host typed in the server's time zone: `HH:MM` (today, or tomorrow once
 * that time has passed), `tomorrow HH:MM` (or today, in any of the six languages), or `YYYY-MM-DD HH:MM`; `20h30`
 * and `20h` work as well as `20:30`.
 */
export function parseScreeningTime(input: string, timeZone: string, now: Date): Date {
  const bad = () => UserFacingError.of('invalid_input', 'night.bad_time', { input: cut(input, 40), timeZone });
  const text = input.trim().toLowerCase().normalize('NFC').replace(/\s+/g, ' ').replace(/’/g, "'");
  // [day] HH:MM, HHhMM or HHh; the day is a word below or YYYY-MM-DD.
  const m = /^(?:(\S+) )?(\d{1,2})(?:[:h](\d{2})|h)$/.exec(text);
  const day = m?.[1];
  const t = m ? parseTime(`${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`) : null;
  const relative = day === undefined ? 0 : RELATIVE_DAYS.get(day);
  if (!m || !t || (relative === undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day ?? ''))) throw bad();
  const today = localParts(now.getTime(), timeZone);
  let date = { year: today.year, month: today.month, day: today.day };
  if (day !== undefined && relative === undefined) {
    const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw bad();
    date = { year: y, month: mo, day: d };
  }
  const at = (dt: typeof date) => zonedTimeToInstant({ ...dt, hour: t.hour, minute: t.minute }, timeZone);
  let instant = at(date);
  const plusDay = () => {
    const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
    date = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
    instant = at(date);
  };
  if (relative === 1 || (day === undefined && instant <= now.getTime())) plusDay();
  return new Date(instant);
}

/** The winner: most votes; ties go to the better group score, then to the earlier answer. */
export function pickWinner(candidates: readonly Pick<CandidateView, 'answerId' | 'groupScore' | 'votes'>[]): number {
  const sorted = [...candidates].sort(
    (a, b) => b.votes - a.votes || b.groupScore - a.groupScore || a.answerId - b.answerId,
  );
  const top = sorted[0];
  if (!top) throw new Error('a night without candidates cannot be decided');
  return top.answerId;
}

export function createMovieNightService(deps: MovieNightServiceDeps) {
  const leaseMs = deps.leaseMs ?? 60_000;

  async function requireNight(em: Em, nightId: number): Promise<MovieNight> {
    const night = await em.findOne(MovieNight, nightId);
    if (!night) throw UserFacingError.of('not_found', 'night.gone');
    return night;
  }

  /** Locks the night's row for the rest of the transaction (state changes are serialised per night). */
  async function lockNight(em: Em, nightId: number): Promise<MovieNight> {
    await em.execute('select id from movie_nights where id = ? for update', [nightId]);
    const night = await em.findOne(MovieNight, nightId, { refresh: true });
    if (!night) throw UserFacingError.of('not_found', 'night.gone');
    return night;
  }

  async function candidates(em: Em, nightId: number): Promise<CandidateView[]> {
    const rows = await em.find(
      MovieNightCandidate,
      { night: nightId },
      { populate: ['movie'], orderBy: { answerId: 'asc' } },
    );
    const counts = await em.execute<{ answer_id: number; n: string | number }[]>(
      'select answer_id, count(*) as n from movie_night_votes where night_id = ? group by answer_id',
      [nightId],
    );
    const votes = new Map(counts.map((c) => [Number(c.answer_id), Number(c.n)]));
    return rows.map((c) => {
      const m = c.movie;
      return {
        answerId: c.answerId,
        movieId: m.id,
        title: m.title,
        year: yearOf(m.releaseDate),
        runtime: m.runtime ?? null,
        posterPath: m.posterPath ?? null,
        genres: (m.genres ?? []).map((g) => g.name),
        groupScore: Number(c.groupScore),
        reasons: c.reasons,
        votes: votes.get(c.answerId) ?? 0,
      };
    });
  }

  async function participants(em: Em, nightId: number): Promise<ParticipantView[]> {
    const rows = await em.find(
      MovieNightParticipant,
      { night: nightId },
      { orderBy: { joinedAt: 'asc', user: 'asc' } },
    );
    return rows.map((p) => ({
      userId: p.user.id,
      source: p.source,
      out: p.out,
      attendedVia: p.attendedVia ?? null,
      stars: numberOrNull(p.stars),
    }));
  }

  /** Adds a Discord user as a participant; imported and synthetic users never take part. */
  async function addParticipant(
    em: Em,
    night: MovieNight,
    userId: string,
    source: 'named' | 'joined',
  ): Promise<MovieNightParticipant | null> {
    const known = await em.findOne(User, userId);
    if (known && known.kind !== 'discord') return null;
    const user = known ?? (await ensureUser(em, userId));
    // A night being created has no id yet: querying by it would drop the condition and find this person's row of an
    // earlier night (so someone who came to a past night was never added to a new one).
    const existing = night.id === undefined ? null : await em.findOne(MovieNightParticipant, { night: night.id, user });
    if (existing) {
      existing.out = false;
      return existing;
    }
    return em.create(MovieNightParticipant, { night, user, source, out: false });
  }

  return {
    candidates,
    participants,

    async get(em: Em, nightId: number): Promise<NightView> {
      return view(await requireNight(em, nightId));
    },

    /** The night a server is currently running (not finished or cancelled), most recent first. */
    async active(em: Em, guildId: string): Promise<NightView | null> {
      const night = await em.findOne(
        MovieNight,
        { guildId, status: { $in: ['gathering', 'polling', 'decided'] } },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
      return night ? view(night) : null;
    },

    /** Nights whose poll is open (to reconcile their votes after a restart). */
    async openPolls(em: Em): Promise<NightView[]> {
      const nights = await em.find(
        MovieNight,
        { status: 'polling', pollMessageId: { $ne: null } },
        { orderBy: { id: 'asc' } },
      );
      return nights.map(view);
    },

    async findByPollMessage(em: Em, messageId: string): Promise<NightView | null> {
      const night = await em.findOne(MovieNight, { pollMessageId: messageId });
      return night ? view(night) : null;
    },

    async start(em: Em, input: StartNightInput): Promise<NightView> {
      const now = deps.clock();
      const count = Math.trunc(input.candidateCount);
      if (count < MIN_CANDIDATES || count > MAX_CANDIDATES)
        throw UserFacingError.of('invalid_input', 'night.bad_candidates', { min: MIN_CANDIDATES, max: MAX_CANDIDATES });
      if (input.startsAt.getTime() <= now.getTime()) throw UserFacingError.of('invalid_input', 'night.time_passed');
      const joinMinutes = Math.trunc(input.joinMinutes);
      if (joinMinutes < 1 || joinMinutes > 24 * 60) throw UserFacingError.of('invalid_input', 'night.bad_join_minutes');
      const pollHours = Math.trunc(input.pollHours);
      if (pollHours < 1 || pollHours > MAX_POLL_HOURS)
        throw UserFacingError.of('invalid_input', 'night.bad_poll_hours', { max: MAX_POLL_HOURS });
      if (input.maxRuntime !== undefined && input.maxRuntime !== null && input.maxRuntime < 30)
        throw UserFacingError.of('invalid_input', 'night.bad_max_runtime');
      if (await em.count(MovieNight, { guildId: input.guildId, status: { $in: ['gathering', 'polling'] } }))
        throw UserFacingError.of('duplicate', 'night.already_planned');
      const host = await ensureUser(em, input.hostId);
      const night = em.create(MovieNight, {
        guildId: input.guildId,
        channelId: input.channelId,
        host,
        status: 'gathering',
        startsAt: input.startsAt,
        timeZone: input.timeZone,
        voiceChannelId: input.voiceChannelId ?? null,
        location: input.location ? cut(input.location, 100) : null,
        candidateCount: count,
        maxRuntime: input.maxRuntime ?? null,
        genre: input.genre ?? null,
        multiselect: input.multiselect ?? false,
        joinClosesAt: new Date(now.getTime() + joinMinutes * 60_000),
        pollHours,
      });
      for (const id of new Set([input.hostId, ...input.named])) await addParticipant(em, night, id, 'named');
      await em.flush();
      return view(night);
    },

    async setJoinMessage(em: Em, nightId: number, messageId: string): Promise<void> {
      await em.nativeUpdate(MovieNight, { id: nightId }, { joinMessageId: messageId });
    },

    /** "I'm in": anyone in the server may join while joining is open; a dropped-out person may rejoin. */
    async join(em: Em, nightId: number, userId: string): Promise<ParticipantView[]> {
      const night = await requireNight(em, nightId);
      if (night.status !== 'gathering' || night.joinClosesAt.getTime() <= deps.clock().getTime())
        throw UserFacingError.of('expired', 'night.joining_closed');
      const p = await addParticipant(em, night, userId, 'joined');
      if (!p) throw UserFacingError.of('forbidden', 'night.members_only');
      await em.flush();
      return participants(em, nightId);
    },

    /** "I'm out": drops out until the shortlist is made. */
    async leave(em: Em, nightId: number, userId: string): Promise<ParticipantView[]> {
      const night = await requireNight(em, nightId);
      if (night.status !== 'gathering' || night.joinClosesAt.getTime() <= deps.clock().getTime())
        throw UserFacingError.of('expired', 'night.joining_closed');
      const p = await em.findOne(MovieNightParticipant, { night, user: userId });
      if (!p || p.out) throw UserFacingError.of('not_found', 'night.not_in');
      p.out = true;
      await em.flush();
      return participants(em, nightId);
    },

    /**
     * Closes joining and stores the group's shortlist (once: the row lock makes a second caller see `polling`).
     * Returns the candidates, or null when the night had already moved on.
     */
    async buildShortlist(em: Em, nightId: number): Promise<CandidateView[] | null> {
      const built = await em.transactional(async (tx) => {
        const night = await lockNight(tx, nightId);
        if (night.status !== 'gathering') return false;
        const members = (await participants(tx, nightId)).filter((p) => !p.out).map((p) => p.userId);
        const picks = await deps.recommendations.recommendForGroup(tx, members, {
          count: night.candidateCount,
          genre: night.genre ?? undefined,
          maxRuntime: night.maxRuntime ?? undefined,
          guildId: night.guildId,
        });
        if (picks.length < 2) {
          night.status = 'cancelled';
          night.cancelledAt = deps.clock();
          return true;
        }
        picks.forEach((p, k) => {
          tx.create(MovieNightCandidate, {
            night,
            answerId: k + 1,
            movie: tx.getReference(Movie, p.movieId),
            groupScore: p.score,
            reasons: p.reasons,
          });
        });
        night.status = 'polling';
        return true;
      });
      if (!built) return null;
      return candidates(em, nightId);
    },

    /** Whether this process may do a once-only step now (see the file comment). */
    async claim(em: Em, nightId: number, step: ClaimStep): Promise<boolean> {
      const now = deps.clock();
      const { claimed, done } = CLAIM_COLUMNS[step];
      const res = await em.execute<{ id: number }[]>(
        `update movie_nights set ${claimed} = ?, updated_at = ? where id = ? and ${done} is null and status <> 'cancelled'
           and (${claimed} is null or ${claimed} < ?) returning id`,
        [now, now, nightId, new Date(now.getTime() - leaseMs)],
      );
      return res.length > 0;
    },

    async recordPoll(em: Em, nightId: number, messageId: string, endsAt: Date): Promise<void> {
      await em.nativeUpdate(MovieNight, { id: nightId }, { pollMessageId: messageId, pollEndsAt: endsAt });
    },

    /** A MESSAGE_POLL_VOTE_ADD / _REMOVE. Votes on messages that are not a night's poll are ignored (false). */
    async recordVote(em: Em, messageId: string, userId: string, answerId: number, add: boolean): Promise<boolean> {
      const night = await em.findOne(MovieNight, { pollMessageId: messageId });
      if (!night || night.status !== 'polling') return false;
      if (add) {
        await em.execute(
          'insert into movie_night_votes (night_id, user_id, answer_id, created_at) values (?, ?, ?, ?) on conflict do nothing',
          [night.id, userId, answerId, deps.clock()],
        );
      } else await em.nativeDelete(MovieNightVote, { night: night.id, userId, answerId });
      return true;
    },

    /** Replaces the stored votes with the poll's answer voters (after a restart, or just before deciding). */
    async reconcileVotes(em: Em, nightId: number, voters: ReadonlyMap<number, readonly string[]>): Promise<void> {
      await em.transactional(async (tx) => {
        const night = await lockNight(tx, nightId);
        if (night.status !== 'polling') return;
        await tx.nativeDelete(MovieNightVote, { night: nightId });
        for (const [answerId, ids] of voters)
          for (const userId of new Set(ids)) tx.create(MovieNightVote, { night, userId, answerId });
      });
    },

    /**
     * Picks the winner once: the poll's most-voted film (ties by group score). Later calls return the same outcome
     * with `first: false`, so only the first caller announces it.
     */
    async decide(
      em: Em,
      nightId: number,
      by: Exclude<MovieNightDecidedBy, 'no_votes'>,
    ): Promise<{ first: boolean; night: NightView; winner: CandidateView } | null> {
      const result = await em.transactional(async (tx) => {
        const night = await lockNight(tx, nightId);
        if (night.status !== 'polling') return { first: false, night };
        const list = await candidates(tx, nightId);
        if (list.length === 0) return { first: false, night };
        const answerId = pickWinner(list);
        night.winner = tx.getReference(Movie, list.find((c) => c.answerId === answerId)!.movieId);
        night.decidedBy = list.every((c) => c.votes === 0) ? 'no_votes' : by;
        night.decidedAt = deps.clock();
        night.status = 'decided';
        return { first: true, night };
      });
      const list = await candidates(em, nightId);
      const winnerId = result.night.winner?.id;
      const winner = list.find((c) => c.movieId === winnerId);
      if (!winner) return null;
      return { first: result.first, night: view(result.night), winner };
    },

    async markAnnounced(em: Em, nightId: number, messageId: string): Promise<void> {
      await em.nativeUpdate(MovieNight, { id: nightId }, { announcedMessageId: messageId });
    },

    async recordEvent(em: Em, nightId: number, outcome: { eventId: string } | { problem: string }): Promise<void> {
      await em.nativeUpdate(
        MovieNight,
        { id: nightId },
        'eventId' in outcome ? { eventId: outcome.eventId } : { eventProblem: cut(outcome.problem, 200) },
      );
    },

    async reschedule(em: Em, nightId: number, startsAt: Date): Promise<NightView> {
      const night = await requireNight(em, nightId);
      if (night.status === 'finished' || night.status === 'cancelled')
        throw UserFacingError.of('expired', 'night.over');
      if (startsAt.getTime() <= deps.clock().getTime()) throw UserFacingError.of('invalid_input', 'night.time_passed');
      night.startsAt = startsAt;
      await em.flush();
      return view(night);
    },

    async cancel(em: Em, nightId: number): Promise<NightView> {
      const night = await requireNight(em, nightId);
      if (night.status === 'finished' || night.status === 'cancelled')
        throw UserFacingError.of('expired', 'night.already_over');
      night.status = 'cancelled';
      night.cancelledAt = deps.clock();
      await em.flush();
      return view(night);
    },

    /** What is due now, oldest first (the movie-night job's work list). */
    async due(em: Em, limit = 50): Promise<{ nightId: number; step: DueStep }[]> {
      const now = deps.clock();
      const rows = await em.execute<{ id: number; step: DueStep }[]>(
        `select n.id, case
            when n.status = 'gathering' then 'shortlist'
            when n.status = 'polling' and n.poll_message_id is null then 'poll'
            when n.status = 'polling' then 'decide'
            when n.announced_message_id is null then 'announce'
            when n.event_id is null and n.event_problem is null then 'event'
            else 'prompt' end as step
          from movie_nights n left join movies m on m.id = n.winner_id
          where (n.status = 'gathering' and n.join_closes_at <= ?)
             or (n.status = 'polling' and (n.poll_message_id is null or n.poll_ends_at <= ?))
             or (n.status = 'decided' and (n.announced_message_id is null
                  or (n.event_id is null and n.event_problem is null)
                  or (n.prompted_at is null
                      and n.starts_at + make_interval(mins => coalesce(m.runtime, ?)) <= ?)))
          order by n.id limit ?`,
        [now, now, DEFAULT_SCREENING_MINUTES, now, limit],
      );
      return rows.map((r) => ({ nightId: Number(r.id), step: r.step }));
    },

    /**
     * Someone joined a voice channel: if a night of that server is screening there now (between its start and its
     * end, the film's runtime after the start), they were there. The end-of-screening look at the channel catches
     * whoever is still in it; this catches whoever came in during the film. Returns the nights marked.
     */
    async joinedVoice(em: Em, guildId: string, channelId: string, userId: string): Promise<number[]> {
      const now = deps.clock();
      const rows = await em.execute<{ id: number }[]>(
        `select n.id from movie_nights n left join movies m on m.id = n.winner_id
          where n.guild_id = ? and n.voice_channel_id = ? and n.status = 'decided' and n.starts_at <= ?
            and n.starts_at + make_interval(mins => coalesce(m.runtime, ?)) > ?`,
        [guildId, channelId, now, DEFAULT_SCREENING_MINUTES, now],
      );
      const marked: number[] = [];
      for (const r of rows) if (await this.markAttended(em, Number(r.id), userId, 'voice')) marked.push(Number(r.id));
      return marked;
    },

    /** Someone was at the screening (in its voice channel, or pressed "I watched it"). */
    async markAttended(em: Em, nightId: number, userId: string, via: AttendanceSource): Promise<boolean> {
      const night = await requireNight(em, nightId);
      if (night.status !== 'decided' && night.status !== 'finished') return false;
      const existing = await em.findOne(MovieNightParticipant, { night, user: userId });
      if (existing) {
        existing.attendedVia ??= via;
      } else {
        const p = await addParticipant(em, night, userId, 'joined');
        if (!p) return false;
        p.attendedVia = via;
      }
      await em.flush();
      return true;
    },

    /** The people to ask for stars: everyone who attended. */
    async attendees(em: Em, nightId: number): Promise<string[]> {
      return (await participants(em, nightId)).filter((p) => p.attendedVia !== null).map((p) => p.userId);
    },

    async markPrompted(em: Em, nightId: number): Promise<void> {
      await em.nativeUpdate(MovieNight, { id: nightId }, { promptedAt: deps.clock(), status: 'finished' });
    },

    /**
     * An attendee's stars for the night's film: stored as their rating and a watched entry (through the rating and
     * watched services), and the night's group score becomes the mean of the attendees' stars.
     */
    async rate(em: Em, nightId: number, userId: string, stars: number): Promise<{ title: string; groupScore: number }> {
      validateStars(stars);
      const night = await requireNight(em, nightId);
      const winnerId = night.winner?.id;
      if (!winnerId || (night.status !== 'decided' && night.status !== 'finished'))
        throw UserFacingError.of('expired', 'night.no_film_yet');
      const change = await em.transactional(async (tx) => {
        const p = await tx.findOne(MovieNightParticipant, { night: nightId, user: userId });
        if (!p) throw UserFacingError.of('forbidden', 'night.attendees_only');
        const firstAnswer = p.stars === null || p.stars === undefined;
        p.stars = stars;
        p.attendedVia ??= 'button';
        const rating = await setRating(tx, userId, winnerId, stars);
        // Changing one's stars for the same night is not a second viewing.
        if (firstAnswer) {
          const today = isoDate(deps.clock());
          const screened = isoDate(night.startsAt);
          await addWatched(tx, userId, winnerId, { date: screened > today ? today : screened, now: deps.clock() });
        }
        await tx.flush();
        const [avg] = await tx.execute<{ avg: string | number }[]>(
          'select avg(stars) as avg from movie_night_participants where night_id = ? and stars is not null',
          [nightId],
        );
        const groupScore = Number(avg?.avg ?? stars);
        await tx.nativeUpdate(MovieNight, { id: nightId }, { groupScore });
        return { title: rating.title, groupScore };
      });
      return change;
    },

    async history(em: Em, guildId: string, limit = 10): Promise<HistoryEntry[]> {
      const nights = await em.find(
        MovieNight,
        { guildId, status: { $in: ['decided', 'finished'] }, winner: { $ne: null } },
        { populate: ['winner'], orderBy: { startsAt: 'desc', id: 'desc' }, limit },
      );
      const out: HistoryEntry[] = [];
      for (const n of nights) {
        const ps = await participants(em, n.id);
        out.push({
          nightId: n.id,
          movieId: n.winner!.id,
          title: n.winner!.title,
          startsAt: n.startsAt,
          timeZone: n.timeZone,
          attendees: ps.filter((p) => p.attendedVia !== null).map((p) => p.userId),
          groupScore: numberOrNull(n.groupScore),
          ratings: ps.filter((p) => p.stars !== null).length,
        });
      }
      return out;
    },
  };
}

/**
 * Participants whose names may appear in a night's public messages (group reasons): everyone but those who made
 * their profile private. Participants are members of the server by construction (privacy-service.ts holds the rule).
 */
export async function nameableInChannel(em: Em, userIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of new Set(userIds)) if ((await getProfileVisibility(em, id)) !== 'private') out.push(id);
  return out;
}
