import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';
import { User } from './user.entity.ts';

/** A star rating, 0.5 to 5 in half steps; one per user and movie. */
export const RatingSchema = defineEntity({
  name: 'Rating',
  tableName: 'ratings',
  properties: {
    id: p.bigint('number').primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    movie: () => p.manyToOne(Movie).deleteRule('cascade'),
    score: p.decimal('number').precision(2).scale(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ name: 'ratings_user_movie_unique', properties: ['user', 'movie'] }],
  checks: [{ name: 'ratings_score_check', expression: 'score >= 0.5 and score <= 5 and score * 2 = round(score * 2)' }],
  indexes: [{ name: 'ratings_movie_index', properties: ['movie'] }],
});
export class Rating extends RatingSchema.class {}
RatingSchema.setClass(Rating);
