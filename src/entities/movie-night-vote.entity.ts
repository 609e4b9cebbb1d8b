import { defineEntity, p } from '@mikro-orm/core';
import { MovieNight } from './movie-night.entity.ts';

/**
 * One poll vote as Discord reports it (MESSAGE_POLL_VOTE_ADD / _REMOVE, or the answer voters after a restart).
 * Voters are kept as plain ids: anyone who can see the poll may vote, participant or not.
 */
export const MovieNightVoteSchema = defineEntity({
  name: 'MovieNightVote',
  tableName: 'movie_night_votes',
  properties: {
    night: () => p.manyToOne(MovieNight).primary().deleteRule('cascade'),
    userId: p.string().length(20).primary(),
    answerId: p.smallint().primary(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class MovieNightVote extends MovieNightVoteSchema.class {}
MovieNightVoteSchema.setClass(MovieNightVote);
