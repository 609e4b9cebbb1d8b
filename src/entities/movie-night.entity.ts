import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';
import { User } from './user.entity.ts';

/**
 * A night's life: people join (`gathering`), the group votes on the shortlist (`polling`), a winner is picked
 * (`decided`), the screening happens and attendees are asked for stars (`finished`); `cancelled` at any point.
 */
export const MOVIE_NIGHT_STATUSES = ['gathering', 'polling', 'decided', 'finished', 'cancelled'] as const;
export type MovieNightStatus = (typeof MOVIE_NIGHT_STATUSES)[number];
/** How the poll was closed. */
export const MOVIE_NIGHT_DECIDED_BY = ['poll_expired', 'ended', 'no_votes'] as const;
export type MovieNightDecidedBy = (typeof MOVIE_NIGHT_DECIDED_BY)[number];

/**
 * One movie night in one server. Steps that must happen once (announcing the winner, creating the scheduled event,
 * sending rating prompts) are claimed with a conditional update on their `*_claimed_at` column, with a lease, so two
 * bot processes never both do them and a process that died mid-step is taken over after the lease.
 */
export const MovieNightSchema = defineEntity({
  name: 'MovieNight',
  tableName: 'movie_nights',
  properties: {
    id: p.bigint('number').primary(),
    guildId: p.string().length(20),
    /** The text channel the night is run in (join message, poll, announcement). */
    channelId: p.string().length(20),
    host: () => p.manyToOne(User).deleteRule('cascade'),
    status: p.enum(MOVIE_NIGHT_STATUSES).default('gathering'),
    /** When the screening starts (UTC), and the server's time zone it was given in. */
    startsAt: p.datetime(),
    timeZone: p.string().length(64),
    voiceChannelId: p.string().length(20).nullable(),
    /** An external place (when the screening is not in a voice channel). */
    location: p.string().length(100).nullable(),
    candidateCount: p.smallint(),
    maxRuntime: p.smallint().nullable(),
    genre: p.string().length(40).nullable(),
    multiselect: p.boolean().default(false),
    joinClosesAt: p.datetime(),
    /** How long the poll stays open once posted, in hours (Discord allows 1–768). */
    pollHours: p.smallint(),
    joinMessageId: p.string().length(20).nullable(),
    pollClaimedAt: p.datetime().nullable(),
    pollMessageId: p.string().length(20).nullable().unique('movie_nights_poll_message_unique'),
    pollEndsAt: p.datetime().nullable(),
    winner: () => p.manyToOne(Movie).nullable().deleteRule('set null'),
    decidedBy: p.enum(MOVIE_NIGHT_DECIDED_BY).nullable(),
    decidedAt: p.datetime().nullable(),
    announceClaimedAt: p.datetime().nullable(),
    announcedMessageId: p.string().length(20).nullable(),
    eventClaimedAt: p.datetime().nullable(),
    eventId: p.string().length(20).nullable(),
    /** What the bot could not do for this night (e.g. no Manage Events), said once in the channel. */
    eventProblem: p.string().length(200).nullable(),
    promptClaimedAt: p.datetime().nullable(),
    promptedAt: p.datetime().nullable(),
    /** Mean of the attendees' stars for the film, once someone rated it. */
    groupScore: p.double().nullable(),
    cancelledAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [
    { name: 'movie_nights_candidate_count_check', expression: 'candidate_count >= 3 and candidate_count <= 10' },
    { name: 'movie_nights_poll_hours_check', expression: 'poll_hours >= 1 and poll_hours <= 768' },
  ],
  indexes: [
    { name: 'movie_nights_status_index', properties: ['status'] },
    { name: 'movie_nights_guild_starts_at_index', properties: ['guildId', 'startsAt'] },
  ],
});
export class MovieNight extends MovieNightSchema.class {}
MovieNightSchema.setClass(MovieNight);
