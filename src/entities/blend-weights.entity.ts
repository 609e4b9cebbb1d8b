import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/**
 * The recommender's learned blend weights (warm weights per source), written by the re-fit job and read by every
 * process at start and when the version moves. One row per scope: `global` holds the global weights and the version
 * of the whole set; per-user weights are in `user_blend_weights`.
 */
export const BlendWeightsSchema = defineEntity({
  name: 'BlendWeights',
  tableName: 'blend_weights',
  properties: {
    scope: p.string().primary().length(16),
    version: p.string().length(64),
    /** Source name → weight (`content`, `user_knn`, `item_knn`, `ease`, `popularity`). */
    weights: p.json<Record<string, number>>(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class BlendWeights extends BlendWeightsSchema.class {}
BlendWeightsSchema.setClass(BlendWeights);

/** One member's personal blend weights (the same set version as the global row). */
export const UserBlendWeightsSchema = defineEntity({
  name: 'UserBlendWeights',
  tableName: 'user_blend_weights',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    weights: p.json<Record<string, number>>(),
  },
});
export class UserBlendWeights extends UserBlendWeightsSchema.class {}
UserBlendWeightsSchema.setClass(UserBlendWeights);
