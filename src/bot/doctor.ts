// `npm run doctor`: what a server admin checks before going live, each as one ✓/✗ line with the fix. Discord is read
// over REST with the bot token (no gateway session), so it runs beside a running bot. Pure checks over injected
// reads; scripts/doctor.ts wires config, database and TMDB.
import { DiscordAPIError, REST } from '@discordjs/rest';
import {
  type APIApplication,
  type APIApplicationCommand,
  type APIGuild,
  type APIGuildChannel,
  type APIGuildMember,
  type APIUser,
  ApplicationIntegrationType,
  type GuildChannelType,
  PermissionFlagsBits,
  Routes,
} from 'discord.js';
import { commandsJson } from '../commands/index.ts';
import { DIGEST_PERMISSIONS } from './permissions.ts';

export interface DoctorLine {
  readonly ok: boolean;
  readonly what: string;
  /** What to do about it (only for ✗). */
  readonly fix?: string;
}

export interface DiscordDoctorOptions {
  readonly token: string;
  readonly appId: string;
  readonly apiUrl?: string;
  readonly devGuildId?: string;
  readonly picksChannels: readonly { guildId: string; channelId: string }[];
}

function describe(err: unknown): string {
  if (err instanceof DiscordAPIError) return `Discord answered ${err.status} (${err.code}: ${err.message})`;
  return `could not reach Discord (${(err as Error).message})`;
}

/**
 * The bot's permissions in a guild channel, computed as topics/permissions.mdx § Permission Overwrites describes:
 * the owner and Administrator have everything; otherwise @everyone's role plus the member's roles, then the channel's
 * @everyone overwrite, the role overwrites together, and the member's own overwrite, each deny before allow.
 */
export function channelPermissions(
  guild: Pick<APIGuild, 'id' | 'owner_id' | 'roles'>,
  member: Pick<APIGuildMember, 'roles'> & { userId: string },
  channel: Pick<APIGuildChannel<GuildChannelType>, 'permission_overwrites'>,
): bigint {
  const all = (1n << 64n) - 1n;
  if (guild.owner_id === member.userId) return all;
  const roles = new Map(guild.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let base = roles.get(guild.id) ?? 0n;
  for (const id of member.roles) base |= roles.get(id) ?? 0n;
  if ((base & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator) return all;
  let perms = base;
  const overwrites = channel.permission_overwrites ?? [];
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.id !== guild.id && member.roles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const own = overwrites.find((o) => o.id === member.userId);
  if (own) perms = (perms & ~BigInt(own.deny)) | BigInt(own.allow);
  return perms;
}

/** Names, descriptions and options as the code defines them, in a stable shape for comparison. */
function shape(c: { name: string; description?: string; options?: unknown[] }): string {
  const strip = (o: Record<string, unknown>): Record<string, unknown> => ({
    name: o.name,
    description: o.description ?? '',
    type: o.type ?? 1,
    required: Boolean(o.required),
    choices: ((o.choices as { name: string; value: unknown }[] | undefined) ?? []).map((x) => [x.name, x.value]),
    options: ((o.options as Record<string, unknown>[] | undefined) ?? []).map(strip),
  });
  return JSON.stringify(strip(c as unknown as Record<string, unknown>));
}

export function compareCommands(
  registered: readonly Pick<APIApplicationCommand, 'name' | 'description' | 'options'>[],
): { missing: string[]; extra: string[]; changed: string[] } {
  const code = commandsJson() as unknown as { name: string; description?: string; options?: unknown[] }[];
  const have = new Map(registered.map((c) => [c.name, shape(c as never)]));
  const want = new Map(code.map((c) => [c.name, shape(c)]));
  return {
    missing: [...want.keys()].filter((n) => !have.has(n)),
    extra: [...have.keys()].filter((n) => !want.has(n)),
    changed: [...want.keys()].filter((n) => have.has(n) && have.get(n) !== want.get(n)),
  };
}

export async function checkDiscord(o: DiscordDoctorOptions): Promise<DoctorLine[]> {
  const rest = new REST({ ...(o.apiUrl ? { api: o.apiUrl } : {}), retries: 1 }).setToken(o.token);
  const lines: DoctorLine[] = [];
  let me: APIUser;
  try {
    me = (await rest.get(Routes.user('@me'))) as APIUser;
    lines.push({ ok: true, what: `Discord token: logged in as ${me.username} (${me.id})` });
  } catch (err) {
    lines.push({
      ok: false,
      what: `Discord token: ${describe(err)}`,
      fix: 'Developer Portal → your application → Bot → Reset Token, and put it in DISCORD_TOKEN.',
    });
    return lines; // every other Discord check needs the token
  }

  try {
    const app = (await rest.get(Routes.currentApplication())) as APIApplication;
    if (app.id !== o.appId) {
      lines.push({
        ok: false,
        what: `Application: the token belongs to application ${app.id}, but DISCORD_APP_ID is ${o.appId}`,
        fix: 'Copy the Application ID from Developer Portal → General Information into DISCORD_APP_ID.',
      });
    }
    const types = app.integration_types_config ?? {};
    const guildInstall = ApplicationIntegrationType.GuildInstall in types;
    const userInstall = ApplicationIntegrationType.UserInstall in types;
    if (guildInstall && userInstall) {
      lines.push({ ok: true, what: 'Install settings: Guild Install and User Install are on' });
    } else {
      lines.push({
        ok: false,
        what: `Install settings: ${[!guildInstall && 'Guild Install', !userInstall && 'User Install'].filter(Boolean).join(' and ')} off`,
        fix: 'Developer Portal → Installation → Installation Contexts: tick Guild Install (and User Install for DMs).',
      });
    }
  } catch (err) {
    lines.push({ ok: false, what: `Application: ${describe(err)}`, fix: 'Check DISCORD_APP_ID and the token.' });
  }

  const scopes: [string, `/${string}`][] = [['global', Routes.applicationCommands(o.appId)]];
  if (o.devGuildId) scopes.push([`server ${o.devGuildId}`, Routes.applicationGuildCommands(o.appId, o.devGuildId)]);
  const results: string[] = [];
  let anyMatch = false;
  for (const [scope, route] of scopes) {
    try {
      const diff = compareCommands((await rest.get(route)) as APIApplicationCommand[]);
      const problems = [
        diff.missing.length ? `missing ${diff.missing.join(', ')}` : '',
        diff.extra.length ? `not in the code ${diff.extra.join(', ')}` : '',
        diff.changed.length ? `changed ${diff.changed.join(', ')}` : '',
      ].filter(Boolean);
      if (problems.length === 0) anyMatch = true;
      results.push(`${scope}: ${problems.length ? problems.join('; ') : 'match the code'}`);
    } catch (err) {
      results.push(`${scope}: ${describe(err)}`);
    }
  }
  lines.push(
    anyMatch
      ? { ok: true, what: `Registered commands (${results.join('; ')})` }
      : {
          ok: false,
          what: `Registered commands (${results.join('; ')})`,
          fix: 'npm run commands:deploy (global) or npm run commands:deploy -- --guild SERVER_ID.',
        },
  );

  for (const { guildId, channelId } of o.picksChannels) {
    const where = `Picks channel ${channelId} (server ${guildId})`;
    try {
      const channel = (await rest.get(Routes.channel(channelId))) as APIGuildChannel<GuildChannelType>;
      const guild = (await rest.get(Routes.guild(guildId))) as APIGuild;
      const member = (await rest.get(Routes.guildMember(guildId, me.id))) as APIGuildMember;
      const perms = channelPermissions(guild, { roles: member.roles, userId: me.id }, channel);
      const missing = DIGEST_PERMISSIONS.filter(([bit]) => (perms & bit) !== bit).map(([, name]) => name);
      lines.push(
        missing.length === 0
          ? { ok: true, what: `${where}: the bot can view, send and embed` }
          : {
              ok: false,
              what: `${where}: the bot lacks ${missing.join(', ')}`,
              fix: `Server Settings → Channels → that channel → Permissions: allow ${missing.join(', ')} for Marquee's role, or /config picks-channel another channel.`,
            },
      );
    } catch (err) {
      lines.push({
        ok: false,
        what: `${where}: ${describe(err)}`,
        fix: 'Is the bot still in that server and the channel still there? Otherwise /config picks-channel again.',
      });
    }
  }
  return lines;
}
