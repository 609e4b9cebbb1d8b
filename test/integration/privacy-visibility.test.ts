import { describe, expect, it } from 'vitest';
import { GuildMember, User } from '../../src/entities/index.ts';
import {
  canSee,
  getProfileVisibility,
  nameableBy,
  nameablePeople,
  nameablePeopleMany,
  setProfileVisibility,
} from '../../src/services/privacy-service.ts';
import { ensureUser } from '../../src/services/user-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const GUILD = '900000000000000001';
const OTHER = '900000000000000002';

async function member(userId: string, guildId: string) {
  const em = db.em();
  const user = await ensureUser(em, userId);
  em.create(GuildMember, { guildId, user });
  await em.flush();
}

describe('profile visibility', () => {
  it('when nobody set it, then a profile is visible to people who share a server', async () => {
    const [owner, friend, stranger] = [snowflake(), snowflake(), snowflake()];
    await member(owner, GUILD);
    await member(friend, GUILD);
    await member(stranger, OTHER);
    expect(await getProfileVisibility(db.em(), owner)).toBe('server');
    expect(await canSee(db.em(), friend, owner, GUILD)).toBe(true);
    expect(await canSee(db.em(), friend, owner, null)).toBe(true);
    expect(await canSee(db.em(), stranger, owner, OTHER)).toBe(false);
    expect(await canSee(db.em(), stranger, owner, null)).toBe(false);
  });

  it('when a profile is private, then only its owner sees it; when public, everyone does', async () => {
    const [owner, friend] = [snowflake(), snowflake()];
    await member(owner, GUILD);
    await member(friend, GUILD);
    await setProfileVisibility(db.em(), owner, 'private');
    expect(await canSee(db.em(), friend, owner, GUILD)).toBe(false);
    expect(await canSee(db.em(), owner, owner, GUILD)).toBe(true);
    await setProfileVisibility(db.em(), owner, 'public');
    expect(await canSee(db.em(), snowflake(), owner, null)).toBe(true);
  });

  it('when asked in a server the owner was never seen in, then a server profile stays hidden', async () => {
    const [owner, friend] = [snowflake(), snowflake()];
    await member(owner, GUILD);
    await member(friend, GUILD);
    await member(friend, OTHER);
    expect(await canSee(db.em(), friend, owner, OTHER)).toBe(false);
  });

  it('when the value is not one of the three, then it is refused', async () => {
    await expect(setProfileVisibility(db.em(), snowflake(), 'friends')).rejects.toThrow(/public, server or private/);
  });

  it('when reasons may name people, then only Discord members the viewer may see are named, by display name', async () => {
    const viewer = snowflake();
    await member(viewer, GUILD);
    const ids: Record<string, string> = {};
    for (const [name, kind, visibility, guild] of [
      ['Sam', 'discord', 'server', GUILD],
      ['Ana', 'discord', 'public', OTHER],
      ['Zoe', 'discord', 'private', GUILD],
      ['Max', 'discord', 'server', OTHER],
      ['Syn', 'synthetic', 'public', GUILD],
      ['Imp', 'imported', 'public', GUILD],
    ] as const) {
      const id = snowflake();
      ids[name] = id;
      const em = db.em();
      em.create(User, { id, kind, displayName: name, profileVisibility: visibility });
      em.create(GuildMember, { guildId: guild, user: id });
      await em.flush();
    }
    const all = Object.values(ids);
    const named = await nameablePeople(db.em(), viewer, all, GUILD);
    expect([...named.values()].sort()).toEqual(['Ana', 'Sam']);
    expect(named.get(ids.Sam!)).toBe('Sam');
    // In a DM, "server" means sharing any server: Sam does, Max does not.
    expect([...(await nameableBy(db.em(), viewer, all, null))].sort()).toEqual([ids.Ana, ids.Sam].sort());
    // The same rule as canSee, person by person.
    for (const id of [ids.Sam!, ids.Ana!, ids.Zoe!, ids.Max!]) {
      expect(named.has(id)).toBe(await canSee(db.em(), viewer, id, GUILD));
    }
  });

  it('when many viewers ask at once (a weekly chunk), then each is answered as if asked alone', async () => {
    const ids: Record<string, string> = {};
    for (const [name, visibility, guilds] of [
      ['Sam', 'server', [GUILD]],
      ['Ana', 'public', [OTHER]],
      ['Zoe', 'private', [GUILD]],
      ['Max', 'server', [OTHER]],
    ] as const) {
      const id = snowflake();
      ids[name] = id;
      const em = db.em();
      em.create(User, { id, kind: 'discord', displayName: name, profileVisibility: visibility });
      for (const g of guilds) em.create(GuildMember, { guildId: g, user: id });
      await em.flush();
    }
    const [inGuild, inOther, nowhere] = [snowflake(), snowflake(), snowflake()];
    await member(inGuild, GUILD);
    await member(inOther, OTHER);
    await ensureUser(db.em(), nowhere);
    const all = Object.values(ids);
    // Sam asks about himself among others: never named to himself.
    const asks = new Map<string, string[]>([
      [inGuild, all],
      [inOther, all],
      [nowhere, all],
      [ids.Sam!, all],
    ]);
    for (const guildId of [GUILD, null]) {
      const many = await nameablePeopleMany(db.em(), asks, guildId);
      for (const [viewer, owners] of asks) {
        const alone = await nameablePeople(db.em(), viewer, owners, guildId);
        expect(Object.fromEntries(many.get(viewer) ?? new Map())).toEqual(Object.fromEntries(alone));
      }
      expect(many.get(inOther)?.has(ids.Max!)).toBe(guildId === null);
      expect(many.get(inGuild)?.has(ids.Sam!)).toBe(true);
      expect(many.get(ids.Sam!)?.has(ids.Sam!)).toBeFalsy();
    }
  });
});
