import { defineEntity, p } from '@mikro-orm/core';
import { Movie } from './movie.entity.ts';
import { User } from './user.entity.ts';

export const IMPRESSION_CONTEXTS = [
  'recommend',
  'onboarding',
  'weekly_dm',
  'weekly_channel',
  'similar',
  'group',
] as const;
export type ImpressionContext = (typeof IMPRESSION_CONTEXTS)[number];

/** Per-source scores behind a pick, so the blend can be re-fitted from the log. */
export type SourceScores = Record<string, number>;

/** One pick shown to one user: the impression that feedback links back to. */
export const RecommendationLogSchema = defineEntity({
  name: 'RecommendationLog',
  tableName: 'recommendation_log',
  properties: {
    id: p.bigint('number').primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    movie: () => p.manyToOne(Movie).deleteRule('cascade'),
    rank: p.smallint(),
    score: p.double(),
    sourceScores: p.json<SourceScores>(),
    modelVersion: p.string().length(64),
    context: p.enum(IMPRESSION_CONTEXTS),
    guildId: p.string().length(20).nullable(),
    /** Groups the picks of one /recommend call or one weekly message. */
    batchId: p.string().length(36),
    shownAt: p.datetime().onCreate(() => new Date()),
  },
  checks: [{ name: 'recommendation_log_rank_check', expression: 'rank >= 1' }],
  indexes: [
    { name: 'recommendation_log_user_shown_at_index', properties: ['user', 'shownAt'] },
    { name: 'recommendation_log_batch_index', properties: ['batchId'] },
  ],
});
export class RecommendationLog extends RecommendationLogSchema.class {}
RecommendationLogSchema.setClass(RecommendationLog);
