// The outbox's Sender on Discord's REST API. Rate limits (global and per route, including 429 retry-after) are
// handled by @discordjs/rest's queues: this file only opens DM channels, posts messages and classifies errors.
import { DiscordAPIError, type REST } from '@discordjs/rest';
import { type APIChannel, type APIMessage, RESTJSONErrorCodes, Routes } from 'discord.js';
import { type ClaimedMessage, SendError, type Sender } from '../services/delivery-outbox-service.ts';
import type { WhereToWatch } from '../services/streaming-service.ts';
import type { CustomIds } from './custom-id.ts';
import { renderWeeklyMessage, type WeeklyMessageBody, weeklyDmFilms } from './weekly-render.ts';

export interface DiscordSenderOptions {
  /** The bot's own REST client (`client.rest`), so its rate-limit state is shared with everything else it sends. */
  rest: Pick<REST, 'post'>;
  /** Signs the feedback buttons the same way the bot's handler verifies them (used by the default renderer). */
  ids?: CustomIds;
  /** Turns an outbox row into a message body; by default the weekly renderers with `ids`. */
  render?: (m: ClaimedMessage, where?: WhereToWatch) => WeeklyMessageBody;
  /**
   * Where a weekly DM's picks stream for its recipient (their region and services, now), for the "📺 Stream on …"
   * lines; the weekly run warms these offers before delivering, so this is mostly a cache read. A failure only
   * leaves the lines out.
   */
  whereToWatch?: (userId: string, movieIds: readonly number[]) => Promise<WhereToWatch | undefined>;
  /** DM channel ids kept in memory (a DM channel id never changes for a user). */
  dmCacheSize?: number;
  /** Requests per second, evenly spaced (config `weekly.sendPerSecond`); unset: as fast as @discordjs/rest allows. */
  requestsPerSecond?: number;
}

/**
 * Spaces calls `1000 / perSecond` ms apart, with at most `burst` back to back after a pause (a late timer catches up
 * one slot, no more). Each call takes its slot at once, so concurrent callers never share one. Under Discord's
 * global 50 requests/s a sender paced at 47/s (burst 2) does not meet 429s: @discordjs/rest's own global limiter counts in
 * one-second windows that do not line up with Discord's, and each 429 it met paused every queued request for up to a
 * second (docs/benchmarks.md, "Weekly run").
 */
export function requestPacer(
  perSecond: number,
  o: { burst?: number; now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): () => Promise<void> {
  const interval = 1000 / perSecond;
  const burst = Math.max(1, o.burst ?? 2);
  const now = o.now ?? (() => performance.now());
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let next = Number.NEGATIVE_INFINITY;
  return async () => {
    const t = now();
    const slot = Math.max(next, t - (burst - 1) * interval);
    next = slot + interval;
    if (slot > t) await sleep(slot - t);
  };
}

const UNDELIVERABLE = new Set<number | string>([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
]);

function isApiError(err: unknown): err is { code: number | string; status: number; message: string } {
  return (
    err instanceof Error &&
    err.name.startsWith('DiscordAPIError') &&
    typeof (err as { status?: unknown }).status === 'number' &&
    'code' in err
  );
}

/** Maps a REST failure to how the outbox records it. */
export function classifySendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  // By shape, not only instanceof: discord.js loads @discordjs/rest as CommonJS while this module imports the ESM
  // build, so the client's errors are instances of a different DiscordAPIError class (the dual-package hazard).
  if (err instanceof DiscordAPIError || isApiError(err)) {
    if (UNDELIVERABLE.has(err.code)) return new SendError('undeliverable', err.message, err.code);
    // 4xx other than 429 (which @discordjs/rest waits out itself) will not get better by retrying.
    if (err.status >= 400 && err.status < 500 && err.status !== 429) {
      return new SendError('permanent', err.message, err.code);
    }
    return new SendError('transient', err.message, err.code);
  }
  return new SendError('transient', err instanceof Error ? err.message : String(err));
}

export function createDiscordSender(o: DiscordSenderOptions): Sender & { dmChannelsOpened(): number } {
  const ids = o.ids;
  const render =
    o.render ??
    (ids
      ? (m: ClaimedMessage, where?: WhereToWatch) => renderWeeklyMessage(m, ids, where)
      : () => {
          throw new Error('createDiscordSender needs ids (or a render function)');
        });
  const cacheSize = o.dmCacheSize ?? 50_000;
  const dmChannels = new Map<string, string>();
  let opened = 0;
  const pace = o.requestsPerSecond ? requestPacer(o.requestsPerSecond) : async () => {};

  async function openDmChannel(userId: string): Promise<string> {
    await pace();
    const channel = (await o.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    opened++;
    if (dmChannels.size >= cacheSize) dmChannels.delete(dmChannels.keys().next().value as string);
    dmChannels.set(userId, channel.id);
    return channel.id;
  }

  async function whereFor(m: ClaimedMessage): Promise<WhereToWatch | undefined> {
    const films = o.whereToWatch ? weeklyDmFilms(m) : null;
    if (!films || !o.whereToWatch) return undefined;
    return o.whereToWatch(films.userId, films.movieIds).catch(() => undefined);
  }

  async function post(channelId: string, m: ClaimedMessage, where: WhereToWatch | undefined): Promise<string> {
    // enforce_nonce: a resend after a crash returns the message Discord already made instead of a second one.
    const body = { ...render(m, where), nonce: m.nonce, enforce_nonce: true };
    await pace();
    const message = (await o.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
    return message.id;
  }

  return {
    dmChannelsOpened: () => opened,
    async send(m) {
      try {
        if (m.kind !== 'dm') return { messageId: await post(m.recipientId, m, undefined) };
        const where = await whereFor(m);
        const known = m.dmChannelId ?? dmChannels.get(m.recipientId);
        if (known) {
          try {
            return { messageId: await post(known, m, where), dmChannelId: known };
          } catch (err) {
            // A recorded DM channel that no longer exists (resources/channel.mdx: Unknown Channel): open it again.
            if (!(isApiError(err) && err.code === RESTJSONErrorCodes.UnknownChannel)) throw err;
            dmChannels.delete(m.recipientId);
          }
        }
        const channelId = await openDmChannel(m.recipientId);
        return { messageId: await post(channelId, m, where), dmChannelId: channelId };
      } catch (err) {
        throw classifySendError(err);
      }
    },
  };
}
