import { defineEntity, p } from '@mikro-orm/core';
import { MovieNight } from './movie-night.entity.ts';
import { User } from './user.entity.ts';

/** Named by the host (voice channel, role or mention) or joined with "I'm in". */
export const PARTICIPANT_SOURCES = ['named', 'joined'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];
export const ATTENDANCE_SOURCES = ['voice', 'button'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** A server member taking part in a night; `out` once they dropped out (the row stays so they can rejoin). */
export const MovieNightParticipantSchema = defineEntity({
  name: 'MovieNightParticipant',
  tableName: 'movie_night_participants',
  properties: {
    night: () => p.manyToOne(MovieNight).primary().deleteRule('cascade'),
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    source: p.enum(PARTICIPANT_SOURCES),
    out: p.boolean().default(false),
    attendedVia: p.enum(ATTENDANCE_SOURCES).nullable(),
    /** Stars given through the after-screening prompt. */
    stars: p.double().nullable(),
    joinedAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ name: 'movie_night_participants_user_index', properties: ['user'] }],
});
export class MovieNightParticipant extends MovieNightParticipantSchema.class {}
MovieNightParticipantSchema.setClass(MovieNightParticipant);
