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
    throw UserFacingError.of('invalid_input', 'profile.invalid');
  }
  const user = await ensureUser(em, userId);
  user.profileVisibility = visibility as ProfileVisibility;
  await em.flush();
  return user.profileVisibility;
}

/** The rule itself: may someone with this visibility be seen by a viewer who does (or does not) share the server? */
function visibleWith(visibility: ProfileVisibility, shareServer: boolean): boolean {
  return visibility === 'public' || (visibility === 'server' && shareServer);
}

/**
 * May `viewerId` see `ownerId`'s ratings and watch log? Everyone sees their own. `public`: anyone. `private`: only
 * the owner. `server`: in a server, when both have used Marquee there (the command's server, so a DM cannot be used
 * to read someone from a server you left); in a DM, when they share any server Marquee has seen them in.
 */
export async function canSee(em: Em, viewerId: string, ownerId: string, guildId: string | null): Promise<boolean> {
  if (viewerId === ownerId) return true;
  const visibility = await getProfileVisibility(em, ownerId);
  if (visibility !== 'server') return visibleWith(visibility, false);
  if (guildId !== null) {
    const n = await em.count(GuildMember, { guildId, user: { $in: [viewerId, ownerId] } });
    return n === 2;
  }
  const shared = await em.execute<{ n: string | number }[]>(
    'select count(*) as n from guild_members a join guild_members b on a.guild_id = b.guild_id where a.user_id = ? and b.user_id = ?',
    [viewerId, ownerId],
  );
  return Number(shared[0]?.n ?? 0) > 0;
}

/**
 * The people among `ownerIds` whom an explanation shown to `viewerId` may name, with the name to use: Discord users
 * only (imported and synthetic people are never named), with a display name, whom `viewerId` may see by the rule
 * of {@link canSee}. Two reads whatever the number of people.
 */
export async function nameablePeople(
  em: Em,
  viewerId: string,
  ownerIds: readonly string[],
  guildId: string | null,
): Promise<Map<string, string>> {
  const ids = [...new Set(ownerIds)].filter((id) => id !== viewerId);
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const people = await em.find(
    User,
    { id: { $in: ids }, kind: 'discord', displayName: { $ne: null } },
    { fields: ['id', 'displayName', 'profileVisibility'] },
  );
  const needServer = people.filter((u) => u.profileVisibility === 'server').map((u) => u.id);
  const shareServer = new Set<string>();
  if (needServer.length > 0) {
    if (guildId !== null) {
      const rows = await em.find(
        GuildMember,
        { guildId, user: { $in: [viewerId, ...needServer] } },
        { fields: ['user'] },
      );
      const members = new Set(rows.map((r) => r.user.id));
      if (members.has(viewerId)) for (const id of needServer) if (members.has(id)) shareServer.add(id);
    } else {
      const rows = await em.execute<{ user_id: string }[]>(
        `select distinct b.user_id from guild_members a join guild_members b on a.guild_id = b.guild_id
           where a.user_id = ? and b.user_id in (${needServer.map(() => '?').join(', ')})`,
        [viewerId, ...needServer],
      );
      for (const r of rows) shareServer.add(r.user_id);
    }
  }
  for (const u of people) {
    const name = u.displayName?.trim();
    if (name && visibleWith(u.profileVisibility, shareServer.has(u.id))) out.set(u.id, name);
  }
  return out;
}

/** The subset of `ownerIds` whose reasons may name them to `viewerId` (see {@link nameablePeople}). */
export async function nameableBy(
  em: Em,
  viewerId: string,
  ownerIds: readonly string[],
  guildId: string | null,
): Promise<Set<string>> {
  return new Set((await nameablePeople(em, viewerId, ownerIds, guildId)).keys());
}
