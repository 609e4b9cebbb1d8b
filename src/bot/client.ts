// The discord.js client with the fewest intents that work, none privileged: Guilds (slash commands and buttons arrive
// as interactions), GuildMessagePolls (movie-night poll votes) and GuildVoiceStates (who is at the screening).
import { createHash } from 'node:crypto';
import { Client, Events, GatewayIntentBits, Partials, Status } from 'discord.js';
import { commands as allCommands } from '../commands/index.ts';
import type { ShardConfig } from '../config.ts';
import { databaseBusy, type Em } from '../db.ts';
import type { Logger } from '../logger.ts';
import { noteGuildLocale } from '../services/locale-service.ts';
import type { Command } from './command.ts';
import type { BotServices } from './context.ts';
import { CustomIds } from './custom-id.ts';
import { Dispatcher } from './dispatcher.ts';
import { installedInThisGuild } from './install-context.ts';
import { sanitizePermissionFields } from './permissions.ts';
import type { RateLimiter } from './rate-limit.ts';
import { exemptInteractionWebhooksFromGlobalLimit } from './rest-limits.ts';

export interface BotOptions {
  readonly services: BotServices;
  readonly token: string;
  /** REST base such as `http://127.0.0.1:PORT/api` for the local Discord; unset means real Discord. */
  readonly apiUrl?: string;
  readonly commands?: readonly Command[];
  readonly autoDeferMs?: number;
  /** Per-user command limits; in memory unless the composition root shares them through the database. */
  readonly limiter?: RateLimiter;
  /** See DispatcherOptions.deadlineMs. */
  readonly deadlineMs?: number;
  /** See DispatcherOptions.databaseBusy; by default asks the bot's own database (src/db.ts `databaseBusy`). */
  readonly databaseBusy?: () => boolean;
  /** Which gateway shards this process runs (default: Discord's recommended count, all here). */
  readonly shards?: ShardConfig;
}

export interface Bot {
  readonly client: Client;
  readonly dispatcher: Dispatcher;
  readonly ids: CustomIds;
  /** Logs in and resolves once the client is ready. */
  start(): Promise<void>;
  /** True while the gateway connection is up (readiness). */
  isConnected(): boolean;
  /** Stops accepting interactions, lets in-flight ones finish, then disconnects. */
  stop(): Promise<void>;
}

/**
 * One gateway event that discord.js cannot digest must cost that event, not the process: the handler runs inside the
 * websocket's message callback, where a throw is an uncaught exception. The event is logged by type (not content) and
 * dropped.
 */
function guardPacketHandler(client: Client, log: BotServices['logger']): void {
  const ws = client.ws as unknown as { handlePacket?: (packet?: { t?: string }, shard?: unknown) => boolean };
  const original = ws.handlePacket;
  if (typeof original !== 'function') return;
  ws.handlePacket = function guarded(packet, shard) {
    try {
      return original.call(this, packet, shard);
    } catch (err) {
      log.error({ err, event: packet?.t }, 'gateway event could not be handled; dropped');
      return false;
    }
  };
}

/**
 * A poll vote (events/gateway-events.mdx § Message Poll Vote Add / Remove) counts for a movie night when the poll is
 * one of ours; read from the raw event because it needs no cached message. Missed events are reconciled from the
 * poll's answer voters on restart and before the winner is picked.
 */
async function recordPollVote(services: BotServices, add: boolean, d: unknown, log: BotServices['logger']) {
  const nights = services.movieNights;
  const v = d as { user_id?: unknown; message_id?: unknown; answer_id?: unknown } | null;
  if (!nights || typeof v?.user_id !== 'string' || typeof v.message_id !== 'string' || !Number.isInteger(v.answer_id))
    return;
  try {
    const counted = await nights.service.recordVote(
      services.orm.em.fork(),
      v.message_id,
      v.user_id,
      v.answer_id as number,
      add,
    );
    if (counted) log.debug({ messageId: v.message_id, answerId: v.answer_id, add }, 'movie night vote');
  } catch (err) {
    log.warn({ err, messageId: v.message_id }, 'movie night vote not recorded (reconciled later)');
  }
}

/** Someone came into a voice channel: if a movie night is screening there, they count as there (issue 12, part 5). */
async function recordVoiceJoin(services: BotServices, d: unknown, log: BotServices['logger']) {
  const nights = services.movieNights;
  const v = d as { guild_id?: unknown; channel_id?: unknown; user_id?: unknown; member?: { user?: { bot?: unknown } } };
  if (!nights || typeof v?.guild_id !== 'string' || typeof v.channel_id !== 'string' || typeof v.user_id !== 'string')
    return;
  if (v.member?.user?.bot === true) return;
  try {
    const marked = await nights.service.joinedVoice(services.orm.em.fork(), v.guild_id, v.channel_id, v.user_id);
    if (marked.length > 0) log.debug({ nights: marked, userId: v.user_id }, 'movie night attendance by voice');
  } catch (err) {
    log.warn(
      { err, guildId: v.guild_id },
      'movie night voice attendance not recorded (the end-of-screening look stays)',
    );
  }
}

/**
 * discord.js runs the listed shards in this process through @discordjs/ws (one WebSocket each, identified with
 * `shard: [id, count]`). Given explicitly so that discord.js never falls back to the SHARDS / SHARD_COUNT variables a
 * ShardingManager would set.
 */
export function shardOptions(shards: ShardConfig | undefined): { shards: number[] | 'auto'; shardCount?: number } {
  if (!shards || shards.count === 'auto') return { shards: 'auto' };
  const ids = shards.ids === 'all' ? Array.from({ length: shards.count }, (_, i) => i) : [...shards.ids];
  return { shards: ids, shardCount: shards.count };
}

/**
 * Keeps each server's Discord language in the database for the jobs that post without an interaction (the weekly
 * digest): written when it changes, remembered per process so that every interaction does not cost a write.
 */
function guildLocaleNotes(services: BotServices, log: Logger) {
  const known = new Map<string, string>();
  return {
    note(guildId: string, locale: string): void {
      if (known.get(guildId) === locale) return;
      known.set(guildId, locale);
      noteGuildLocale(services.orm.em.fork() as Em, guildId, locale).catch((err: unknown) => {
        known.delete(guildId);
        log.warn({ err, guildId }, "could not store the server's language");
      });
    },
  };
}

export function customIdSecret(token: string): string {
  return createHash('sha256').update(`marquee:${token}`).digest('hex');
}

export function createBot(opts: BotOptions): Bot {
  const { services } = opts;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessagePolls, GatewayIntentBits.GuildVoiceStates],
    partials: [Partials.Channel],
    ...shardOptions(opts.shards),
    // Node's fetch instead of @discordjs/rest's bundled undici 6 `request`: that one dispatches through undici's
    // process-wide dispatcher, which undici 8 (our TMDB client) installs on import, and undici 8 refuses the FormData
    // of file uploads ("body must be a FormData created by this undici package instance"). fetch serialises the form
    // itself. @discordjs/rest documents `makeRequest: fetch` for this.
    rest: { ...(opts.apiUrl ? { api: opts.apiUrl } : {}), makeRequest: fetch as never },
  });
  const ids = new CustomIds(customIdSecret(opts.token), () => services.clock().getTime());
  const dispatcher = new Dispatcher({
    services,
    commands: opts.commands ?? allCommands,
    ids,
    autoDeferMs: opts.autoDeferMs,
    limiter: opts.limiter,
    deadlineMs: opts.deadlineMs,
    databaseBusy: opts.databaseBusy ?? (() => databaseBusy(services.orm)),
  });
  const log = services.logger.child({ component: 'discord' });
  if (!exemptInteractionWebhooksFromGlobalLimit(client.rest)) {
    log.warn('could not exempt interaction webhooks from the global rate limit (@discordjs/rest changed?)');
  }
  const voteChains = new Map<string, Promise<void>>();
  const guildLocales = guildLocaleNotes(services, log);
  // Discord sends permissions as decimal strings. discord.js would throw inside its gateway handler on "abc" (taking
  // the process down) and read "-1" as every permission; a malformed field counts as no permissions instead.
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (packet.t === 'MESSAGE_POLL_VOTE_ADD' || packet.t === 'MESSAGE_POLL_VOTE_REMOVE') {
      // In arrival order per poll: a changed vote is a REMOVE then an ADD, and they must not overtake each other.
      const key = String((packet.d as { message_id?: unknown } | null)?.message_id);
      const add = packet.t === 'MESSAGE_POLL_VOTE_ADD';
      const next = (voteChains.get(key) ?? Promise.resolve()).then(() => recordPollVote(services, add, packet.d, log));
      voteChains.set(key, next);
      void next.finally(() => {
        if (voteChains.get(key) === next) voteChains.delete(key);
      });
    }
    if (packet.t === 'VOICE_STATE_UPDATE') void recordVoiceJoin(services, packet.d, log);
    if (packet.t === 'GUILD_CREATE' || packet.t === 'GUILD_UPDATE') {
      // events/gateway-events.mdx § Guild Create / Guild Update: the guild object with its `preferred_locale`.
      const g = packet.d as { id?: unknown; preferred_locale?: unknown } | null;
      if (typeof g?.id === 'string' && typeof g.preferred_locale === 'string')
        guildLocales.note(g.id, g.preferred_locale);
    }
    const fixed = sanitizePermissionFields(packet.d);
    if (fixed > 0)
      log.warn({ event: packet.t, fields: fixed }, 'malformed permissions in a gateway event; read as none');
  });
  guardPacketHandler(client, log);
  client.on(Events.InteractionCreate, (i) => {
    // interactions/receiving-and-responding.mdx § Interaction Object: `guild_locale`, the server's language.
    if (i.guildLocale && installedInThisGuild(i)) guildLocales.note(i.guildId as string, i.guildLocale);
    void dispatcher.handle(i);
  });
  client.on(Events.Error, (err) => log.error({ err }, 'client error'));
  client.on(Events.Warn, (msg) => log.warn(msg));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardDisconnect, (ev, shard) => log.warn({ shard, code: ev.code }, 'gateway disconnected'));
  client.rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limit'),
  );

  return {
    client,
    dispatcher,
    ids,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(opts.token);
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord ready');
    },
    isConnected() {
      return client.isReady() && client.ws.status === Status.Ready;
    },
    async stop() {
      await dispatcher.drain();
      await client.destroy();
    },
  };
}
