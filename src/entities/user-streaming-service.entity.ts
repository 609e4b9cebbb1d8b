import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/**
 * A streaming service someone has (`/settings services`), by TMDB provider id. Provider ids are the same in every
 * region, so the choice survives a change of region; the name is kept to show it without asking TMDB.
 */
export const UserStreamingServiceSchema = defineEntity({
  name: 'UserStreamingService',
  tableName: 'user_streaming_services',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    providerId: p.integer().primary(),
    providerName: p.string().length(100),
    addedAt: p.datetime().onCreate(() => new Date()),
  },
});
export class UserStreamingService extends UserStreamingServiceSchema.class {}
UserStreamingServiceSchema.setClass(UserStreamingService);
