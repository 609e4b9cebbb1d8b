import { defineEntity, p } from '@mikro-orm/core';

/** One use of a rate-limited command, shared by every process on one PostgreSQL (a sliding-window log). */
export const RateLimitUseSchema = defineEntity({
  name: 'RateLimitUse',
  tableName: 'rate_limit_uses',
  properties: {
    id: p.integer().primary(),
    bucket: p.string().length(32),
    userId: p.string().length(32),
    usedAt: p.datetime(),
  },
  indexes: [{ name: 'rate_limit_uses_key_index', properties: ['bucket', 'userId', 'usedAt'] }],
});
export class RateLimitUse extends RateLimitUseSchema.class {}
RateLimitUseSchema.setClass(RateLimitUse);
