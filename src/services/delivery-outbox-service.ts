// The delivery outbox: every weekly message is a row before it is a request, so a run can be repeated or resumed
// (after a crash, in another process) without sending anything twice or forgetting anything.
//
// Guarantees
// - Enqueue is idempotent: one row per idempotency key (`dm:<guild>:<user>:<isoWeek>`), `on conflict do nothing`.
// - A row is claimed (`pending` → `sending`, attempts + 1) with `FOR UPDATE SKIP LOCKED`, so several processes can
//   drain the same week and each row goes to exactly one of them.
// - Each request carries a nonce derived from the idempotency key with `enforce_nonce`: Discord answers a repeated
//   create with the message it already made instead of posting a second one. A `sending` row whose lease expired
//   (its process died between the request and recording the answer) is re-sent with the same nonce, so the resend
//   cannot duplicate the message. Past Discord's nonce window (a few minutes) a duplicate becomes possible; the lease
//   is short (default 60 s) and a restarted bot resumes at once, so in practice the window is not reached.
// - "Cannot send messages to this user" (Discord 50007) → `undeliverable`, never retried. Other permanent errors →
//   `failed`. Transient ones go back to `pending` until `maxAttempts`.
import { createHash } from 'node:crypto';
import { type Em, statementsRunHere } from '../db.ts';
import type { DeliveryKind, DeliveryStatus } from '../entities/index.ts';
import type { Logger } from '../logger.ts';
import { executeSetBased, pgArray } from './pg-array.ts';

export interface OutboxMessage {
  readonly idempotencyKey: string;
  readonly kind: DeliveryKind;
  readonly guildId: string;
  /** User id for a DM, channel id for a channel post. */
  readonly recipientId: string;
  readonly isoWeek: string;
  readonly payload: Record<string, unknown>;
}

export interface ClaimedMessage extends OutboxMessage {
  readonly id: number;
  readonly attempts: number;
  /** ≤ 25 characters, stable per idempotency key: the Discord message nonce. */
  readonly nonce: string;
  /** For a DM: the recipient's DM channel as recorded earlier, so the send is one request instead of two. */
  readonly dmChannelId?: string | null;
}

/** What the outbox needs from Discord. Implemented over @discordjs/rest in src/bot/; services never see discord.js. */
export interface Sender {
  /** `dmChannelId`: the DM channel the sender opened for a recipient with none recorded (it is stored for next time). */
  send(message: ClaimedMessage): Promise<{ messageId: string; dmChannelId?: string }>;
}

export type SendFailureKind = 'undeliverable' | 'permanent' | 'transient';

/** A Sender throws this to say how a failure should be recorded. Anything else counts as transient. */
export class SendError extends Error {
  readonly kind: SendFailureKind;
  readonly code: number | string | undefined;
  constructor(kind: SendFailureKind, message: string, code?: number | string) {
    super(message);
    this.name = 'SendError';
    this.kind = kind;
    this.code = code;
  }
}

export function dmKey(guildId: string, userId: string, isoWeek: string): string {
  return `dm:${guildId}:${userId}:${isoWeek}`;
}

export function channelKey(guildId: string, channelId: string, isoWeek: string): string {
  return `channel:${guildId}:${channelId}:${isoWeek}`;
}

export function nonceFor(idempotencyKey: string): string {
  return `mq${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 23)}`;
}

/**
 * Rows per insert. On PGlite each insert is one synchronous step on the bot's thread (building and running a statement
 * with that many JSON payloads): 500 at a time held it for ~0.5 s of CPU, 50 keep each step short. PostgreSQL runs
 * them in its own process, so 1,000 at a time (a weekly run enqueues 100,000 rows at 100,000 members).
 */
const ENQUEUE_ROWS = { server: 1000, embedded: 50 } as const;

/** Inserts the rows that do not exist yet; returns how many were new. */
export async function enqueue(em: Em, messages: readonly OutboxMessage[]): Promise<number> {
  let inserted = 0;
  const rows = statementsRunHere(em) ? ENQUEUE_ROWS.embedded : ENQUEUE_ROWS.server;
  for (let i = 0; i < messages.length; i += rows) {
    const chunk = messages.slice(i, i + rows);
    // One statement per chunk, the columns as array literals: a weekly run enqueues 100,000 rows at 100,000 members.
    const added = await executeSetBased<{ id: number }>(
      em,
      `insert into delivery_outbox (idempotency_key, kind, guild_id, recipient_id, iso_week, payload, status, attempts, created_at, updated_at)
       select t.k, t.kind, t.g, t.r, t.w, t.p::jsonb, 'pending', 0, now(), now()
       from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(k, kind, g, r, w, p)
       on conflict (idempotency_key) do nothing returning id`,
      [
        pgArray(chunk.map((m) => m.idempotencyKey)),
        pgArray(chunk.map((m) => m.kind)),
        pgArray(chunk.map((m) => m.guildId)),
        pgArray(chunk.map((m) => m.recipientId)),
        pgArray(chunk.map((m) => m.isoWeek)),
        pgArray(chunk.map((m) => JSON.stringify(m.payload))),
      ],
    );
    inserted += added.length;
  }
  return inserted;
}

interface OutboxRow {
  id: string | number;
  idempotency_key: string;
  kind: DeliveryKind;
  guild_id: string;
  recipient_id: string;
  iso_week: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  dm_channel_id?: string | null;
}

function toClaimed(r: OutboxRow): ClaimedMessage {
  return {
    id: Number(r.id),
    idempotencyKey: r.idempotency_key,
    kind: r.kind,
    guildId: r.guild_id,
    recipientId: r.recipient_id,
    isoWeek: r.iso_week,
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    attempts: Number(r.attempts),
    nonce: nonceFor(r.idempotency_key),
    dmChannelId: r.dm_channel_id ?? null,
  };
}

export interface ClaimOptions {
  guildId: string;
  isoWeek: string;
  limit: number;
  /** A `sending` row untouched for this long belongs to a process that died; it is claimed again. */
  leaseMs: number;
  maxAttempts: number;
  /** The time of the claim (the injected clock): leases are measured against it, never the database's `now()`. */
  now: Date;
  /** Rows this process is sending right now: never claimed again by it, however long their send takes. */
  skipIds?: readonly number[];
}

/** Claims up to `limit` rows (`sending`, attempts + 1). Safe across processes: SKIP LOCKED. */
export async function claim(em: Em, o: ClaimOptions): Promise<ClaimedMessage[]> {
  const skipIds = o.skipIds ?? [];
  const skip = skipIds.length > 0 ? ` and id not in (${skipIds.map(() => '?').join(', ')})` : '';
  const rows = await em.execute<OutboxRow[]>(
    `update delivery_outbox set status = 'sending', attempts = attempts + 1, updated_at = ?
     where id in (
       select id from delivery_outbox
       where guild_id = ? and iso_week = ? and attempts < ?
         and (status = 'pending' or (status = 'sending' and updated_at < ?))${skip}
       order by kind desc, id
       limit ?
       for update skip locked)
     returning id, idempotency_key, kind, guild_id, recipient_id, iso_week, payload, attempts,
       case when kind = 'dm' then (select u.dm_channel_id from users u where u.id = recipient_id) end as dm_channel_id`,
    [o.now, o.guildId, o.isoWeek, o.maxAttempts, new Date(o.now.getTime() - o.leaseMs), ...skipIds, o.limit],
  );
  return rows.map(toClaimed).sort((a, b) => a.id - b.id);
}

/**
 * Records a user's DM channel with the bot. Discord keeps one DM channel per user and bot, so its id is stable: the
 * next weekly DM posts to it directly (one request) instead of opening it first (two).
 */
export async function rememberDmChannel(em: Em, userId: string, channelId: string): Promise<void> {
  await em.execute('update users set dm_channel_id = ? where id = ? and dm_channel_id is distinct from ?', [
    channelId,
    userId,
    channelId,
  ]);
}

/** Records sent rows (status, Discord's message id, when) in one statement, each with its own message id and time. */
export async function markSentMany(
  em: Em,
  rows: readonly { id: number; messageId: string; now: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await em.execute(
    `update delivery_outbox as o set status = 'sent', discord_message_id = v.message_id, sent_at = v.at,
       last_error = null, updated_at = v.at
     from (values ${rows.map(() => '(?::bigint, ?::text, ?::timestamptz)').join(', ')}) as v(id, message_id, at)
     where o.id = v.id`,
    rows.flatMap((r) => [r.id, r.messageId, r.now]),
  );
}

/**
 * Records sent rows together: a row is written at once when nothing is being written, else with every other row
 * that arrived meanwhile, in one statement when the current one ends (group commit). Each caller still waits until
 * its own row is recorded, so a drain records exactly what it recorded before, in fewer statements (one UPDATE per
 * DM cost a third of a PGlite delivery's CPU: docs/benchmarks.md, "Weekly run").
 */
function sentRecorder(emRoot: Em): (id: number, messageId: string, now: Date) => Promise<void> {
  let waiting: { id: number; messageId: string; now: Date; done: (err?: unknown) => void }[] = [];
  let writing = false;
  const write = async () => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await markSentMany(emRoot.fork(), batch);
        for (const r of batch) r.done();
      } catch (err) {
        for (const r of batch) r.done(err);
      }
    }
    writing = false;
  };
  return (id, messageId, now) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ id, messageId, now, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!writing) void write();
    });
}

export async function markFailed(
  em: Em,
  m: ClaimedMessage,
  err: unknown,
  maxAttempts: number,
  now: Date,
): Promise<DeliveryStatus> {
  const kind: SendFailureKind = err instanceof SendError ? err.kind : 'transient';
  const status: DeliveryStatus =
    kind === 'undeliverable'
      ? 'undeliverable'
      : kind === 'permanent' || m.attempts >= maxAttempts
        ? 'failed'
        : 'pending';
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  await em.execute(`update delivery_outbox set status = ?, last_error = ?, updated_at = ? where id = ?`, [
    status,
    text.slice(0, 1000),
    now,
    m.id,
  ]);
  return status;
}

export type StatusCounts = Record<DeliveryStatus, number>;

export async function countByStatus(em: Em, guildId: string, isoWeek: string): Promise<StatusCounts> {
  const rows = await em.execute<{ status: DeliveryStatus; n: string | number }[]>(
    'select status, count(*) as n from delivery_outbox where guild_id = ? and iso_week = ? group by status',
    [guildId, isoWeek],
  );
  const out: StatusCounts = { pending: 0, sending: 0, sent: 0, failed: 0, undeliverable: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export interface DigestProblem {
  readonly channelId: string;
  readonly isoWeek: string;
  /** The recorded failure, e.g. "DiscordAPIError[50013]: Missing Permissions". */
  readonly error: string;
}

/**
 * The server's most recent digest, when it could not be posted (the channel is gone or the bot may no longer view,
 * send or embed there); null when the latest one went out or is still on its way.
 */
export async function lastDigestProblem(em: Em, guildId: string, isoWeek?: string): Promise<DigestProblem | null> {
  const rows = await em.execute<
    { recipient_id: string; iso_week: string; status: DeliveryStatus; last_error: string }[]
  >(
    `select recipient_id, iso_week, status, last_error from delivery_outbox
     where guild_id = ? and kind = 'channel'${isoWeek ? ' and iso_week = ?' : ''}
     order by id desc limit 1`,
    isoWeek ? [guildId, isoWeek] : [guildId],
  );
  const r = rows[0];
  if (!r || r.status !== 'failed') return null;
  return { channelId: r.recipient_id, isoWeek: r.iso_week, error: r.last_error ?? 'unknown error' };
}

/** Messages still to send across every guild and week (pending, sending): the outbox depth operators watch. */
export async function outboxDepth(em: Em): Promise<Pick<StatusCounts, 'pending' | 'sending'>> {
  const rows = await em.execute<{ status: 'pending' | 'sending'; n: string | number }[]>(
    "select status, count(*) as n from delivery_outbox where status in ('pending', 'sending') group by status",
  );
  const out = { pending: 0, sending: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export interface DrainOptions {
  guildId: string;
  isoWeek: string;
  sender: Sender;
  logger: Logger;
  /** Requests in flight at once; @discordjs/rest queues them under Discord's global and per-route limits. */
  concurrency?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Called after each row is recorded (tests use it to kill a run mid-way). */
  onRecorded?: (m: ClaimedMessage, status: DeliveryStatus) => void;
  /** The time rows are claimed and recorded at (default: the real clock). */
  clock?: () => Date;
}

export interface DrainSummary {
  guildId: string;
  isoWeek: string;
  attempted: number;
  sent: number;
  undeliverable: number;
  failed: number;
  retried: number;
  durationMs: number;
  status: StatusCounts;
}

/** Sends every claimable row of one guild-week and records each answer. */
export async function drain(emRoot: Em, o: DrainOptions): Promise<DrainSummary> {
  const started = performance.now();
  const concurrency = o.concurrency ?? 50;
  const leaseMs = o.leaseMs ?? 60_000;
  const maxAttempts = o.maxAttempts ?? 3;
  const clock = o.clock ?? (() => new Date());
  const s = { attempted: 0, sent: 0, undeliverable: 0, failed: 0, retried: 0 };
  const queue: ClaimedMessage[] = [];
  // Claimed here and not yet recorded. Idle workers claim again at once; on a slow database the first claim can take
  // longer than the lease, and without this they would take back (and send twice) rows still being sent here.
  const mine = new Set<number>();
  let exhausted = false;
  const recordSent = sentRecorder(emRoot);

  const refill = async () => {
    if (exhausted) return;
    const em = emRoot.fork();
    const batch = await claim(em, {
      now: clock(),
      guildId: o.guildId,
      isoWeek: o.isoWeek,
      limit: concurrency,
      leaseMs,
      maxAttempts,
      skipIds: [...mine],
    });
    if (batch.length === 0) exhausted = true;
    for (const m of batch) mine.add(m.id);
    queue.push(...batch);
  };

  let refilling: Promise<void> | null = null;
  const next = async (): Promise<ClaimedMessage | undefined> => {
    while (queue.length === 0 && !exhausted) {
      refilling ??= refill().finally(() => {
        refilling = null;
      });
      await refilling;
    }
    return queue.shift();
  };

  const worker = async () => {
    for (let m = await next(); m; m = await next()) {
      s.attempted++;
      const em = emRoot.fork();
      let status: DeliveryStatus;
      try {
        const { messageId, dmChannelId } = await o.sender.send(m);
        await recordSent(m.id, messageId, clock());
        if (m.kind === 'dm' && dmChannelId && dmChannelId !== m.dmChannelId) {
          await rememberDmChannel(em, m.recipientId, dmChannelId);
        }
        status = 'sent';
        s.sent++;
      } catch (err) {
        status = await markFailed(em, m, err, maxAttempts, clock());
        if (status === 'undeliverable') s.undeliverable++;
        else if (status === 'failed') s.failed++;
        else {
          s.retried++;
          exhausted = false; // it is claimable again
        }
        o.logger.debug({ err, outboxId: m.id, status }, 'delivery failed');
      }
      mine.delete(m.id);
      o.onRecorded?.(m, status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const summary: DrainSummary = {
    guildId: o.guildId,
    isoWeek: o.isoWeek,
    ...s,
    durationMs: Math.round(performance.now() - started),
    status: await countByStatus(emRoot.fork(), o.guildId, o.isoWeek),
  };
  return summary;
}
