// Who may see whose taste. One home for the rule, so /watched list, /compare, /stats and reasons that name people
// all answer the same question the same way.
import type { Em } from '../db.ts';
import { GuildMember, PROFILE_VISIBILITIES, type ProfileVisibility, User } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { ensureUser } from './user-service.ts';

export type { ProfileVisibility };
export { PROFILE_VISIBILITIES };

/** A user nobody has configured yet: people who share a server with them may see their taste. */
export const DEFAULT_PROFILE_VISIBILITY: ProfileVisibility = 'server';

export async function getProfileVisibility(em: Em, userId: string): Promise<ProfileVisibility> {
  const user = await em.findOne(User, userId, { fields: ['profileVisibility'] });
  return user?.profileVisibility ?? DEFAULT_PROFILE_VISIBILITY;
}

export async function setProfileVisibility(em: Em, userId: string, visibility: string): Promise<ProfileVisibility> {
  if (!(PROFILE_VISIBILITIES as readonly string[]).includes(visibility)) {
    throw new UserFacingError('invalid_input', 'Profiles are public, server or private.');
  }
  const user = await ensureUser(em, userId);
  user.profileVisibility = visibility as ProfileVisibility;
  await em.flush();
  return user.profileVisibility;
}

/**
 * May `viewerId` see `ownerId`'s ratings and watch log? Everyone sees their own. `public`: anyone. `private`: only
 * the owner. `server`: in a server, when both have used Marquee there (the command's server, so a DM cannot be used
 * to read someone from a server you left); in a DM, when they share any server Marquee has seen them in.
 */
export async function canSee(em: Em, viewerId: string, ownerId: string, guildId: string | null): Promise<boolean> {
  if (viewerId === ownerId) return true;
  const visibility = await getProfileVisibility(em, ownerId);
  if (visibility === 'public') return true;
  if (visibility === 'private') return false;
  if (guildId !== null) {
    const n = await em.count(GuildMember, { guildId, user: { $in: [viewerId, ownerId] } });
    return n === 2;
  }
  const shared = await em
    .getConnection()
    .execute<{ n: string | number }[]>(
      'select count(*) as n from guild_members a join guild_members b on a.guild_id = b.guild_id where a.user_id = ? and b.user_id = ?',
      [viewerId, ownerId],
    );
  return Number(shared[0]?.n ?? 0) > 0;
}

/** The subset of `ownerIds` whose reasons may name them to `viewerId` (a batch `canSee` for explanations). */
export async function nameableBy(
  em: Em,
  viewerId: string,
  ownerIds: readonly string[],
  guildId: string | null,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const id of new Set(ownerIds)) if (await canSee(em, viewerId, id, guildId)) out.add(id);
  return out;
}
