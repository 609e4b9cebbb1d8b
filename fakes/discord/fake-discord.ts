// A local Discord: the gateway (JSON over WebSocket) and the REST API on one 127.0.0.1 port, faithful enough that the
// unmodified discord.js client runs against it. Tests and the sandbox act as people through the "people" API below
// (send a slash command, type into an autocomplete field, click a button) and read what the bot answered.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { RateLimiter, type RateLimitOptions } from './rate-limits.ts';
import { SnowflakeGenerator } from './snowflake.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are validated by shape at run time, not typed
type Json = any;

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly global_name: string | null;
  readonly discriminator: '0';
  readonly avatar: null;
  readonly bot?: boolean;
  readonly public_flags: number;
  readonly flags: number;
  readonly primary_guild: null;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly channelId: string;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  /** The interaction that produced it, when it is an interaction response. */
  interactionId?: string;
  /** Set for ephemeral messages: only this user sees them. */
  ephemeralFor?: string;
}

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  readonly route: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Json;
  status: number;
  readonly at: number;
}

export interface GatewayFrame {
  readonly dir: 'in' | 'out';
  readonly op: number;
  readonly t?: string | null;
  readonly s?: number | null;
  readonly d?: Json;
  readonly at: number;
}

interface Session {
  readonly id: string;
  seq: number;
  /** Every dispatch of this session, so a RESUME can replay what the client missed. */
  readonly log: { s: number; t: string; d: Json }[];
  ws: WebSocket | null;
  intents: number;
}

export interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly user: FakeUser;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly createdAt: number;
  /** The message a component lived on. */
  readonly sourceMessageId?: string;
  /** Callback types in the order received: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 choices. */
  readonly callbacks: number[];
  originalMessageId?: string;
  readonly followupIds: string[];
  choices?: { name: string; value: string | number }[];
  /** True once something a person can read exists (a reply, an edit after deferring, an update). */
  visible: boolean;
  lastActivity: number;
  error?: { status: number; code: number; message: string };
}

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
  /** Called with every body the fake accepts or returns, for schema validation in tests. */
  readonly onBody?: (event: { direction: 'request' | 'response'; method: string; route: string; body: Json }) => void;
}

const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15); // GuildMembers, GuildPresences, MessageContent
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const ALL_PERMISSIONS = '2248473465835073';

export const OptionType = {
  SubCommand: 1,
  SubCommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

class DiscordHttpError extends Error {
  readonly status: number;
  readonly code: number;
  constructor(status: number, code: number, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly appId: string;
  readonly botUser: FakeUser;
  readonly guild: FakeGuild;
  heartbeatIntervalMs: number;
  interactionDeadlineMs: number;
  readonly rateLimiter: RateLimiter;
  readonly requests: RecordedRequest[] = [];
  readonly frames: GatewayFrame[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionState>();
  readonly users = new Map<string, FakeUser>();
  /** Registered commands: `global` and one list per guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly dmChannels = new Map<string, string>();
  /** Users who do not accept DMs from the bot: sending to them answers 403 code 50007. */
  readonly dmsClosed = new Set<string>();
  private readonly nonces = new Map<string, string>();
  /** Per-connection counts of how often the client connected, identified and resumed. */
  readonly stats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0 };

  private readonly server = http.createServer((req, res) => void this.onHttp(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly sessions = new Map<string, Session>();
  private current: Session | null = null;
  private readonly ids = new SnowflakeGenerator();
  private readonly opts: FakeDiscordOptions;
  private port = 0;
  private ready: Promise<void>;
  private markReady!: () => void;

  constructor(opts: FakeDiscordOptions = {}) {
    super();
    this.setMaxListeners(100);
    this.opts = opts;
    this.token = opts.token ?? 'fake-discord-token';
    this.appId = opts.appId ?? '1100000000000000001';
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 41_250;
    this.interactionDeadlineMs = opts.interactionDeadlineMs ?? 3_000;
    this.rateLimiter = new RateLimiter(opts.rateLimits);
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
    this.ready = new Promise((r) => {
      this.markReady = r;
    });
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server.on('upgrade', (req, socket, head) =>
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws, req.url ?? '')),
    );
    await new Promise<void>((r) => this.server.listen(this.opts.port ?? 0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  /** Resolves once a client has identified and received READY and GUILD_CREATE. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  // ------------------------------------------------------------------------------------------------ gateway
  private sendFrame(ws: WebSocket, frame: { op: number; d: Json; s?: number | null; t?: string | null }) {
    const full = { op: frame.op, d: frame.d, s: frame.s ?? null, t: frame.t ?? null };
    this.frames.push({ dir: 'out', ...full, at: Date.now() });
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(full));
  }

  /** Sends a dispatch event on the current session; while disconnected it is kept for replay on RESUME. */
  dispatch(t: string, d: Json): void {
    const session = this.current;
    if (!session) throw new Error('no gateway session: the bot has not identified');
    const s = ++session.seq;
    session.log.push({ s, t, d });
    if (session.ws) this.sendFrame(session.ws, { op: 0, t, s, d });
  }

  /** Drops the gateway connection the way a network failure or a Discord restart would; the client should RESUME. */
  dropConnection(mode: 'close' | 'terminate' = 'close'): void {
    const session = this.current;
    const ws = session?.ws;
    if (!session || !ws) return;
    session.ws = null;
    if (mode === 'terminate') ws.terminate();
    else ws.close(4000, 'Unknown error (fake: connection dropped)');
  }

  /** Resolves after the next successful RESUME. */
  waitForResume(timeoutMs = 10_000): Promise<void> {
    return waitForEvent(this, 'resumed', timeoutMs);
  }

  private onGateway(ws: WebSocket, url: string) {
    this.stats.connections++;
    this.sockets.add(ws);
    const query = new URL(url, 'http://x').searchParams;
    if (query.get('encoding') && query.get('encoding') !== 'json') {
      ws.close(4002, 'Decode error: only encoding=json is supported by the fake');
      return;
    }
    let identifiedSession: Session | null = null;
    ws.on('close', () => {
      this.sockets.delete(ws);
      if (identifiedSession && identifiedSession.ws === ws) identifiedSession.ws = null;
    });
    this.sendFrame(ws, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      let msg: Json;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      const d = msg.op === 2 || msg.op === 6 ? { ...msg.d, token: '[redacted]' } : msg.d;
      this.frames.push({ dir: 'in', op: msg.op, d, at: Date.now() });
      switch (msg.op) {
        case 1: // heartbeat
          this.stats.heartbeats++;
          this.sendFrame(ws, { op: 11, d: null });
          break;
        case 2: // identify
          identifiedSession = this.identify(ws, msg.d);
          break;
        case 6: // resume
          identifiedSession = this.resume(ws, msg.d);
          break;
        case 3: // presence update
        case 4: // voice state
        case 8: // request guild members
          break;
        default:
          ws.close(4001, 'Unknown opcode');
      }
    });
  }

  private identify(ws: WebSocket, d: Json): Session | null {
    if (d?.token !== this.token && d?.token !== `Bot ${this.token}`) {
      ws.close(4004, 'Authentication failed');
      return null;
    }
    if (typeof d.intents !== 'number') {
      ws.close(4013, 'Invalid intent(s)');
      return null;
    }
    if (d.intents & PRIVILEGED_INTENTS) {
      ws.close(4014, 'Disallowed intent(s)');
      return null;
    }
    this.stats.identifies++;
    const session: Session = { id: `fake-session-${this.ids.next()}`, seq: 0, log: [], ws, intents: d.intents };
    this.sessions.set(session.id, session);
    this.current = session;
    this.dispatch('READY', {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false },
      guilds: [{ id: this.guild.id, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.appId, flags: 0 },
    });
    // discord.js waits up to 15 s for a GUILD_CREATE per guild listed as unavailable in READY.
    this.dispatch('GUILD_CREATE', this.guildPayload());
    this.markReady();
    this.emit('identified');
    return session;
  }

  private resume(ws: WebSocket, d: Json): Session | null {
    const session = this.sessions.get(String(d?.session_id));
    if (!session || (d?.token !== this.token && d?.token !== `Bot ${this.token}`)) {
      this.sendFrame(ws, { op: 9, d: false }); // invalid session, not resumable
      return null;
    }
    this.stats.resumes++;
    session.ws = ws;
    this.current = session;
    const from = Number(d.seq ?? 0);
    for (const e of session.log) if (e.s > from) this.sendFrame(ws, { op: 0, t: e.t, s: e.s, d: e.d });
    this.dispatch('RESUMED', {});
    this.emit('resumed');
    return session;
  }

  private guildPayload(): Json {
    return {
      id: this.guild.id,
      name: this.guild.name,
      icon: null,
      owner_id: '1400000000000000001',
      unavailable: false,
      joined_at: new Date().toISOString(),
      roles: [
        {
          id: this.guild.id,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '1071698660929',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      members: [],
      channels: [
        {
          id: this.guild.channelId,
          type: 0,
          name: 'movie-night',
          guild_id: this.guild.id,
          position: 0,
          permission_overwrites: [],
        },
      ],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      features: [],
      member_count: this.users.size + 1,
      large: false,
      preferred_locale: 'en-US',
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

  // ------------------------------------------------------------------------------------------------ people
  /** A person in the server. Ids are stable per name so scripts and tests are repeatable. */
  user(name: string): FakeUser {
    const key = name.toLowerCase();
    const existing = [...this.users.values()].find((u) => u.username === key);
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
    return u;
  }

  /** `where.permissions`: the member's permission bits (default: all), e.g. '0' for a member who may not manage. */
  private interactionBase(user: FakeUser, where: { dm?: boolean; permissions?: string }): Json {
    const id = this.ids.next();
    const token = `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    if (where.dm) {
      const channelId = this.dmChannelFor(user.id);
      return {
        id,
        token,
        application_id: this.appId,
        version: 1,
        channel: { id: channelId, type: 1, recipients: [user], flags: 0, last_message_id: null },
        channel_id: channelId,
        user,
        app_permissions: ALL_PERMISSIONS,
        locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '1': user.id },
        context: 1,
        attachment_size_limit: 10_485_760,
      };
    }
    return {
      id,
      token,
      application_id: this.appId,
      version: 1,
      guild_id: this.guild.id,
      guild: { id: this.guild.id, locale: 'en-US', features: [] },
      channel: {
        id: this.guild.channelId,
        type: 0,
        guild_id: this.guild.id,
        name: 'movie-night',
        position: 0,
        permission_overwrites: [],
        flags: 0,
      },
      channel_id: this.guild.channelId,
      member: {
        user,
        roles: [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        permissions: where.permissions ?? ALL_PERMISSIONS,
        nick: null,
        avatar: null,
      },
      app_permissions: ALL_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
    };
  }

  private track(base: Json, type: number, user: FakeUser, sourceMessageId?: string): InteractionState {
    const state: InteractionState = {
      id: base.id,
      token: base.token,
      type,
      user,
      channelId: base.channel_id,
      guildId: base.guild_id ?? null,
      createdAt: Date.now(),
      sourceMessageId,
      callbacks: [],
      followupIds: [],
      visible: false,
      lastActivity: Date.now(),
    };
    this.interactions.set(state.id, state);
    return state;
  }

  findCommand(name: string): Json | undefined {
    const lists = [this.commands.get(this.guild.id) ?? [], this.commands.get('global') ?? []];
    for (const list of lists) {
      const c = list.find((x: Json) => x.name === name && (x.type ?? 1) === 1);
      if (c) return c;
    }
    return undefined;
  }

  /**
   * Turns `{ movie: 'Heat', stars: 4.5 }` into typed interaction options using the registered command definition,
   * as Discord does from what the person typed. `path` is `rate` or `watched add`.
   */
  buildOptions(path: string, values: Record<string, unknown>, focused?: string): { command: Json; options: Json[] } {
    const [name, ...sub] = path.trim().split(/\s+/);
    const command = this.findCommand(name ?? '');
    if (!command) throw new Error(`/${name} is not a registered command`);
    let level: Json[] = command.options ?? [];
    const wrappers: Json[] = [];
    for (const part of sub) {
      const o = level.find((x: Json) => x.name === part && (x.type === 1 || x.type === 2));
      if (!o) throw new Error(`/${path}: no subcommand ${part}`);
      wrappers.push({ type: o.type, name: o.name });
      level = o.options ?? [];
    }
    if (level.some((o: Json) => o.type === 1 || o.type === 2)) throw new Error(`/${path} needs a subcommand`);
    const leaf: Json[] = [];
    for (const [key, raw] of Object.entries(values)) {
      if (raw === undefined) continue;
      const def = level.find((o: Json) => o.name === key);
      if (!def) throw new Error(`/${path} has no option "${key}"`);
      let value: unknown = raw;
      if (key === focused) value = String(raw);
      else if (def.type === OptionType.Integer) value = toNumber(raw, key, true);
      else if (def.type === OptionType.Number) value = toNumber(raw, key, false);
      else if (def.type === OptionType.Boolean) value = raw === true || raw === 'true';
      else if (def.type === OptionType.User) value = this.user(String(raw).replace(/^@/, '')).id;
      else value = String(raw);
      if (key !== focused && def.choices && !def.choices.some((c: Json) => c.value === value)) {
        throw new Error(`/${path} ${key}: ${String(raw)} is not one of the choices`);
      }
      leaf.push({ type: def.type, name: key, value, ...(key === focused ? { focused: true } : {}) });
    }
    for (const o of level) {
      if (o.required && !(o.name in values) && focused === undefined)
        throw new Error(`/${path}: ${o.name} is required`);
    }
    let options = leaf;
    for (const w of wrappers.reverse()) options = [{ ...w, options }];
    return { command, options };
  }

  private resolvedFor(options: Json[]): Json | undefined {
    const users: Record<string, FakeUser> = {};
    const walk = (os: Json[]) => {
      for (const o of os) {
        if (o.type === OptionType.User) {
          const u = this.users.get(String(o.value));
          if (u) users[u.id] = u;
        }
        if (o.options) walk(o.options);
      }
    };
    walk(options);
    return Object.keys(users).length ? { users } : undefined;
  }

  /** A person runs a slash command, e.g. `command(alice, 'watched add', { movie: '949' })`. */
  command(
    user: FakeUser,
    path: string,
    values: Record<string, unknown> = {},
    where: { dm?: boolean; permissions?: string } = {},
  ) {
    const { command, options } = this.buildOptions(path, values);
    const base = this.interactionBase(user, where);
    const resolved = this.resolvedFor(options);
    const state = this.track(base, 2, user);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      type: 2,
      data: { id: command.id, name: command.name, type: 1, options, ...(resolved ? { resolved } : {}) },
    });
    return new InteractionHandle(this, state);
  }

  /** A person types into an autocomplete field; resolves with the choices the bot offered. */
  async autocomplete(
    user: FakeUser,
    path: string,
    values: Record<string, unknown>,
    focused: string,
    where: { dm?: boolean } = {},
  ): Promise<{ name: string; value: string | number }[]> {
    const { command, options } = this.buildOptions(path, values, focused);
    const base = this.interactionBase(user, where);
    const state = this.track(base, 4, user);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      type: 4,
      data: { id: command.id, name: command.name, type: 1, options },
    });
    await waitUntil(
      this,
      () => state.choices !== undefined || state.error !== undefined,
      this.interactionDeadlineMs + 500,
    );
    if (state.error) throw new Error(`autocomplete failed: ${state.error.message}`);
    return state.choices ?? [];
  }

  /** A person clicks a button on a message the bot sent. `customId` may be forged to test the bot's checks. */
  click(user: FakeUser, message: StoredMessage, customId: string, where: { dm?: boolean } = {}) {
    const base = this.interactionBase(user, { dm: where.dm ?? message.guild_id === undefined });
    const state = this.track(base, 3, user, message.id);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      type: 3,
      message: this.toApiMessage(message),
      data: { custom_id: customId, component_type: 2 },
    });
    return new InteractionHandle(this, state);
  }

  /** Buttons of a message in reading order, with their custom ids. */
  static buttons(message: StoredMessage): { label: string; customId: string; disabled: boolean; style: number }[] {
    const out: { label: string; customId: string; disabled: boolean; style: number }[] = [];
    for (const row of message.components ?? []) {
      for (const c of row.components ?? []) {
        if (c.type === 2 && c.custom_id) {
          const label = [c.emoji?.name, c.label].filter(Boolean).join(' ');
          out.push({ label, customId: c.custom_id, disabled: Boolean(c.disabled), style: c.style });
        }
      }
    }
    return out;
  }

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

  // ------------------------------------------------------------------------------------------------ REST
  private toApiMessage(m: StoredMessage): Json {
    return {
      id: m.id,
      channel_id: m.channel_id,
      ...(m.guild_id ? { guild_id: m.guild_id } : {}),
      author: m.author,
      content: m.content,
      embeds: m.embeds,
      components: m.components,
      flags: m.flags,
      timestamp: m.timestamp,
      edited_timestamp: m.edited_timestamp,
      type: m.interactionId ? 20 : 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      application_id: this.appId,
      ...(m.interactionId ? { webhook_id: this.appId } : {}),
    };
  }

  private createMessage(channelId: string, body: Json, extra: Partial<StoredMessage> = {}): StoredMessage {
    validateMessageBody(body);
    const m: StoredMessage = {
      id: this.ids.next(),
      channel_id: channelId,
      ...(channelId === this.guild.channelId ? { guild_id: this.guild.id } : {}),
      author: this.botUser,
      content: body.content ?? '',
      embeds: normaliseEmbeds(body.embeds),
      components: normaliseComponents(body.components),
      flags: body.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...extra,
    };
    this.messages.set(m.id, m);
    this.emit('message', m);
    return m;
  }

  private editMessage(m: StoredMessage, body: Json): StoredMessage {
    validateMessageBody(body, true);
    if (body.content !== undefined) m.content = body.content ?? '';
    if (body.embeds !== undefined) m.embeds = normaliseEmbeds(body.embeds);
    if (body.components !== undefined) m.components = normaliseComponents(body.components);
    m.flags &= ~LOADING;
    m.edited_timestamp = new Date().toISOString();
    this.emit('message', m);
    return m;
  }

  private async onHttp(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const text = Buffer.concat(chunks).toString();
    let body: Json = text || undefined;
    const contentType = req.headers['content-type'] ?? '';
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      route: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      status: 0,
      at: Date.now(),
    };
    const send = (status: number, obj?: Json, headers: Record<string, string> = {}) => {
      rec.status = status;
      if (obj !== undefined)
        this.opts.onBody?.({ direction: 'response', method: rec.method, route: rec.route, body: obj });
      res.writeHead(status, obj === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(obj === undefined ? undefined : JSON.stringify(obj));
      this.requests.push(rec);
      this.emit('request', rec);
    };
    try {
      if (!url.pathname.startsWith('/api/v10/')) throw new DiscordHttpError(404, 0, '404: Not Found');
      if (contentType.includes('application/json') && text) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.');
        }
      } else if (contentType.includes('multipart/form-data')) {
        const m = /name="payload_json"\r\n(?:Content-Type: [^\r]+\r\n)?\r\n([\s\S]*?)\r\n--/.exec(text);
        body = m?.[1] ? JSON.parse(m[1]) : {};
      }
      (rec as { body: Json }).body = body;
      if (body !== undefined) this.opts.onBody?.({ direction: 'request', method: rec.method, route: rec.route, body });
      const { status, payload, headers } = this.route(rec, req.headers);
      send(status, payload, headers);
    } catch (err) {
      if (err instanceof RateLimited) {
        send(429, err.body, err.headers);
      } else if (err instanceof DiscordHttpError) {
        send(err.status, { message: err.message, code: err.code });
      } else {
        send(500, { message: `500: fake Discord bug: ${(err as Error).message}`, code: 0 });
      }
    }
  }

  private requireBot(headers: http.IncomingHttpHeaders) {
    if (headers.authorization !== `Bot ${this.token}`) throw new DiscordHttpError(401, 0, '401: Unauthorized');
  }

  private limit(bucket: string, global: boolean): Record<string, string> {
    const d = this.rateLimiter.take(bucket, { global });
    if (!d.ok) throw new RateLimited(d.body, d.headers);
    return d.headers;
  }

  private route(
    rec: RecordedRequest,
    headers: http.IncomingHttpHeaders,
  ): { status: number; payload?: Json; headers?: Record<string, string> } {
    const { method, route, body } = rec;
    let m: RegExpMatchArray | null;

    if (method === 'GET' && (route === '/gateway/bot' || route === '/gateway')) {
      if (route === '/gateway/bot') this.requireBot(headers);
      return {
        status: 200,
        payload: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      };
    }

    // Interaction callbacks and interaction webhooks carry their token in the path and no Authorization header.
    m = route.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (m && method === 'POST') return this.callback(m[1] ?? '', m[2] ?? '', body, rec.query);

    m = route.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/);
    if (m) return this.webhook(method, m[1] ?? '', m[2] ?? '', m[3], body);

    this.requireBot(headers);

    if (method === 'GET' && route === '/users/@me') return { status: 200, payload: this.botUser };
    if (method === 'GET' && route === '/applications/@me') {
      return { status: 200, payload: { id: this.appId, name: this.botUser.username, flags: 0, bot_public: true } };
    }

    m = route.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (m) {
      if (m[1] !== this.appId) throw new DiscordHttpError(403, 50001, 'Missing Access');
      const key = m[2] ?? 'global';
      const h = this.limit(`${method} ${route}`, true);
      if (method === 'GET') return { status: 200, payload: this.commands.get(key) ?? [], headers: h };
      if (method === 'PUT') {
        if (!Array.isArray(body)) throw new DiscordHttpError(400, 50035, 'Invalid Form Body');
        const saved = body.map((c: Json) => this.saveCommand(c, m?.[2]));
        this.commands.set(key, saved);
        this.emit('commands', key, saved);
        return { status: 200, payload: saved, headers: h };
      }
    }

    if (method === 'POST' && route === '/users/@me/channels') {
      const h = this.limit('POST /users/@me/channels', true);
      const recipient = this.users.get(String(body?.recipient_id));
      if (!recipient) throw new DiscordHttpError(400, 50033, 'Invalid Recipient(s)');
      const id = this.dmChannelFor(recipient.id);
      return {
        status: 200,
        payload: { id, type: 1, last_message_id: null, flags: 0, recipients: [recipient] },
        headers: h,
      };
    }

    m = route.match(/^\/channels\/(\d+)(?:\/messages(?:\/(\d+))?)?$/);
    if (m) {
      const channelId = m[1] ?? '';
      const known = channelId === this.guild.channelId || [...this.dmChannels.values()].includes(channelId);
      if (!known) throw new DiscordHttpError(404, 10003, 'Unknown Channel');
      const isDm = channelId !== this.guild.channelId;
      if (!route.includes('/messages')) {
        return {
          status: 200,
          payload: isDm
            ? { id: channelId, type: 1, recipients: [this.userForDm(channelId)], last_message_id: null, flags: 0 }
            : { id: channelId, type: 0, guild_id: this.guild.id, name: 'movie-night', position: 0 },
        };
      }
      const h = this.limit(`${method} /channels/${channelId}/messages`, true);
      if (method === 'POST' && !m[2]) {
        const recipient = isDm ? this.userForDm(channelId) : undefined;
        if (recipient && this.dmsClosed.has(recipient.id)) {
          throw new DiscordHttpError(403, 50007, 'Cannot send messages to this user');
        }
        // enforce_nonce: a retried send with the same nonce returns the message already created, not a second one.
        const nonceKey = body?.enforce_nonce && body?.nonce !== undefined ? `${channelId}:${body.nonce}` : null;
        const earlier = nonceKey ? this.messages.get(this.nonces.get(nonceKey) ?? '') : undefined;
        if (earlier) return { status: 200, payload: this.toApiMessage(earlier), headers: h };
        const created = this.createMessage(channelId, body);
        if (nonceKey) this.nonces.set(nonceKey, created.id);
        return { status: 200, payload: this.toApiMessage(created), headers: h };
      }
      if (method === 'GET' && !m[2]) {
        const list = this.channelMessages(channelId)
          .reverse()
          .slice(0, Number(rec.query.get('limit') ?? 50));
        return { status: 200, payload: list.map((x) => this.toApiMessage(x)), headers: h };
      }
      const msg = m[2] ? this.messages.get(m[2]) : undefined;
      if (!msg || msg.channel_id !== channelId) throw new DiscordHttpError(404, 10008, 'Unknown Message');
      if (method === 'GET') return { status: 200, payload: this.toApiMessage(msg), headers: h };
      if (method === 'PATCH')
        return { status: 200, payload: this.toApiMessage(this.editMessage(msg, body)), headers: h };
      if (method === 'DELETE') {
        this.messages.delete(msg.id);
        return { status: 204, headers: h };
      }
    }
    throw new DiscordHttpError(404, 0, '404: Not Found');
  }

  private userForDm(channelId: string): FakeUser | undefined {
    for (const [userId, ch] of this.dmChannels) if (ch === channelId) return this.users.get(userId);
    return undefined;
  }

  private saveCommand(c: Json, guildId: string | undefined): Json {
    if (typeof c?.name !== 'string' || !/^[-_\p{L}\p{N}]{1,32}$/u.test(c.name)) {
      throw new DiscordHttpError(400, 50035, 'Invalid Form Body (name)');
    }
    if ((c.type ?? 1) === 1 && (typeof c.description !== 'string' || c.description.length < 1)) {
      throw new DiscordHttpError(400, 50035, 'Invalid Form Body (description)');
    }
    const previous = (this.commands.get(guildId ?? 'global') ?? []).find((x: Json) => x.name === c.name);
    return {
      ...c,
      id: previous?.id ?? this.ids.next(),
      application_id: this.appId,
      ...(guildId ? { guild_id: guildId } : {}),
      type: c.type ?? 1,
      version: this.ids.next(),
      // Requests carry an integer (per the spec), responses a string.
      default_member_permissions: c.default_member_permissions == null ? null : String(c.default_member_permissions),
      nsfw: c.nsfw ?? false,
    };
  }

  private interactionByToken(token: string): InteractionState {
    for (const s of this.interactions.values()) if (s.token === token) return s;
    throw new DiscordHttpError(404, 10015, 'Unknown Webhook');
  }

  private callback(
    id: string,
    token: string,
    body: Json,
    query: URLSearchParams,
  ): { status: number; payload?: Json; headers?: Record<string, string> } {
    const state = this.interactions.get(id);
    if (!state || state.token !== token) throw new DiscordHttpError(404, 10062, 'Unknown interaction');
    const fail = (status: number, code: number, message: string) => {
      state.error = { status, code, message };
      this.emit('interaction', state);
      return new DiscordHttpError(status, code, message);
    };
    if (Date.now() - state.createdAt > this.interactionDeadlineMs) throw fail(404, 10062, 'Unknown interaction');
    if (state.callbacks.length > 0) throw fail(400, 40060, 'Interaction has already been acknowledged.');
    const type = body?.type;
    const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
    if (!allowed[state.type]?.includes(type)) throw fail(400, 50035, `Invalid interaction callback type ${type}`);
    state.callbacks.push(type);
    state.lastActivity = Date.now();
    const data = body.data ?? {};
    let message: StoredMessage | undefined;
    if (type === 8) {
      const choices = data.choices;
      if (!Array.isArray(choices) || choices.length > 25) throw fail(400, 50035, 'Invalid Form Body (choices)');
      for (const c of choices) {
        if (typeof c.name !== 'string' || c.name.length < 1 || c.name.length > 100) {
          throw fail(400, 50035, 'Invalid Form Body (choice name must be 1-100 characters)');
        }
      }
      state.choices = choices;
    } else if (type === 4 || type === 5) {
      const flags = (data.flags ?? 0) & EPHEMERAL;
      message = this.createMessage(state.channelId, type === 4 ? data : { content: '', flags: flags | LOADING }, {
        interactionId: state.id,
        ...(flags ? { ephemeralFor: state.user.id } : {}),
      });
      message.flags = type === 4 ? (data.flags ?? 0) : flags | LOADING;
      state.originalMessageId = message.id;
      state.visible = type === 4;
    } else if (type === 7 || type === 6) {
      const source = state.sourceMessageId ? this.messages.get(state.sourceMessageId) : undefined;
      if (!source) throw fail(400, 10008, 'Unknown Message');
      state.originalMessageId = source.id;
      if (type === 7) {
        message = this.editMessage(source, data);
        state.visible = true;
      }
    }
    this.emit('interaction', state);
    if (query.get('with_response') === 'true') {
      return {
        status: 200,
        payload: {
          interaction: {
            id: state.id,
            type: state.type,
            response_message_id: message?.id,
            response_message_loading: type === 5,
            response_message_ephemeral: Boolean((message?.flags ?? 0) & EPHEMERAL),
          },
          ...(message ? { resource: { type, message: this.toApiMessage(message) } } : {}),
        },
      };
    }
    return { status: 204 };
  }

  private webhook(
    method: string,
    appId: string,
    token: string,
    messageRef: string | undefined,
    body: Json,
  ): { status: number; payload?: Json } {
    if (appId !== this.appId) throw new DiscordHttpError(404, 10015, 'Unknown Webhook');
    const state = this.interactionByToken(token);
    if (Date.now() - state.createdAt > 15 * 60_000) throw new DiscordHttpError(401, 50027, 'Invalid Webhook Token');
    if (state.callbacks.length === 0) throw new DiscordHttpError(404, 10015, 'Unknown Webhook');
    state.lastActivity = Date.now();
    if (!messageRef) {
      if (method !== 'POST') throw new DiscordHttpError(405, 0, '405: Method Not Allowed');
      const ephemeral = ((body?.flags ?? 0) & EPHEMERAL) !== 0;
      const m = this.createMessage(state.channelId, body, {
        interactionId: state.id,
        ...(ephemeral ? { ephemeralFor: state.user.id } : {}),
      });
      state.followupIds.push(m.id);
      state.visible = true;
      this.emit('interaction', state);
      return { status: 200, payload: this.toApiMessage(m) };
    }
    const id = messageRef === '@original' ? state.originalMessageId : messageRef;
    const msg = id ? this.messages.get(id) : undefined;
    if (!msg) throw new DiscordHttpError(404, 10008, 'Unknown Message');
    if (method === 'GET') return { status: 200, payload: this.toApiMessage(msg) };
    if (method === 'DELETE') {
      this.messages.delete(msg.id);
      this.emit('interaction', state);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      this.editMessage(msg, body);
      state.visible = true;
      this.emit('interaction', state);
      return { status: 200, payload: this.toApiMessage(msg) };
    }
    throw new DiscordHttpError(405, 0, '405: Method Not Allowed');
  }
}

class RateLimited extends Error {
  readonly body: Json;
  readonly headers: Record<string, string>;
  constructor(body: Json, headers: Record<string, string>) {
    super('rate limited');
    this.body = body;
    this.headers = headers;
  }
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
      const idle = Date.now() - this.state.lastActivity;
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

/** Discord stores embeds sent by bots as `rich`. */
function normaliseEmbeds(embeds: Json[] | null | undefined): Json[] {
  return (embeds ?? []).map((e) => ({ type: 'rich', ...e }));
}

/** Discord gives every component of a message a numeric id (1, 2, … in tree order) when the sender did not. */
function normaliseComponents(components: Json[] | null | undefined): Json[] {
  let next = 1;
  const walk = (c: Json): Json => {
    const id = c.id ?? next;
    next = Math.max(next, id) + 1;
    return { ...c, id, ...(Array.isArray(c.components) ? { components: c.components.map(walk) } : {}) };
  };
  return (components ?? []).map(walk);
}

function toNumber(raw: unknown, name: string, integer: boolean): number {
  const n = typeof raw === 'number' ? raw : Number(String(raw));
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new Error(`${name} must be ${integer ? 'a whole number' : 'a number'}`);
  }
  return n;
}

/** The limits Discord enforces on message bodies (a 400 with code 50035 in reality). */
function validateMessageBody(body: Json, partial = false): void {
  const bad = (why: string) => new DiscordHttpError(400, 50035, `Invalid Form Body (${why})`);
  if (body === null || typeof body !== 'object') throw bad('body');
  if (body.content != null && (typeof body.content !== 'string' || body.content.length > 2000)) throw bad('content');
  if (body.embeds != null) {
    if (!Array.isArray(body.embeds) || body.embeds.length > 10) throw bad('embeds');
    for (const e of body.embeds) {
      if (e.title && e.title.length > 256) throw bad('embed title');
      if (e.description && e.description.length > 4096) throw bad('embed description');
      if (e.fields && e.fields.length > 25) throw bad('embed fields');
    }
  }
  if (body.components != null) {
    if (!Array.isArray(body.components) || body.components.length > 5) throw bad('components');
    const ids = new Set<string>();
    for (const row of body.components) {
      if (row.type !== 1 || !Array.isArray(row.components) || row.components.length > 5) throw bad('action row');
      for (const c of row.components) {
        if (c.type === 2 && c.style !== 5) {
          if (typeof c.custom_id !== 'string' || c.custom_id.length < 1 || c.custom_id.length > 100)
            throw bad('custom_id');
          if (ids.has(c.custom_id)) throw bad('duplicate custom_id');
          ids.add(c.custom_id);
        }
        if (c.label && c.label.length > 80) throw bad('button label');
      }
    }
  }
  const empty =
    !body.content && !(body.embeds?.length > 0) && !(body.components?.length > 0) && !(body.attachments?.length > 0);
  if (!partial && empty && !((body.flags ?? 0) & LOADING)) throw bad('Cannot send an empty message');
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

function waitUntil(fake: FakeDiscord, pred: () => boolean, timeoutMs: number): Promise<void> {
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
