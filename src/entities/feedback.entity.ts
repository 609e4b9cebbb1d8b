import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';
import { RecommendationLog } from './recommendation-log.entity.ts';
import { User } from './user.entity.ts';

export const FEEDBACK_KINDS = ['up', 'down', 'not_interested', 'seen'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** A click on a pick. One row per user, movie and kind: clicking again removes it (undo). */
export const FeedbackSchema = defineEntity({
  name: 'Feedback',
  tableName: 'feedback',
  properties: {
    id: p.bigint('number').primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    movie: () => p.manyToOne(Movie).deleteRule('cascade'),
    kind: p.enum(FEEDBACK_KINDS),
    /** Where the click came from: `recommend`, `weekly_dm`, `weekly_channel`, `search`, … */
    source: p.string().length(32),
    impression: () => p.manyToOne(RecommendationLog).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'feedback_user_movie_kind_unique', properties: ['user', 'movie', 'kind'] }],
  indexes: [{ name: 'feedback_impression_index', properties: ['impression'] }],
});
export class Feedback extends FeedbackSchema.class {}
FeedbackSchema.setClass(Feedback);
