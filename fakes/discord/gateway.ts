// The gateway: JSON text frames over one WebSocket per connection, sessions that survive a drop and replay what the
// client missed on RESUME. events/gateway.mdx (Connecting, Sending Heartbeats, Identifying, Resuming) and
// topics/opcodes-and-status-codes.mdx § Gateway (opcodes and close codes). Sharding (which session gets which event,
// IDENTIFY's `shard`) follows events/gateway.mdx § Sharding, in shards.ts.
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeDiscord } from './fake-discord.ts';
import { forIntents } from './intents.ts';
import { checkShard, IdentifyConcurrency, routingGuildId, type ShardPair, shardOf } from './shards.ts';
import type { GatewayFrame, Json } from './types.ts';

interface Session {
  readonly id: string;
  seq: number;
  /** Every dispatch of this session, so a RESUME can replay what the client missed. */
  readonly log: { s: number; t: string; d: Json }[];
  ws: WebSocket | null;
  intents: number;
  readonly shard: ShardPair;
}

// events/gateway.mdx § Privileged Intents
const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

export class Gateway {
  readonly frames: GatewayFrame[] = [];
  /** How often the client connected, identified, resumed and heartbeated. */
  readonly stats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, zombieCloses: 0 };
  private readonly fake: FakeDiscord;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly sessions = new Map<string, Session>();
  /** The sessions events go to: the latest per shard, and any others still connected (§ Sharding allows several). */
  private readonly live = new Set<Session>();
  /** Enforced only when the fake is given a max_concurrency; otherwise identifies are not throttled. */
  private readonly concurrency: IdentifyConcurrency | null;

  constructor(fake: FakeDiscord) {
    this.fake = fake;
    this.concurrency = fake.maxConcurrency === null ? null : new IdentifyConcurrency(fake.maxConcurrency);
  }

  get connected(): boolean {
    return [...this.live].some((s) => s.ws != null);
  }

  /** `[shard_id, num_shards]` of each connected session (tests check who holds which shard). */
  get connectedShards(): ShardPair[] {
    return [...this.live].filter((s) => s.ws != null).map((s) => s.shard);
  }

  /** Whether a bot has identified (its session may be disconnected; events then wait for its RESUME). */
  get identified(): boolean {
    return this.live.size > 0;
  }

  accept(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req.url ?? ''));
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }

  private sendFrame(ws: WebSocket, frame: { op: GatewayOpcodes; d: Json; s?: number | null; t?: string | null }) {
    const full = { op: frame.op, d: frame.d, s: frame.s ?? null, t: frame.t ?? null };
    this.frames.push({ dir: 'out', ...full, at: this.fake.clock.now() });
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(full));
  }

  /**
   * Sends a dispatch event to the sessions of the shard it belongs to (events/gateway.mdx § Sharding: by guild id,
   * shard 0 for events without one); while a session is disconnected it is kept for replay on RESUME.
   */
  dispatch(t: string, d: Json): void {
    const guildId = routingGuildId(t, d);
    const targets = [...this.live].filter((s) => shardOf(guildId, s.shard[1]) === s.shard[0]);
    if (targets.length === 0) throw new Error('no gateway session for this shard: the bot has not identified');
    for (const session of targets) this.dispatchOn(session, t, d);
  }

  private dispatchOn(session: Session, t: string, d: Json): void {
    const shaped = forIntents(session.intents, t, d);
    if (shaped === null) return;
    const s = ++session.seq;
    session.log.push({ s, t, d: shaped });
    if (session.ws) this.sendFrame(session.ws, { op: GatewayOpcodes.Dispatch, t, s, d: shaped });
  }

  /** events/gateway-events.mdx § Reconnect: asks every connected session to reconnect and RESUME (op 7). */
  requestReconnect(): void {
    for (const session of this.live) {
      if (session.ws) this.sendFrame(session.ws, { op: GatewayOpcodes.Reconnect, d: null });
    }
  }

  /** Drops every connection the way a network failure or a Discord restart would; the client should RESUME. */
  dropConnection(mode: 'close' | 'terminate' = 'close'): void {
    for (const session of this.live) {
      const ws = session.ws;
      if (!ws) continue;
      session.ws = null;
      if (mode === 'terminate') ws.terminate();
      else ws.close(GatewayCloseCodes.UnknownError, 'Unknown error (fake: connection dropped)');
    }
  }

  private onConnection(ws: WebSocket, url: string) {
    this.stats.connections++;
    this.sockets.add(ws);
    const query = new URL(url, 'http://x').searchParams;
    if (query.get('encoding') && query.get('encoding') !== 'json') {
      ws.close(GatewayCloseCodes.DecodeError, 'Decode error: only encoding=json is supported by the fake');
      return;
    }
    // events/gateway.mdx § Connecting (gateway versions 9 and 10 are available); opcodes § Gateway Close Event Codes
    // (4012 Invalid API version).
    const version = query.get('v');
    if (version !== null && version !== '10' && version !== '9') {
      ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    let identifiedSession: Session | null = null;
    // events/gateway.mdx § Sending Heartbeats: a connection that misses its heartbeat is closed and must RESUME.
    // The fake allows half an interval plus a second of tolerance after the last heartbeat (or the HELLO).
    let heartbeatTimer: NodeJS.Timeout | undefined;
    const armHeartbeat = () => {
      clearTimeout(heartbeatTimer);
      const interval = this.fake.heartbeatIntervalMs;
      heartbeatTimer = setTimeout(
        () => {
          this.stats.zombieCloses++;
          ws.close(GatewayCloseCodes.UnknownError, 'Heartbeat not received in time');
        },
        interval * 1.5 + 1_000,
      );
    };
    // events/gateway.mdx § Rate Limiting: 120 events per connection every 60 seconds, then disconnected (4008).
    const sent: number[] = [];
    ws.on('close', () => {
      clearTimeout(heartbeatTimer);
      this.sockets.delete(ws);
      if (identifiedSession && identifiedSession.ws === ws) identifiedSession.ws = null;
    });
    this.sendFrame(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.fake.heartbeatIntervalMs } });
    armHeartbeat();
    ws.on('message', (raw) => {
      const now = this.fake.clock.now();
      // Heartbeats are left out of the count: tests shorten the interval up to 400× (Discord's ~41 s interval makes
      // them ~1.5 of the 120), and counting them would disconnect every long test run.
      if (!String(raw).startsWith('{"op":1,')) sent.push(now);
      while (sent.length > 0 && (sent[0] ?? 0) <= now - 60_000) sent.shift();
      if (sent.length > 120) {
        ws.close(GatewayCloseCodes.RateLimited, "You're sending payloads too quickly");
        return;
      }
      let msg: Json;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.close(GatewayCloseCodes.DecodeError, 'Decode error');
        return;
      }
      const secret = msg.op === GatewayOpcodes.Identify || msg.op === GatewayOpcodes.Resume;
      const d = secret ? { ...msg.d, token: '[redacted]' } : msg.d;
      this.frames.push({ dir: 'in', op: msg.op, d, at: this.fake.clock.now() });
      const authenticated = identifiedSession !== null;
      // opcodes § Gateway Close Event Codes: 4003 for a payload before identifying, 4005 for a second identify.
      const beforeIdentify = [GatewayOpcodes.Heartbeat, GatewayOpcodes.Identify, GatewayOpcodes.Resume];
      if (!authenticated && !beforeIdentify.includes(msg.op) && Object.values(GatewayOpcodes).includes(msg.op)) {
        ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated');
        return;
      }
      switch (msg.op) {
        case GatewayOpcodes.Heartbeat:
          this.stats.heartbeats++;
          armHeartbeat();
          this.sendFrame(ws, { op: GatewayOpcodes.HeartbeatAck, d: null });
          break;
        case GatewayOpcodes.Identify:
          if (authenticated) {
            ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
            return;
          }
          identifiedSession = this.identify(ws, msg.d);
          break;
        case GatewayOpcodes.Resume:
          if (authenticated) {
            ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
            return;
          }
          identifiedSession = this.resume(ws, msg.d);
          break;
        case GatewayOpcodes.PresenceUpdate:
        case GatewayOpcodes.VoiceStateUpdate:
        case GatewayOpcodes.RequestGuildMembers:
          break;
        default:
          ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode');
      }
    });
  }

  private validToken(token: unknown): boolean {
    return token === this.fake.token || token === `Bot ${this.fake.token}`;
  }

  private identify(ws: WebSocket, d: Json): Session | null {
    if (!this.validToken(d?.token)) {
      ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return null;
    }
    if (typeof d.intents !== 'number') {
      ws.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s)');
      return null;
    }
    if (d.intents & PRIVILEGED_INTENTS) {
      ws.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s)');
      return null;
    }
    const fake = this.fake;
    const checked = checkShard(
      d.shard,
      fake.guilds.map((g) => g.id),
      fake.maxGuildsPerShard,
    );
    if (!checked.ok) {
      ws.close(checked.code, checked.reason);
      return null;
    }
    const shard = checked.shard;
    if (this.concurrency && !this.concurrency.take(shard[0], fake.clock.now())) {
      this.sendFrame(ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return null;
    }
    this.stats.identifies++;
    const session: Session = {
      id: `fake-session-${fake.ids.next()}`,
      seq: 0,
      log: [],
      ws,
      intents: d.intents,
      shard,
    };
    this.sessions.set(session.id, session);
    this.supersede(session);
    const guilds = fake.guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
    this.dispatchOn(session, 'READY', {
      v: 10,
      user: { ...fake.botUser, verified: true, mfa_enabled: false },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: fake.gatewayUrl,
      shard: [...shard],
      application: { id: fake.appId, flags: 0 },
    });
    // discord.js waits up to 15 s for a GUILD_CREATE per guild listed as unavailable in READY.
    for (const g of guilds) this.dispatchOn(session, 'GUILD_CREATE', fake.guildPayload(g));
    fake.emit('identified', shard);
    return session;
  }

  /** A new session of a shard replaces that shard's disconnected ones; sessions still connected keep receiving. */
  private supersede(session: Session): void {
    for (const s of this.live) {
      if (s.ws === null && s.shard[0] === session.shard[0] && s.shard[1] === session.shard[1]) this.live.delete(s);
    }
    this.live.add(session);
  }

  private resume(ws: WebSocket, d: Json): Session | null {
    const session = this.sessions.get(String(d?.session_id));
    if (!session || !this.validToken(d?.token)) {
      this.sendFrame(ws, { op: GatewayOpcodes.InvalidSession, d: false }); // not resumable
      return null;
    }
    // opcodes § Gateway Close Event Codes: 4007 when the sequence to resume from was never sent.
    if (Number(d.seq ?? 0) > session.seq) {
      ws.close(GatewayCloseCodes.InvalidSeq, 'Invalid seq');
      return null;
    }
    this.stats.resumes++;
    session.ws = ws;
    this.supersede(session);
    const from = Number(d.seq ?? 0);
    for (const e of session.log) {
      if (e.s > from) this.sendFrame(ws, { op: GatewayOpcodes.Dispatch, t: e.t, s: e.s, d: e.d });
    }
    this.dispatchOn(session, 'RESUMED', {});
    this.fake.emit('resumed');
    return session;
  }
}
