// The people's side: what a person's Discord client sends when they run a slash command, type into an autocomplete
// field or click a button, and a handle to read what the bot answered. The client builds interaction options from the
// registered command definitions, as Discord does from what the person typed.

import type { EventEmitter } from 'node:events';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { cdnUrl, userUpload } from './attachments.ts';
import type { FakeDiscord } from './fake-discord.ts';
import { toApiMessage } from './messages.ts';
import { ALL, DM_APP_PERMISSIONS } from './permissions.ts';
import type { FakeGuild, FakeUser, InteractionState, Json, StoredMessage } from './types.ts';

export interface Where {
  /** In the bot's DM channel with this person. */
  readonly dm?: boolean;
  /** In this server's channel (default: the first server, `fake.guild`); see `FakeDiscord.addGuild`. */
  readonly guild?: FakeGuild;
  /** The member's permission bits in the guild (default: all), e.g. '0' for a member who may not manage. */
  readonly permissions?: string;
  /**
   * How the app is installed where this happens: `guild` (a bot in the server; the default in a server), `user`
   * (only the person installed the app; in a server, the server never added it) or `both` (the default in a DM).
   */
  readonly install?: 'guild' | 'user' | 'both';
  /**
   * A client that sends the command even though Discord would not offer it here (a stale command cache after a
   * redeploy, a modified client): skips `commandFor`'s checks, to test the bot's own defences.
   */
  readonly staleClient?: boolean;
}

const GUILD_INSTALL = String(ApplicationIntegrationType.GuildInstall);
const USER_INSTALL = String(ApplicationIntegrationType.UserInstall);

/** The installation contexts present where this happens. */
function installsAt(where: Where): ApplicationIntegrationType[] {
  const install = where.install ?? (where.dm ? 'both' : 'guild');
  return [
    ...(install !== 'user' ? [ApplicationIntegrationType.GuildInstall] : []),
    ...(install !== 'guild' ? [ApplicationIntegrationType.UserInstall] : []),
  ];
}

/**
 * interactions/receiving-and-responding.mdx § Authorizing Integration Owners Object: a key per installation context
 * that authorised this interaction (and, for a command, that the command supports); GUILD_INSTALL's value is the guild
 * id in a server and "0" in the bot's DM, USER_INSTALL's the user's id.
 */
function ownersFor(
  fake: FakeDiscord,
  user: FakeUser,
  where: Where,
  supported?: readonly number[],
): Record<string, string> {
  const owners: Record<string, string> = {};
  for (const install of installsAt(where)) {
    if (supported && !supported.includes(install)) continue;
    if (install === ApplicationIntegrationType.GuildInstall)
      owners[GUILD_INSTALL] = where.dm ? '0' : (where.guild ?? fake.guild).id;
    else owners[USER_INSTALL] = user.id;
  }
  return owners;
}

function interactionBase(fake: FakeDiscord, user: FakeUser, where: Where, owners?: Record<string, string>): Json {
  const id = fake.ids.next();
  const token = `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const common = {
    id,
    token,
    application_id: fake.appId,
    version: 1,
    locale: fake.clientLocale(user),
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (where.dm) {
    const channelId = fake.dmChannelFor(user.id);
    return {
      ...common,
      channel: { id: channelId, type: ChannelType.DM, recipients: [user], flags: 0, last_message_id: null },
      app_permissions: String(DM_APP_PERMISSIONS),
      channel_id: channelId,
      user,
      authorizing_integration_owners: owners ?? ownersFor(fake, user, where),
      context: InteractionContextType.BotDM,
    };
  }
  const guild = where.guild ?? fake.guild;
  const perms = fake.permissionsFor(guild.id);
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: fake.guildLocale(guild.id), features: [] },
    channel: {
      id: guild.channelId,
      type: ChannelType.GuildText,
      guild_id: guild.id,
      name: 'movie-night',
      position: 0,
      permission_overwrites: perms.overwritesPayload(guild.channelId),
      flags: 0,
    },
    channel_id: guild.channelId,
    // § Interaction Object: the member's permissions in this channel, overwrites included.
    member: {
      ...fake.memberPayload(user, guild.id),
      permissions: where.permissions ?? String(perms.inChannel(user.id, guild.channelId)),
    },
    // § Interaction Object (app_permissions): what the app may do here: the bot member's permissions where the app is
    // installed to the server; with a user install only, no bot is present and the app acts as @everyone would.
    app_permissions: String(
      perms.inChannel(
        installsAt(where).includes(ApplicationIntegrationType.GuildInstall) ? fake.botUser.id : '0',
        guild.channelId,
      ),
    ),
    guild_locale: fake.guildLocale(guild.id),
    // interactions/receiving-and-responding.mdx § Authorizing Integration Owners Object
    authorizing_integration_owners: owners ?? ownersFor(fake, user, where),
    context: InteractionContextType.Guild,
  };
}

function track(
  fake: FakeDiscord,
  base: Json,
  type: InteractionType,
  user: FakeUser,
  sourceMessageId?: string,
  extra: Partial<InteractionState> = {},
): InteractionState {
  const now = fake.clock.now();
  const state: InteractionState = {
    id: base.id,
    token: base.token,
    type,
    user,
    channelId: base.channel_id,
    guildId: base.guild_id ?? null,
    createdAt: now,
    sourceMessageId,
    callbacks: [],
    followupIds: [],
    visible: false,
    lastActivity: now,
    owners: base.authorizing_integration_owners,
    ...extra,
  };
  fake.interactions.set(state.id, state);
  return state;
}

/** A registered CHAT_INPUT command by name, guild commands first (no availability checks; see `commandFor`). */
export function findCommand(fake: FakeDiscord, name: string): Json | undefined {
  const lists = [fake.commands.get(fake.guild.id) ?? [], fake.commands.get('global') ?? []];
  for (const list of lists) {
    const c = list.find(
      (x: Json) => x.name === name && (x.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput,
    );
    if (c) return c;
  }
  return undefined;
}

const ADMINISTRATOR = PermissionFlagsBits.Administrator;
const ALL_PERMISSIONS = String(ALL);

/**
 * The command a person's client offers under `name` here, as Discord decides (interactions/application-commands.mdx
 * § Contexts, § Installation Context, § Interaction Contexts, § Application Command Structure): guild commands only in
 * their guild, and only where the app is installed to that guild; a global command only in the interaction contexts of
 * its `contexts` (all when unset) and for installs in its `integration_types` (guild install when unset);
 * `default_member_permissions` hides it in a server from members who lack those permissions (Administrator has all).
 * Throws what the person would experience: the command is not there.
 */
export function commandFor(
  fake: FakeDiscord,
  name: string,
  where: Where,
  user?: FakeUser,
): { command: Json; supported?: number[] } {
  const installs = installsAt(where);
  const context = where.dm ? InteractionContextType.BotDM : InteractionContextType.Guild;
  const isChat = (x: Json) =>
    x.name === name && (x.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
  const guildCommand = (fake.commands.get(fake.guild.id) ?? []).find(isChat);
  const globalCommand = (fake.commands.get('global') ?? []).find(isChat);
  const why: string[] = [];
  let found: { command: Json; supported?: number[] } | undefined;
  if (where.staleClient) {
    const command = guildCommand ?? globalCommand;
    if (command) return { command, supported: command.integration_types ?? [ApplicationIntegrationType.GuildInstall] };
  }
  if (guildCommand) {
    const inGuild = !where.dm && installs.includes(ApplicationIntegrationType.GuildInstall);
    if (inGuild) found = { command: guildCommand };
    else
      why.push(
        where.dm
          ? 'it is registered to the server only, and server commands are not offered in DMs'
          : 'the app is not installed to this server',
      );
  }
  if (!found && globalCommand) {
    const contexts: number[] = globalCommand.contexts ?? [0, 1, 2];
    const types: number[] = globalCommand.integration_types ?? [ApplicationIntegrationType.GuildInstall];
    if (!contexts.includes(context))
      why.push(`its contexts (${contexts.join(', ')}) leave out ${where.dm ? 'DMs' : 'servers'}`);
    else if (!types.some((t) => installs.includes(t)))
      why.push(`its integration_types (${types.join(', ')}) do not match how the app is installed here`);
    else found = { command: globalCommand, supported: types };
  }
  if (!found) {
    const reason = why.length ? ` (${why.join('; ')})` : '';
    throw new Error(`/${name} is not a command here${reason}`);
  }
  const required = found.command.default_member_permissions;
  const guildInstalled = !found.supported || found.supported.includes(ApplicationIntegrationType.GuildInstall);
  // § Permissions: a server admin may enable a command for a user whatever its default_member_permissions.
  const overridden = user !== undefined && fake.commandAllowedFor.get(name)?.has(user.id);
  if (
    !where.dm &&
    !overridden &&
    required != null &&
    guildInstalled &&
    installs.includes(ApplicationIntegrationType.GuildInstall)
  ) {
    const guild = where.guild ?? fake.guild;
    const computed = user ? String(fake.permissionsFor(guild.id).inChannel(user.id, guild.channelId)) : ALL_PERMISSIONS;
    const have = BigInt(where.permissions ?? computed);
    const need = BigInt(required);
    if ((have & ADMINISTRATOR) === 0n && (have & need) !== need) {
      throw new Error(`/${name} is not offered to you here (it needs permissions you do not have in this server)`);
    }
  }
  return found;
}

const isGroup = (o: Json) =>
  o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup;

/**
 * Turns `{ movie: 'Heat', stars: 4.5 }` into typed interaction options using the registered command definition,
 * as Discord does from what the person typed. `path` is `rate` or `watched add`.
 */
export function buildOptions(
  fake: FakeDiscord,
  path: string,
  values: Record<string, unknown>,
  focused?: string,
  where?: Where,
  user?: FakeUser,
): { command: Json; options: Json[]; focusedOption?: Json; supported?: number[] } {
  const [name, ...sub] = path.trim().split(/\s+/);
  let command = findCommand(fake, name ?? '');
  if (!command) throw new Error(`/${name} is not a registered command`);
  let supported: number[] | undefined;
  if (where) ({ command, supported } = commandFor(fake, name ?? '', where, user));
  let level: Json[] = command.options ?? [];
  const wrappers: Json[] = [];
  for (const part of sub) {
    const o = level.find((x: Json) => x.name === part && isGroup(x));
    if (!o) throw new Error(`/${path}: no subcommand ${part}`);
    wrappers.push({ type: o.type, name: o.name });
    level = o.options ?? [];
  }
  if (level.some(isGroup)) throw new Error(`/${path} needs a subcommand`);
  const leaf: Json[] = [];
  for (const [key, raw] of Object.entries(values)) {
    if (raw === undefined) continue;
    const def = level.find((o: Json) => o.name === key);
    if (!def) throw new Error(`/${path} has no option "${key}"`);
    let value: unknown = raw;
    if (key === focused) value = String(raw);
    else if (def.type === ApplicationCommandOptionType.Integer) value = toNumber(raw, key, true);
    else if (def.type === ApplicationCommandOptionType.Number) value = toNumber(raw, key, false);
    else if (def.type === ApplicationCommandOptionType.Boolean) value = raw === true || raw === 'true';
    else if (def.type === ApplicationCommandOptionType.User) value = fake.user(String(raw).replace(/^@/, '')).id;
    else if (def.type === ApplicationCommandOptionType.Attachment) value = attachmentId(fake, raw, key);
    else if (def.type === ApplicationCommandOptionType.Channel)
      value = channelId(fake, raw, def, `/${path} ${key}`, where?.staleClient);
    else if (def.type === ApplicationCommandOptionType.Role) value = roleId(fake, raw, `/${path} ${key}`);
    else value = String(raw);
    if (key !== focused && def.choices && !def.choices.some((c: Json) => c.value === value)) {
      throw new Error(`/${path} ${key}: ${String(raw)} is not one of the choices`);
    }
    if (key !== focused) checkBounds(`/${path} ${key}`, def, value);
    leaf.push({ type: def.type, name: key, value, ...(key === focused ? { focused: true } : {}) });
  }
  for (const o of level) {
    if (o.required && !(o.name in values) && focused === undefined) throw new Error(`/${path}: ${o.name} is required`);
  }
  let options = leaf;
  for (const w of wrappers.reverse()) options = [{ ...w, options }];
  const focusedOption = focused === undefined ? undefined : level.find((o: Json) => o.name === focused);
  return { command, options, ...(focusedOption ? { focusedOption } : {}), ...(supported ? { supported } : {}) };
}

/**
 * The Discord client refuses to send a value outside the option's `min_value`/`max_value` or `min_length`/
 * `max_length` (interactions/application-commands.mdx § Application Command Option Structure).
 */
function checkBounds(what: string, def: Json, value: unknown): void {
  if (typeof value === 'number') {
    if (def.min_value != null && value < def.min_value) throw new Error(`${what}: must be at least ${def.min_value}`);
    if (def.max_value != null && value > def.max_value) throw new Error(`${what}: must be at most ${def.max_value}`);
  }
  if (typeof value === 'string' && def.type === ApplicationCommandOptionType.String) {
    if (def.min_length != null && value.length < def.min_length) {
      throw new Error(`${what}: must be at least ${def.min_length} characters`);
    }
    if (def.max_length != null && value.length > def.max_length) {
      throw new Error(`${what}: must be at most ${def.max_length} characters`);
    }
  }
}

function toNumber(raw: unknown, name: string, integer: boolean): number {
  const n = typeof raw === 'number' ? raw : Number(String(raw));
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new Error(`${name} must be ${integer ? 'a whole number' : 'a number'}`);
  }
  return n;
}

/**
 * An ATTACHMENT option's value is the id of a file the person uploaded with the command: pass what
 * `fake.attachFile(...)` returned, or `{ filename, data }` to upload it now.
 * interactions/application-commands.mdx § Application Command Option Type (ATTACHMENT: an attachment object id).
 */
function attachmentId(fake: FakeDiscord, raw: unknown, name: string): string {
  const r = raw as { id?: string; filename?: string; data?: Buffer | Uint8Array; contentType?: string };
  if (typeof r?.id === 'string' && fake.files.has(r.id)) return r.id;
  if (typeof r?.filename === 'string' && r.data) {
    return String(userUpload(fake, fake.guild.channelId, r.filename, Buffer.from(r.data), r.contentType).id);
  }
  throw new Error(`${name} must be a file: { filename, data } or what attachFile() returned`);
}

/**
 * A CHANNEL option's value: a channel of this server picked by name (`#announcements`, `Screening Room`) or id. The
 * client offers only channels of the option's `channel_types` (application-commands.mdx § Application Command Option
 * Structure).
 */
function channelId(fake: FakeDiscord, raw: unknown, def: Json, what: string, forged = false): string {
  const channel = fake.channel(String(raw));
  // A modified client (`staleClient`) may send any id, to test the bot's own check.
  if (!channel && forged && /^\d{17,20}$/.test(String(raw))) return String(raw);
  if (!channel) throw new Error(`${what}: there is no channel ${String(raw)} in this server`);
  if (def.channel_types && !def.channel_types.includes(channel.type)) {
    throw new Error(`${what}: #${channel.name} is not a channel of the kind this option takes`);
  }
  return channel.id;
}

/** A ROLE option's value: a role of this server by name (`@Admin`, `Admin`) or id. */
function roleId(fake: FakeDiscord, raw: unknown, what: string): string {
  const key = String(raw).replace(/^@/, '').toLowerCase();
  const role = [...fake.permissions.roles.values()].find((r) => r.id === raw || r.name.toLowerCase() === key);
  if (!role) throw new Error(`${what}: there is no role ${String(raw)} in this server`);
  return role.id;
}

/**
 * receiving-and-responding.mdx § Interaction Object, Resolved Data Structure: users, attachments, roles and partial
 * channels (id, name, type, permissions, and thread fields) by id.
 */
function resolvedFor(fake: FakeDiscord, options: Json[], user?: FakeUser): Json | undefined {
  const users: Record<string, FakeUser> = {};
  const attachments: Record<string, Json> = {};
  const channels: Record<string, Json> = {};
  const roles: Record<string, Json> = {};
  const walk = (os: Json[]) => {
    for (const o of os) {
      if (o.type === ApplicationCommandOptionType.Channel) {
        const c = fake.channel(String(o.value));
        if (c) {
          const permissions = user ? String(fake.permissions.inChannel(user.id, c.id)) : '0';
          channels[c.id] = { id: c.id, name: c.name, type: c.type, permissions, flags: 0 };
        }
      }
      if (o.type === ApplicationCommandOptionType.Role) {
        const r = (fake.permissions.rolesPayload() as Json[]).find((x) => x.id === o.value);
        if (r) roles[r.id] = r;
      }
      if (o.type === ApplicationCommandOptionType.User) {
        const u = fake.users.get(String(o.value));
        if (u) users[u.id] = u;
      }
      if (o.type === ApplicationCommandOptionType.Attachment) {
        const f = fake.files.get(String(o.value));
        if (f) {
          const url = cdnUrl(fake, f);
          attachments[f.id] = {
            id: f.id,
            filename: f.filename,
            content_type: f.contentType,
            size: f.data.length,
            url,
            proxy_url: url,
            ephemeral: true,
          };
        }
      }
      if (o.options) walk(o.options);
    }
  };
  walk(options);
  const out = {
    ...(Object.keys(users).length ? { users } : {}),
    ...(Object.keys(attachments).length ? { attachments } : {}),
    ...(Object.keys(channels).length ? { channels } : {}),
    ...(Object.keys(roles).length ? { roles } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

export function runCommand(
  fake: FakeDiscord,
  user: FakeUser,
  path: string,
  values: Record<string, unknown>,
  where: Where,
): InteractionHandle {
  const { command, options, supported } = buildOptions(fake, path, values, undefined, where, user);
  const base = interactionBase(fake, user, where, ownersFor(fake, user, where, supported));
  const resolved = resolvedFor(fake, options, user);
  const state = track(fake, base, InteractionType.ApplicationCommand, user);
  fake.dispatch('INTERACTION_CREATE', {
    ...base,
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(resolved ? { resolved } : {}),
    },
  });
  return new InteractionHandle(fake, state);
}

export async function typeInto(
  fake: FakeDiscord,
  user: FakeUser,
  path: string,
  values: Record<string, unknown>,
  focused: string,
  where: Where,
): Promise<{ name: string; value: string | number }[]> {
  const { command, options, focusedOption, supported } = buildOptions(fake, path, values, focused, where, user);
  const base = interactionBase(fake, user, where, ownersFor(fake, user, where, supported));
  const state = track(fake, base, InteractionType.ApplicationCommandAutocomplete, user, undefined, { focusedOption });
  fake.dispatch('INTERACTION_CREATE', {
    ...base,
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: command.id, name: command.name, type: ApplicationCommandType.ChatInput, options },
  });
  await waitUntil(
    fake,
    () => state.choices !== undefined || state.error !== undefined,
    fake.interactionDeadlineMs + 500,
  );
  if (state.error) throw new Error(`autocomplete failed: ${state.error.message}`);
  return state.choices ?? [];
}

export function clickButton(
  fake: FakeDiscord,
  user: FakeUser,
  message: StoredMessage,
  customId: string,
  where: { dm?: boolean },
): InteractionHandle {
  const guild = fake.guildById(message.guild_id);
  const base = interactionBase(fake, user, {
    dm: where.dm ?? message.guild_id === undefined,
    ...(guild ? { guild } : {}),
  });
  const state = track(fake, base, InteractionType.MessageComponent, user, message.id);
  fake.dispatch('INTERACTION_CREATE', {
    ...base,
    type: InteractionType.MessageComponent,
    message: toApiMessage(fake, message),
    data: { custom_id: customId, component_type: ComponentType.Button },
  });
  return new InteractionHandle(fake, state);
}

/**
 * A person picks options in a string select on a message the bot sent. Discord's client only lets a person choose
 * among the select's options, between its min_values and max_values (developers/components/reference.mdx § String
 * Select); the interaction carries them as `data.values` (developers/interactions/receiving-and-responding.mdx,
 * "Message Component Data Structure").
 */
export function chooseOptions(
  fake: FakeDiscord,
  user: FakeUser,
  message: StoredMessage,
  customId: string,
  values: readonly string[],
  where: { dm?: boolean },
): InteractionHandle {
  const select = (message.components ?? [])
    .flatMap((row: Json) => row.components ?? [])
    .find((c: Json) => c.type === ComponentType.StringSelect && c.custom_id === customId);
  if (!select) throw new Error(`the message has no select menu ${customId}`);
  const allowed = new Set((select.options ?? []).map((o: Json) => o.value));
  const unknown = values.filter((v) => !allowed.has(v));
  if (unknown.length) throw new Error(`not among the menu's options: ${unknown.join(', ')}`);
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  if (values.length < min || values.length > max) {
    throw new Error(`this menu takes ${min === max ? min : `${min} to ${max}`} choice(s)`);
  }
  const base = interactionBase(fake, user, { dm: where.dm ?? message.guild_id === undefined });
  const state = track(fake, base, InteractionType.MessageComponent, user, message.id);
  fake.dispatch('INTERACTION_CREATE', {
    ...base,
    type: InteractionType.MessageComponent,
    message: toApiMessage(fake, message),
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values: [...values] },
  });
  return new InteractionHandle(fake, state);
}

/** What one interaction produced, seen from the person's side. */
export class InteractionHandle {
  readonly fake: FakeDiscord;
  readonly state: InteractionState;
  constructor(fake: FakeDiscord, state: InteractionState) {
    this.fake = fake;
    this.state = state;
  }

  get id(): string {
    return this.state.id;
  }

  /** Resolves with the first message a person can read (the reply, the edit after deferring, or the update). */
  async reply(timeoutMs = 10_000): Promise<StoredMessage> {
    await waitUntil(this.fake, () => this.state.visible || this.state.error !== undefined, timeoutMs);
    if (this.state.error) throw new Error(`interaction failed: ${this.state.error.message}`);
    const id = this.state.originalMessageId ?? this.state.followupIds[0];
    const m = id ? this.fake.messages.get(id) : undefined;
    if (!m) throw new Error('interaction has no message');
    return m;
  }

  /**
   * Waits for the reply and then for the bot to go quiet on this interaction; returns the original message (as last
   * edited) followed by any follow-ups.
   */
  async settled(opts: { quietMs?: number; timeoutMs?: number } = {}): Promise<StoredMessage[]> {
    await this.reply(opts.timeoutMs);
    const quiet = opts.quietMs ?? 120;
    for (;;) {
      const idle = this.fake.clock.now() - this.state.lastActivity;
      if (idle >= quiet) break;
      await new Promise((r) => setTimeout(r, quiet - idle + 5));
    }
    return this.messages();
  }

  messages(): StoredMessage[] {
    const ids = [this.state.originalMessageId, ...this.state.followupIds].filter((x): x is string => Boolean(x));
    return ids.map((id) => this.fake.messages.get(id)).filter((m): m is StoredMessage => Boolean(m));
  }
}

export function waitForEvent(emitter: EventEmitter, event: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      emitter.off(event, on);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}`));
    }, timeoutMs);
    const on = () => {
      clearTimeout(t);
      resolve();
    };
    emitter.once(event, on);
  });
}

export function waitUntil(fake: FakeDiscord, pred: () => boolean, timeoutMs: number): Promise<void> {
  if (pred()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pred()) return;
      cleanup();
      resolve();
    };
    const t = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the bot`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(t);
      fake.off('interaction', check);
    };
    fake.on('interaction', check);
  });
}
