import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';
import { MovieNight } from './movie-night.entity.ts';

/**
 * Why a candidate suits the group, as data with user ids (the engine's GroupReason with member indices resolved);
 * the bot makes the words and decides whose names may be shown.
 */
export type StoredGroupReason =
  | { kind: 'fit'; userIds: string[]; of: number }
  | { kind: 'director' | 'cast'; name: string; userIds: string[]; movieId: number; title: string };

/** One film on a night's shortlist; `answerId` is its answer in the Discord poll (1-based, in shortlist order). */
export const MovieNightCandidateSchema = defineEntity({
  name: 'MovieNightCandidate',
  tableName: 'movie_night_candidates',
  properties: {
    night: () => p.manyToOne(MovieNight).primary().deleteRule('cascade'),
    answerId: p.smallint().primary(),
    movie: () => p.manyToOne(Movie).deleteRule('cascade'),
    /** The group score the shortlist was ranked by; breaks ties in the poll. */
    groupScore: p.double(),
    reasons: p.json<StoredGroupReason[]>(),
  },
  uniques: [{ name: 'movie_night_candidates_night_movie_unique', properties: ['night', 'movie'] }],
  checks: [{ name: 'movie_night_candidates_answer_id_check', expression: 'answer_id >= 1 and answer_id <= 10' }],
});
export class MovieNightCandidate extends MovieNightCandidateSchema.class {}
MovieNightCandidateSchema.setClass(MovieNightCandidate);
