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
  return (await nameablePeopleMany(em, new Map([[viewerId, ownerIds]]), guildId)).get(viewerId) ?? new Map();
}

/**
 * {@link nameablePeople} for many viewers at once (a weekly chunk): the same rule, in two reads for all of them
 * rather than two per viewer. Viewers with no one nameable are absent from the result.
 */
export async function nameablePeopleMany(
  em: Em,
  asks: ReadonlyMap<string, readonly string[]>,
  guildId: string | null,
): Promise<Map<string, Map<string, string>>> {
  const wanted = new Map<string, string[]>();
  const allIds = new Set<string>();
  for (const [viewerId, ownerIds] of asks) {
    const ids = [...new Set(ownerIds)].filter((id) => id !== viewerId);
    if (ids.length === 0) continue;
    wanted.set(viewerId, ids);
    for (const id of ids) allIds.add(id);
  }
  const out = new Map<string, Map<string, string>>();
  if (allIds.size === 0) return out;
  const people = await em.find(
    User,
    { id: { $in: [...allIds] }, kind: 'discord', displayName: { $ne: null } },
    { fields: ['id', 'displayName', 'profileVisibility'] },
  );
  if (people.length === 0) return out;
  const byId = new Map(people.map((u) => [u.id, u]));
  const needServer = people.filter((u) => u.profileVisibility === 'server').map((u) => u.id);
  // Viewer → the owners (needing a shared server) who share one with them.
  const shareServer = new Map<string, Set<string>>();
  const viewers = [...wanted].filter(([, ids]) => ids.some((id) => byId.has(id))).map(([v]) => v);
  if (needServer.length > 0 && viewers.length > 0) {
    if (guildId !== null) {
      const rows = await em.find(
        GuildMember,
        { guildId, user: { $in: [...new Set([...viewers, ...needServer])] } },
        { fields: ['user'] },
      );
      const members = new Set(rows.map((r) => r.user.id));
      for (const v of viewers) if (members.has(v)) shareServer.set(v, members);
    } else {
      const rows = await em.execute<{ viewer: string; owner: string }[]>(
        `select distinct a.user_id as viewer, b.user_id as owner from guild_members a
           join guild_members b on a.guild_id = b.guild_id
           where a.user_id in (${viewers.map(() => '?').join(', ')})
             and b.user_id in (${needServer.map(() => '?').join(', ')})`,
        [...viewers, ...needServer],
      );
      for (const r of rows) {
        const set = shareServer.get(r.viewer) ?? new Set<string>();
        set.add(r.owner);
        shareServer.set(r.viewer, set);
      }
    }
  }
  for (const [viewerId, ids] of wanted) {
    const names = new Map<string, string>();
    const shared = shareServer.get(viewerId);
    for (const id of ids) {
      const u = byId.get(id);
      const name = u?.displayName?.trim();
      if (u && name && visibleWith(u.profileVisibility, shared?.has(id) ?? false)) names.set(id, name);
    }
    if (names.size > 0) out.set(viewerId, names);
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
