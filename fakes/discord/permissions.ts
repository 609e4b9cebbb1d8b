// The guild's roles, members and channel overwrites, and the permission computation Discord documents
// (topics/permissions.mdx § Permission Hierarchy, § Permission Overwrites, § Implicit Permissions). The same numbers
// go to discord.js in GUILD_CREATE (so `permissionsIn` agrees), into interactions (`member.permissions`,
// `app_permissions`), and decide REST answers (50001 Missing Access, 50013 Missing Permissions).
import { OverwriteType, PermissionFlagsBits as P, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from './errors.ts';
import type { FakeDiscord } from './fake-discord.ts';

export interface FakeRole {
  readonly id: string;
  readonly name: string;
  permissions: bigint;
  readonly position: number;
  /** The bot's own role, created with its invite permissions. */
  readonly managed?: boolean;
}

export interface Overwrite {
  readonly id: string;
  readonly type: OverwriteType;
  allow: bigint;
  deny: bigint;
}

export const ALL = Object.values(P).reduce((a, b) => a | b, 0n);

/** What @everyone may do in a fresh server (Discord's defaults for a new community server, roughly). */
export const EVERYONE_DEFAULT =
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.AddReactions |
  P.UseExternalEmojis |
  P.UseApplicationCommands |
  P.CreateInstantInvite |
  P.ChangeNickname |
  P.Connect |
  P.Speak |
  P.SendMessagesInThreads |
  P.CreatePublicThreads;

/** What the bot's invite asks for: read, write, embed, react, and create events for movie nights. */
export const BOT_DEFAULT =
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.ReadMessageHistory |
  P.AddReactions |
  P.UseExternalEmojis |
  P.CreateEvents |
  P.ManageEvents;

// interactions/receiving-and-responding.mdx § Interaction Object (app_permissions note): in the bot's DM the app may
// also attach files, embed links, mention everyone and use external emojis.
export const DM_APP_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.ReadMessageHistory |
  P.AddReactions |
  P.AttachFiles |
  P.EmbedLinks |
  P.MentionEveryone |
  P.UseExternalEmojis;

export class GuildPermissions {
  readonly roles = new Map<string, FakeRole>();
  /** User id → role ids (besides @everyone). */
  readonly memberRoles = new Map<string, Set<string>>();
  /** Channel id → overwrites. */
  readonly overwrites = new Map<string, Overwrite[]>();
  ownerId: string;
  /**
   * Told when a channel's overwrites change, so the fake can send CHANNEL_UPDATE as Discord does
   * (events/gateway-events.mdx § Channel Update): a connected bot then computes the same permissions.
   */
  onOverwriteChange: ((channelId: string) => void) | null = null;
  private readonly guildId: string;
  private readonly botId: string;

  constructor(guildId: string, ownerId: string, botId: string) {
    this.guildId = guildId;
    this.botId = botId;
    this.ownerId = ownerId;
    this.roles.set(guildId, { id: guildId, name: '@everyone', permissions: EVERYONE_DEFAULT, position: 0 });
    const botRole = String(BigInt(guildId) + 1n);
    this.roles.set(botRole, { id: botRole, name: 'Marquee', permissions: BOT_DEFAULT, position: 1, managed: true });
    const admin = String(BigInt(guildId) + 2n);
    this.roles.set(admin, {
      id: admin,
      name: 'Admin',
      permissions: P.ManageGuild | P.ManageEvents | P.ManageMessages,
      position: 2,
    });
    this.memberRoles.set(botId, new Set([botRole]));
  }

  get adminRoleId(): string {
    return String(BigInt(this.guildId) + 2n);
  }
  get botRoleId(): string {
    return String(BigInt(this.guildId) + 1n);
  }

  rolesOf(userId: string): string[] {
    return [...(this.memberRoles.get(userId) ?? [])];
  }

  grantRole(userId: string, roleId: string): void {
    const set = this.memberRoles.get(userId) ?? new Set<string>();
    set.add(roleId);
    this.memberRoles.set(userId, set);
  }

  /** Adds or replaces the overwrite for `id` (a role or a member) on a channel. */
  setOverwrite(channelId: string, ow: Overwrite): void {
    const list = (this.overwrites.get(channelId) ?? []).filter((o) => o.id !== ow.id);
    list.push(ow);
    this.overwrites.set(channelId, list);
    this.onOverwriteChange?.(channelId);
  }

  // topics/permissions.mdx § Permission Overwrites (pseudocode: compute_base_permissions)
  base(userId: string): bigint {
    if (userId === this.ownerId) return ALL;
    let perms = this.roles.get(this.guildId)?.permissions ?? 0n;
    for (const r of this.rolesOf(userId)) perms |= this.roles.get(r)?.permissions ?? 0n;
    return perms & P.Administrator ? ALL : perms;
  }

  // topics/permissions.mdx § Permission Overwrites (compute_overwrites: @everyone, then roles, then the member)
  inChannel(userId: string, channelId: string): bigint {
    const base = this.base(userId);
    if (base & P.Administrator || userId === this.ownerId) return ALL;
    let perms = base;
    const list = this.overwrites.get(channelId) ?? [];
    const everyone = list.find((o) => o.id === this.guildId);
    if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
    const roles = new Set(this.rolesOf(userId));
    let allow = 0n;
    let deny = 0n;
    for (const o of list) {
      if (o.type === OverwriteType.Role && roles.has(o.id)) {
        allow |= o.allow;
        deny |= o.deny;
      }
    }
    perms = (perms & ~deny) | allow;
    const member = list.find((o) => o.type === OverwriteType.Member && o.id === userId);
    if (member) perms = (perms & ~member.deny) | member.allow;
    // § Implicit Permissions: without View Channel nothing else applies; without Send Messages, no embeds or files.
    if (!(perms & P.ViewChannel)) return 0n;
    if (!(perms & P.SendMessages)) perms &= ~(P.MentionEveryone | P.SendTTSMessages | P.AttachFiles | P.EmbedLinks);
    return perms;
  }

  rolesPayload(): object[] {
    return [...this.roles.values()].map((r) => ({
      id: r.id,
      name: r.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      position: r.position,
      permissions: String(r.permissions),
      managed: Boolean(r.managed),
      mentionable: false,
      flags: 0,
      ...(r.managed ? { tags: { bot_id: this.botId } } : {}),
    }));
  }

  overwritesPayload(channelId: string): object[] {
    return (this.overwrites.get(channelId) ?? []).map((o) => ({
      id: o.id,
      type: o.type,
      allow: String(o.allow),
      deny: String(o.deny),
    }));
  }
}

/**
 * The bot's REST checks in a guild channel: 50001 Missing Access without View Channel, 50013 Missing Permissions
 * without any of `needed` (topics/opcodes-and-status-codes.mdx § JSON; topics/permissions.mdx § Bitwise Permission
 * Flags). DM channels are not checked. Use this from any route that acts in a channel (e.g. scheduled events need
 * Manage Events).
 */
export function requireBotPermissions(fake: FakeDiscord, channelId: string, needed: bigint): bigint {
  if (fake.userForDm(channelId)) return ALL;
  const perms = fake.permissionsFor(fake.guildOfChannel(channelId)?.id).inChannel(fake.botUser.id, channelId);
  if (!(perms & P.ViewChannel)) throw new DiscordHttpError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
  if ((perms & needed) !== needed) {
    throw new DiscordHttpError(403, RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions');
  }
  return perms;
}
