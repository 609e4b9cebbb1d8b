import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/** Which users we have seen in which server: the audience of that server's weekly picks. */
export const GuildMemberSchema = defineEntity({
  name: 'GuildMember',
  tableName: 'guild_members',
  properties: {
    guildId: p.string().primary().length(20),
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    firstSeenAt: p.datetime().onCreate(() => new Date()),
    lastSeenAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ name: 'guild_members_user_index', properties: ['user'] }],
});
export class GuildMember extends GuildMemberSchema.class {}
GuildMemberSchema.setClass(GuildMember);
