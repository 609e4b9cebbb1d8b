// Moves movie nights along: closes joining and posts the poll, closes the poll and announces the winner, creates the
// screening's event, takes attendance and asks for stars. Runs on a heartbeat (and on /movienight end); every step
// is idempotent and the once-only ones are claimed in the database (movie-night-service.ts), so a restart resumes
// where it stopped and two bot processes never both act. Discord is reached through the `MovieNightDiscord` port.
import type { Orm } from '../db.ts';
import { type Text, t, text } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { CandidateView, DueStep, MovieNightService, NightView, ParticipantView } from './movie-night-service.ts';

/** What the runner needs from Discord; src/bot/movie-night-discord.ts implements it with the bot's REST client. */
export interface MovieNightDiscord {
  /** Posts the poll next to the candidates' cards; `nonce` makes a retried post return the first message. */
  postPoll(
    night: NightView,
    candidates: readonly CandidateView[],
    participants: readonly ParticipantView[],
    nonce: string,
  ): Promise<{ messageId: string; endsAt: Date }>;
  /** Ends the poll now (no error when it has already ended). */
  endPoll(night: NightView): Promise<void>;
  /** Who voted for each answer, read from Discord. */
  pollVoters(night: NightView, answerIds: readonly number[]): Promise<Map<number, string[]>>;
  announce(night: NightView, winner: CandidateView, nonce: string): Promise<string>;
  /** Creates the screening's scheduled event; a problem (e.g. no Manage Events) is returned, not thrown. */
  createEvent(night: NightView, winner: CandidateView): Promise<{ eventId: string } | { problem: Text }>;
  /** Moves the screening's event to the night's (new) start, its end moved with it. */
  updateEvent(night: NightView, winner: CandidateView): Promise<void>;
  cancelEvent(night: NightView): Promise<void>;
  /** Members in the night's voice channel now; null when it has none or it cannot be read. */
  voiceMembers(night: NightView): Promise<string[] | null>;
  /** One message asking the attendees for 1–5★. */
  promptRatings(night: NightView, winner: CandidateView, attendees: readonly string[]): Promise<void>;
  /** One line in the night's channel, in the server's language. */
  say(night: NightView, text: Text): Promise<void>;
}

export interface MovieNightRunnerDeps {
  orm: Orm;
  logger: Logger;
  service: MovieNightService;
  discord: MovieNightDiscord;
}

export type MovieNightRunner = ReturnType<typeof createMovieNightRunner>;

export function createMovieNightRunner(deps: MovieNightRunnerDeps) {
  const log = deps.logger.child({ component: 'movie-night' });
  const { service, discord } = deps;
  let running: Promise<void> | null = null;

  async function postPoll(nightId: number): Promise<void> {
    const em = deps.orm.em.fork();
    if (!(await service.claim(em, nightId, 'poll'))) return;
    const night = await service.get(em, nightId);
    const [list, people] = await Promise.all([service.candidates(em, nightId), service.participants(em, nightId)]);
    const { messageId, endsAt } = await discord.postPoll(night, list, people, `mn-poll-${nightId}`);
    await service.recordPoll(em, nightId, messageId, endsAt);
    log.info({ nightId, messageId, candidates: list.length }, 'movie night poll posted');
  }

  async function reconcile(night: NightView): Promise<void> {
    const em = deps.orm.em.fork();
    const list = await service.candidates(em, night.id);
    const voters = await discord.pollVoters(
      night,
      list.map((c) => c.answerId),
    );
    await service.reconcileVotes(em, night.id, voters);
  }

  async function decide(nightId: number, by: 'poll_expired' | 'ended'): Promise<void> {
    const em = deps.orm.em.fork();
    const night = await service.get(em, nightId);
    if (night.status !== 'polling') return;
    if (night.pollMessageId) {
      await discord.endPoll(night);
      await reconcile(night);
    }
    const result = await service.decide(em, nightId, by);
    if (result?.first) log.info({ nightId, movieId: result.winner.movieId, by }, 'movie night decided');
    await announce(nightId);
  }

  async function announce(nightId: number): Promise<void> {
    const em = deps.orm.em.fork();
    const night = await service.get(em, nightId);
    if (night.status !== 'decided' || night.announcedMessageId) return;
    if (!(await service.claim(em, nightId, 'announce'))) return;
    const winner = (await service.candidates(em, nightId)).find((c) => c.movieId === night.winnerMovieId);
    if (!winner) return;
    const messageId = await discord.announce(night, winner, `mn-win-${nightId}`);
    await service.markAnnounced(em, nightId, messageId);
    log.info({ nightId, messageId }, 'movie night winner announced');
  }

  async function createEvent(nightId: number): Promise<void> {
    const em = deps.orm.em.fork();
    if (!(await service.claim(em, nightId, 'event'))) return;
    const night = await service.get(em, nightId);
    const winner = (await service.candidates(em, nightId)).find((c) => c.movieId === night.winnerMovieId);
    if (!winner) return;
    const outcome = await discord.createEvent(night, winner);
    if ('problem' in outcome) {
      // Stored in English for operators; said in the server's language.
      const problem = t('en-US', outcome.problem.key, outcome.problem.values);
      await service.recordEvent(em, nightId, { problem });
      await discord.say(night, outcome.problem);
      log.info({ nightId, problem: outcome.problem.key }, 'movie night event');
    } else {
      await service.recordEvent(em, nightId, outcome);
      log.info({ nightId, ...outcome }, 'movie night event');
    }
  }

  async function prompt(nightId: number): Promise<void> {
    const em = deps.orm.em.fork();
    if (!(await service.claim(em, nightId, 'prompt'))) return;
    const night = await service.get(em, nightId);
    const inVoice = await discord.voiceMembers(night);
    for (const userId of inVoice ?? []) await service.markAttended(em, nightId, userId, 'voice');
    const attendees = await service.attendees(em, nightId);
    const winner = (await service.candidates(em, nightId)).find((c) => c.movieId === night.winnerMovieId);
    if (winner) await discord.promptRatings(night, winner, attendees);
    await service.markPrompted(em, nightId);
    log.info({ nightId, attendees: attendees.length }, 'movie night rating prompt sent');
  }

  async function step(nightId: number, s: DueStep): Promise<void> {
    switch (s) {
      case 'shortlist': {
        const em = deps.orm.em.fork();
        const list = await service.buildShortlist(em, nightId);
        if (list === null) {
          const night = await service.get(em, nightId);
          if (night.status === 'cancelled') await discord.say(night, text('night.off_not_enough'));
          return;
        }
        await postPoll(nightId);
        return;
      }
      case 'poll':
        return postPoll(nightId);
      case 'decide':
        return decide(nightId, 'poll_expired');
      case 'announce':
        return announce(nightId);
      case 'event':
        return createEvent(nightId);
      case 'prompt':
        return prompt(nightId);
    }
  }

  async function runDue(): Promise<void> {
    const due = await service.due(deps.orm.em.fork());
    for (const { nightId, step: s } of due) {
      try {
        await step(nightId, s);
      } catch (err) {
        // One night's failure must not stop the others; its step stays due (or its claim expires) and is retried.
        log.error({ err, nightId, step: s }, 'movie night step failed');
      }
    }
  }

  return {
    /** Runs every step that is due now; concurrent calls share one run. */
    tick(): Promise<void> {
      running ??= runDue().finally(() => {
        running = null;
      });
      return running;
    },
    /** Resolves when the run in flight (if any) has finished. */
    async settle(): Promise<void> {
      await running?.catch(() => {});
    },
    /** After a restart: reads each open poll's voters from Discord, so votes cast while down count. */
    async resume(): Promise<void> {
      for (const night of await service.openPolls(deps.orm.em.fork())) {
        try {
          await reconcile(night);
        } catch (err) {
          log.warn({ err, nightId: night.id }, 'could not reconcile poll votes');
        }
      }
    },
    /** /movienight end: closes the poll now and announces the winner (once). */
    async endNow(nightId: number): Promise<void> {
      await decide(nightId, 'ended');
    },
    async rescheduled(night: NightView): Promise<void> {
      if (!night.eventId) return;
      const winner = (await service.candidates(deps.orm.em.fork(), night.id)).find(
        (c) => c.movieId === night.winnerMovieId,
      );
      if (winner) await discord.updateEvent(night, winner);
    },
    async cancelled(night: NightView): Promise<void> {
      if (night.eventId) await discord.cancelEvent(night);
    },
  };
}
