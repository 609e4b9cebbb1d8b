// The movie-night runner's Discord side: posts the poll and the winner, reads poll voters, ends polls, manages the
// screening's scheduled event, reads who is in the voice channel and asks attendees for stars — through the bot's
// own REST client (one rate-limit state) and gateway cache.
import {
  type APIGuildScheduledEvent,
  type APIMessage,
  type Client,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  RESTJSONErrorCodes,
  RequestMethod,
  Routes,
} from 'discord.js';
import type { Orm } from '../db.ts';
import { type Translator, text, translator } from '../i18n/index.ts';
import { publicLocale } from '../services/locale-service.ts';
import type { MovieNightDiscord } from '../services/movie-night-runner.ts';
import type { CandidateView, NightView } from '../services/movie-night-service.ts';
import { DEFAULT_SCREENING_MINUTES, nameableInChannel } from '../services/movie-night-service.ts';
import { clip } from '../text.ts';
import type { CustomIds } from './custom-id.ts';
import { renderPoll, renderRatingPrompt, renderWinner } from './movie-night-render.ts';

function apiError(err: unknown): { status: number; code: number | string } | null {
  if (err instanceof Error && err.name.startsWith('DiscordAPIError') && 'status' in err && 'code' in err) {
    return { status: Number((err as { status: unknown }).status), code: (err as { code: number | string }).code };
  }
  return null;
}

export interface MovieNightDiscordOptions {
  client: Client;
  ids: CustomIds;
  orm: Orm;
}

export function createMovieNightDiscord(o: MovieNightDiscordOptions): MovieNightDiscord {
  const rest = o.client.rest;

  /** Posts in a night's channel are public: the server's `/config language`, else its Discord language. */
  async function serverTr(night: NightView): Promise<Translator> {
    const guild = o.client.guilds.cache.get(night.guildId);
    return translator(await publicLocale(o.orm.em.fork(), night.guildId, guild?.preferredLocale));
  }

  /** Display names of participants who allow being named (server members by construction). */
  async function names(night: NightView, userIds: readonly string[]): Promise<Map<string, string>> {
    const allowed = await nameableInChannel(o.orm.em.fork(), userIds);
    const out = new Map<string, string>();
    const guild = o.client.guilds.cache.get(night.guildId);
    for (const id of allowed) {
      const member = guild?.members.cache.get(id);
      const user = member?.user ?? o.client.users.cache.get(id) ?? (await o.client.users.fetch(id).catch(() => null));
      const name = member?.displayName ?? user?.displayName;
      if (name) out.set(id, name);
    }
    return out;
  }

  /** The screening's start and end: the film's runtime after the night's start. */
  function screeningTimes(night: NightView, winner: CandidateView) {
    const start = night.startsAt;
    const end = new Date(start.getTime() + (winner.runtime ?? DEFAULT_SCREENING_MINUTES) * 60_000);
    return { scheduled_start_time: start.toISOString(), scheduled_end_time: end.toISOString() };
  }

  async function eventBody(night: NightView, winner: CandidateView) {
    const tr = await serverTr(night);
    const film = `${winner.title}${winner.year ? ` (${winner.year})` : ''}${winner.runtime ? ` · ${tr.runtime(winner.runtime)}` : ''}${winner.genres.length ? ` · ${tr.genres(winner.genres.slice(0, 3))}` : ''}`;
    const base = {
      name: clip(tr.t('night.event_name', { title: winner.title }), 100),
      description: clip(tr.t('night.event_description', { film }), 1000),
      privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
      ...screeningTimes(night, winner),
    };
    return night.voiceChannelId
      ? { ...base, channel_id: night.voiceChannelId, entity_type: GuildScheduledEventEntityType.Voice }
      : {
          ...base,
          entity_type: GuildScheduledEventEntityType.External,
          entity_metadata: { location: clip(night.location ?? tr.t('night.event_location_tba'), 100) },
        };
  }

  return {
    async postPoll(night, candidates, participants, nonce) {
      const people = await names(
        night,
        participants.filter((p) => !p.out).map((p) => p.userId),
      );
      const msg = (await rest.post(Routes.channelMessages(night.channelId), {
        body: renderPoll(await serverTr(night), night, candidates, people, nonce),
      })) as APIMessage;
      const expiry = msg.poll?.expiry ? new Date(msg.poll.expiry) : new Date(Date.now() + night.pollHours * 3_600_000);
      return { messageId: msg.id, endsAt: expiry };
    },
    async endPoll(night) {
      if (!night.pollMessageId) return;
      try {
        await rest.post(Routes.expirePoll(night.channelId, night.pollMessageId));
      } catch (err) {
        // Already ended (by time, or by another process): nothing to do.
        if (apiError(err)?.code !== RESTJSONErrorCodes.PollExpired) throw err;
      }
    },
    async pollVoters(night, answerIds) {
      const out = new Map<number, string[]>();
      if (!night.pollMessageId) return out;
      let emptyUntil = 0;
      for (const answerId of answerIds) {
        const ids: string[] = [];
        let after: string | undefined;
        for (;;) {
          const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
          const wait = emptyUntil - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const res = await rest.queueRequest({
            method: RequestMethod.Get,
            fullRoute: Routes.pollAnswerVoters(night.channelId, night.pollMessageId, answerId),
            query,
          });
          const page = (await res.json()) as { users: { id: string }[] };
          ids.push(...page.users.map((u) => u.id));
          // Discord counts every answer of a poll in one bucket (topics/rate-limits.mdx: per route and major
          // parameter), but discord.js keys its queues by path with only snowflakes folded, so /answers/1 … /10 are
          // ten routes to it and it cannot pace them: a poll of more answers than the bucket holds cost a 429 (an
          // invalid request). Wait out an empty bucket here, from its own headers.
          if (res.headers.get('x-ratelimit-remaining') === '0') {
            const seconds = Number(res.headers.get('x-ratelimit-reset-after'));
            emptyUntil = Date.now() + (Number.isFinite(seconds) ? seconds * 1_000 : 1_000);
          }
          if (page.users.length < 100) break;
          after = page.users.at(-1)?.id;
        }
        out.set(answerId, ids);
      }
      return out;
    },
    async announce(night, winner, nonce) {
      const msg = (await rest.post(Routes.channelMessages(night.channelId), {
        body: renderWinner(await serverTr(night), night, winner, nonce),
      })) as APIMessage;
      return msg.id;
    },
    async createEvent(night, winner) {
      try {
        const ev = (await rest.post(Routes.guildScheduledEvents(night.guildId), {
          body: await eventBody(night, winner),
        })) as APIGuildScheduledEvent;
        return { eventId: ev.id };
      } catch (err) {
        const e = apiError(err);
        if (e?.code === RESTJSONErrorCodes.MissingPermissions || e?.code === RESTJSONErrorCodes.MissingAccess) {
          return { problem: text('night.event_no_permission') };
        }
        if (e && e.status >= 400 && e.status < 500) {
          return { problem: text('night.event_failed', { status: String(e.status) }) };
        }
        throw err;
      }
    },
    async updateEvent(night, winner) {
      if (!night.eventId) return;
      await rest.patch(Routes.guildScheduledEvent(night.guildId, night.eventId), {
        body: screeningTimes(night, winner),
      });
    },
    async cancelEvent(night) {
      if (!night.eventId) return;
      await rest
        .patch(Routes.guildScheduledEvent(night.guildId, night.eventId), {
          body: { status: GuildScheduledEventStatus.Canceled },
        })
        .catch((err: unknown) => {
          if (apiError(err)?.status !== 404) throw err;
        });
    },
    async voiceMembers(night) {
      if (!night.voiceChannelId) return null;
      const guild = o.client.guilds.cache.get(night.guildId);
      if (!guild) return null;
      return [...guild.voiceStates.cache.values()]
        .filter((vs) => vs.channelId === night.voiceChannelId && !vs.member?.user.bot)
        .map((vs) => vs.id);
    },
    async promptRatings(night, winner, attendees) {
      await rest.post(Routes.channelMessages(night.channelId), {
        body: renderRatingPrompt(await serverTr(night), night, winner, attendees, o.ids),
      });
    },
    async say(night, said) {
      await rest.post(Routes.channelMessages(night.channelId), {
        body: { content: (await serverTr(night)).text(said), allowed_mentions: { parse: [] } },
      });
    },
  };
}
