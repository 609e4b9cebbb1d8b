// A local Discord: the gateway (JSON over WebSocket) and the REST API on one 127.0.0.1 port, faithful enough that the
// unmodified discord.js client runs against it. This file holds the state and wires the protocol areas together:
//   gateway.ts            WebSocket sessions, heartbeats, IDENTIFY/RESUME, close codes
//   http.ts               request parsing, auth, rate limits, route dispatch, Discord's error format
//   routes/*.ts           one file per REST area (messages, channels, users/DMs, commands, interactions/webhooks)
//   interactions.ts       the interaction state machine (callbacks, follow-ups, token windows)
//   messages.ts           how messages are stored and returned
//   validation/*.ts       what Discord accepts (message bodies, command definitions, autocomplete answers)
//   rate-limits.ts        buckets and the global limit
//   people.ts             what a person's client sends (commands, autocomplete, clicks) and the handle to read answers
// Tests and the sandbox act as people through the methods below and read what the bot answered.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelType, ComponentType, Locale, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { type StoredFile, userUpload } from './attachments.ts';
import { type Clock, systemClock } from './clock.ts';
import { DiscordHttpError } from './errors.ts';
import { Gateway } from './gateway.ts';
import { HttpApi } from './http.ts';
import {
  buildOptions,
  chooseOptions,
  clickButton,
  findCommand,
  type InteractionHandle,
  runCommand,
  typeInto,
  type Where,
  waitForEvent,
} from './people.ts';
import { GuildPermissions } from './permissions.ts';
import { vote } from './polls.ts';
import { InvalidRequestCounter, RateLimiter, type RateLimitOptions } from './rate-limits.ts';
import { allRoutes } from './routes/index.ts';
import { MAX_GUILDS_PER_SHARD, type ShardPair } from './shards.ts';
import { SnowflakeGenerator } from './snowflake.ts';
import type {
  FakeChannel,
  FakeGuild,
  FakeUser,
  GatewayFrame,
  InteractionState,
  Json,
  RecordedRequest,
  StoredMessage,
} from './types.ts';
import { joinVoice, leaveVoice, type VoiceState, voiceStatesPayload } from './voice.ts';

export interface FakeDiscordOptions {
  readonly port?: number;
  readonly token?: string;
  readonly appId?: string;
  readonly botName?: string;
  /** Gateway heartbeat interval; real Discord uses ~41 s. Tests shorten it. */
  readonly heartbeatIntervalMs?: number;
  /** Discord drops interactions not acknowledged within 3 s; callbacks after that get 404 Unknown interaction. */
  readonly interactionDeadlineMs?: number;
  readonly rateLimits?: RateLimitOptions;
  readonly guildName?: string;
  /** The server owner's name (a person with every permission); default `owner`. */
  readonly ownerName?: string;
  /** The time every window is measured against (interaction deadlines, token lifetime, rate limits). */
  readonly clock?: Clock;
  /** `shards` in GET /gateway/bot: the shard count Discord recommends (events/gateway.mdx § Get Gateway Bot). */
  readonly recommendedShards?: number;
  /**
   * `max_concurrency` in GET /gateway/bot, enforced (events/gateway.mdx § Max Concurrency: one IDENTIFY per rate-limit
   * key every 5 s, else op 9). Lenient, not Discord, when unset: reports 1 and does not throttle, so tests that restart
   * a bot within 5 s need not wait.
   */
  readonly maxConcurrency?: number;
  /** Guilds one shard may hold before IDENTIFY is closed with 4011 (Discord: 2500). */
  readonly maxGuildsPerShard?: number;
  /** Called with every body the fake accepts or returns, for schema validation in tests. */
  readonly onBody?: (event: { direction: 'request' | 'response'; method: string; route: string; body: Json }) => void;
}

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly appId: string;
  readonly botUser: FakeUser;
  /** The first server; `addGuild` adds more (each with its own roles, channel and overwrites). */
  readonly guild: FakeGuild;
  readonly guilds: FakeGuild[] = [];
  readonly clock: Clock;
  readonly recommendedShards: number;
  readonly maxConcurrency: number | null;
  readonly maxGuildsPerShard: number;
  heartbeatIntervalMs: number;
  interactionDeadlineMs: number;
  readonly rateLimiter: RateLimiter;
  /** The portal's Installation Contexts (resources/application.mdx § Application Integration Types): tests switch. */
  installContexts: { guild: boolean; user: boolean } = { guild: true, user: true };
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionState>();
  readonly users = new Map<string, FakeUser>();
  /** username → user: `user(name)` is called once per member, 100,000 times in the weekly bench. */
  private readonly usersByName = new Map<string, FakeUser>();
  /** Registered commands: `global` and one list per guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly dmChannels = new Map<string, string>();
  /** Users who do not accept DMs from the bot: sending to them answers 403 code 50007. */
  readonly dmsClosed = new Set<string>();
  /** Every 401/403/429 answered, against Discord's 10,000 per 10 minutes. */
  readonly invalidRequests: InvalidRequestCounter;
  /** Guild scheduled events by id (routes/scheduled-events.ts). */
  readonly scheduledEvents = new Map<string, Json>();
  /** `channel:nonce` → message id, for `enforce_nonce`. */
  readonly nonces = new Map<string, { id: string; at: number }>();
  /** Uploaded files by attachment id (bots' uploads and people's command attachments), served by the CDN route. */
  readonly files = new Map<string, StoredFile>();
  readonly ids: SnowflakeGenerator;
  readonly onBody: FakeDiscordOptions['onBody'];
  readonly gateway: Gateway;
  /** The first guild's roles, member roles, channel overwrites and the permission computation. */
  readonly permissions: GuildPermissions;
  private readonly guildPermissions = new Map<string, GuildPermissions>();
  /** Users who share no server with the bot: a DM to them answers 403 code 50278. */
  readonly outsiders = new Set<string>();
  /**
   * The server's channels besides its main text channel `guild.channelId`: a voice channel for movie nights and a
   * second text channel (tests take the bot's permissions away there).
   */
  readonly channels: FakeChannel[] = [
    { id: '1300000000000000002', name: 'Screening Room', type: ChannelType.GuildVoice },
    { id: '1300000000000000003', name: 'announcements', type: ChannelType.GuildText },
  ];
  /** Who is in which voice channel (voice.ts). */
  readonly voiceStates = new Map<string, VoiceState>();
  /** Command name → users a server admin enabled it for (application command permissions), see `allowCommandFor`. */
  readonly commandAllowedFor = new Map<string, Set<string>>();

  private readonly http: HttpApi;
  private readonly server: http.Server;
  private readonly opts: FakeDiscordOptions;
  private port = 0;
  private readonly ready: Promise<void>;

  constructor(opts: FakeDiscordOptions = {}) {
    super();
    this.setMaxListeners(100);
    this.opts = opts;
    this.clock = opts.clock ?? systemClock;
    this.ids = new SnowflakeGenerator(() => this.clock.now());
    this.onBody = opts.onBody;
    this.token = opts.token ?? 'fake-discord-token';
    this.appId = opts.appId ?? '1100000000000000001';
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 41_250;
    this.interactionDeadlineMs = opts.interactionDeadlineMs ?? 3_000;
    this.recommendedShards = opts.recommendedShards ?? 1;
    this.maxConcurrency = opts.maxConcurrency ?? null;
    this.maxGuildsPerShard = opts.maxGuildsPerShard ?? MAX_GUILDS_PER_SHARD;
    this.rateLimiter = new RateLimiter(opts.rateLimits, () => this.clock.now());
    this.invalidRequests = new InvalidRequestCounter(() => this.clock.now());
    this.botUser = {
      id: this.appId,
      username: opts.botName ?? 'Marquee',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
      public_flags: 0,
      flags: 0,
      primary_guild: null,
    };
    this.guild = { id: '1200000000000000001', name: opts.guildName ?? 'Movie Night', channelId: '1300000000000000001' };
    this.guilds.push(this.guild);
    this.permissions = new GuildPermissions(this.guild.id, this.user(opts.ownerName ?? 'owner').id, this.botUser.id);
    this.guildPermissions.set(this.guild.id, this.permissions);
    this.permissions.onOverwriteChange = (channelId) => this.channelChanged(channelId);
    this.gateway = new Gateway(this);
    this.http = new HttpApi(this, allRoutes);
    this.server = http.createServer((req, res) => void this.http.handle(req, res));
    this.ready = new Promise((r) => this.once('identified', () => r()));
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  /** Where attachment URLs point (this server stands in for Discord's CDN). */
  get cdnBase(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }
  get frames(): GatewayFrame[] {
    return this.gateway.frames;
  }
  get stats(): Gateway['stats'] {
    return this.gateway.stats;
  }

  async start(): Promise<this> {
    this.server.on('upgrade', (req, socket, head) => this.gateway.accept(req, socket, head));
    await new Promise<void>((r) => this.server.listen(this.opts.port ?? 0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  /** Resolves once a client has identified and received READY and GUILD_CREATE. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Sends a dispatch event on the current session; while disconnected it is kept for replay on RESUME. */
  dispatch(t: string, d: Json): void {
    this.gateway.dispatch(t, d);
  }

  /** Drops the gateway connection the way a network failure or a Discord restart would; the client should RESUME. */
  dropConnection(mode: 'close' | 'terminate' = 'close'): void {
    this.gateway.dropConnection(mode);
  }

  /** Sends op 7 Reconnect: the client should close and RESUME. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Resolves after the next successful RESUME. */
  waitForResume(timeoutMs = 10_000): Promise<void> {
    return waitForEvent(this, 'resumed', timeoutMs);
  }

  /** `[shard_id, num_shards]` of each connected gateway session. */
  get connectedShards(): ShardPair[] {
    return this.gateway.connectedShards;
  }

  /**
   * Another server the bot is in, with its own channel, roles and owner (the first server's owner). `id` picks the
   * snowflake, e.g. to place the guild on a shard (events/gateway.mdx § Sharding Formula); call before the bot
   * connects, as Discord lists a bot's guilds in READY.
   */
  addGuild(name: string, id: string = this.ids.next()): FakeGuild {
    const guild: FakeGuild = { id, name, channelId: this.ids.next() };
    this.guilds.push(guild);
    this.guildPermissions.set(id, new GuildPermissions(id, this.permissions.ownerId, this.botUser.id));
    return guild;
  }

  /** The guild with this id, if the bot is in it. */
  guildById(guildId: string | undefined): FakeGuild | undefined {
    return this.guilds.find((g) => g.id === guildId);
  }

  /** The guild whose text channel this is; undefined for a DM channel or an unknown id. */
  guildOfChannel(channelId: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.channelId === channelId);
  }

  /** Roles and overwrites of one guild (the first guild's when `guildId` is not one of ours). */
  permissionsFor(guildId: string | undefined): GuildPermissions {
    return this.guildPermissions.get(guildId ?? '') ?? this.permissions;
  }

  /** The guild as GUILD_CREATE carries it. events/gateway-events.mdx § Guild Create */
  guildPayload(guild: FakeGuild = this.guild): Json {
    const permissions = this.permissionsFor(guild.id);
    // The voice channel and the second text channel are the first server's.
    const first = guild.id === this.guild.id;
    const voice = first ? voiceStatesPayload(this) : { states: [], members: [] };
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: permissions.ownerId,
      unavailable: false,
      joined_at: new Date(this.clock.now()).toISOString(),
      roles: permissions.rolesPayload(),
      emojis: [],
      stickers: [],
      // events/gateway-events.mdx § Guild Create: without GUILD_PRESENCES, `members` holds only the bot and the users
      // in voice channels.
      members: [this.memberPayload(this.botUser, guild.id), ...voice.members],
      channels: [
        {
          id: guild.channelId,
          type: ChannelType.GuildText,
          name: 'movie-night',
          guild_id: guild.id,
          position: 0,
          permission_overwrites: permissions.overwritesPayload(guild.channelId),
        },
        ...(first ? this.channels.map((c, i) => this.channelPayload(c, i + 1)) : []),
      ],
      threads: [],
      presences: [],
      voice_states: voice.states,
      stage_instances: [],
      guild_scheduled_events: [],
      features: [],
      member_count: this.users.size + 1,
      large: false,
      preferred_locale: this.guildLocale(guild.id),
      premium_tier: 0,
      nsfw_level: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_id: null,
      afk_channel_id: null,
      afk_timeout: 300,
    };
  }

  /** A server channel besides the main one, as a channel object (resources/channel.mdx § Channel Object). */
  channelPayload(c: FakeChannel, position = 0): Json {
    return {
      id: c.id,
      type: c.type,
      name: c.name,
      guild_id: this.guild.id,
      position,
      permission_overwrites: this.permissions.overwritesPayload(c.id),
      ...(c.type === ChannelType.GuildVoice ? { bitrate: 64_000, user_limit: 0, rtc_region: null } : {}),
    };
  }

  /** events/gateway-events.mdx § Channel Update: a channel of the first server changed (its overwrites). */
  private channelChanged(channelId: string): void {
    if (!this.gateway.identified) return;
    const channel = (this.guildPayload().channels as Json[]).find((c) => c.id === channelId);
    if (channel) this.dispatch('CHANNEL_UPDATE', channel);
  }

  /** A server channel by id, `#name` or name (case-insensitive), the main text channel included. */
  channel(nameOrId: string): FakeChannel | undefined {
    const key = nameOrId.replace(/^#/, '').toLowerCase();
    const main: FakeChannel = { id: this.guild.channelId, name: 'movie-night', type: ChannelType.GuildText };
    return [main, ...this.channels].find((c) => c.id === nameOrId || c.name.toLowerCase() === key);
  }

  /** `user` joins a voice channel (default: the first), or moves there; see voice.ts. */
  joinVoice(user: FakeUser, channel?: string): void {
    const target = channel ? this.channel(channel) : this.channels.find((c) => c.type === ChannelType.GuildVoice);
    if (!target) throw new Error(`there is no channel ${channel}`);
    joinVoice(this, user, target);
  }

  /** `user` leaves voice. */
  leaveVoice(user: FakeUser): void {
    leaveVoice(this, user);
  }

  /** A guild member object (resources/guild.mdx § Guild Member Object), or undefined for someone not in the server. */
  memberPayload(user: FakeUser, guildId?: string): Json {
    return {
      user,
      roles: this.permissionsFor(guildId).rolesOf(user.id),
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      banner: null,
      premium_since: null,
      communication_disabled_until: null,
    };
  }

  /**
   * Each person's Discord client language (User Settings → Language), sent as `locale` on their interactions
   * (interactions/receiving-and-responding.mdx § Interaction Object); en-US unless set. Codes: reference.mdx § Locales.
   */
  readonly clientLocales = new Map<string, string>();

  /** Switches `user`'s Discord client to `locale` (a Discord locale code such as `de` or `pt-BR`). */
  setClientLocale(user: FakeUser, locale: string): void {
    if (!(Object.values(Locale) as string[]).includes(locale)) throw new Error(`${locale} is not a Discord locale`);
    this.clientLocales.set(user.id, locale);
  }

  clientLocale(user: FakeUser): string {
    return this.clientLocales.get(user.id) ?? 'en-US';
  }

  /**
   * Each server's language (Server Settings → Community → Server Primary Language): the guild's `preferred_locale`
   * (events/gateway-events.mdx § Guild Create) and the `guild_locale` of interactions in it
   * (interactions/receiving-and-responding.mdx § Interaction Object); en-US unless set.
   */
  readonly guildLocales = new Map<string, string>();

  guildLocale(guildId: string): string {
    return this.guildLocales.get(guildId) ?? 'en-US';
  }

  /** An admin changes the server's language: GUILD_UPDATE carries the guild with its new `preferred_locale`. */
  setGuildLocale(locale: string, guild: FakeGuild = this.guild): void {
    if (!(Object.values(Locale) as string[]).includes(locale)) throw new Error(`${locale} is not a Discord locale`);
    this.guildLocales.set(guild.id, locale);
    if (!this.gateway.identified) return;
    // events/gateway-events.mdx § Guild Update: the guild object, without GUILD_CREATE's extra fields.
    const {
      joined_at: _j,
      large: _l,
      unavailable: _u,
      member_count: _m,
      members: _mem,
      channels: _c,
      threads: _t,
      presences: _p,
      voice_states: _v,
      stage_instances: _s,
      guild_scheduled_events: _e,
      ...updated
    } = this.guildPayload(guild);
    this.dispatch('GUILD_UPDATE', updated);
  }

  /** Gives `user` the server's Admin role (Manage Server, Manage Events, Manage Messages). */
  makeAdmin(user: FakeUser): void {
    this.permissions.grantRole(user.id, this.permissions.adminRoleId);
  }

  // ------------------------------------------------------------------------------------------------ people
  /** A person in the server. Ids are stable per name so scripts and tests are repeatable. */
  user(name: string): FakeUser {
    const key = name.toLowerCase();
    const existing = this.usersByName.get(key);
    if (existing) return existing;
    let h = 0n;
    for (const c of key) h = (h * 131n + BigInt(c.charCodeAt(0))) % 1_000_000_000_000n;
    const u: FakeUser = {
      id: String(1_400_000_000_000_000_000n + h),
      username: key,
      global_name: key.charAt(0).toUpperCase() + key.slice(1),
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      flags: 0,
      primary_guild: null,
    };
    this.users.set(u.id, u);
    this.usersByName.set(key, u);
    return u;
  }

  /**
   * A server admin enables `/name` for `user` in Server Settings → Integrations, overriding the command's
   * `default_member_permissions` (interactions/application-commands.mdx § Permissions). Tests of the bot's own
   * permission checks use this: Discord would otherwise not even offer the command.
   */
  allowCommandFor(name: string, user: FakeUser): void {
    const set = this.commandAllowedFor.get(name) ?? new Set<string>();
    set.add(user.id);
    this.commandAllowedFor.set(name, set);
  }

  findCommand(name: string): Json | undefined {
    return findCommand(this, name);
  }

  /** See people.ts: typed interaction options from what a person typed, e.g. `buildOptions('rate', { stars: 4 })`. */
  buildOptions(path: string, values: Record<string, unknown>, focused?: string): { command: Json; options: Json[] } {
    return buildOptions(this, path, values, focused);
  }

  /** A file a person attaches to a command option of type ATTACHMENT (what their client uploads first). */
  attachFile(filename: string, data: Buffer | Uint8Array, contentType?: string): Json {
    return userUpload(this, this.guild.channelId, filename, Buffer.from(data), contentType);
  }

  /** The bytes of an attachment this fake stores (a bot's upload or a person's), by attachment id. */
  fileData(attachmentId: string): Buffer | undefined {
    return this.files.get(attachmentId)?.data;
  }

  /** A person runs a slash command, e.g. `command(alice, 'watched add', { movie: '949' })`. */
  command(user: FakeUser, path: string, values: Record<string, unknown> = {}, where: Where = {}): InteractionHandle {
    return runCommand(this, user, path, values, where);
  }

  /** A person types into an autocomplete field; resolves with the choices the bot offered. */
  autocomplete(
    user: FakeUser,
    path: string,
    values: Record<string, unknown>,
    focused: string,
    where: Where = {},
  ): Promise<{ name: string; value: string | number }[]> {
    return typeInto(this, user, path, values, focused, where);
  }

  /** A person clicks a button on a message the bot sent. `customId` may be forged to test the bot's checks. */
  click(user: FakeUser, message: StoredMessage, customId: string, where: { dm?: boolean } = {}): InteractionHandle {
    return clickButton(this, user, message, customId, where);
  }

  /** A person chooses `values` in a string select of a message the bot sent (only offered options, within its limits). */
  choose(
    user: FakeUser,
    message: StoredMessage,
    customId: string,
    values: readonly string[],
    where: { dm?: boolean } = {},
  ): InteractionHandle {
    return chooseOptions(this, user, message, customId, values, where);
  }

  /** String selects of a message in reading order: custom id, limits and options (with what is pre-selected). */
  static selects(message: StoredMessage): {
    customId: string;
    placeholder: string;
    min: number;
    max: number;
    options: { label: string; value: string; selected: boolean }[];
  }[] {
    const out: ReturnType<typeof FakeDiscord.selects> = [];
    for (const row of message.components ?? []) {
      for (const c of row.components ?? []) {
        if (c.type !== ComponentType.StringSelect) continue;
        out.push({
          customId: c.custom_id,
          placeholder: c.placeholder ?? '',
          min: c.min_values ?? 1,
          max: c.max_values ?? 1,
          options: (c.options ?? []).map((o: Json) => ({
            label: o.label,
            value: o.value,
            selected: Boolean(o.default),
          })),
        });
      }
    }
    return out;
  }

  /** A person votes on a poll: `answerIds` replaces their earlier vote ([] removes it). */
  vote(user: FakeUser, message: StoredMessage, answerIds: readonly number[]): void {
    vote(this, user, message, answerIds);
  }

  /** Buttons of a message in reading order, with their custom ids. */
  static buttons(message: StoredMessage): { label: string; customId: string; disabled: boolean; style: number }[] {
    const out: { label: string; customId: string; disabled: boolean; style: number }[] = [];
    for (const row of message.components ?? []) {
      for (const c of row.components ?? []) {
        if (c.type === ComponentType.Button && c.custom_id) {
          const label = [c.emoji?.name, c.label].filter(Boolean).join(' ');
          out.push({ label, customId: c.custom_id, disabled: Boolean(c.disabled), style: c.style });
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ channels
  /** Messages in a channel, oldest first (DM channels included). */
  channelMessages(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId && !m.ephemeralFor);
  }

  dmChannelFor(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = this.ids.next();
      this.dmChannels.set(userId, id);
    }
    return id;
  }

  /** DMs the bot sent to a user. */
  dmsTo(userId: string): StoredMessage[] {
    const ch = this.dmChannels.get(userId);
    return ch ? this.channelMessages(ch) : [];
  }

  /** The person at the other end of a DM channel, if `channelId` is one. */
  userForDm(channelId: string): FakeUser | undefined {
    for (const [userId, ch] of this.dmChannels) if (ch === channelId) return this.users.get(userId);
    return undefined;
  }

  /** `channelId` if it is one of the guild's channels or a DM channel; otherwise 404 Unknown Channel. */
  requireChannel(channelId: string): string {
    const known =
      this.guildOfChannel(channelId) !== undefined ||
      this.channels.some((c) => c.id === channelId) ||
      [...this.dmChannels.values()].includes(channelId);
    if (!known) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
    return channelId;
  }
}
